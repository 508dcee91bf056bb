"""The thin-funnel check names the first stage, from deals down, that the plan holds short of
what the revenue target needs at the initiative's most specific rates, says what to do, and
jumps to that stage's planned cells."""

from __future__ import annotations

import pytest

from planner import Plan
from planner.analysis import Analysis
from planner.analysis.rates import read_rates
from planner.analysis.waterfall import needs_by_initiative
from planner.checks import Finding, Severity, run_checks
from planner.checks.initiative_rules import FUNNEL_WALK
from planner.domain import Metric

WALK = FUNNEL_WALK  # deals, opportunities, SQLs, SALs, MQLs, leads


@pytest.fixture
def plan() -> Plan:
    """One initiative whose December plans exactly what its $120,000 target needs at every
    stage (the waterfall's needs), revenue included."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    demo = plan.initiatives.add(
        name="Demo days",
        channel_id=plan.channels.named("Event").id,
        revenue_target="120,000",
        start_month="2026-01",
        end_month="2026-12",
    ).id
    for metric, needed in needs(plan)[demo].items():
        if metric in WALK or metric is Metric.REVENUE_WON:
            plan.values.set(demo, "2026-12", metric, planned=needed)
    return plan


def needs(plan: Plan) -> dict[int, dict[Metric, int]]:
    analysis = Analysis.in_sql(plan)
    return needs_by_initiative(analysis, read_rates(plan))


def demo(plan: Plan) -> int:
    return plan.initiatives.list()[0].id


def thin(plan: Plan) -> list[Finding]:
    return [f for f in run_checks(Analysis.in_sql(plan)) if f.rule == "thin_funnel"]


def plan_less(plan: Plan, metric: Metric, by: int = 1) -> None:
    needed = needs(plan)[demo(plan)][metric]
    plan.values.set(demo(plan), "2026-12", metric, planned=needed - by)


def test_a_funnel_planned_as_the_target_needs_is_not_thin(plan):
    assert thin(plan) == []


@pytest.mark.parametrize("stage", WALK)
def test_the_one_stage_planned_short_is_named_and_jumped_to(plan, stage):
    plan_less(plan, stage)

    (finding,) = thin(plan)
    assert finding.severity is Severity.WARNING
    assert finding.field == stage.planned_column  # its planned cells, on the Targets page
    assert finding.initiative_id == demo(plan)


def test_the_first_short_stage_from_deals_down_is_the_one_named(plan):
    for stage in (Metric.MQL, Metric.SQL, Metric.LEADS):
        plan_less(plan, stage)

    (finding,) = thin(plan)
    needed = needs(plan)[demo(plan)][Metric.SQL]
    assert finding.field == "sql_plan"
    assert finding.message == (
        f"'Demo days' plans {needed - 1:,} SQLs, but its $120,000 target needs about "
        f"{needed:,} at its conversion rates (MQLs and leads too). Plan more SQLs in its "
        "months, or lower the target."
    )


def test_a_stage_not_planned_at_all_is_left_to_phasing(plan):
    plan.values.set(demo(plan), "2026-12", Metric.OPPORTUNITIES, planned=None)
    assert thin(plan) == []


def test_deals_short_while_revenue_is_not_phased_are_the_phasing_finding(plan):
    plan_less(plan, Metric.DEALS_WON)
    plan.values.set(demo(plan), "2026-12", Metric.REVENUE_WON, planned="60,000")

    rules = {f.rule for f in run_checks(Analysis.in_sql(plan))}
    assert "thin_funnel" not in rules and "target_not_phased" in rules


def test_a_short_stage_below_deals_is_named_while_revenue_is_not_phased(plan):
    plan.values.set(demo(plan), "2026-12", Metric.REVENUE_WON, planned="60,000")
    plan_less(plan, Metric.SAL)

    (finding,) = thin(plan)
    assert finding.field == "sal_plan"


def test_the_stage_is_judged_at_the_initiatives_own_rates(plan):
    plan_less(plan, Metric.MQL, by=0)  # exactly what the plan's rates need
    # Its own, lower MQL-to-SAL rate needs more MQLs than the plan holds.
    plan.initiatives.set_rates(demo(plan), mql_to_sal="10%")

    (finding,) = thin(plan)
    assert finding.field == "mql_plan"
    assert f"needs about {needs(plan)[demo(plan)][Metric.MQL]:,}" in finding.message
