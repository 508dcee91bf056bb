"""The headline figures as a marketing lead reads them (issue 16): the revenue target is every
live initiative's target and how much of it is phased is a figure of its own; nothing entered
is "no data", never a miss or a zero; actuals dated after the last closed month are flagged
and not counted to date or in the forecast. The landing (the reforecast) is actuals for the
closed months plus plan for the rest, against that same target, on every surface."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import Metric, Plan
from planner.analysis import (
    Analysis,
    Filter,
    handoff_by_month,
    headline,
    progress,
    reforecast,
    strike_zone,
)
from planner.analysis.periods import last_closed_month
from planner.charts import ChartOptions, chart_data
from planner.checks import run_checks
from planner.cli.summary import summary_data, summary_text
from ui.pages.dashboard.figures import headline_figures

TODAY = dt.date(2026, 5, 15)  # April 2026 is the last closed month


@pytest.fixture
def plan() -> Plan:
    """Issue 16's plan in small: targets of 830 (520 core, 310 edge), 125 of it phased into
    Jan to Apr, no spend planned, revenue won in Jan to Mar, MQLs but no SALs, a hand-off of
    50 MQLs a month at 50% acceptance."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    owner = plan.people.add(name="Maya", team="Marketing").id
    core = plan.segments.add(name="Mid-market", tier="core").id
    edge = plan.segments.add(name="Enterprise", tier="edge").id
    webinar = plan.initiatives.add(
        name="Webinars", budget=176, revenue_target=520, segment_ids=[core], owner_id=owner
    ).id
    outbound = plan.initiatives.add(
        name="Outbound", budget=224, revenue_target=310, segment_ids=[edge], owner_id=owner
    ).id
    for month, core_part, edge_part in [
        ("2026-01", 23, 8),
        ("2026-02", 23, 8),
        ("2026-03", 23, 8),
        ("2026-04", 24, 8),
    ]:
        plan.values.set(webinar, month, "revenue_won", planned=core_part)
        plan.values.set(outbound, month, "revenue_won", planned=edge_part)
    for month, won in [("2026-01", 40), ("2026-02", 30), ("2026-03", 45)]:
        plan.values.set(webinar, month, "revenue_won", actual=won)
        plan.values.set(webinar, month, "mql", actual=60)
    plan.handoff.update(mqls_per_month=50, acceptance_rate="50%", followup_hours=24)
    return plan


def at(plan: Plan, today: dt.date = TODAY) -> Analysis:
    """The plan analysed on ``today`` (in SQL, as a command does)."""
    return Analysis.in_sql(plan, today=today)


def webinars(plan: Plan) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name == "Webinars")


def typed_ahead(plan: Plan) -> None:
    """Revenue won typed into June, a month still open on TODAY."""
    plan.values.set(webinars(plan), "2026-06", "revenue_won", actual=71)


# -- the revenue target and how much of it is phased ------------------------------------------


def test_the_revenue_target_is_every_live_initiatives_target_however_little_is_phased(plan):
    assert headline(at(plan)).revenue_target == 830


def test_how_much_of_the_target_is_phased_into_months_is_a_figure_of_its_own(plan):
    figures = headline(at(plan))

    assert figures.target_phased == 125
    assert figures.phased_share == pytest.approx(125 / 830)


def test_a_dropped_initiatives_planned_revenue_is_not_phased_target(plan):
    dropped = plan.initiatives.add(name="Dropped", status="dropped", revenue_target=1_000).id
    plan.values.set(dropped, "2026-05", "revenue_won", planned=900)

    assert headline(at(plan)).target_phased == 125


def test_a_filter_keeping_only_dropped_initiatives_has_nothing_phased(plan):
    only_dropped = Filter(statuses=("dropped",))

    assert headline(at(plan), where=only_dropped).target_phased == 0


# -- nothing entered is no data -----------------------------------------------------------------


def test_sals_nobody_entered_leave_the_acceptance_not_judged(plan):
    months = handoff_by_month(at(plan))

    assert [m.acceptance_actual for m in months] == [None, None, None]
    assert [m.acceptance_met for m in months] == [None, None, None]


def test_a_month_with_mqls_delivered_and_no_sals_entered_meets_the_agreement(plan):
    assert [m.met for m in handoff_by_month(at(plan))] == [True, True, True]


def test_sals_nobody_entered_are_not_reported_as_a_missed_hand_off(plan):
    rules = {finding.rule for finding in run_checks(at(plan))}

    assert "handoff_missed" not in rules


def test_sals_entered_as_zero_are_judged_and_missed(plan):
    plan.values.set(webinars(plan), "2026-02", "sal", actual=0)

    months = handoff_by_month(at(plan))

    assert months[1].acceptance_actual == 0
    assert months[1].met is False


def test_spend_nobody_entered_is_no_data_not_nothing_spent(plan):
    figures = headline(at(plan))

    assert figures.spend_to_date is None
    assert figures.budget_used is None


# -- actuals after the last closed month ------------------------------------------------------


def test_the_last_closed_month_is_the_month_before_todays():
    assert last_closed_month(dt.date(2026, 5, 1)) == 202604
    assert last_closed_month(dt.date(2027, 1, 31)) == 202612


