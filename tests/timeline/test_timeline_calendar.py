"""The timeline's calendar: the plan's months, fiscal quarter and year bands, and the lines for
today and the last closed month."""

from __future__ import annotations

import datetime

from timeline_plans import TODAY, analysis_at, timeline_plan

from planner import Plan
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry
from planner.timeline import Band, build_timeline


def test_the_months_are_the_plans_horizon(plan):
    timeline = build_timeline(plan, today=TODAY)
    assert timeline.months == tuple(plan.horizon.months())


def test_quarter_bands_follow_a_fiscal_year_starting_in_april(tmp_path):
    made = timeline_plan(tmp_path, fiscal_year_start=4)
    with Plan.open(made.path) as plan:
        timeline = build_timeline(plan, today=TODAY)
    assert timeline.quarters == (
        Band("FY2026 Q4", 202601, 202603),
        Band("FY2027 Q1", 202604, 202606),
        Band("FY2027 Q2", 202607, 202609),
        Band("FY2027 Q3", 202610, 202612),
    )


def test_year_bands_are_fiscal_years_clipped_to_the_horizon(tmp_path):
    made = timeline_plan(tmp_path, fiscal_year_start=4)
    with Plan.open(made.path) as plan:
        timeline = build_timeline(plan, today=TODAY)
    assert timeline.years == (Band("FY2026", 202601, 202603), Band("FY2027", 202604, 202612))


def test_calendar_years_read_as_the_dashboard_reads_them(plan):
    timeline = build_timeline(plan, today=TODAY)
    assert [b.label for b in timeline.years] == ["2026"]
    assert [b.label for b in timeline.quarters] == ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]


def test_today_is_the_month_the_clock_is_in(plan):
    assert build_timeline(plan, today=TODAY).today == 202604


def test_today_outside_the_horizon_is_not_marked(plan):
    assert build_timeline(plan, today=datetime.date(2027, 2, 1)).today is None


def test_nothing_is_closed_before_any_actual(plan):
    assert build_timeline(plan, today=TODAY).closed_through is None


def test_the_last_closed_month_is_the_latest_closed_one_holding_actuals(plan, made):
    plan.values.set_many(
        [
            ValueEntry(made.webinar, "2026-02", Metric.LEADS, Kind.ACTUAL, 9),
            # Typed ahead: April is not closed on the 15th, so it does not count.
            ValueEntry(made.webinar, "2026-04", Metric.LEADS, Kind.ACTUAL, 9),
        ]
    )
    assert build_timeline(plan, analysis=analysis_at(plan)).closed_through == 202602
