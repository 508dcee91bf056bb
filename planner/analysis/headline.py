"""The headline figures of a plan: what leadership asks first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.progress import Progress, progress
from planner.domain import Metric, Status

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.analysis.filters import Filter


@dataclass(frozen=True, slots=True)
class Headline:
    initiatives_by_status: dict[Status, int]
    budget: int
    revenue_target: int
    progress: Progress

    @property
    def initiatives(self) -> int:
        return sum(self.initiatives_by_status.values())

    @property
    def spend_to_date(self) -> int:
        """Actual spend to date: nothing entered yet is nothing spent."""
        return self.progress.metrics[Metric.SPEND].actual_to_date or 0

    @property
    def budget_used(self) -> float | None:
        """Spend to date over the budget of live initiatives; None when there is no budget."""
        return self.spend_to_date / self.budget if self.budget else None


def headline(analysis: Analysis) -> Headline:
    """Counts, budget and revenue target of live (not dropped) initiatives, and progress."""
    by_status = dict.fromkeys(Status, 0)
    for status, count in analysis.plan.query(
        "SELECT status, count(*) FROM initiatives GROUP BY status"
    ):
        by_status[Status(status)] = count
    budget, target = budget_and_target(analysis)
    return Headline(by_status, budget, target, progress(analysis))


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
