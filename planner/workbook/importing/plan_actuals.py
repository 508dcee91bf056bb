"""What the plan holds now, read in one query, for comparing an import against it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import Metric

if TYPE_CHECKING:
    from planner.plan import Plan

_METRICS = tuple(Metric)
_POSITION = {metric: position for position, metric in enumerate(_METRICS)}


class PlanActuals:
    """The plan's actual of any initiative, month and metric (``None``: not entered)."""

    def __init__(self, plan: Plan) -> None:
        columns = ", ".join(metric.actual_column for metric in _METRICS)
        self._rows = {
            (row[0], row[1]): row[2:]
            for row in plan.query(f"SELECT initiative_id, month, {columns} FROM monthly_values")
        }

    def get(self, initiative_id: int, month: int, metric: Metric) -> int | None:
        row = self._rows.get((initiative_id, month))
        return None if row is None else row[_POSITION[metric]]


def initiative_names(plan: Plan) -> dict[int, str]:
    return dict(plan.query("SELECT id, name FROM initiatives"))
