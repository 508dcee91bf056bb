"""The Dashboard's periods: the current fiscal year and its quarters, the plan's other years,
the whole plan and "Months…", for calendar and April fiscal years."""

from __future__ import annotations

from dashboard_support import no_actuals_plan

from planner import Plan
from planner.analysis import Analysis
from planner.services.values import Kind, ValueEntry
from ui.pages.dashboard.periods import (
    CUSTOM,
    WHOLE,
    YEAR,
    describe_months,
    fiscal_year_months,
    ordered,
    period_choices,
)


def table(plan: Plan) -> list[tuple[str, str, tuple[int, int] | None]]:
    return [(c.key, c.label, c.months) for c in period_choices(Analysis.in_sql(plan))]


def test_a_calendar_year_plan_offers_the_year_its_quarters_and_months():
    plan = no_actuals_plan()

    assert table(plan) == [
        (YEAR, "Year 2026", (202601, 202612)),
        ("q1", "Q1 2026", (202601, 202603)),
        ("q2", "Q2 2026", (202604, 202606)),
        ("q3", "Q3 2026", (202607, 202609)),
        ("q4", "Q4 2026", (202610, 202612)),
        (CUSTOM, "Months…", None),
    ]


def test_an_april_fiscal_year_splits_a_calendar_year_plan_in_two():
    plan = no_actuals_plan(fiscal_year_start=4)

    assert table(plan) == [
        # Before any actual the current year is the one the plan starts in.
        (YEAR, "FY2026", (202601, 202603)),
        ("q4", "FY2026 Q4", (202601, 202603)),
        ("fy2027", "FY2027", (202604, 202612)),
        (WHOLE, "Whole plan", (202601, 202612)),
        (CUSTOM, "Months…", None),
    ]


def test_the_current_fiscal_year_follows_the_latest_actual():
    plan = no_actuals_plan(fiscal_year_start=4)
    initiative = plan.initiatives.list()[0].id
    plan.values.set_many([ValueEntry(initiative, 202605, "revenue_won", Kind.ACTUAL, 100)])

    choices = period_choices(Analysis.in_sql(plan))

    assert (choices[0].key, choices[0].label, choices[0].months) == (
        YEAR,
        "FY2027",
        (202604, 202612),
    )
    assert [c.label for c in choices[1:4]] == ["FY2027 Q1", "FY2027 Q2", "FY2027 Q3"]
    assert fiscal_year_months(Analysis.in_sql(plan)) == (2027, (202604, 202612))


def test_a_plan_over_three_years_offers_each_year():
    plan = Plan.in_memory(first_month="2026-01", months=36)

    labels = [c.label for c in period_choices(Analysis.in_sql(plan))]

    assert labels == [
        "Year 2026",
        "Q1 2026",
        "Q2 2026",
        "Q3 2026",
        "Q4 2026",
        "Year 2027",
        "Year 2028",
        "Whole plan",
        "Months…",
    ]
    assert period_choices(Analysis.in_sql(plan))[-2].months == (202601, 202812)


def test_the_demo_plan_offers_its_year_first(document):
    first = period_choices(document.analysis)[0]

    assert (first.label, first.months) == ("Year 2026", (202601, 202612))


def test_months_read_as_a_person_writes_them():
    assert describe_months((202603, 202603)) == "Mar 2026"
    assert describe_months((202601, 202606)) == "Jan – Jun 2026"
    assert describe_months((202611, 202702)) == "Nov 2026 – Feb 2027"


def test_a_range_picked_backwards_is_put_in_order():
    assert ordered(202609, 202603) == (202603, 202609)
    assert ordered(202603, 202609) == (202603, 202609)
