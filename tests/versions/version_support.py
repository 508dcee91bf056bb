"""What the version tests compare plans by, and a plan file holding a locked baseline and an
editable scenario."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner import Plan
from planner.versions import copying
from planner.versions.kinds import Kind


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


BASELINE_NAME, SCENARIO_NAME = "Board plan", "Trim events"


def with_versions(path: Path) -> tuple[int, int]:
    """Save a locked baseline and an editable scenario of the plan at ``path``; their ids."""
    with Plan.open(path) as plan:
        baseline = plan.versions.save(BASELINE_NAME).id
        scenario = plan.versions.save(SCENARIO_NAME, kind=Kind.SCENARIO).id
    return baseline, scenario


def version_rows(plan: Plan, version_id: int) -> tuple[tuple[tuple[Any, ...], ...], ...]:
    """Every row the file holds of version ``version_id``, part by part, in order."""
    return tuple(
        tuple(sorted(copying.read_rows(plan.db.conn, part, version_id), key=repr))
        for part in copying.PARTS
    )


def actual_of(plan: Plan, initiative_id: int, month: int, metric: str) -> int | None:
    return plan.values.grid(metric).get((initiative_id, month), (None, None))[1]
