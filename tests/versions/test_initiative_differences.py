"""One initiative against the reference: the comparison's own definition, as the app's
"vs baseline" column and the compare dialog word it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from versioned_plans import Versioned, versioned_plan

from planner.analysis import Analysis
from planner.versions.compare import (
    Difference,
    InitiativeFacts,
    budget_change,
    change_lines,
    compare,
    initiative_diff,
    initiative_facts,
)
from planner.versions.opened import open_version


@pytest.fixture(scope="module")
def versioned() -> Versioned:
    return versioned_plan()


@pytest.fixture(scope="module")
def against_board(versioned: Versioned) -> dict[int, object]:
    """Each initiative's difference from the baseline to the working plan, by id."""
    with open_version(versioned.plan, versioned.board) as board:
        comparison = compare(board, versioned.plan)
    return {diff.id: diff for diff in comparison.diffs[0]}


def test_a_re_budgeted_initiative_shows_its_budget_difference(versioned, against_board):
    diff = against_board[versioned.webinar]

    assert budget_change(diff, versioned.plan.currency) == "+$5k"


def test_an_added_initiative_is_new(versioned, against_board):
    assert budget_change(against_board[versioned.partner], versioned.plan.currency) == "new"


def test_an_initiative_marked_dropped_is_dropped(versioned, against_board):
    assert budget_change(against_board[versioned.trade_show], versioned.plan.currency) == (
        "dropped"
    )


def test_an_initiative_with_its_budget_unchanged_shows_a_dash(versioned, against_board):
    diff = against_board[versioned.outbound]

    assert diff.difference is Difference.CHANGED
    assert budget_change(diff, versioned.plan.currency) == "—"


def test_what_changed_names_the_target_and_the_move_in_months(versioned, against_board):
    lines = change_lines(against_board[versioned.outbound], versioned.plan.currency)

    assert lines == ["re-targeted $2.9M → $2.8M (-$100k)", "moved from Jan 2026 to Mar 2026"]


def test_what_changed_names_the_budget_and_the_planned_revenue(versioned, against_board):
    lines = change_lines(against_board[versioned.webinar], versioned.plan.currency)

    assert lines == ["re-budgeted $180k → $185k (+$5k)", "planned revenue won $1.4M → $1.5M"]


def test_a_start_moved_earlier_counts_every_month_back(versioned, against_board):
    facts = against_board[versioned.outbound].after
    earlier = _moved(facts, 202510)

    assert initiative_diff(facts, earlier).moved_by == -5


def test_a_start_moved_later_counts_every_month_on(versioned, against_board):
    before = against_board[versioned.outbound].before

    assert against_board[versioned.outbound].moved_by == 2
    assert initiative_diff(before, _moved(before, 202607)).moved_by == 6


def test_the_facts_of_some_initiatives_are_those_of_all(versioned):
    analysis = Analysis.in_sql(versioned.plan)
    every = initiative_facts(analysis)
    some = initiative_facts(analysis, {versioned.webinar, versioned.partner})

    assert some == {i: every[i] for i in (versioned.webinar, versioned.partner)}


def test_a_difference_rebuilt_from_the_facts_is_the_comparisons(versioned, against_board):
    with open_version(versioned.plan, versioned.board) as board:
        before = initiative_facts(Analysis.in_sql(board))
    now = initiative_facts(Analysis.in_sql(versioned.plan))

    rebuilt = {i: initiative_diff(before.get(i), now.get(i)) for i in before.keys() | now.keys()}

    assert rebuilt == against_board


def _moved(facts: InitiativeFacts, start: int) -> InitiativeFacts:
    return replace(facts, start_month=start)
