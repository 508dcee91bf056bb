"""The reforecast ("landing") on small hand-made plans: actuals for the closed months of the
current fiscal year plus the current plan for the months left, against the target, the
budget and a baseline's landing, and the words that say so."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from planner import Currency, Metric, Plan
from planner.analysis import Analysis, Filter, Landing, describe, progress, reforecast
from planner.analysis.reforecast import MetricLanding, definition, target_words

TODAY = dt.date(2026, 5, 15)  # April 2026 is the last closed month
USD = Currency("USD")


@pytest.fixture
def plan() -> Plan:
    """2026 in months. Webinars plans 100 revenue won a month and won 90, 120 and 0 in Jan to
    Mar, nothing entered for Apr; Outbound plans 50 a month and won 60 in Jan; Trade show,
    dropped, planned 30 a month and won 25 in Jan. Targets 1,500, 700 and 400 (dropped);
    budgets 600, 300 and 200 (dropped); Webinars plans 50 spend a month and spent 40 in Jan
    to Apr."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    webinars = plan.initiatives.add(
        name="Webinars",
        channel_id=plan.channels.named("Webinar").id,
        budget=600,
        revenue_target=1_500,
    ).id
    outbound = plan.initiatives.add(
        name="Outbound",
        channel_id=plan.channels.named("Outbound").id,
        budget=300,
        revenue_target=700,
    ).id
    dropped = plan.initiatives.add(
        name="Trade show", status="dropped", budget=200, revenue_target=400
    ).id
    for number in range(1, 13):
        month = f"2026-{number:02d}"
        plan.values.set(webinars, month, "revenue_won", planned=100)
        plan.values.set(webinars, month, "spend", planned=50)
        plan.values.set(outbound, month, "revenue_won", planned=50)
        plan.values.set(dropped, month, "revenue_won", planned=30)
    for month, won in [("2026-01", 90), ("2026-02", 120), ("2026-03", 0)]:
        plan.values.set(webinars, month, "revenue_won", actual=won)
    for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
        plan.values.set(webinars, month, "spend", actual=40)
    plan.values.set(outbound, "2026-01", "revenue_won", actual=60)
    plan.values.set(dropped, "2026-01", "revenue_won", actual=25)
    return plan


def at(plan: Plan, today: dt.date = TODAY) -> Analysis:
    return Analysis.in_sql(plan, today=today)


def initiative(plan: Plan, name: str) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name == name)


def revenue(plan: Plan, today: dt.date = TODAY, where: Filter | None = None) -> MetricLanding:
    return reforecast(at(plan, today), where).revenue


# -- what lands ------------------------------------------------------------------------------


def test_closed_months_land_at_their_actuals(plan):
    assert revenue(plan).actual == 90 + 120 + 0 + 60 + 25


def test_a_closed_month_with_no_actual_entered_lands_at_its_plan(plan):
    # Webinars' April, and Outbound's February to April.
    assert revenue(plan).plan_standing_in == 100 + 3 * 50


def test_an_actual_entered_as_zero_lands_at_zero_not_at_plan(plan):
    plan.values.set(initiative(plan, "Outbound"), "2026-02", "revenue_won", actual=0)

    assert revenue(plan).plan_standing_in == 100 + 2 * 50


def test_the_months_left_land_at_the_current_plan(plan):
    assert revenue(plan).plan_ahead == 8 * (100 + 50)


def test_the_landing_adds_actuals_plan_standing_in_and_plan_ahead(plan):
    assert revenue(plan).landing == 295 + 250 + 1_200


def test_a_dropped_initiative_lands_at_its_actuals_alone(plan):
    only_dropped = Filter(statuses=("dropped",))

    landed = revenue(plan, where=only_dropped)

    assert (landed.actual, landed.plan_standing_in, landed.plan_ahead) == (25, 0, 0)


def test_an_actual_after_the_last_closed_month_is_not_counted_its_month_lands_at_plan(plan):
    before = revenue(plan).landing
    plan.values.set(initiative(plan, "Webinars"), "2026-06", "revenue_won", actual=500)

    assert revenue(plan).landing == before


def test_a_month_closing_before_its_actuals_are_in_leaves_the_landing_where_it_stood(plan):
    assert revenue(plan, dt.date(2026, 8, 1)).landing == revenue(plan).landing


def test_actuals_entered_for_a_month_once_closed_move_the_landing_by_their_miss(plan):
    plan.values.set(initiative(plan, "Webinars"), "2026-05", "revenue_won", actual=70)

    assert revenue(plan, dt.date(2026, 6, 1)).landing == revenue(plan).landing - 30


