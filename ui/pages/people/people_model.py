"""The people table's model: :class:`RowsModel` plus a check box for the active flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from planner import Person
from ui.pages.people.people_columns import ACTIVE, people_columns
from ui.tables.rows_model import EditHandler, Index, RowsModel


class PeopleModel(RowsModel[Person]):
    """People rows; the "active" column is a check box (Qt's CheckStateRole), which a user
    expects of a yes/no field, rather than a Yes/No combo box."""

    def __init__(self, on_edit: EditHandler | None = None, parent: Any = None) -> None:
        super().__init__(people_columns(), on_edit, parent)
        self._active_column = next(n for n, c in enumerate(self.columns) if c.key == ACTIVE)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self._active_column:
            if role == Qt.ItemDataRole.CheckStateRole:
                active = self.row(index.row()).active
                return Qt.CheckState.Checked if active else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return "active" if self.row(index.row()).active else "inactive"
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self._active_column and self._on_edit:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self._active_column:
            if self._on_edit is None:
                return False
            wanted = Qt.CheckState(value) == Qt.CheckState.Checked
            row = self.row(index.row())
            if wanted == row.active:
                return False
            return self._on_edit(row, ACTIVE, wanted)
        return super().setData(index, value, role)
