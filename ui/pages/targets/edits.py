"""The page's undoable commands. Each is one core call to do and one to undo, with the old
values captured when the command is built; a paste, a fill or a clear of many cells is one
``set_many`` each way, so it is one undo step and all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner import Metric, Plan
from ui.commands import Edit
from ui.pages.targets.cells import CellRef
from ui.pages.targets.clipboard import entry

OldValue = Callable[[CellRef], int | None]  # what a cell holds now


def cell_title(metric: Metric, cell: CellRef) -> str:
    """``planned MQLs for Webinar series, Mar 2026``."""
    return f"{cell.kind.value} {metric.title} for {cell.label}"


def _cells(number: int) -> str:
    return "1 cell" if number == 1 else f"{number:,} cells"


def set_value(plan: Plan, metric: Metric, cell: CellRef, text: str, old: int | None) -> Edit:
    """Typing ``text`` into one cell ("" clears it): "set planned MQLs for ..."."""
    new = text.strip() or None
    verb = "clear" if new is None else "set"

    def write(value: object) -> None:
        plan.values.set(cell.initiative_id, cell.month, metric, **{cell.kind.value: value})

    return Edit(f"{verb} {cell_title(metric, cell)}", lambda: write(new), lambda: write(old))


def write_cells(
    plan: Plan,
    metric: Metric,
    text: str,
    writes: Sequence[tuple[CellRef, object]],
    old: OldValue,
) -> Edit:
    """Many cells at once (each new value a number, text for the core to parse, or None):
    one ``set_many`` to do, one with the old values to undo."""
    forward = [entry(metric, cell, value) for cell, value in writes]
    backward = [entry(metric, cell, old(cell)) for cell, _value in writes]
    return Edit(
        text,
        lambda: plan.values.set_many(forward),
        lambda: plan.values.set_many(backward),
    )


def paste_cells(
    plan: Plan, metric: Metric, writes: Sequence[tuple[CellRef, object]], old: OldValue
) -> Edit:
    """A pasted block: "paste MQLs into 12 cells"."""
    return write_cells(
        plan, metric, f"paste {metric.title} into {_cells(len(writes))}", writes, old
    )


def fill_cells(
    plan: Plan,
    metric: Metric,
    direction: str,
    writes: Sequence[tuple[CellRef, object]],
    old: OldValue,
) -> Edit:
    """Fill right or down (``direction``): "fill MQLs right into 11 cells"."""
    text = f"fill {metric.title} {direction} into {_cells(len(writes))}"
    return write_cells(plan, metric, text, writes, old)


def clear_cells(plan: Plan, metric: Metric, cells: Sequence[CellRef], old: OldValue) -> Edit:
    """Delete on a selection: "clear MQLs from 6 cells" (one cell reads like a typed clear)."""
    if len(cells) == 1:
        text = f"clear {cell_title(metric, cells[0])}"
    else:
        text = f"clear {metric.title} from {_cells(len(cells))}"
    return write_cells(plan, metric, text, [(cell, None) for cell in cells], old)