def test_before_any_month_closes_the_landing_is_the_years_plan(plan):
    landed = revenue(plan, dt.date(2025, 11, 20))

    assert landed.actual is None
    assert landed.landing == 12 * 150


def test_every_metric_lands_spend_too(plan):
    spend = reforecast(at(plan)).spend

    assert (spend.actual, spend.plan_standing_in, spend.plan_ahead) == (160, 0, 8 * 50)


def test_a_metric_nobody_entered_an_actual_for_lands_at_plan_with_no_actual():
    plan = Plan.in_memory(first_month="2026-01", months=12)
    webinars = plan.initiatives.add(name="Webinars").id
    plan.values.set(webinars, "2026-02", "mql", planned=40)

    mqls = reforecast(at(plan)).metrics[Metric.MQL]

    assert (mqls.actual, mqls.landing) == (None, 40)


# -- the year --------------------------------------------------------------------------------


def test_the_year_is_the_fiscal_year_progress_reports():
    plan = Plan.in_memory(first_month="2025-10", months=24, fiscal_year_start=4)
    webinars = plan.initiatives.add(name="Webinars").id
    plan.values.set(webinars, "2026-02", "revenue_won", planned=10, actual=8)
    analysis = at(plan)

    landing = reforecast(analysis)

    assert landing.fiscal_year == progress(analysis).fiscal_year == 2026
    assert landing.year_months == progress(analysis).year_months == (202510, 202603)
    assert landing.year_name == "FY2026"


def test_the_months_of_the_year_are_counted_closed_or_not(plan):
    landing = reforecast(at(plan))

    assert (landing.months_closed, landing.months_in_year) == (4, 12)


def test_a_horizon_within_the_year_is_not_beyond_it(plan):
    assert not reforecast(at(plan)).plan_beyond_year


def test_a_horizon_of_two_years_runs_beyond_the_year():
    plan = Plan.in_memory(first_month="2026-01", months=24)

    assert reforecast(at(plan)).plan_beyond_year


# -- against the target, the budget ----------------------------------------------------------


def test_revenue_lands_against_the_revenue_target_of_live_initiatives(plan):
    assert revenue(plan).target == 1_500 + 700


def test_the_gap_is_the_landing_minus_the_target(plan):
    assert revenue(plan).gap == 1_745 - 2_200


def test_spend_lands_against_the_budget_of_live_initiatives(plan):
    spend = reforecast(at(plan)).spend

    assert (spend.target, spend.gap) == (900, 560 - 900)


def test_metrics_without_a_target_have_no_gap(plan):
    mqls = reforecast(at(plan)).metrics[Metric.MQL]

    assert (mqls.target, mqls.gap) == (None, None)


def test_with_no_target_set_there_is_no_gap():
    plan = Plan.in_memory(first_month="2026-01", months=12)

    landed = reforecast(at(plan)).revenue

    assert (landed.target, landed.gap) == (0, None)


# -- the filter ------------------------------------------------------------------------------


def test_a_filter_lands_only_the_initiatives_it_keeps(plan):
    only_outbound = Filter(channel_ids=(plan.channels.named("Outbound").id,))

    landed = revenue(plan, where=only_outbound)

    assert (landed.actual, landed.plan_standing_in, landed.plan_ahead) == (60, 150, 400)
    assert landed.target == 700


def test_the_landing_sums_the_same_in_memory_as_in_sql(plan):
    webinars_only = Filter(channel_ids=(plan.channels.named("Webinar").id,))
    in_memory = Analysis.in_memory(plan, today=TODAY)
    try:
        for where in (None, webinars_only):
            assert reforecast(in_memory, where) == reforecast(at(plan), where)
    finally:
        in_memory.close()


# -- in words ---------------------------------------------------------------------------------


def landing_of(
    landed: int, target: int, *, spend: int = 0, budget: int = 0, year: int = 2026
) -> Landing:
    """A landing of ``landed`` (dollars) against ``target``, made by hand for the wording."""
    cents = 100

    def figure(metric: Metric, amount: int, goal: int | None) -> MetricLanding:
        return MetricLanding(metric, amount * cents, 0, 0, None if goal is None else goal * cents)

    metrics = {metric: figure(metric, 0, None) for metric in Metric}
    metrics[Metric.REVENUE_WON] = figure(Metric.REVENUE_WON, landed, target)
    metrics[Metric.SPEND] = figure(Metric.SPEND, spend, budget)
    first = year * 100 + 1
    return Landing(year, 1, (first, first + 11), (first, first + 11), first + 4, 5, 12, metrics)


