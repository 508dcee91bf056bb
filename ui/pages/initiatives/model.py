"""The Initiatives table model: a :class:`RowsModel` tuned for a plan of 2,000 initiatives.

Three things differ from the shared model, each for a large plan's sake:

- an added or deleted initiative is inserted or removed as a row instead of resetting the
  whole model, so the sorting proxy places one row (a few comparisons) rather than sorting
  2,000 again, and the selection survives;
- finding markers repaint in one signal that says only icons and tooltips changed, so the
  proxy does not re-sort or re-filter for them;
- unmarked rows keep the marker's room, so names line up whether or not a finding
  concerns them.

It reaches into :class:`RowsModel`'s ``_rows``, ``_position``, ``_icons`` and ``_icon_tips``;
these belong in RowsModel itself (see the page's report).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon, QPixmap

from ui.tables.rows_model import Index, RowsModel

from .rows import InitiativeRow

_DECORATION = Qt.ItemDataRole.DecorationRole
_MARKER_ROLES = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]


def _blank_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def _removed_runs(old_ids: Sequence[int], kept: set[int]) -> list[tuple[int, int]]:
    """The (first, last) positions of consecutive rows that are gone, last run first."""
    runs: list[tuple[int, int]] = []
    for n, record_id in enumerate(old_ids):
        if record_id in kept:
            continue
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs[::-1]


class InitiativesModel(RowsModel[InitiativeRow]):
    """Rows of initiatives; see :class:`RowsModel`."""

    _blank: QIcon | None = None
    _marked = False

    def set_rows(self, rows: Sequence[InitiativeRow]) -> None:
        """Show these rows: added ones (last, see ``keep_order``) are inserted, missing
        ones removed, changed ones repainted; any other reordering resets the model."""
        rows = list(rows)
        old_ids = [row.id for row in self._rows]
        new_ids = [row.id for row in rows]
        kept = set(new_ids) & set(old_ids)
        survivors = [record_id for record_id in old_ids if record_id in kept]
        if survivors != new_ids[: len(survivors)] or old_ids == new_ids:
            super().set_rows(rows)  # same records (repaint) or a new order (reset)
            return
        for first, last in _removed_runs(old_ids, kept):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._position = {row.id: n for n, row in enumerate(self._rows)}
        super().set_rows(rows[: len(survivors)])  # repaint the survivors that changed
        if len(rows) > len(survivors):
            self.beginInsertRows(QModelIndex(), len(survivors), len(rows) - 1)
            self._rows = rows
            self._position = {row.id: n for n, row in enumerate(rows)}
            self.endInsertRows()

    def set_markers(self, icons: dict[int, QIcon], tips: dict[int, str]) -> None:
        """Icons (with tooltips) on the name cell of the rows with these ids."""
        self._icons, self._icon_tips = dict(icons), dict(tips)
        self._marked = bool(icons)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, 0), _MARKER_ROLES
            )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if value is None and role == _DECORATION and self._marked and index.column() == 0:
            if InitiativesModel._blank is None:
                InitiativesModel._blank = _blank_icon()
            return InitiativesModel._blank
        return value
