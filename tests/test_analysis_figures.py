"""Progress, forecast, funnel, strike zone and hand-off figures on small hand-made plans."""

from __future__ import annotations

import pytest

from planner import Metric, Plan
from planner.analysis import (
    Analysis,
    conversions,
    handoff_by_month,
    headline,
    progress,
    reverse_funnel,
    strike_zone,
)


@pytest.fixture
def plan() -> Plan:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    owner = plan.people.add(name="Mia", team="Marketing").id
    core = plan.segments.add(name="Core co", tier="core").id
    edge = plan.segments.add(name="Edge co", tier="edge").id
    plan.segments.add(name="Nobody aims here", tier="core")
    webinar = plan.initiatives.add(
        name="Webinars",
        channel_id=plan.channels.named("Webinar").id,
        budget=1_001,
        revenue_target=9_000,
        segment_ids=[core, edge],
        owner_id=owner,
    ).id
    for number in range(1, 13):
        month = f"2026-{number:02d}"
        in_yet = number <= 3
        plan.values.set(webinar, month, "revenue_won", planned=100, actual=90 if in_yet else None)
        plan.values.set(webinar, month, "mql", planned=10, actual=12 if in_yet else None)
        plan.values.set(webinar, month, "sal", planned=5, actual=6 if in_yet else None)
    return plan


def test_actuals_run_through_the_latest_month_with_any_actual(plan):
    assert progress(Analysis.in_sql(plan)).actuals_through == 202603


def test_attainment_to_date_compares_actual_with_plan_through_the_latest_actuals(plan):
    revenue = progress(Analysis.in_sql(plan)).metrics[Metric.REVENUE_WON]
    assert (revenue.planned_to_date, revenue.actual_to_date) == (300, 270)
    assert revenue.attainment_to_date == pytest.approx(0.9)


def test_the_run_rate_forecast_extends_the_average_month_to_year_end(plan):
    revenue = progress(Analysis.in_sql(plan)).metrics[Metric.REVENUE_WON]
    assert revenue.forecast_year == 270 + 90 * 9
    assert revenue.forecast_attainment == pytest.approx(1080 / 1200)


def test_a_plan_without_actuals_has_no_attainment_or_forecast():
    plan = Plan.in_memory()
    figures = progress(Analysis.in_sql(plan))
    assert figures.actuals_through is None
    assert figures.metrics[Metric.REVENUE_WON].forecast_year is None
    assert figures.metrics[Metric.REVENUE_WON].attainment_to_date is None


def test_the_year_is_the_fiscal_year_of_the_latest_actuals():
    plan = Plan.in_memory(first_month="2026-01", months=24, fiscal_year_start=4)
    initiative = plan.initiatives.add(name="Paid", channel_id=plan.channels.named("Paid").id).id
    plan.values.set(initiative, "2026-05", "leads", planned=10, actual=8)
    figures = progress(Analysis.in_sql(plan))
    assert figures.fiscal_year == 2027  # April 2026 to March 2027 is FY2027
    assert figures.year_months == (202604, 202703)
    assert figures.months_elapsed == 2


def test_conversions_compare_planned_and_actual_stage_rates(plan):
    steps = {
        (c.from_stage, c.to_stage): c
        for c in conversions(Analysis.in_sql(plan).total(), plan.funnel.get())
    }
    mql_to_sal = steps[(Metric.MQL, Metric.SAL)]
    assert mql_to_sal.planned == pytest.approx(0.5)
    assert mql_to_sal.actual == pytest.approx(18 / 36)
    assert mql_to_sal.assumed == pytest.approx(0.5)
    assert steps[(Metric.LEADS, Metric.MQL)].planned is None  # no leads planned: no rate


def test_the_reverse_funnel_turns_a_target_into_the_leads_it_needs():
    plan = Plan.in_memory()
    plan.funnel.update(average_deal_size="10,000")
    needed = reverse_funnel(100_000_00, plan.funnel.get())  # $100,000
    assert needed[Metric.DEALS_WON] == 10
    assert needed[Metric.OPPORTUNITIES] == 20  # 50 % win rate
    assert needed[Metric.SQL] == 40
    assert needed[Metric.SAL] == 67  # 40 / 0.6, rounded up
    assert needed[Metric.MQL] == 134
    assert needed[Metric.LEADS] == 894  # 134 / 0.15, rounded up
    assert needed[Metric.PIPELINE] == 20 * 10_000_00


def test_budget_and_target_shares_in_the_zone_split_multi_segment_initiatives_exactly(plan):
    zone = strike_zone(Analysis.in_sql(plan))
    assert zone.total_budget == 1_001
    assert zone.budget_by_tier[next(iter(zone.budget_by_tier))] == 501  # core gets the odd cent
    assert zone.budget_share_in_zone == pytest.approx(501 / 1001)
    assert zone.target_share_in_zone == pytest.approx(0.5)


def test_segments_nothing_aims_at_are_listed(plan):
    assert [s.name for s in strike_zone(Analysis.in_sql(plan)).uncovered] == ["Nobody aims here"]


def test_dropped_initiatives_do_not_count_in_the_strike_zone(plan):
    webinar = plan.initiatives.list()[0].id
    plan.initiatives.update(webinar, status="dropped")
    assert strike_zone(Analysis.in_sql(plan)).total_budget == 0
    assert len(strike_zone(Analysis.in_sql(plan)).uncovered) == 3


def test_the_handoff_is_judged_month_by_month_through_the_latest_actuals(plan):
    plan.handoff.update(mqls_per_month=11, acceptance_rate="50%", followup_hours=24)
    plan.handoff.set_followup_hours("2026-02", 30)
    months = handoff_by_month(Analysis.in_sql(plan))
    assert [m.month for m in months] == [202601, 202602, 202603]
    assert all(m.mqls_met for m in months)
    assert all(m.acceptance_met for m in months)  # 6 of 12 accepted = 50 %
    assert months[1].followup_met is False
    assert [m.met for m in months] == [True, False, True]


def test_headline_counts_budget_and_target_of_live_initiatives(plan):
    plan.initiatives.add(
        name="Dropped idea",
        channel_id=plan.channels.named("Other").id,
        status="dropped",
        budget=5_000,
    )
    figures = headline(Analysis.in_sql(plan))
    assert figures.initiatives == 2
    assert figures.budget == 1_001
    assert figures.revenue_target == 9_000


def test_before_any_spend_is_entered_nothing_is_spent_and_none_of_the_budget_used(plan):
    figures = headline(Analysis.in_sql(plan))
    assert figures.progress.metrics[Metric.SPEND].actual_to_date is None
    assert figures.spend_to_date == 0
    assert figures.budget_used == 0.0


def test_budget_used_is_spend_to_date_over_the_budget(plan):
    webinar = plan.initiatives.list()[0].id
    plan.values.set(webinar, "2026-02", "spend", actual=250)
    figures = headline(Analysis.in_sql(plan))
    assert figures.spend_to_date == 250
    assert figures.budget_used == 250 / 1_001


def test_without_a_budget_no_share_of_it_is_used():
    figures = headline(Analysis.in_sql(Plan.in_memory(first_month="2026-01", months=12)))
    assert figures.spend_to_date == 0
    assert figures.budget_used is None
