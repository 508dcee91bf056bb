"""What the version tests here share: the small demo plan with a locked baseline and an
editable scenario saved in it, and the rows a version holds, to compare before and after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner import Plan
from planner.versions import copying
from planner.versions.service import Kind

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
