"""The Dashboard's headline figures equal the core's roll-ups over the chosen months and
filter, and say so when there is nothing to show yet."""

from __future__ import annotations

import pytest
from dashboard_support import no_actuals_plan

from planner import Metric, Plan
from planner.analysis import Analysis, Dimension, Filter, headline, progress, reforecast
from planner.analysis.reforecast import definition, target_words
from planner.charts import chart_data
from planner.charts.options import ChartOptions
from planner.checks import run_checks
from planner.checks.findings import Severity
from ui.pages.dashboard.figures import NO_ACTUALS, findings_figure, headline_figures

YEAR = (202601, 202612)
Q2 = (202604, 202606)


@pytest.fixture
def plan(document) -> Plan:
    return document.plan


def figures(plan: Plan, months: tuple[int, int], where: Filter | None = None) -> dict:
    return {f.key: f for f in headline_figures(Analysis.in_sql(plan), months, where)}


def summed(plan, months, metric, where=None, *, actual=False, through=None) -> int:
    rows = Analysis.in_sql(plan).rollup(Dimension.MONTH, months=months, where=where)
    kept = [r for r in rows if through is None or r.key <= through]
    return sum((r.totals.actual[metric] or 0) if actual else r.totals.planned[metric] for r in kept)


def test_the_revenue_target_is_the_sum_of_the_live_initiatives_targets(plan):
    target = figures(plan, YEAR)["target"]

    assert target.amount == headline(Analysis.in_sql(plan)).revenue_target
    assert target.value == plan.currency.format_short(target.amount)
    assert target.note == "of live initiatives"


def test_beside_the_target_is_how_much_of_it_is_phased_into_months(plan):
    phased = figures(plan, YEAR)["phased"]

    assert phased.amount == headline(Analysis.in_sql(plan)).target_phased
    assert phased.note.startswith(
        f"{headline(Analysis.in_sql(plan)).phased_share:.0%} of the target"
    )


def test_a_quarter_leaves_the_revenue_target_whole(plan):
    assert figures(plan, Q2)["target"].amount == figures(plan, YEAR)["target"].amount


def test_won_to_date_runs_through_the_latest_actual(plan):
    through = Analysis.in_sql(plan).actuals_through()
    won = figures(plan, YEAR)["won"]

    assert through == 202604
    assert won.amount == summed(plan, YEAR, Metric.REVENUE_WON, actual=True, through=through)
    assert won.note.endswith("through Apr 2026")


def test_a_past_quarter_is_to_date_through_its_own_last_month(plan):
    won = figures(plan, (202601, 202603))["won"]

    assert won.note.endswith("through Mar 2026")


def test_attainment_is_won_over_planned_to_date(plan):
    through = Analysis.in_sql(plan).actuals_through()
    planned = summed(plan, YEAR, Metric.REVENUE_WON, through=through)
    actual = summed(plan, YEAR, Metric.REVENUE_WON, actual=True, through=through)

    attainment = figures(plan, YEAR)["attainment"]

    assert attainment.amount == pytest.approx(actual / planned)
    assert attainment.value == f"{actual / planned:.0%}"


def test_the_forecast_is_the_cores_run_rate_forecast(plan):
    forecast = figures(plan, Q2)["forecast"]

    assert (
        forecast.amount == progress(Analysis.in_sql(plan)).metrics[Metric.REVENUE_WON].forecast_year
    )
    assert forecast.caption == "Forecast 2026"


def test_the_landing_is_the_cores_reforecast_of_the_year(plan):
    landing = figures(plan, Q2)["landing"]

    assert landing.amount == reforecast(Analysis.in_sql(plan)).revenue.landing
    assert landing.value == plan.currency.format_short(landing.amount)
    assert landing.caption == "Landing 2026"


def test_the_landing_card_says_its_gap_to_the_target_in_words(plan):
    core = reforecast(Analysis.in_sql(plan))

    landing = figures(plan, YEAR)["landing"]

    assert landing.note.startswith(target_words(core, plan.currency))
    assert landing.tone == ("ahead" if core.revenue.gap >= 0 else "behind")


def test_the_landing_card_says_how_much_of_it_is_plan_for_closed_months_without_actuals(plan):
    standing_in = reforecast(Analysis.in_sql(plan)).revenue.plan_standing_in

    landing = figures(plan, YEAR)["landing"]

    assert standing_in  # the demo's actuals stop in April
    assert landing.note.endswith(
        f"{plan.currency.format_short(standing_in)} is plan where actuals are missing"
    )


