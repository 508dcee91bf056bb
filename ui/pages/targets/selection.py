"""What is selected in the grid, as plain rectangles, and selecting a block of cells."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from ui.pages.targets.cells import CellRef, Rect
from ui.pages.targets.grid_model import TargetsGridModel


def selected_rects(view: QTableView) -> list[Rect]:
    """The selected ranges, or the current cell when nothing is selected."""
    rects = [
        Rect(r.top(), r.left(), r.bottom(), r.right()) for r in view.selectionModel().selection()
    ]
    current = view.currentIndex()
    if not rects and current.isValid():
        rects = [Rect(current.row(), current.column(), current.row(), current.column())]
    return rects


def positions(rects: Sequence[Rect]) -> list[tuple[int, int]]:
    """Every (row, column) inside ``rects``."""
    return [
        (row, column)
        for rect in rects
        for row in range(rect.top, rect.bottom + 1)
        for column in range(rect.left, rect.right + 1)
    ]


def select_cells(view: QTableView, model: TargetsGridModel, cells: Sequence[CellRef]) -> None:
    """Select the block spanning ``cells`` (after a paste, so the user sees what changed)."""
    places = [(model.row_of(c.initiative_id), model.column_of(c.month, c.kind)) for c in cells]
    rows = [row for row, _column in places if row is not None]
    columns = [column for _row, column in places if column is not None]
    if not rows or not columns:
        return
    block = QItemSelection(
        model.index(min(rows), min(columns)), model.index(max(rows), max(columns))
    )
    view.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
