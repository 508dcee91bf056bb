"""The current cell and selection of the grid remembered by what they show (initiative,
month, kind), so they come back after the model is rebuilt (another view, an initiative
added or removed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from ui.pages.targets.grid_model import TargetsGridModel

FOOTER = -1  # the key of the totals row
RowKey = int  # an initiative id, or FOOTER
ColumnKey = tuple[int, str]  # (month or 0 for the total, kind)
Spot = tuple[RowKey, ColumnKey]


@dataclass(frozen=True)
class Remembered:
    current: Spot | None
    ranges: list[tuple[Spot, Spot]]  # top-left and bottom-right of each selected range
    scroll: tuple[int, int]


def _spot(model: TargetsGridModel, row: int, column: int) -> Spot | None:
    key = model.column_key(column)
    if key is None:
        return None
    source = model.grid_row(row)
    return (FOOTER if source is None else source.id, key)


def _place(model: TargetsGridModel, spot: Spot) -> tuple[int, int] | None:
    row_key, column_key = spot
    row = model.footer_row if row_key == FOOTER else model.row_of(row_key)
    column = model.column_of_key(column_key)
    if column is None:
        # The view changed (Both -> Planned): the same month in the kind still shown.
        month = column_key[0]
        column = next(
            (
                model.column_of_key((month, kind))
                for kind in ("planned", "actual")
                if model.column_of_key((month, kind)) is not None
            ),
            None,
        )
    if row is None or column is None:
        return None
    return row, column


def remember(view: QTableView, model: TargetsGridModel) -> Remembered:
    """What the view has current and selected, by the records it shows."""
    current = view.currentIndex()
    ranges = []
    for selected in view.selectionModel().selection():
        top_left = _spot(model, selected.top(), selected.left())
        bottom_right = _spot(model, selected.bottom(), selected.right())
        if top_left and bottom_right:
            ranges.append((top_left, bottom_right))
    return Remembered(
        _spot(model, current.row(), current.column()) if current.isValid() else None,
        ranges,
        (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
    )


def restore(view: QTableView, model: TargetsGridModel, memo: Remembered) -> None:
    """Put back what :func:`remember` saw, where those records and months still show."""
    selection = QItemSelection()
    for first, last in memo.ranges:
        start, end = _place(model, first), _place(model, last)
        if start and end:
            selection.select(
                model.index(min(start[0], end[0]), min(start[1], end[1])),
                model.index(max(start[0], end[0]), max(start[1], end[1])),
            )
    selection_model = view.selectionModel()
    if memo.current is not None:
        spot = _place(model, memo.current)
        if spot is not None:
            selection_model.setCurrentIndex(
                model.index(*spot), QItemSelectionModel.SelectionFlag.NoUpdate
            )
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.horizontalScrollBar().setValue(memo.scroll[0])
    view.verticalScrollBar().setValue(memo.scroll[1])
