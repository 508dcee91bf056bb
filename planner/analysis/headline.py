"""The headline figures of a plan: what leadership asks first, defined once.

The Dashboard's cards, the charts' titles, ``smarketing summary``, the workbook's Summary
sheet and the checks all read these figures from :func:`headline` (and the strike zone's
from :func:`planner.analysis.strike_zone`, the hand-off's from
:func:`planner.analysis.handoff_by_month`); they only word and format them.

- **Revenue target**: the sum of the revenue targets of the live (not dropped) initiatives.
- **Phased into months**: how much revenue won those initiatives plan month by month across
  the plan, a figure of its own shown beside the target (a target can be set before it is
  spread into months). Attainment and the forecast compare with what is phased, since only
  that says *when* revenue is due.
- **Won to date**, **pipeline to date**, **spend to date**: actuals from the first month asked
  about through the actuals-through month (the latest *closed* month holding an actual; see
  :mod:`planner.analysis.progress`). Nothing entered is "no data" (``None``), never 0.
- **Attainment to date**: won to date over revenue won planned to date.
- **Forecast**: the current fiscal year's revenue won so far plus its monthly average for each
  month left; **forecast attainment** is that over the revenue won planned for the year.
- **Landing** (the reforecast): actuals for the year's closed months plus the current plan for
  the months left, against the revenue target and the budget; defined in
  :mod:`planner.analysis.reforecast`, which every surface reads beside this headline.
- Planned sums by month (to date, for the year) count every initiative's monthly plan, as the
  charts draw it; the budget, the target and what is phased of it count live ones only.
- **Budget**: the sum of the live initiatives' budgets; **budget used**: spend to date over
  it (``None`` while no spend is entered, or with no budget).
- **Not counted**: actuals dated after the last closed month (the month before today's) are
  listed in ``actuals_after_close``, flagged on every surface and by the checks, and left out
  of every figure above.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.filters import Filter
from planner.analysis.progress import MetricProgress, Progress, progress
from planner.domain import Metric, Status

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis


@dataclass(frozen=True, slots=True)
class Headline:
    initiatives_by_status: dict[Status, int]
    budget: int
    revenue_target: int
    progress: Progress
    target_phased: int

    @property
    def initiatives(self) -> int:
        return sum(self.initiatives_by_status.values())

    @property
    def revenue(self) -> MetricProgress:
        return self.progress.metrics[Metric.REVENUE_WON]

    @property
    def pipeline(self) -> MetricProgress:
        return self.progress.metrics[Metric.PIPELINE]

    @property
    def phased_share(self) -> float | None:
        """How much of the revenue target is phased into months; None without a target."""
        return self.target_phased / self.revenue_target if self.revenue_target else None

    @property
    def spend_to_date(self) -> int | None:
        """Actual spend to date; None while no spend is entered (no data, not nothing spent)."""
        return self.progress.metrics[Metric.SPEND].actual_to_date

    @property
    def budget_used(self) -> float | None:
        """Spend to date over the budget of live initiatives; None without either."""
        spent = self.spend_to_date
        return spent / self.budget if self.budget and spent is not None else None

    @property
    def actuals_after_close(self) -> tuple[int, ...]:
        """Months after the last closed month that hold actuals: flagged, never counted."""
        return self.progress.actuals_after_close


def headline(
    analysis: Analysis,
    *,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> Headline:
    """Counts, budget, revenue target and how much of it is phased, and progress to date
    within ``months`` (default: the whole plan), for the initiatives ``where`` keeps."""
    condition, params = where.sql("x.id") if where is not None else ("1", [])
    by_status = dict.fromkeys(Status, 0)
    rows = analysis.plan.query(
        f"SELECT status, count(*) FROM initiatives x WHERE {condition} GROUP BY status", params
    )
    for status, count in rows:
        by_status[Status(status)] = count
    budget, target = budget_and_target(analysis, where)
    status = progress(analysis, months=months, where=where)
    return Headline(by_status, budget, target, status, target_phased(analysis, where))


def budget_and_target(analysis: Analysis, where: Filter | None = None) -> tuple[int, int]:
    """The budget and the revenue target of the live (not dropped) initiatives ``where``
    keeps: what "budget used" is measured against, everywhere."""
    condition, params = where.sql("x.id") if where is not None else ("1", [])
    budget, target = analysis.plan.query(
        "SELECT coalesce(SUM(budget), 0), coalesce(SUM(revenue_target), 0) "
        f"FROM initiatives x WHERE status != 'dropped' AND {condition}",
        params,
    )[0]
    return budget, target


def target_phased(analysis: Analysis, where: Filter | None = None) -> int:
    """Revenue won planned across the plan's months by the live initiatives ``where`` keeps:
    how much of their revenue target is phased into months."""
    live = live_only(where)
    if live is None:
        return 0
    return analysis.total(where=live).planned[Metric.REVENUE_WON]


def live_only(where: Filter | None) -> Filter | None:
    """``where`` narrowed to live (not dropped) initiatives; None when it keeps only dropped
    ones."""
    statuses = {Status(s) for s in where.statuses} if where is not None else set()
    kept = (statuses or set(Status)) - {Status.DROPPED}
    if not kept:
        return None
    return dataclasses.replace(where or Filter(), statuses=tuple(sorted(kept)))