def test_the_landing_card_carries_the_definition_of_the_landing(plan):
    landing = figures(plan, YEAR)["landing"]

    assert landing.definition.startswith(definition(reforecast(Analysis.in_sql(plan))))


def test_a_filter_narrows_the_landing_to_its_initiatives(plan):
    only_paid = Filter(channel_ids=(plan.channels.named("Paid").id,))

    paid = figures(plan, YEAR, only_paid)["landing"]

    assert paid.amount == reforecast(Analysis.in_sql(plan), only_paid).revenue.landing
    assert paid.amount < figures(plan, YEAR)["landing"].amount


def test_without_a_revenue_target_the_landing_card_says_none_is_set():
    landing = figures(Plan.in_memory(first_month="2026-01", months=12), YEAR)["landing"]

    assert landing.note == "no revenue target set"
    assert landing.tone == ""


def test_pipeline_to_date_is_the_pipeline_entered(plan):
    pipeline = figures(plan, YEAR)["pipeline"]

    assert pipeline.amount == summed(plan, YEAR, Metric.PIPELINE, actual=True)


def test_budget_used_is_spend_to_date_over_the_live_initiatives_budgets(plan):
    spent = summed(plan, YEAR, Metric.SPEND, actual=True)
    budget_total = headline(Analysis.in_sql(plan)).budget  # the core's: initiatives not dropped

    budget = figures(plan, YEAR)["budget"]

    assert budget.amount == pytest.approx(spent / budget_total)
    assert budget.note == (
        f"{plan.currency.format_short(spent)} spent of "
        f"{plan.currency.format_short(budget_total)} budget"
    )


def test_budget_used_agrees_with_the_budget_charts_title(plan):
    chart = chart_data(Analysis.in_sql(plan), "budget", ChartOptions(months=YEAR))
    budget = figures(plan, YEAR)["budget"]

    assert f"({budget.value})" in chart.headline


def test_a_filter_narrows_every_figure_to_its_initiatives(plan):
    only_paid = Filter(channel_ids=(plan.channels.named("Paid").id,))
    paid = figures(plan, YEAR, only_paid)

    assert paid["target"].amount == headline(Analysis.in_sql(plan), where=only_paid).revenue_target
    assert paid["won"].amount == summed(plan, YEAR, Metric.REVENUE_WON, only_paid, actual=True)
    assert paid["target"].amount < figures(plan, YEAR)["target"].amount
    assert (
        paid["forecast"].amount
        == progress(Analysis.in_sql(plan), where=only_paid)
        .metrics[Metric.REVENUE_WON]
        .forecast_year
    )


def test_a_plan_without_actuals_says_no_actuals_yet():
    shown = figures(no_actuals_plan(), YEAR)

    for key in ("won", "attainment", "pipeline"):
        assert shown[key].value == "—"
        assert shown[key].note.startswith(NO_ACTUALS)
    assert shown["budget"].note.startswith(NO_ACTUALS)
    assert shown["forecast"].note == "needs actuals this year"
    assert shown["phased"].amount == 12 * (12_000_000 + 24_000_000)


def test_months_after_the_latest_actual_say_none_are_in_yet(plan):
    won = figures(plan, (202607, 202609))["won"]

    assert won.value == "—"
    assert won.note == "no actuals in these months (latest: Apr 2026)"


def test_a_plan_with_no_initiatives_has_no_target_and_nothing_phased():
    shown = figures(Plan.in_memory(first_month="2026-01", months=12), YEAR)

    assert shown["target"].amount == 0
    assert shown["target"].note == "no revenue target set on initiatives yet"
    assert shown["phased"].note == "nothing planned by month yet"


def test_open_findings_count_errors_and_warnings_not_notes(plan):
    found = run_checks(Analysis.in_sql(plan))
    errors = sum(f.severity is Severity.ERROR for f in found)
    warnings = sum(f.severity is Severity.WARNING for f in found)

    card = findings_figure(found)

    assert card.amount == errors + warnings
    assert card.note.startswith(f"{errors} errors · {warnings} warnings")


def test_before_the_checks_report_the_findings_card_says_it_is_checking():
    assert findings_figure(None).note == "checking the plan"
    assert findings_figure([]).value == "0"
