"""What each dollar returns: the cost of each funnel stage, pipeline and revenue per unit of
spend, ROMI, marketing CAC and payback, planned and actual, for the plan or any of the engine's
groupings (initiative, channel, owner, team, segment, tier).

Definitions, each written once here:

- **Cost per lead / MQL / SQL / opportunity**: spend over that stage's count.
- **Pipeline per dollar**, **revenue per dollar**: pipeline or revenue won over spend.
- **ROMI**: (revenue won - spend) / spend.
- **Marketing CAC**: spend over deals won.
- **Payback in months** (only where the plan states a gross margin): the months of gross
  profit that pay the spend back, ``12 * spend / (revenue won * margin)``: the SaaS "CAC
  payback" (CAC over a customer's monthly gross profit, the deals cancelling out), which reads
  revenue won as a year's recurring revenue, the convention behind the payback ranges quoted
  in PRODUCT.md.
- A figure whose divisor is 0 or not entered is ``None`` (surfaces show "—"), never infinity
  or an error; so is one whose dividend is not entered ("no data" is not zero).
- **Planned** figures read the monthly plan over the months asked for; **actual** ones the
  actuals of those months through the last closed month, the rule of
  :mod:`planner.analysis.progress` (an actual typed ahead is not counted). Every initiative's
  values count, dropped ones included, as the Dashboard's charts sum them: money spent on a
  dropped initiative was still spent.

Money stays money: a cost per stage and the CAC are in integer minor units, rounded half up
from the exact quotient (integer arithmetic, no float on the way). Ratios (per dollar, ROMI,
payback) are floats: they are shown to a few significant digits, a float's relative error
(about 1e-16) is far below anything shown, and a float charts and formats directly, where a
Fraction would have to be converted at every surface; :func:`per` is the one division.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.sums import Dimension
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.analysis.filters import Filter


def per(dividend: int | None, divisor: int | None) -> float | None:
    """``dividend / divisor``; ``None`` when either is not entered or the divisor is 0."""
    if dividend is None or not divisor:
        return None
    return dividend / divisor


def cost_per(spend: int | None, count: int | None) -> int | None:
    """Spend (minor units) per one of ``count``, in minor units rounded half up; ``None``
    when either is not entered or the count is 0."""
    if spend is None or not count:
        return None
    return (2 * spend + count) // (2 * count)


@dataclass(frozen=True, slots=True)
class Returns:
    """The figures of one group, planned or actual, from its sums (``None``: not entered).
    Money in minor units."""

    spend: int | None
    leads: int | None
    mqls: int | None
    sqls: int | None
    opportunities: int | None
    pipeline: int | None
    deals: int | None
    revenue: int | None
    gross_margin: float | None  # the plan's, when stated

    @classmethod
    def of(
        cls, sums: dict[Metric, int] | dict[Metric, int | None], margin: float | None
    ) -> Returns:
        return cls(
            sums[Metric.SPEND],
            sums[Metric.LEADS],
            sums[Metric.MQL],
            sums[Metric.SQL],
            sums[Metric.OPPORTUNITIES],
            sums[Metric.PIPELINE],
            sums[Metric.DEALS_WON],
            sums[Metric.REVENUE_WON],
            margin,
        )

    @property
    def cost_per_lead(self) -> int | None:
        return cost_per(self.spend, self.leads)

    @property
    def cost_per_mql(self) -> int | None:
        return cost_per(self.spend, self.mqls)

    @property
    def cost_per_sql(self) -> int | None:
        return cost_per(self.spend, self.sqls)

    @property
    def cost_per_opportunity(self) -> int | None:
        return cost_per(self.spend, self.opportunities)

    @property
    def pipeline_per_spend(self) -> float | None:
        return per(self.pipeline, self.spend)

    @property
    def revenue_per_spend(self) -> float | None:
        return per(self.revenue, self.spend)

    @property
    def romi(self) -> float | None:
        """(revenue - spend) / spend: 0.5 means 50 % back on top of the spend."""
        if self.revenue is None or self.spend is None:
            return None
        return per(self.revenue - self.spend, self.spend)

    @property
    def cac(self) -> int | None:
        """Marketing's cost of a customer: spend per deal won, in minor units."""
        return cost_per(self.spend, self.deals)

    @property
    def payback_months(self) -> float | None:
        """Months of gross profit that pay the spend back; ``None`` without a stated margin,
        a spend or any revenue."""
        if self.gross_margin is None or self.spend is None or not self.revenue:
            return None
        return 12 * self.spend / (self.revenue * self.gross_margin)


@dataclass(frozen=True, slots=True)
class ReturnsRow:
    """One group's returns, keyed and labelled as the engine's roll-up row of that group."""

    key: int | str | None
    label: str
    planned: Returns
    actual: Returns


def returns_by(
    analysis: Analysis,
    by: Dimension | str = Dimension.TOTAL,
    *,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> list[ReturnsRow]:
    """The returns of the plan (``by`` the total) or of each group of a per-initiative
    grouping, over ``months`` (default: the whole plan) and the initiatives ``where`` keeps;
    actuals through the last closed month (see the module's docstring)."""
    dimension = Dimension(by)
    horizon = analysis.plan.horizon
    first, last = months if months is not None else (horizon.first, horizon.last)
    margin = analysis.plan.settings.get().gross_margin
    rows = analysis.rollup(
        dimension, months=(first, last), where=where, actual_through=analysis.closed_through
    )
    return [
        ReturnsRow(
            row.key,
            row.label,
            Returns.of(row.totals.planned, margin),
            Returns.of(row.totals.actual, margin),
        )
        for row in rows
    ]
