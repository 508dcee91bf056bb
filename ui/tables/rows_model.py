"""A table model over plain rows (frozen dataclasses from the core), described by columns.

The model never reads the plan: a page gives it rows with :meth:`RowsModel.set_rows`, and an
edit in a cell goes to the page's ``on_edit`` callback, which runs an undoable command. The
plan then announces the change and the page hands the model fresh rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from ui.plain_text import plain_tooltip

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole  # a value that sorts the column properly
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row object itself (for filters and pages)
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the column's key (the field it edits)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: what it shows and, when editable, the value an editor starts from.

    ``key`` names the field an edit changes (passed to ``on_edit``). ``edit`` returns the
    value put in the editor; a column without it is read-only. ``sort`` defaults to the
    edit value, then the shown text.
    """

    key: str
    title: str
    show: Callable[[R], str]
    edit: Callable[[R], Any] | None = None
    sort: Callable[[R], Any] | None = None
    tip: Callable[[R], str | None] | None = None
    numeric: bool = False  # right-aligned
    header_tip: str = ""


EditHandler = Callable[[Any, str, Any], bool]  # (row, column key, new value) -> accepted


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one kind, each with an ``id`` attribute, shown through :class:`Column`s."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        on_edit: EditHandler | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._on_edit = on_edit
        self._rows: list[R] = []
        self._position: dict[int, int] = {}
        self._icons: dict[int, QIcon] = {}
        self._icon_tips: dict[int, str] = {}

    # -- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show these rows. When the same records come back in the same order only the
        changed rows repaint, so selection, scroll position and open editors survive."""
        rows = list(rows)
        same_records = len(rows) == len(self._rows) and all(
            new.id == old.id  # type: ignore[attr-defined]
            for new, old in zip(rows, self._rows, strict=True)
        )
        if not same_records:
            self.beginResetModel()
            self._rows = rows
            self._position = {row.id: n for n, row in enumerate(rows)}  # type: ignore[attr-defined]
            self.endResetModel()
            return
        old_rows, self._rows = self._rows, rows
        last = self.columnCount() - 1
        for n, (new, old) in enumerate(zip(rows, old_rows, strict=True)):
            if new != old:
                self.dataChanged.emit(self.index(n, 0), self.index(n, last))

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, n: int) -> R:
        return self._rows[n]

    def position(self, record_id: int) -> int | None:
        """The row number of the record with this id, if shown."""
        return self._position.get(record_id)

    def row_for_id(self, record_id: int) -> R | None:
        """The shown row of the record with this id."""
        n = self._position.get(record_id)
        return None if n is None else self._rows[n]

    def set_markers(self, icons: dict[int, QIcon], tips: dict[int, str]) -> None:
        """Icons (with tooltips) on the first cell of the rows with these ids: the findings
        that concern them."""
        touched = set(self._icons) | set(icons)
        self._icons, self._icon_tips = dict(icons), dict(tips)
        for record_id in touched:
            n = self._position.get(record_id)
            if n is not None:
                self.dataChanged.emit(self.index(n, 0), self.index(n, 0))

    # -- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(row)
        if role == Qt.ItemDataRole.EditRole:
            return column.edit(row) if column.edit else column.show(row)
        if role == SORT_ROLE:
            if column.sort:
                return column.sort(row)
            return column.edit(row) if column.edit else column.show(row)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return column.key
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._icons.get(row.id)  # type: ignore[attr-defined]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0 and row.id in self._icon_tips:  # type: ignore[attr-defined]
                return plain_tooltip(self._icon_tips[row.id])  # type: ignore[attr-defined]
            return plain_tooltip(column.tip(row)) if column.tip else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.header_tip) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].edit and self._on_edit:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._on_edit is None:
            return False
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if column.edit is None or value == column.edit(row):
            return False  # nothing to change: no empty undo step
        return self._on_edit(row, column.key, value)
