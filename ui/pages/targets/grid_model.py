"""The Targets & actuals grid as a Qt table model: initiatives x months of one metric, a
total column per kind shown and a totals row at the bottom.

The model never reads the plan. The page hands it a :class:`~grid_data.Grid` (and, after a
small edit, just the cells that changed); a typed value goes to the page's ``on_edit``
callback, which runs an undoable command through the core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication

from planner import Kind
from planner import months as month_math
from ui.pages.targets.cells import CellRef
from ui.pages.targets.formatting import plain, shown
from ui.pages.targets.grid_data import Grid, GridRow, Pair
from ui.pages.targets.grid_style import GridStyle
from ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
EditHandler = Callable[[CellRef, str], bool]  # (cell, typed text) -> accepted

CELL_ROLE = Qt.ItemDataRole.UserRole  # the CellRef of an editable cell; None for totals
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the number behind the text (int or None)
PLAIN_ROLE = Qt.ItemDataRole.UserRole + 2  # a plain number for a spreadsheet ("12500")
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # a column header's month over plan | actual (Both)
SUBLABEL_ROLE = Qt.ItemDataRole.UserRole + 4  # "Plan" or "Actual" under it (Both)

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
# Every role data() answers. A view asks for a dozen roles per cell per paint; the others
# are turned away at the door, which keeps a repaint of the large plan's grid cheap.
_ANSWERED = frozenset(
    int(role)
    for role in (
        _DISPLAY,
        _EDIT,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        CELL_ROLE,
        VALUE_ROLE,
        PLAIN_ROLE,
    )
)


def _kind_word(kind: Kind) -> str:
    return "Planned" if kind is Kind.PLANNED else "Actual"


class TargetsGridModel(QAbstractTableModel):
    """One metric's grid. Row ``rowCount() - 1`` is the totals row; the last columns are
    the totals over the months (one per kind shown). Totals are never editable."""

    def __init__(self, on_edit: EditHandler | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._on_edit = on_edit
        self._grid: Grid | None = None
        self._rows: list[GridRow] = []  # in display order (sorted or the core's)
        self._position: dict[int, int] = {}
        self._column_of: dict[tuple[int, str], int] = {}
        self._editable = False
        self._style: GridStyle | None = None
        self._sort_key: tuple[int, str] | None = None  # a column's key; None: the core's order
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- what it shows -------------------------------------------------------------------

    def set_grid(self, grid: Grid, *, editable: bool = True) -> bool:
        """Show ``grid``. When the same rows and columns come back only the cells repaint,
        so the current cell, the selection and the scroll position survive. Returns True
        when the model had to be reset (the caller restores the selection)."""
        rows = self._sorted(grid.rows, grid)
        same_shape = (
            self._grid is not None
            and grid.columns == self._grid.columns
            and len(rows) == len(self._rows)
            and all(new.id == old.id for new, old in zip(rows, self._rows, strict=True))
        )
        if same_shape:
            self._grid, self._rows, self._editable = grid, rows, editable
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return False
        self.beginResetModel()
        self._grid, self._rows, self._editable = grid, rows, editable
        self._position = {row.id: n for n, row in enumerate(rows)}
        self._column_of = {column.key: n for n, column in enumerate(grid.columns)}
        self.endResetModel()
        return True

    def update_cells(self, cells: Mapping[tuple[int, int], Pair]) -> int:
        """Put fresh (planned, actual) pairs of some cells in and repaint just them and the
        totals they feed; returns how many cells changed."""
        if self._grid is None:
            return 0
        changed = self._grid.values.update(cells)
        rows = [self._position[i] for i, _m in changed if i in self._position]
        columns = [
            self._column_of[(month, kind.value)]
            for _i, month in changed
            for kind in self._grid.view.kinds
        ]
        if rows and columns:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(rows), min(columns)), self.index(max(rows), last))
            footer = self.footer_row
            self.dataChanged.emit(self.index(footer, min(columns)), self.index(footer, last))
        return len(changed)

    def set_style(self, style: GridStyle) -> None:
        """New colours (the palette changed); repaints everything."""
        self._style = style
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    @property
    def grid(self) -> Grid | None:
        return self._grid

    @property
    def editable(self) -> bool:
        return self._editable

    # -- finding things ------------------------------------------------------------------

    @property
    def footer_row(self) -> int:
        """The totals row (after the last initiative)."""
        return len(self._rows)

    @property
    def month_columns(self) -> int:
        """How many columns hold months (the total columns come after them)."""
        if self._grid is None:
            return 0
        return len(self._grid.columns) - len(self._grid.view.kinds)

    def grid_row(self, row: int) -> GridRow | None:
        """The initiative shown in ``row``; None for the totals row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, initiative_id: int) -> int | None:
        return self._position.get(initiative_id)

    def column_of(self, month: int | None, kind: Kind) -> int | None:
        return self._column_of.get((month or 0, kind.value))

    def column_key(self, column: int) -> tuple[int, str] | None:
        if self._grid is None or not 0 <= column < len(self._grid.columns):
            return None
        return self._grid.columns[column].key

    def column_of_key(self, key: tuple[int, str]) -> int | None:
        return self._column_of.get(key)

    def is_total(self, row: int, column: int) -> bool:
        return row == self.footer_row or column >= self.month_columns

    def cell(self, row: int, column: int) -> CellRef | None:
        """The editable cell at ``row``, ``column``; None for a total."""
        if self._grid is None or self.is_total(row, column) or not 0 <= row < len(self._rows):
            return None
        source = self._rows[row]
        grid_column = self._grid.columns[column]
        assert grid_column.month is not None
        return CellRef(source.id, source.name, grid_column.month, grid_column.kind)

    def value(self, row: int, column: int) -> int | None:
        """The number shown at ``row``, ``column`` (totals included); None when empty."""
        grid = self._grid
        if grid is None:
            return None
        grid_column = grid.columns[column]
        month, kind = grid_column.month, grid_column.kind
        if row == len(self._rows):
            if month is None:
                return grid.values.grand_total(kind)
            return grid.values.month_total(month, kind)
        initiative = self._rows[row].id
        if month is None:
            return grid.values.row_total(initiative, kind)
        return grid.values.value(initiative, month, kind)

    # -- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._grid is None:
            return 0
        return len(self._grid.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        grid = self._grid
        if role not in _ANSWERED or grid is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return shown(grid.metric, grid.currency, self.value(row, column))
        if role in (_EDIT, PLAIN_ROLE):
            return plain(grid.metric, grid.currency, self.value(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == VALUE_ROLE:
            return self.value(row, column)
        if role == CELL_ROLE:
            return self.cell(row, column)
        total = self.is_total(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._styled().bold if total else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if total:
                return self._styled().total
            month = grid.columns[column].month
            assert month is not None
            return None if self._rows[row].runs_in(month) else self._styled().outside_run
        if role == Qt.ItemDataRole.ForegroundRole:
            if row < len(self._rows) and self._rows[row].dropped:
                return self._styled().dimmed
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tip(row, column))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        grid = self._grid
        if grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(grid, section, role)
        return self._row_header(section, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            index.isValid()
            and self._editable
            and self._on_edit is not None
            and not self.is_total(index.row(), index.column())
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if role != _EDIT or not index.isValid() or not self._editable or self._on_edit is None:
            return False
        cell = self.cell(index.row(), index.column())
        if cell is None or self._grid is None:
            return False
        text = "" if value is None else str(value).strip()
        current = plain(
            self._grid.metric, self._grid.currency, self.value(index.row(), index.column())
        )
        if text == current:
            return False  # nothing to change: no empty undo step
        return self._on_edit(cell, text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the initiatives by a column (empty cells last either way); the totals row
        stays at the bottom. Column -1 gives back the core's order (by name)."""
        if self._grid is None:
            return
        self._sort_key = self.column_key(column) if column >= 0 else None
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = self._sorted(self._grid.rows, self._grid)
        self._position = {row.id: n for n, row in enumerate(self._rows)}
        before = self.persistentIndexList()
        after = []
        for index in before:
            moved = index.row()
            if moved < len(old_rows):
                moved = self._position[old_rows[moved].id]
            after.append(self.index(moved, index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # -- helpers -------------------------------------------------------------------------

    def _sorted(self, rows: Sequence[GridRow], grid: Grid) -> list[GridRow]:
        key = self._sort_key
        if key is None:
            return list(rows)
        month, kind = key[0] or None, Kind(key[1])

        def value_of(row: GridRow) -> int | None:
            if month is None:
                return grid.values.row_total(row.id, kind)
            return grid.values.value(row.id, month, kind)

        valued = [(value_of(row), row) for row in rows]
        filled = [pair for pair in valued if pair[0] is not None]
        filled.sort(
            key=lambda pair: pair[0], reverse=self._sort_order == Qt.SortOrder.DescendingOrder
        )
        # Empty cells go last whichever way: they are "not entered", not small numbers.
        return [row for _v, row in filled] + [row for v, row in valued if v is None]

    def _styled(self) -> GridStyle:
        if self._style is None:
            self._style = GridStyle.from_palette(QGuiApplication.palette())
        return self._style

    def _column_header(self, grid: Grid, section: int, role: int) -> Any:
        if not 0 <= section < len(grid.columns):
            return None
        column = grid.columns[section]
        head = "Total" if column.month is None else month_math.label(column.month)
        both = len(grid.view.kinds) > 1
        sub = "Plan" if column.kind is Kind.PLANNED else "Actual"
        if role == _DISPLAY:
            return f"{head} {sub}" if both else head
        if role == GROUP_ROLE:
            return head if both else None
        if role == SUBLABEL_ROLE:
            return sub if both else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and column.is_total:
            return self._styled().bold
        if role == Qt.ItemDataRole.ToolTipRole:
            what = f"{_kind_word(column.kind)} {grid.metric.title}"
            if column.month is None:
                return plain_tooltip(f"{what}: total over the plan's months")
            return plain_tooltip(f"{what}, {month_math.label(column.month)}")
        return None

    def _row_header(self, section: int, role: int) -> Any:
        if section == len(self._rows):
            if role == _DISPLAY:
                return "Total"
            if role == Qt.ItemDataRole.FontRole:
                return self._styled().bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip("Totals over all initiatives")
            return None
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == _DISPLAY:
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole and row.dropped:
            return self._styled().dimmed
        if role == Qt.ItemDataRole.ToolTipRole:
            dropped = "\nDropped" if row.dropped else ""
            return plain_tooltip(f"{row.name}\nRuns {row.run}{dropped}")
        return None

    def _tip(self, row: int, column: int) -> str | None:
        grid = self._grid
        assert grid is not None
        grid_column = grid.columns[column]
        what = f"{_kind_word(grid_column.kind)} {grid.metric.title}"
        if row == len(self._rows):
            where = (
                "all months" if grid_column.month is None else month_math.label(grid_column.month)
            )
            return f"{what} of all initiatives, {where}"
        source = self._rows[row]
        if grid_column.month is None:
            return f"{what} of {source.name}, all months"
        lines = [f"{what} · {source.name}, {month_math.label(grid_column.month)}"]
        if grid_column.kind is Kind.ACTUAL:
            planned = grid.values.value(source.id, grid_column.month, Kind.PLANNED)
            actual = grid.values.value(source.id, grid_column.month, Kind.ACTUAL)
            if planned and actual is not None:
                lines.append(
                    f"{actual / planned:.0%} of the "
                    f"{shown(grid.metric, grid.currency, planned)} planned"
                )
        if not source.runs_in(grid_column.month):
            lines.append(f"Outside its run ({source.run})")
        if source.dropped:
            lines.append("The initiative is dropped")
        return "\n".join(lines)
