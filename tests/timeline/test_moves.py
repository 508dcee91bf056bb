"""Moving an initiative on the timeline: its dates and planned values in one edit, each refusal
leaving the plan as it was, on a scenario written back and on a locked baseline refused, and
undone exactly."""

from __future__ import annotations

import pytest
from timeline_plans import LEADS, SPEND, analysis_at, held, planned

from planner import Entity, Plan, ReadOnlyPlanError, ValidationError
from planner.domain import Metric, ValuesOnMove
from planner.services.values import Kind, ValueEntry
from planner.validation import MAX_NUMBER
from planner.versions import Kind as VersionKind
from planner.versions.opened import open_version

SHIFT, RESPREAD = ValuesOnMove.SHIFT, ValuesOnMove.RESPREAD


def move(plan, initiative_id, start, end, values=None):
    return plan.timeline.move(initiative_id, start, end, values, analysis=analysis_at(plan))


def dates(plan, initiative_id):
    initiative = plan.initiatives.get(initiative_id)
    return initiative.start_month, initiative.end_month


def actual(plan, initiative_id, month):
    plan.values.set_many([ValueEntry(initiative_id, month, Metric.LEADS, Kind.ACTUAL, 7)])


def refused(plan, initiative_id, start, end, values=None) -> ValidationError:
    before = held(plan)
    with pytest.raises(ValidationError) as caught:
        move(plan, initiative_id, start, end, values)
    assert held(plan) == before
    return caught.value


# -- what happens to the values ----------------------------------------------------------------


def test_a_move_gives_the_initiative_its_new_dates(plan, made):
    move(plan, made.webinar, "2026-05", "2026-07", SHIFT)
    assert dates(plan, made.webinar) == (202605, 202607)


def test_a_shifting_move_takes_the_planned_values_along(plan, made):
    move(plan, made.webinar, 202605, 202607, SHIFT)
    assert planned(plan, made.webinar, Metric.SPEND) == {
        202605: SPEND,
        202606: SPEND,
        202607: SPEND,
    }


def test_an_earlier_end_folds_the_months_cut_off_into_the_new_last_month(plan, made):
    move(plan, made.webinar, 202602, 202603, SHIFT)
    assert planned(plan, made.webinar, Metric.LEADS) == {202602: LEADS, 202603: 2 * LEADS}


def test_a_later_start_folds_the_months_cut_off_into_the_new_first_month(plan, made):
    move(plan, made.webinar, 202604, 202604, SHIFT)
    assert planned(plan, made.webinar, Metric.SPEND) == {202604: 3 * SPEND}


def test_a_longer_span_leaves_shifted_values_where_they_were(plan, made):
    move(plan, made.webinar, 202602, 202606, SHIFT)
    assert planned(plan, made.webinar, Metric.SPEND) == {
        202602: SPEND,
        202603: SPEND,
        202604: SPEND,
    }


def test_a_respread_spreads_each_total_evenly_to_the_unit(plan, made):
    move(plan, made.webinar, 202602, 202608, RESPREAD)
    leads = planned(plan, made.webinar, Metric.LEADS)
    assert list(leads.values()) == [5, 5, 4, 4, 4, 4, 4]  # 30 over 7 months


def test_a_respread_keeps_each_total_exactly(plan, made):
    move(plan, made.webinar, 202602, 202608, RESPREAD)
    assert sum(planned(plan, made.webinar, Metric.SPEND).values()) == 3 * SPEND


def test_a_respread_leaves_a_metric_nothing_was_planned_for_not_entered(plan, made):
    move(plan, made.webinar, 202602, 202608, RESPREAD)
    assert planned(plan, made.webinar, Metric.MQL) == {}


def test_a_move_with_no_choice_follows_the_plans_setting(plan, made):
    plan.settings.update(values_on_move=RESPREAD)
    move(plan, made.webinar, 202601, 202606)
    assert planned(plan, made.webinar, Metric.SPEND) == {
        m: SPEND // 2 for m in range(202601, 202607)
    }


