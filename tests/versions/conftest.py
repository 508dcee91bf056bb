"""A small plan with actuals, a locked baseline and a scenario, for the version tests."""

from __future__ import annotations

import pytest
from plan_builders import no_actuals_plan

from planner import Plan


@pytest.fixture
def plan() -> Plan:
    """Two initiatives planned every month of 2026; 'Webinar series' has spend actuals for
    January and February."""
    plan = no_actuals_plan()
    webinar = plan.initiatives.list()[1].id
    plan.values.set(webinar, "2026-01", "spend", actual=1_400_000)
    plan.values.set(webinar, "2026-02", "spend", actual=1_600_000)
    return plan


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
