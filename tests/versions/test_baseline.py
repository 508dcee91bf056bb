"""A version held open beside the plan: its figures over a filter, read once, and which of
the working plan's edits change it."""

from __future__ import annotations

from versioned_plans import BOARD, board_baseline, versioned_once

from planner import Action, Change, ChangeSet, Entity
from planner.analysis import Analysis, Dimension, Filter
from planner.analysis.reforecast import reforecast
from planner.domain import Metric
from planner.versions.baseline import (
    against_baseline,
    gone,
    renamed,
    to_reopen,
)
from planner.versions.opened import open_version

__all__ = ["board_baseline", "versioned_once"]  # fixtures (see versioned_plans)


def _planned_by_month(plan, where=None) -> dict[int, int]:
    rows = Analysis.in_sql(plan).rollup(Dimension.MONTH, where=where)
    return {int(row.key): row.totals.planned[Metric.REVENUE_WON] for row in rows}


def test_its_plan_by_month_is_the_versions(versioned_once, board_baseline):
    with open_version(versioned_once.plan, versioned_once.board) as board:
        expected = _planned_by_month(board)

    assert board_baseline.figures().planned_by_month[Metric.REVENUE_WON] == expected
    assert expected != _planned_by_month(versioned_once.plan)  # the plan moved on since


def test_a_filter_keeps_the_same_initiatives_in_the_version(versioned_once, board_baseline):
    owner = versioned_once.plan.initiatives.get(versioned_once.webinar).owner_id
    where = Filter(owner_ids=(owner,))
    with open_version(versioned_once.plan, versioned_once.board) as board:
        expected = _planned_by_month(board, where)

    figures = board_baseline.figures(where)

    assert figures.planned_by_month[Metric.REVENUE_WON] == expected
    assert figures.budget < board_baseline.figures().budget


def test_its_landing_is_the_reforecast_of_the_version(versioned_once, board_baseline):
    with open_version(versioned_once.plan, versioned_once.board) as board:
        expected = reforecast(Analysis.in_sql(board, today=board_baseline.analysis.today))

    assert board_baseline.figures().landing == expected


def test_what_is_read_for_a_filter_is_read_once(board_baseline):
    where = Filter(channel_ids=(1,))

    assert board_baseline.figures(where) is board_baseline.figures(where)


def test_it_is_named_as_the_version(board_baseline):
    assert (board_baseline.name, board_baseline.info.locked) == (BOARD, True)


def test_the_budget_and_target_against_it_are_worded_with_their_difference(
    versioned_once, board_baseline
):
    figures = board_baseline.figures()

    words = against_baseline(
        figures.budget + 500_000, figures.revenue_target, figures, versioned_once.plan.currency
    )

    assert words == (
        "budget $405k against $400k (+$5k), revenue target $4.5M against $4.5M (level)"
    )


def _changes(*changes: Change) -> ChangeSet:
    return ChangeSet(changes)


def test_a_deleted_version_is_gone():
    deleted = _changes(Change(Entity.VERSIONS, Action.DELETED, frozenset({3})))

    assert gone(deleted, 3) and not gone(deleted, 4)


def test_a_version_renamed_or_locked_is_not_opened_again():
    for fields in ({"name"}, {"locked"}):
        change = _changes(
            Change(Entity.VERSIONS, Action.UPDATED, frozenset({3}), frozenset(fields))
        )

        assert renamed(change, 3)
        assert not to_reopen(change, 3)


def test_a_scenarios_edits_saved_into_the_file_open_it_again():
    saved = _changes(Change(Entity.VERSIONS, Action.UPDATED, frozenset({3})))

    assert to_reopen(saved, 3)
    assert not to_reopen(saved, 4)
    assert not renamed(saved, 3)


def test_shared_records_and_actuals_open_it_again():
    for change in (
        Change(Entity.PEOPLE, Action.UPDATED, frozenset({1})),
        Change(Entity.SETTINGS, Action.UPDATED),
        Change(Entity.VALUES, Action.UPDATED, frozenset({1}), frozenset({"revenue_won_actual"})),
    ):
        assert to_reopen(_changes(change), 3), change


def test_the_working_plans_own_plan_leaves_it_as_it_is():
    for change in (
        Change(Entity.VALUES, Action.UPDATED, frozenset({1}), frozenset({"revenue_won_plan"})),
        Change(Entity.INITIATIVES, Action.UPDATED, frozenset({1}), frozenset({"budget"})),
        Change(Entity.VERSIONS, Action.ADDED, frozenset({9})),
    ):
        assert not to_reopen(_changes(change), 3), change