def test_a_respread_keeps_what_closed_months_plan(plan, made):
    actual(plan, made.podcast, "2026-02")  # February is closed
    move(plan, made.webinar, 202602, 202606, RESPREAD)
    assert planned(plan, made.webinar, Metric.SPEND) == {
        202602: SPEND,
        **{month: SPEND // 2 for month in (202603, 202604, 202605, 202606)},
    }


def test_values_planned_outside_the_old_dates_end_inside_the_new_ones(plan, made):
    plan.values.set(made.webinar, "2026-06", Metric.MQL, planned=5)  # after its end (Apr)
    move(plan, made.webinar, 202605, 202607, SHIFT)  # three months on: June's goes to July
    assert planned(plan, made.webinar, Metric.MQL) == {202607: 5}


def test_a_move_is_one_change_set_of_the_dates_and_the_values(plan, made):
    heard = []
    plan.subscribe(heard.append)
    change = move(plan, made.webinar, 202605, 202607, SHIFT)
    assert len(heard) == 1
    assert [c.entity for c in heard[0].changes] == [Entity.INITIATIVES, Entity.VALUES]
    assert change.id == made.webinar


# -- refusals ---------------------------------------------------------------------------------


def test_a_start_before_the_horizon_is_refused(plan, made):
    error = refused(plan, made.webinar, "2025-12", "2026-02")
    assert (error.field, error.rule) == ("start_month", "outside_horizon")


def test_an_end_after_the_horizon_is_refused(plan, made):
    error = refused(plan, made.webinar, "2026-11", "2027-01")
    assert (error.field, error.rule) == ("end_month", "outside_horizon")


def test_an_end_before_the_start_is_refused(plan, made):
    error = refused(plan, made.webinar, "2026-05", "2026-04")
    assert (error.field, error.rule) == ("end_month", "end_before_start")
    assert str(error) == "End: the end (Apr 2026) is before the start (May 2026)"


def test_a_start_after_a_month_holding_actuals_is_refused(plan, made):
    actual(plan, made.webinar, "2026-03")
    error = refused(plan, made.webinar, "2026-04", "2026-06")
    assert (error.field, error.rule) == ("start_month", "actuals_outside")
    assert "'Webinar series' has actuals in Mar 2026" in str(error)


def test_an_end_before_a_month_holding_actuals_is_refused(plan, made):
    actual(plan, made.webinar, "2026-03")
    error = refused(plan, made.webinar, "2026-02", "2026-02")
    assert (error.field, error.rule) == ("end_month", "actuals_outside")


def test_shifting_planned_values_out_of_a_closed_month_is_refused(plan, made):
    actual(plan, made.podcast, "2026-02")  # February is closed, and the webinar plans in it
    error = refused(plan, made.webinar, "2026-03", "2026-05", SHIFT)
    assert (error.field, error.rule) == ("start_month", "closed_months")
    assert "out of Feb 2026, a closed month" in str(error)


def test_folding_planned_values_into_a_closed_month_is_refused(plan, made):
    actual(plan, made.podcast, "2026-03")  # February and March are closed
    error = refused(plan, made.webinar, "2026-02", "2026-03", SHIFT)
    assert (error.field, error.rule) == ("end_month", "closed_months")
    assert "into Mar 2026" in str(error)


def test_a_respread_over_closed_months_only_is_refused(plan, made):
    actual(plan, made.podcast, "2026-03")
    error = refused(plan, made.webinar, "2026-02", "2026-03", RESPREAD)
    assert error.rule == "closed_months"


def test_folding_beyond_what_a_month_holds_is_refused(plan, made):
    for month in ("2026-02", "2026-03"):
        plan.values.set(made.podcast, month, Metric.LEADS, planned=MAX_NUMBER)
    error = refused(plan, made.podcast, "2026-02", "2026-02", SHIFT)
    assert (error.field, error.rule) == ("planned leads", "too_large")


def test_a_move_of_an_unknown_initiative_is_refused(plan):
    error = refused(plan, 999, "2026-02", "2026-03")
    assert (error.field, error.rule) == ("initiative", "unknown")


# -- versions and undo ------------------------------------------------------------------------


def test_a_move_on_a_scenario_is_written_back_to_the_file(plan, made):
    scenario = plan.versions.save("Later webinars", kind=VersionKind.SCENARIO).id
    with open_version(plan, scenario) as version:
        move(version, made.webinar, 202605, 202607, SHIFT)
    with open_version(plan, scenario) as again:
        assert dates(again, made.webinar) == (202605, 202607)
        assert set(planned(again, made.webinar, Metric.SPEND)) == {202605, 202606, 202607}
    assert dates(plan, made.webinar) == (202602, 202604)


def test_a_move_on_a_locked_baseline_is_refused(plan, made):
    board = plan.versions.save("Board-approved").id
    with open_version(plan, board) as baseline:
        before = held(baseline)
        with pytest.raises(ReadOnlyPlanError):
            move(baseline, made.webinar, 202605, 202607, SHIFT)
        assert held(baseline) == before


def test_restoring_the_placement_undoes_a_move_exactly(plan, made):
    before = held(plan)
    placement = plan.timeline.placement(made.webinar)
    move(plan, made.webinar, 202603, 202603, SHIFT)  # folds both ends into March
    plan.timeline.restore(placement)
    assert held(plan) == before


def test_restoring_undoes_a_respread_exactly(plan, made):
    before = held(plan)
    placement = plan.timeline.placement(made.webinar)
    move(plan, made.webinar, 202601, 202612, RESPREAD)
    plan.timeline.restore(placement)
    assert held(plan) == before


def test_a_move_is_saved_in_the_file(made):
    with Plan.open(made.path) as plan:
        move(plan, made.webinar, 202605, 202607, SHIFT)
    with Plan.open(made.path) as again:
        assert set(planned(again, made.webinar, Metric.SPEND)) == {202605, 202606, 202607}
