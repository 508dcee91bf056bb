"""The hand-off agreement month by month: did marketing deliver its MQLs, did sales accept
enough of them and follow up fast enough? Months with no MQL actuals are not judged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.sums import Dimension, Totals
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis


@dataclass(frozen=True, slots=True)
class HandoffMonth:
    month: int
    mqls_committed: int
    mqls_delivered: int | None
    acceptance_agreed: float
    acceptance_actual: float | None
    followup_agreed: float
    followup_actual: float | None

    @property
    def mqls_met(self) -> bool | None:
        return None if self.mqls_delivered is None else self.mqls_delivered >= self.mqls_committed

    @property
    def acceptance_met(self) -> bool | None:
        if self.acceptance_actual is None:
            return None
        return self.acceptance_actual >= self.acceptance_agreed

    @property
    def followup_met(self) -> bool | None:
        if self.followup_actual is None:
            return None
        return self.followup_actual <= self.followup_agreed

    @property
    def met(self) -> bool | None:
        """True when every judged part is met; None when nothing could be judged."""
        parts = [
            p for p in (self.mqls_met, self.acceptance_met, self.followup_met) if p is not None
        ]
        return all(parts) if parts else None


def handoff_by_month(
    analysis: Analysis, *, monthly: dict[int, Totals] | None = None
) -> list[HandoffMonth]:
    """The agreement against actuals for each month of the plan through the latest actuals.

    ``monthly`` (month -> totals), when the caller has the monthly roll-up already, saves
    summing the plan again.
    """
    through = analysis.actuals_through()
    if through is None:
        return []
    plan = analysis.plan
    agreement = plan.handoff.get()
    followups = plan.handoff.followup_hours()
    by_month = monthly
    if by_month is None:
        by_month = {
            row.key: row.totals
            for row in analysis.rollup(Dimension.MONTH, months=(plan.horizon.first, through))
        }
    result = []
    for month in plan.horizon.months():
        if month > through:
            break
        totals = by_month.get(month)
        mqls = totals.actual[Metric.MQL] if totals else None
        sals = totals.actual[Metric.SAL] if totals else None
        result.append(
            HandoffMonth(
                month=month,
                mqls_committed=agreement.mqls_per_month,
                mqls_delivered=mqls,
                acceptance_agreed=agreement.acceptance_rate,
                acceptance_actual=(sals or 0) / mqls if mqls else None,
                followup_agreed=agreement.followup_hours,
                followup_actual=followups.get(month),
            )
        )
    return result
