"""How a move reads in the Edit menu ("Undo " and this)."""

from __future__ import annotations

from planner.timeline import describe_move


def test_a_span_within_a_year_names_the_year_once():
    assert (
        describe_move("Webinar series", 202604, 202606) == "move 'Webinar series' to Apr-Jun 2026"
    )


def test_a_one_month_span_names_the_month():
    assert describe_move("Trade show", 202609, 202609) == "move 'Trade show' to Sep 2026"


def test_a_span_across_years_names_both():
    assert describe_move("Winter push", 202611, 202702) == "move 'Winter push' to Nov 2026-Feb 2027"
