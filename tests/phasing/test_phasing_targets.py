"""Phasing an initiative's revenue target, funnel and budget into its months: the shapes, the
lags, months with actuals, what is skipped, and each result's exact undo."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from phasing_support import add, every_value, new_plan, planned

from planner import Plan
from planner.analysis import Filter
from planner.domain import Metric
from planner.errors import ReadOnlyPlanError, ValidationError
from planner.phasing import Part, Shape, StageLags
from planner.versions.opened import open_version

MONTHS_2026 = [202600 + n for n in range(1, 13)]


def test_even_phasing_puts_the_target_and_budget_in_its_months_to_the_cent() -> None:
    plan = new_plan()
    webinars = add(plan, "Webinars", start="2026-03", end="2026-09", budget="1,000", target="10")

    plan.phasing.phase()

    revenue = planned(plan, webinars, Metric.REVENUE_WON)
    spend = planned(plan, webinars, Metric.SPEND)
    assert list(revenue) == list(spend) == [202600 + n for n in range(3, 10)]
    # 1,000 units over 7 months: 142 each and 6 left over, one each to the earliest.
    assert list(revenue.values()) == [143, 143, 143, 143, 143, 143, 142]
    assert sum(spend.values()) == 100_000 and max(spend.values()) - min(spend.values()) <= 1


def test_front_loading_plans_more_early_and_back_loading_more_late() -> None:
    plan = new_plan()
    front = add(plan, "Launch", start="2026-01", end="2026-04", budget="0", target="10,000")
    plan.phasing.phase(shape=Shape.FRONT)
    back = add(plan, "Renewals", start="2026-01", end="2026-04", budget="0", target="10,000")
    plan.phasing.phase([back], shape="back")

    # Weights 4, 3, 2, 1 (and 1, 2, 3, 4) of ten.
    assert list(planned(plan, front, Metric.REVENUE_WON).values()) == [
        400_000,
        300_000,
        200_000,
        100_000,
    ]
    assert list(planned(plan, back, Metric.REVENUE_WON).values()) == [
        100_000,
        200_000,
        300_000,
        400_000,
    ]


def test_a_seasonal_profile_weights_each_calendar_month() -> None:
    plan = new_plan()
    i = add(plan, "Events", start="2026-01", end="2026-12", budget="0", target="12,000")
    profile = (0, 0, 100, 100, 100, 100, 0, 0, 200, 200, 0, 0)

    plan.phasing.phase(shape=Shape.SEASONAL, profile=profile, parts=[Part.REVENUE])

    revenue = planned(plan, i, Metric.REVENUE_WON)
    assert revenue == {
        month: 1_200_000 * weight // 800 for month, weight in zip(MONTHS_2026, profile, strict=True)
    }
    assert plan.phasing.choices().profile == profile


def test_the_funnel_is_what_the_target_needs_at_the_initiatives_own_rates() -> None:
    plan = new_plan()
    i = add(plan, "Demos", start="2026-01", end="2026-06", budget="0", target="100,000")
    plan.initiatives.set_rates(i, sql_to_opportunity=0.5)
    rates = plan.funnel.get()

    plan.phasing.phase([i])

    # Worked back by hand: deals from the deal size, each stage before by its rate, up.
    deals = math.ceil(10_000_000 / rates.average_deal_size)
    opportunities = math.ceil(deals / rates.opportunity_to_won - 1e-9)
    sqls = math.ceil(opportunities / 0.5 - 1e-9)
    sals = math.ceil(sqls / rates.sal_to_sql - 1e-9)
    mqls = math.ceil(sals / rates.mql_to_sal - 1e-9)
    leads = math.ceil(mqls / rates.lead_to_mql - 1e-9)
    totals = {m: sum(planned(plan, i, m).values()) for m in Metric}
    assert totals[Metric.DEALS_WON] == deals
    assert totals[Metric.OPPORTUNITIES] == opportunities
    assert totals[Metric.SQL] == sqls
    assert totals[Metric.SAL] == sals
    assert totals[Metric.MQL] == mqls
    assert totals[Metric.LEADS] == leads
    assert totals[Metric.PIPELINE] == opportunities * rates.average_deal_size


def test_with_a_lag_earlier_stages_land_earlier_and_the_first_month_takes_what_falls_before() -> (
    None
):
    plan = new_plan()
    i = add(plan, "Webinars", start="2026-03", end="2026-08", budget="0", target="60,000")
    lags = StageLags(opportunity_to_won=2)

    phased = plan.phasing.phase(lags=lags, parts=["revenue", "funnel"])

    revenue = planned(plan, i, Metric.REVENUE_WON)
    opportunities = planned(plan, i, Metric.OPPORTUNITIES)
    assert list(revenue.values()) == [1_000_000] * 6
    total = sum(opportunities.values())
    # Revenue of May to Aug needs its opportunities two months before, Mar to Jun; that of
    # Mar and Apr would need them in Jan and Feb, before the initiative starts: in Mar.
    shares = [opportunities[m] for m in (202603, 202604, 202605, 202606, 202607, 202608)]
    assert shares[4:] == [0, 0]
    assert shares[0] >= 3 * total // 6 and sum(shares) == total
    assert any("Mar 2026" in note for note in phased.initiatives[0].notes)


def test_mqls_in_march_become_revenue_in_may_with_two_months_of_lag() -> None:
    plan = new_plan()
    i = add(plan, "Webinar", start="2026-01", end="2026-12", budget="0", target="50,000")
    lags = StageLags(mql_to_sal=1, opportunity_to_won=1)

    plan.phasing.phase(shape=Shape.SEASONAL, profile=(0,) * 4 + (1,) + (0,) * 7, lags=lags)

    assert planned(plan, i, Metric.REVENUE_WON) == {
        m: (5_000_000 if m == 202605 else 0) for m in MONTHS_2026
    }
    mql = planned(plan, i, Metric.MQL)
    assert [m for m, v in mql.items() if v] == [202603]


def test_months_with_actuals_are_kept_and_the_rest_of_the_target_goes_elsewhere() -> None:
    plan = new_plan()
    i = add(plan, "Paid", start="2026-01", end="2026-04", budget="4,000", target="40,000")
    plan.values.set(i, "2026-01", "revenue_won", planned="5,000", actual="3,000")

    phased = plan.phasing.phase([i])

    revenue = planned(plan, i, Metric.REVENUE_WON)
    assert revenue[202601] == 500_000  # as it was
    assert [revenue[m] for m in (202602, 202603, 202604)] == [1_166_667, 1_166_667, 1_166_666]
    assert sum(revenue.values()) == 4_000_000
    assert phased.initiatives[0].notes[0] == "1 month with actuals kept"


def test_overwriting_actual_months_phases_over_them_too() -> None:
    plan = new_plan()
    i = add(plan, "Paid", start="2026-01", end="2026-04", budget="0", target="40,000")
    plan.values.set(i, "2026-01", "revenue_won", planned="5,000", actual="3,000")

    plan.phasing.phase([i], overwrite_actuals=True)

    assert planned(plan, i, Metric.REVENUE_WON) == dict.fromkeys(
        (202601, 202602, 202603, 202604), 1_000_000
    )
    assert plan.query("SELECT revenue_won_actual FROM monthly_values WHERE month = 202601") == [
        (300_000,)
    ]


def test_phasing_replaces_planned_values_outside_the_active_months() -> None:
    plan = new_plan()
    i = add(plan, "Paid", start="2026-03", end="2026-04", budget="0", target="2,000")
    plan.values.set(i, "2026-07", "revenue_won", planned="9,000")

    plan.phasing.phase([i], parts=["revenue"])

    assert planned(plan, i, Metric.REVENUE_WON) == {202603: 100_000, 202604: 100_000}


def test_phasing_again_with_the_same_choices_changes_nothing() -> None:
    plan = new_plan()
    add(plan, "Paid", start="2026-02", end="2026-11", budget="7,777", target="55,555")
    plan.phasing.phase(shape="front", lags=1)
    once = every_value(plan)

    again = plan.phasing.phase(shape="front", lags=1)

    assert every_value(plan) == once
    assert again.before.rows == again.after.rows


def test_putting_the_before_back_restores_the_plan_exactly_and_after_redoes_it() -> None:
    plan = new_plan()
    i = add(plan, "Paid", start="2026-02", end="2026-11", budget="7,777", target="55,555")
    plan.values.set(i, "2026-05", "leads", planned=999)
    plan.values.set(i, "2026-12", "spend", planned="100")
    original = every_value(plan)
    phased = plan.phasing.phase(shape="back", lags=StageLags(lead_to_mql=1), profile=None)
    done = every_value(plan)

    plan.phasing.put(phased.before)
    assert every_value(plan) == original
    plan.phasing.put(phased.after)
    assert every_value(plan) == done


def test_one_phasing_is_one_change_set() -> None:
    plan = new_plan()
    add(plan, "A", start="2026-01", end="2026-06", budget="100", target="1,000")
    add(plan, "B", start="2026-04", end="2026-12", budget="200", target="2,000")
    heard = []
    plan.subscribe(heard.append)

    plan.phasing.phase(lags=1)

    assert len(heard) == 1


def test_a_dry_run_writes_nothing_and_says_what_it_would_do() -> None:
    plan = new_plan()
    i = add(plan, "A", start="2026-01", end="2026-06", budget="100", target="1,000")
    before = every_value(plan)

    phased = plan.phasing.phase(dry_run=True)

    assert every_value(plan) == before
    assert phased.initiatives[0].initiative_id == i
    assert phased.total(Metric.REVENUE_WON) == 100_000
    assert phased.total(Metric.REVENUE_WON, after=False) == 0


def test_dropped_initiatives_ones_with_no_target_or_no_active_month_are_skipped_with_why() -> None:
    plan = new_plan()
    add(plan, "Live", start="2026-01", end="2026-06", budget="100", target="1,000")
    dropped = add(plan, "Dropped", start="2026-01", end="2026-06", budget="1", target="1")
    plan.initiatives.update(dropped, status="dropped")
    add(plan, "No target", start="2026-01", end="2026-06", budget="100", target="0")
    add(plan, "Next year", start="2027-02", end="2027-04", budget="1", target="1")

    phased = plan.phasing.phase()

    assert [p.name for p in phased.initiatives] == ["Live"]
    reasons = {s.name: s.reason for s in phased.skipped}
    assert reasons["Dropped"].startswith("dropped")
    assert reasons["No target"] == "no revenue target to phase"
    assert reasons["Next year"].startswith("no active month in the plan")


def test_an_initiative_whose_every_month_has_actuals_is_skipped_unless_overwritten() -> None:
    plan = new_plan()
    i = add(plan, "Done", start="2026-01", end="2026-02", budget="100", target="1,000")
    for month in ("2026-01", "2026-02"):
        plan.values.set(i, month, "leads", actual=5)

    assert "overwrite" in plan.phasing.phase([i]).skipped[0].reason
    assert plan.phasing.phase([i], overwrite_actuals=True).initiatives


def test_a_selection_phases_only_those_initiatives() -> None:
    plan = new_plan()
    a = add(plan, "A", start="2026-01", end="2026-06", budget="100", target="1,000")
    b = add(plan, "B", start="2026-01", end="2026-06", budget="100", target="1,000")
    channel = plan.channels.list()[3].id
    c = add(plan, "C", start="2026-01", end="2026-06", budget="100", target="1,000")
    plan.initiatives.update(c, channel_id=channel)

    plan.phasing.phase([a])
    plan.phasing.phase(Filter(channel_ids=[channel]))

    assert planned(plan, a, Metric.REVENUE_WON) and planned(plan, c, Metric.REVENUE_WON)
    assert planned(plan, b, Metric.REVENUE_WON) == {}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"shape": "zigzag"}, "shape"),
        ({"parts": []}, "parts"),
        ({"parts": ["revenue", "margin"]}, "parts"),
        ({"lags": -1}, "lags"),
        ({"lags": "1,2"}, "lags"),
        ({"lags": {"mql_to_won": 1}}, "lags"),
        ({"profile": (1, 2, 3)}, "seasonal_profile"),
        ({"where": [999]}, "initiatives"),
        ({"where": []}, "initiatives"),
        ({"shape": "last-year", "last_year": "No such version"}, "last_year"),
    ],
)
def test_a_bad_choice_is_refused_in_one_line_naming_the_field(arguments: dict, field: str) -> None:
    plan = new_plan()
    add(plan, "A", start="2026-01", end="2026-06", budget="100", target="1,000")
    where = arguments.pop("where", None)
    before = every_value(plan)

    with pytest.raises(ValidationError) as refused:
        plan.phasing.phase(where, **arguments)

    assert refused.value.field == field and "\n" not in str(refused.value)
    assert every_value(plan) == before


def test_a_locked_version_refuses_phasing_and_keeps_its_values(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        baseline = plan.versions.save("Board plan").id
        with open_version(plan, baseline) as locked:
            before = every_value(locked)
            with pytest.raises(ReadOnlyPlanError):
                locked.phasing.phase()
            assert every_value(locked) == before


def test_a_scenario_is_phased_without_touching_the_working_plan(demo_path: Path) -> None:
    from planner.versions.kinds import Kind

    with Plan.open(demo_path) as plan:
        working = every_value(plan)
        scenario = plan.versions.save("Phased", kind=Kind.SCENARIO).id
        with open_version(plan, scenario) as what_if:
            what_if.phasing.phase(shape="front", lags=1)
        assert every_value(plan) == working
        assert plan.phasing.choices().lags == StageLags()
