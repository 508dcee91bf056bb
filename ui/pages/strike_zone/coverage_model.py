"""A table model over a :class:`Coverage` grid: a dot where an initiative aims at a segment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from ui.pages.strike_zone.coverage import Coverage, CoverageRow, wrap_name
from ui.pages.strike_zone.tiers import TIER_SHORT, TIER_TITLES, tier_tint
from ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

AIMED_ROLE = Qt.ItemDataRole.UserRole  # bool: the initiative aims at the segment
DOT = "●"
_NAME_LIMIT = 60  # characters of an initiative name in the row header; the tooltip has all


class CoverageModel(QAbstractTableModel):
    """Rows are initiatives, columns segments. The model only shows; the page turns a click
    into an undoable command and hands back a fresh grid."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.coverage = Coverage()

    def set_coverage(self, coverage: Coverage) -> None:
        """Show this grid. When the same initiatives and segments come back only changed rows
        repaint, so the current cell and the scroll position survive a toggle."""
        old = self.coverage
        same_shape = [r.initiative_id for r in old.rows] == [
            r.initiative_id for r in coverage.rows
        ] and [c.segment_id for c in old.columns] == [c.segment_id for c in coverage.columns]
        if not same_shape:
            self.beginResetModel()
            self.coverage = coverage
            self.endResetModel()
            return
        self.coverage = coverage
        last = len(coverage.columns) - 1
        for n, (new, before) in enumerate(zip(coverage.rows, old.rows, strict=True)):
            if new != before:
                self.dataChanged.emit(self.index(n, 0), self.index(n, last))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, n, n)
        if coverage.columns != old.columns and last >= 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)

    def row(self, n: int) -> CoverageRow:
        return self.coverage.rows[n]

    # -- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.coverage.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.coverage.rows[index.row()]
        column = self.coverage.columns[index.column()]
        aimed = column.segment_id in row.segment_ids
        if role == Qt.ItemDataRole.DisplayRole:
            return DOT if aimed else ""
        if role == AIMED_ROLE:
            return aimed
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(tier_tint(column.tier, 28))
        if role == Qt.ItemDataRole.ForegroundRole and row.dropped:
            return _muted()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            verb = "aims at" if aimed else "does not aim at"
            note = " (dropped: does not count)" if row.dropped else ""
            said = f"{row.name}{note} {verb} {column.name} ({TIER_SHORT[column.tier].lower()})"
            return plain_tooltip(said) if role == Qt.ItemDataRole.ToolTipRole else said
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self._segment_header(section, role)
        return self._initiative_header(section, role)

    def _segment_header(self, section: int, role: int) -> Any:
        if not 0 <= section < len(self.coverage.columns):
            return None
        column = self.coverage.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{wrap_name(column.name)}\n{TIER_SHORT[column.tier]}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(tier_tint(column.tier, 90))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                f"{column.name}\n{TIER_TITLES[column.tier]}: "
                f"{column.aimed} initiative(s) aimed at it, dropped ones included"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _initiative_header(self, section: int, role: int) -> Any:
        if not 0 <= section < len(self.coverage.rows):
            return None
        row = self.coverage.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.name if len(row.name) <= _NAME_LIMIT else row.name[: _NAME_LIMIT - 1] + "…"
            return f"{name} (dropped)" if row.dropped else name
        if role == Qt.ItemDataRole.ForegroundRole and row.dropped:
            return _muted()
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.name}\nStatus: {row.status.value}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


def _muted() -> QBrush:
    """The palette's disabled text colour: dimmed in light and in dark mode."""
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
