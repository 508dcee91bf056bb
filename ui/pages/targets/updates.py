"""What a change set means for the grid: reload it all, or fetch fresh values for a few
initiatives and repaint just their cells (one edit on a 2,000-initiative plan must not
reload 72,000 cells)."""

from __future__ import annotations

from collections.abc import Iterable

from planner import Action, ChangeSet, Entity, Metric, Plan
from ui.pages.targets.grid_data import Pair, cells_of_initiative


def reshapes(changes: ChangeSet) -> bool:
    """Whether the grid's rows or columns may have changed: the plan's settings (horizon,
    currency), or initiatives added or deleted (a restore brings values back too)."""
    return changes.touches(Entity.SETTINGS) or any(
        change.entity is Entity.INITIATIVES and change.action is not Action.UPDATED
        for change in changes.changes
    )


# What the grid shows of an initiative besides its values: its row's name, dimming and shading.
ROW_FIELDS = frozenset({"name", "status", "start_month", "end_month"})


def rows_changed(changes: ChangeSet) -> bool:
    """Whether an initiative's name, status or dates changed (a budget edit does not
    touch the grid at all)."""
    return any(
        change.entity is Entity.INITIATIVES and (not change.fields or change.fields & ROW_FIELDS)
        for change in changes.changes
    )


def changed_initiatives(changes: ChangeSet, metric: Metric, limit: int) -> set[int] | None:
    """The initiatives whose values of ``metric`` changed (empty when none did); None when
    the change is not narrowed down to initiatives, or touches more than ``limit``: then the
    whole metric is reloaded."""
    columns = {metric.planned_column, metric.actual_column}
    ids: set[int] = set()
    for change in changes.changes:
        if change.entity is not Entity.VALUES:
            continue
        if change.fields and not change.fields & columns:
            continue  # another metric's values
        if not change.ids:
            return None
        ids |= change.ids
    return None if len(ids) > limit else ids


def fresh_cells(
    plan: Plan, initiative_ids: Iterable[int], metric: Metric
) -> dict[tuple[int, int], Pair]:
    """Every month of these initiatives as the core has ``metric`` now (empty months
    included, so cleared cells empty too)."""
    months = plan.horizon.months()
    cells: dict[tuple[int, int], Pair] = {}
    for initiative_id in initiative_ids:
        found = {
            value.month: (value.planned, value.actual)
            for value in plan.values.for_initiative(initiative_id)
            if value.metric is metric
        }
        cells.update(cells_of_initiative(initiative_id, months, found))
    return cells
