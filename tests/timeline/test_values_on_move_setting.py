"""The lead's once-made choice of what a move does to planned values, kept with the plan's
settings: shift by default, saved in the file, refused when it is not one of the choices, and a
hostile value in a file refused on open in one line."""

from __future__ import annotations

import sqlite3

import pytest

from planner import Entity, Plan, PlanContentError, ValidationError
from planner.domain import ValuesOnMove


def test_a_new_plan_has_no_choice_yet_and_shifts_values_on_a_move(plan):
    assert plan.settings.get().values_on_move is None
    assert plan.settings.get().move_values is ValuesOnMove.SHIFT


def test_a_first_choice_is_undone_back_to_none_chosen(plan):
    plan.settings.update(values_on_move=ValuesOnMove.SHIFT)
    plan.settings.update(values_on_move=None)
    assert plan.settings.get().values_on_move is None


def test_the_choice_is_saved_in_the_file(made):
    with Plan.open(made.path) as plan:
        plan.settings.update(values_on_move=ValuesOnMove.RESPREAD)
    with Plan.open(made.path) as again:
        assert again.settings.get().values_on_move is ValuesOnMove.RESPREAD


def test_choosing_is_one_change_of_the_settings(plan):
    change = plan.settings.update(values_on_move="respread")
    assert (change.entity, change.fields) == (Entity.SETTINGS, frozenset({"values_on_move"}))


def test_a_choice_not_offered_is_refused_naming_the_field(plan):
    with pytest.raises(ValidationError) as caught:
        plan.settings.update(values_on_move="sideways")
    assert str(caught.value) == "Values on a move: 'sideways' is not one of: shift, respread"
    assert plan.settings.get().values_on_move is None


def test_a_hostile_choice_in_the_file_is_refused_on_open_in_one_line(made):
    conn = sqlite3.connect(made.path)
    with conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE plan_settings SET values_on_move = 'sideways\n<b>x</b>'")
    conn.close()
    with pytest.raises(PlanContentError) as caught:
        Plan.open(made.path)
    error = caught.value
    assert (error.table, error.field) == ("plan_settings", "values_on_move")
    assert "\n" not in str(error)
    assert "values_on_move 'sideways\\n<b>x</b>' is not one of: 'shift', 'respread'" in str(error)
