"""What a bar carries: dates, status, owner, channel, best tier, findings, money, attainment to
date as the Dashboard counts it, and the dates of the baseline as a ghost."""

from __future__ import annotations

from timeline_plans import TODAY, analysis_at

from planner.analysis import to_date_by_initiative
from planner.domain import Metric, Status, Tier
from planner.services.values import Kind, ValueEntry
from planner.timeline import build_timeline
from planner.versions import Kind as VersionKind
from planner.versions.opened import open_version


def bar_of(timeline, initiative_id):
    return next(bar for bar in timeline.bars if bar.initiative_id == initiative_id)


def test_a_bar_carries_the_initiatives_own_fields(plan, made):
    bar = bar_of(build_timeline(plan, today=TODAY), made.webinar)
    assert (bar.name, bar.start_month, bar.end_month, bar.status) == (
        "Webinar series",
        202602,
        202604,
        Status.ACTIVE,
    )
    assert (bar.owner, bar.channel, bar.budget, bar.revenue_target) == (
        "Maya Marketer",
        "Webinar",
        300_000,
        5_000_000,
    )


def test_a_bar_without_owner_or_segment_says_none(plan, made):
    bar = bar_of(build_timeline(plan, today=TODAY), made.launch)
    assert (bar.owner, bar.tier) == (None, None)


def test_a_bar_aimed_at_edge_and_core_is_core(plan, made):
    assert bar_of(build_timeline(plan, today=TODAY), made.webinar).tier is Tier.CORE


def test_a_bar_names_the_findings_about_its_initiative(plan, made):
    findings = bar_of(build_timeline(plan, today=TODAY), made.launch).findings
    assert "No owner" in findings


def test_findings_given_by_the_caller_are_used_as_they_are(plan, made):
    timeline = build_timeline(plan, today=TODAY, findings=[])
    assert all(bar.findings == () for bar in timeline.bars)


def test_attainment_is_revenue_won_to_date_over_planned_to_date(plan, made):
    plan.values.set_many(
        [
            ValueEntry(made.webinar, "2026-02", Metric.REVENUE_WON, Kind.PLANNED, 400_000),
            ValueEntry(made.webinar, "2026-03", Metric.REVENUE_WON, Kind.PLANNED, 600_000),
            ValueEntry(made.webinar, "2026-02", Metric.REVENUE_WON, Kind.ACTUAL, 500_000),
        ]
    )
    analysis = analysis_at(plan)
    bar = bar_of(build_timeline(plan, analysis=analysis), made.webinar)
    assert bar.attainment == 500_000 / 400_000
    totals = to_date_by_initiative(analysis)[made.webinar]
    assert bar.attainment == totals.attainment(Metric.REVENUE_WON)


def test_attainment_is_none_before_any_actual(plan, made):
    assert bar_of(build_timeline(plan, today=TODAY), made.webinar).attainment is None


def test_ghost_bars_show_the_dates_in_the_baseline(plan, made):
    board = plan.versions.save("Board-approved").id
    plan.initiatives.update(made.show, start_month="2026-08", end_month="2026-09")
    with open_version(plan, board) as baseline:
        timeline = build_timeline(plan, baseline=baseline, today=TODAY)
    bar = bar_of(timeline, made.show)
    assert (bar.baseline_start, bar.baseline_end) == (202606, 202606)
    assert timeline.baseline_name == "Board-approved"


def test_an_initiative_not_in_the_baseline_has_no_ghost(plan, made):
    board = plan.versions.save("Board-approved").id
    added = plan.initiatives.add(name="Added since").id
    with open_version(plan, board) as baseline:
        bar = bar_of(build_timeline(plan, baseline=baseline, today=TODAY), added)
    assert (bar.baseline_start, bar.baseline_end) == (None, None)


def test_without_a_baseline_no_bar_has_a_ghost(plan):
    timeline = build_timeline(plan, today=TODAY)
    assert timeline.baseline_name is None
    assert all(bar.baseline_start is None for bar in timeline.bars)


def test_a_version_opened_is_built_like_the_working_plan(plan, made):
    scenario = plan.versions.save("Later show", kind=VersionKind.SCENARIO).id
    with open_version(plan, scenario) as version:
        version.initiatives.update(made.show, start_month="2026-10", end_month="2026-10")
        bar = bar_of(build_timeline(version, analysis=analysis_at(version)), made.show)
    assert (bar.start_month, bar.end_month) == (202610, 202610)
