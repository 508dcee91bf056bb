"""Plans to phase: a fresh plan of 2026 with initiatives typed as a lead would."""

from __future__ import annotations

from planner import Plan
from planner.domain import Metric


def new_plan() -> Plan:
    return Plan.in_memory(name="FY2026 plan", first_month="2026-01", months=12)


def add(plan: Plan, name: str, *, start: str, end: str, budget: str, target: str) -> int:
    return plan.initiatives.add(
        name=name, start_month=start, end_month=end, budget=budget, revenue_target=target
    ).id


def planned(plan: Plan, initiative_id: int, metric: Metric) -> dict[int, int]:
    """The initiative's planned ``metric`` by month, read straight from the file."""
    return dict(
        plan.query(
            f"SELECT month, {metric.planned_column} FROM monthly_values "
            f"WHERE initiative_id = ? AND {metric.planned_column} IS NOT NULL ORDER BY month",
            [initiative_id],
        )
    )


def every_value(plan: Plan) -> list[tuple[object, ...]]:
    return plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month")
