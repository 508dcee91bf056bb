"""What the version tests compare plans by."""

from __future__ import annotations

from planner import Plan


def named(plan: Plan, name: str) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name == name)


def planned_side(plan: Plan) -> list[tuple[object, ...]]:
    """Everything a version copies, as rows, to compare two plans' planned sides."""
    return [
        *plan.query("SELECT * FROM initiatives ORDER BY id"),
        *plan.query("SELECT * FROM initiative_segments ORDER BY 1, 2"),
        *plan.query("SELECT * FROM roles ORDER BY 1, 2"),
        *plan.query(
            "SELECT initiative_id, month, spend_plan, revenue_won_plan FROM monthly_values "
            "WHERE spend_plan IS NOT NULL ORDER BY 1, 2"
        ),
        *plan.query("SELECT * FROM funnel_assumptions"),
        *plan.query("SELECT * FROM handoff_agreement"),
    ]


def actuals(plan: Plan) -> list[tuple[object, ...]]:
    return plan.query(
        "SELECT initiative_id, month, spend_actual FROM monthly_values "
        "WHERE spend_actual IS NOT NULL ORDER BY 1, 2"
    )