def test_actuals_after_the_last_closed_month_are_not_counted_to_date(plan):
    typed_ahead(plan)

    figures = headline(at(plan))

    assert figures.progress.actuals_through == 202603
    assert figures.revenue.actual_to_date == 115


def test_actuals_after_the_last_closed_month_are_not_in_the_forecast(plan):
    typed_ahead(plan)

    revenue = progress(at(plan)).metrics[Metric.REVENUE_WON]

    assert revenue.actual_year == 115
    assert revenue.forecast_year == 115 + (115 * 9 * 2 + 3) // 6  # three months' run rate


def test_actuals_after_the_last_closed_month_are_listed(plan):
    typed_ahead(plan)

    assert headline(at(plan)).actuals_after_close == (202606,)


def test_actuals_after_the_last_closed_month_are_a_warning_on_their_initiative(plan):
    typed_ahead(plan)

    found = [f for f in run_checks(at(plan)) if f.rule == "actuals_after_close"]

    assert [(f.initiative, f.field) for f in found] == [("Webinars", "revenue_won")]
    assert "after the last closed month (Apr 2026)" in found[0].message


def test_actuals_in_closed_months_raise_no_such_warning(plan):
    rules = {finding.rule for finding in run_checks(at(plan))}

    assert "actuals_after_close" not in rules


def test_once_the_month_closes_its_actuals_count(plan):
    typed_ahead(plan)

    figures = headline(at(plan, dt.date(2026, 7, 1)))

    assert figures.progress.actuals_through == 202606
    assert figures.actuals_after_close == ()


def test_the_summary_says_which_actuals_are_not_counted(plan):
    typed_ahead(plan)

    assert "Not counted     actuals entered for Jun 2026" in summary_text(at(plan))
    assert summary_data(at(plan))["actuals_after_close"] == ["2026-06"]


# -- the strike zone -------------------------------------------------------------------------


def test_the_share_in_the_zone_is_the_core_tiers_part_of_budgets_and_targets(plan):
    zone = strike_zone(at(plan))

    assert zone.budget_share_in_zone == pytest.approx(176 / 400)
    assert zone.target_share_in_zone == pytest.approx(520 / 830)


def test_a_filter_narrows_the_strike_zone_to_its_initiatives(plan):
    zone = strike_zone(at(plan), Filter(tiers=("edge",)))

    assert (zone.total_budget, zone.total_target) == (224, 310)
    assert zone.budget_share_in_zone == 0


def test_the_strike_zone_charts_segment_revenue_leaves_out_actuals_not_counted(plan):
    typed_ahead(plan)

    segments = chart_data(at(plan), "strike-zone", ChartOptions()).segments

    assert {row.name: row.actual for row in segments} == {"Mid-market": 115, "Enterprise": None}


def test_the_dashboards_won_card_says_which_actuals_are_not_counted(plan):
    typed_ahead(plan)

    cards = {card.key: card for card in headline_figures(at(plan), (202601, 202612), None)}

    assert cards["won"].amount == 115
    assert cards["won"].note.endswith("Jun 2026 not counted: not closed yet")


def test_the_dashboards_forecast_is_not_green_while_the_target_is_partly_phased(plan):
    cards = {card.key: card for card in headline_figures(at(plan), (202601, 202612), None)}

    assert cards["forecast"].amount > 125  # well "ahead" of the 125 phased
    assert cards["forecast"].tone == ""
    assert cards["phased"].tone == "behind"


def test_the_summary_says_no_spend_is_entered_rather_than_a_dash(plan):
    assert "spent to date: none entered" in summary_text(at(plan))


# -- the landing (the reforecast) ------------------------------------------------------------


def test_the_landing_is_actuals_for_closed_months_and_plan_where_none_is_entered(plan):
    landed = reforecast(at(plan)).revenue

    # Webinars won 115 in Jan to Mar; its April (24) and all of Outbound's months (32) have
    # no actual entered and land at their plan; nothing is planned after April.
    assert (landed.actual, landed.plan_standing_in, landed.plan_ahead) == (115, 56, 0)


def test_the_landing_is_measured_against_the_headlines_revenue_target(plan):
    landed = reforecast(at(plan)).revenue

    assert landed.target == headline(at(plan)).revenue_target == 830
    assert landed.gap == 171 - 830


def test_actuals_after_the_last_closed_month_are_not_in_the_landing(plan):
    before = reforecast(at(plan)).revenue.landing
    typed_ahead(plan)

    assert reforecast(at(plan)).revenue.landing == before


def test_the_landing_is_of_the_year_progress_reports(plan):
    assert reforecast(at(plan)).fiscal_year == progress(at(plan)).fiscal_year


def test_the_dashboards_landing_card_says_the_gap_to_the_target(plan):
    cards = {card.key: card for card in headline_figures(at(plan), (202601, 202612), None)}

    assert cards["landing"].amount == 171
    assert cards["landing"].note.startswith("$7 short of the $8 target")
    assert cards["landing"].tone == "behind"


def test_the_summary_says_the_landing_and_its_gap(plan):
    assert "Landing 2026    $2   $7 short of the $8 target" in summary_text(at(plan))
    assert summary_data(at(plan))["landing"]["metrics"]["revenue_won"]["gap"] == "-6.59"