def test_the_landing_is_said_with_its_gap_to_the_target_and_to_the_baseline():
    said = describe(landing_of(5_400_000, 6_200_000), USD, baseline=landing_of(5_700_000, 0))

    assert said == (
        "landing $5.4M, $800k short of the $6.2M target, $300k below the baseline's landing"
    )


def test_a_landing_above_the_target_and_the_baseline_is_said_ahead_and_above():
    said = describe(landing_of(6_500_000, 6_200_000), USD, baseline=landing_of(6_000_000, 0))

    assert said == (
        "landing $6.5M, $300k ahead of the $6.2M target, $500k above the baseline's landing"
    )


def test_a_landing_on_the_target_and_the_baseline_is_said_so():
    said = describe(landing_of(6_200_000, 6_200_000), USD, baseline=landing_of(6_200_000, 0))

    assert said == "landing $6.2M, on target, level with the baseline's landing"


def test_without_a_baseline_only_the_target_is_compared():
    assert describe(landing_of(5_400_000, 6_200_000), USD) == (
        "landing $5.4M, $800k short of the $6.2M target"
    )


def test_with_no_target_set_the_words_say_so():
    assert describe(landing_of(5_400_000, 0), USD) == "landing $5.4M, no revenue target set"


def test_spend_lands_under_or_over_the_budget():
    under = landing_of(0, 0, spend=700_000, budget=750_000)
    over = landing_of(0, 0, spend=800_000, budget=750_000)

    assert describe(under, USD, metric=Metric.SPEND) == (
        "spend landing $700k, $50k under the $750k budget"
    )
    assert target_words(over, USD, metric=Metric.SPEND) == "$50k over the $750k budget"


def test_whole_amounts_are_said_when_not_compact():
    said = describe(landing_of(5_412_300, 6_200_000), USD, compact=False)

    assert said == "landing $5,412,300, $787,700 short of the $6,200,000 target"


def test_a_gap_of_less_than_a_dollar_is_said_in_cents_not_as_nothing():
    landing = landing_of(0, 0)
    revenue = dataclasses.replace(landing.revenue, actual=6_199_999_60, target=6_200_000_00)
    landing.metrics[Metric.REVENUE_WON] = revenue

    assert target_words(landing, USD) == "$0.40 short of the $6.2M target"


def test_a_target_for_more_than_the_year_names_the_months_it_covers():
    plan = Plan.in_memory(first_month="2026-01", months=24)
    plan.initiatives.add(name="Webinars", revenue_target=1_000_000)

    said = describe(reforecast(at(plan)), USD)

    assert said == "landing $0, $10k short of the $10k target for Jan 2026 to Dec 2027"


def test_a_count_lands_as_a_number_with_no_target():
    landing = landing_of(0, 0)
    landing.metrics[Metric.MQL] = MetricLanding(Metric.MQL, 1_234, 0, 0, None)

    assert describe(landing, USD, metric=Metric.MQL) == "MQLs landing 1,234"


def test_a_baseline_is_another_plans_landing(plan):
    version = Plan.in_memory(first_month="2026-01", months=12)
    webinars = version.initiatives.add(name="Webinars", revenue_target=2_200).id
    version.values.set(webinars, "2026-12", "revenue_won", planned=1_845)

    said = describe(reforecast(at(plan)), USD, baseline=reforecast(at(version)))

    assert said.endswith("$1 below the baseline's landing")


def test_a_baseline_of_another_fiscal_year_is_not_compared():
    said = describe(landing_of(5_400_000, 0), USD, baseline=landing_of(5_000_000, 0, year=2025))

    assert said.endswith("the baseline's landing is for 2025: not compared")


def test_the_definition_names_the_year_and_its_last_closed_month(plan):
    words = definition(reforecast(at(plan)))

    assert words.startswith(
        "Actual revenue won for the closed months of 2026 (through Apr 2026), plus the "
        "current plan for the months left."
    )
    assert "A closed month with no actual entered counts its plan" in words


def test_before_any_month_closes_the_definition_says_it_is_the_plan(plan):
    words = definition(reforecast(at(plan, dt.date(2025, 11, 20))))

    assert words.startswith("The current plan of revenue won for 2026: no month of it is closed")
