"""The value edit the redraw tests make: one value a chart shows, scaled."""

from __future__ import annotations

from planner.domain import Metric
from planner.plan import Plan

# Per chart kind, a value it shows: (metric, which side of it an edit changes).
EDITED = {
    "revenue": (Metric.REVENUE_WON, "planned"),
    "funnel": (Metric.MQL, "planned"),
    "attainment": (Metric.REVENUE_WON, "actual"),
    "strike-zone": (Metric.REVENUE_WON, "planned"),
    "budget": (Metric.SPEND, "planned"),
    "handoff": (Metric.MQL, "actual"),
    "returns": (Metric.REVENUE_WON, "planned"),  # ROMI, its default figure
}


def scale_a_value(plan: Plan, kind: str, factor: float) -> None:
    """Scale the first value chart ``kind`` shows (see EDITED) by ``factor``."""
    metric, side = EDITED[kind]
    for (initiative, month), (planned, actual) in sorted(plan.values.grid(metric).items()):
        value = planned if side == "planned" else actual
        if value:
            plan.values.set(initiative, month, metric, **{side: round(value * factor)})
            return
    raise AssertionError(f"the demo plan has no {side} {metric}")
