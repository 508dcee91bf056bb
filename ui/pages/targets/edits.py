"""The page's undoable commands. Each is one ``set_many`` to do and one to undo, the old values
read from the core as the edit is done (not from the grid's copy); a paste, a fill or a clear
of many cells is therefore one undo step and all-or-nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner import Metric, Plan
from planner.services.values import ValueEntry
from ui.commands import Overwrite
from ui.pages.targets.cells import CellRef
from ui.pages.targets.clipboard import entry


def cell_title(metric: Metric, cell: CellRef) -> str:
    """``planned MQLs for Webinar series, Mar 2026``."""
    return f"{cell.kind.value} {metric.title} for {cell.label}"


def _cells(number: int) -> str:
    return "1 cell" if number == 1 else f"{number:,} cells"


def set_value(plan: Plan, metric: Metric, cell: CellRef, text: str) -> Overwrite:
    """Typing ``text`` into one cell ("" clears it): "set planned MQLs for ..."."""
    verb = "clear" if not text.strip() else "set"
    # The command's text names the cell already, so the core's refusal need not.
    typed = replace(entry(metric, cell, text), where=None)
    return _overwrite(plan, f"{verb} {cell_title(metric, cell)}", [typed])


def write_cells(
    plan: Plan, metric: Metric, text: str, writes: Sequence[tuple[CellRef, object]]
) -> Overwrite:
    """Many cells at once (each new value a number, text for the core to parse, or None)."""
    return _overwrite(plan, text, [entry(metric, cell, value) for cell, value in writes])


def _overwrite(plan: Plan, text: str, forward: list[ValueEntry]) -> Overwrite:
    return Overwrite(
        text,
        lambda: plan.values.set_many(forward),
        read=lambda: plan.values.held(forward),
        restore=plan.values.set_many,
    )


def paste_cells(plan: Plan, metric: Metric, writes: Sequence[tuple[CellRef, object]]) -> Overwrite:
    """A pasted block: "paste MQLs into 12 cells"."""
    return write_cells(plan, metric, f"paste {metric.title} into {_cells(len(writes))}", writes)


def fill_cells(
    plan: Plan, metric: Metric, direction: str, writes: Sequence[tuple[CellRef, object]]
) -> Overwrite:
    """Fill right or down (``direction``): "fill MQLs right into 11 cells"."""
    text = f"fill {metric.title} {direction} into {_cells(len(writes))}"
    return write_cells(plan, metric, text, writes)


def clear_cells(plan: Plan, metric: Metric, cells: Sequence[CellRef]) -> Overwrite:
    """Delete on a selection: "clear MQLs from 6 cells" (one cell reads like a typed clear)."""
    if len(cells) == 1:
        text = f"clear {cell_title(metric, cells[0])}"
    else:
        text = f"clear {metric.title} from {_cells(len(cells))}"
    return write_cells(plan, metric, text, [(cell, None) for cell in cells])
