"""What each dollar returns, planned and actual: held to sums worked out in plain Python over the
demo plan's rows, and on small hand-made plans for the edge cases (nothing to divide by, no
margin, actuals typed ahead)."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from planner import Plan
from planner.analysis import Analysis, Dimension
from planner.analysis.returns import Returns, cost_per, returns_by
from planner.errors import ValidationError

MID_YEAR = datetime.date(2026, 7, 10)  # June 2026 is the last closed month
CLOSED = 202606


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Plan]:
    with Plan.open(demo_path) as plan:
        plan.settings.update(gross_margin="75%")
        yield plan


def plain_sums(plan: Plan, kind: str, last_month: int) -> dict[int, dict[str, int | None]]:
    """Per channel, each metric's sum of ``kind`` ("plan" or "actual") through
    ``last_month``, by a loop over the rows; None where no value was entered."""
    channel_of = dict(plan.query("SELECT id, channel_id FROM initiatives"))
    metrics = ("spend", "leads", "mql", "sql", "opportunities", "pipeline", "deals_won")
    metrics += ("revenue_won",)
    columns = ", ".join(f"{m}_{kind}" for m in metrics)
    sums: dict[int, dict[str, int | None]] = {}
    for initiative, month, *values in plan.query(
        f"SELECT initiative_id, month, {columns} FROM monthly_values"
    ):
        if month > last_month:
            continue
        group = sums.setdefault(channel_of[initiative], dict.fromkeys(metrics))
        for metric, value in zip(metrics, values, strict=True):
            if value is not None:
                group[metric] = (group[metric] or 0) + value
    return sums


def expected(sums: dict[str, int | None], margin: float) -> dict[str, object]:
    spend, revenue = sums["spend"], sums["revenue_won"]

    def money(count: int | None) -> int | None:
        if spend is None or not count:
            return None
        return math.floor(Fraction(spend, count) + Fraction(1, 2))

    return {
        "cost_per_lead": money(sums["leads"]),
        "cost_per_mql": money(sums["mql"]),
        "cost_per_sql": money(sums["sql"]),
        "cost_per_opportunity": money(sums["opportunities"]),
        "cac": money(sums["deals_won"]),
        "pipeline_per_spend": sums["pipeline"] / spend
        if spend and sums["pipeline"] is not None
        else None,
        "revenue_per_spend": revenue / spend if spend and revenue is not None else None,
        "romi": (revenue - spend) / spend if spend and revenue is not None else None,
        "payback_months": 12 * spend / (revenue * margin)
        if revenue and spend is not None
        else None,
    }


FIGURES = (
    "cost_per_lead",
    "cost_per_mql",
    "cost_per_sql",
    "cost_per_opportunity",
    "cac",
    "pipeline_per_spend",
    "revenue_per_spend",
    "romi",
    "payback_months",
)


def figures(returns: Returns) -> dict[str, object]:
    return {name: getattr(returns, name) for name in FIGURES}


def test_planned_returns_by_channel_match_plain_sums_over_the_rows(demo: Plan) -> None:
    plain = plain_sums(demo, "plan", 999999)

    rows = returns_by(Analysis.in_sql(demo, today=MID_YEAR), Dimension.CHANNEL)

    assert rows
    for row in rows:
        assert figures(row.planned) == pytest.approx(expected(plain[row.key], 0.75)), row.label


def test_actual_returns_by_channel_count_the_closed_months_only(demo: Plan) -> None:
    plain = plain_sums(demo, "actual", CLOSED)

    rows = returns_by(Analysis.in_sql(demo, today=MID_YEAR), Dimension.CHANNEL)

    for row in rows:
        assert figures(row.actual) == pytest.approx(expected(plain[row.key], 0.75)), row.label


@pytest.mark.parametrize(
    "by", [Dimension.INITIATIVE, Dimension.OWNER, Dimension.TEAM, Dimension.SEGMENT, Dimension.TIER]
)
def test_every_grouping_spends_the_plans_spend_exactly(demo: Plan, by: Dimension) -> None:
    analysis = Analysis.in_sql(demo, today=MID_YEAR)

    (total,) = returns_by(analysis)
    grouped = returns_by(analysis, by)

    assert sum(row.planned.spend or 0 for row in grouped) == total.planned.spend
    assert sum(row.actual.spend or 0 for row in grouped) == total.actual.spend


def test_in_memory_and_in_sql_returns_agree(demo: Plan) -> None:
    in_memory = Analysis.in_memory(demo, today=MID_YEAR)
    try:
        assert returns_by(in_memory, Dimension.TIER) == returns_by(
            Analysis.in_sql(demo, today=MID_YEAR), Dimension.TIER
        )
    finally:
        in_memory.close()


# -- edge cases, on figures alone -------------------------------------------------------------


def returns(**given: int | None) -> Returns:
    fields = dict.fromkeys(
        ("spend", "leads", "mqls", "sqls", "opportunities", "pipeline", "deals", "revenue")
    )
    return Returns(**(fields | given), gross_margin=None)  # type: ignore[arg-type]


def test_a_cost_per_stage_with_no_count_is_none_not_infinity() -> None:
    spent = returns(spend=100_000, leads=0, mqls=0, sqls=0, opportunities=0, deals=0)

    assert [
        spent.cost_per_lead,
        spent.cost_per_mql,
        spent.cost_per_sql,
        spent.cost_per_opportunity,
        spent.cac,
    ] == [None] * 5


def test_a_return_per_dollar_with_no_spend_is_none() -> None:
    free = returns(spend=0, pipeline=500_000, revenue=100_000)

    assert (free.pipeline_per_spend, free.revenue_per_spend, free.romi) == (None, None, None)


def test_nothing_entered_is_none_not_zero() -> None:
    unknown = returns(spend=100_000)

    assert (unknown.revenue_per_spend, unknown.romi, unknown.cost_per_lead) == (None, None, None)


def test_no_revenue_won_is_a_return_of_nothing_not_none() -> None:
    lost = returns(spend=100_000, revenue=0)

    assert (lost.revenue_per_spend, lost.romi) == (0.0, -1.0)


def test_romi_is_revenue_less_spend_over_spend() -> None:
    assert returns(spend=100_000, revenue=350_000).romi == 2.5


def test_a_cost_per_stage_is_whole_minor_units_rounded_half_up() -> None:
    assert (cost_per(100, 3), cost_per(100, 8), cost_per(5, 2)) == (33, 13, 3)


def test_payback_needs_a_stated_margin() -> None:
    assert returns(spend=120_000, revenue=240_000).payback_months is None


def test_payback_is_the_months_of_gross_profit_that_pay_the_spend_back() -> None:
    # $2,400 a year at a 50 % margin is $100 of gross profit a month: $1,200 takes 12 months.
    figures = Returns(120_000, None, None, None, None, None, None, 240_000, 0.5)

    assert figures.payback_months == 12


def test_payback_with_no_revenue_is_none() -> None:
    assert Returns(120_000, None, None, None, None, None, None, 0, 0.5).payback_months is None


# -- the gross margin setting -----------------------------------------------------------------


def test_a_plan_states_no_gross_margin_until_told() -> None:
    assert Plan.in_memory().settings.get().gross_margin is None


@pytest.mark.parametrize("margin", [0, 1.2, -0.5, "150%", "most"])
def test_a_gross_margin_outside_0_to_1_is_refused_naming_the_field(margin: object) -> None:
    plan = Plan.in_memory()
    plan.settings.update(gross_margin=0.6)

    with pytest.raises(ValidationError) as refused:
        plan.settings.update(gross_margin=margin)

    assert refused.value.field == "gross_margin"
    assert plan.settings.get().gross_margin == 0.6


def test_an_empty_gross_margin_stops_stating_it() -> None:
    plan = Plan.in_memory()
    plan.settings.update(gross_margin="60%")

    plan.settings.update(gross_margin="")

    assert plan.settings.get().gross_margin is None


def test_a_hand_made_plans_returns_read_its_months_and_its_margin() -> None:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    plan.settings.update(gross_margin=0.8)
    plan.initiatives.add(name="Webinars", start_month="2026-01", end_month="2026-12")
    webinars = plan.initiatives.list()[0].id
    plan.values.set(webinars, 202601, "spend", planned="1,000", actual="1,200")
    plan.values.set(webinars, 202601, "leads", planned=50, actual=40)
    plan.values.set(webinars, 202602, "revenue_won", planned="6,000")
    plan.values.set(webinars, 202608, "spend", actual="5,000")  # typed ahead: not counted

    (total,) = returns_by(Analysis.in_sql(plan, today=datetime.date(2026, 3, 2)))

    assert (total.planned.cost_per_lead, total.actual.cost_per_lead) == (2_000, 3_000)
    assert total.planned.revenue_per_spend == 6.0
    assert total.planned.payback_months == pytest.approx(12 * 1_000 / (6_000 * 0.8))
    assert total.actual.spend == 120_000
    assert total.actual.revenue_per_spend is None  # no revenue entered yet
