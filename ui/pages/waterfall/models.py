"""The Waterfall page's two tables, over the core's :class:`WaterfallRow` as they come: one row
per group (the total first), and the stages of the group chosen. They never read the plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication

from planner import Currency, Metric
from planner.analysis.waterfall import StageGap, WaterfallRow
from ui.pages.people.raci_style import is_dark
from ui.plain_text import plain_tooltip

from .figures import gap_text, short, short_summary, short_tip, shown

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY = Qt.ItemDataRole.DisplayRole
SHORT_ROLE = Qt.ItemDataRole.UserRole  # whether the cell is a shortfall (tests and painting)

# A shortfall's colour (light scheme, dark scheme): a red that reads on either background.
_SHORT_COLOURS = ("#b3261e", "#ff8a80")


def shortfall_colour() -> QColor:
    """The shortfall red of the palette in use (light text on dark gets the lighter red)."""
    return QColor(_SHORT_COLOURS[is_dark()])


@dataclass(frozen=True)
class _Column:
    title: str
    text: Callable[[Any, Currency], str]
    shortfall: Callable[[Any], bool] = lambda _item: False
    tip: Callable[[Any], str] | None = None
    header_tip: str = ""


class _Table(QAbstractTableModel):
    """Rows of one kind shown through columns; the first ``bold_rows`` in bold (the total)."""

    columns: Sequence[_Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self.currency = Currency("USD")
        self.bold_rows = 0
        self._bold: QFont | None = None

    def set_items(self, items: Sequence[Any], currency: Currency, *, bold_rows: int = 0) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.currency = currency
        self.bold_rows = bold_rows
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._items[row]

    def items(self) -> list[Any]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        item, column = self._items[index.row()], self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(item, self.currency)
        if role == SHORT_ROLE:
            return column.shortfall(item)
        if role == Qt.ItemDataRole.ForegroundRole and column.shortfall(item):
            return shortfall_colour()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and index.row() < self.bold_rows:
            if self._bold is None:
                self._bold = QFont(QGuiApplication.font())
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return plain_tooltip(column.tip(item))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == _DISPLAY:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.columns[section].header_tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return _RIGHT
        return None


def _needed(metric: Metric) -> Callable[[WaterfallRow, Currency], str]:
    return lambda row, currency: shown(metric, row.stage(metric).needed, currency)


def _planned(metric: Metric) -> Callable[[WaterfallRow, Currency], str]:
    return lambda row, currency: shown(metric, row.stage(metric).planned, currency)


def _planned_gap(metric: Metric) -> Callable[[WaterfallRow, Currency], str]:
    return lambda row, currency: gap_text(metric, row.stage(metric).planned_gap, currency)


def _short_of(metric: Metric) -> Callable[[WaterfallRow], bool]:
    return lambda row: short(row.stage(metric).planned_gap)


class GroupsModel(_Table):
    """One row per group: its revenue target against the plan, its leads against the need,
    and how many stages fall short. The total row is first."""

    columns = (
        _Column("Group", lambda row, _currency: row.label),
        _Column(
            "Revenue target",
            _needed(Metric.REVENUE_WON),
            header_tip="The revenue target of the group's live initiatives",
        ),
        _Column("Revenue planned", _planned(Metric.REVENUE_WON)),
        _Column(
            "Revenue gap",
            _planned_gap(Metric.REVENUE_WON),
            _short_of(Metric.REVENUE_WON),
            header_tip="Planned revenue won minus the target (negative: short)",
        ),
        _Column(
            "Leads needed",
            _needed(Metric.LEADS),
            header_tip="The leads the target needs at the conversion rates that apply",
        ),
        _Column("Leads planned", _planned(Metric.LEADS)),
        _Column("Leads gap", _planned_gap(Metric.LEADS), _short_of(Metric.LEADS)),
        _Column(
            "Stages short",
            lambda row, _currency: short_summary(row),
            lambda row: short_summary(row) != "None",
            tip=short_tip,
            header_tip="The stages whose plan falls short of what the target needs",
        ),
    )

    def row_of(self, key: object) -> int | None:
        """The row of the group keyed ``key`` (after the total), if shown."""
        for n, row in enumerate(self._items):
            if n >= self.bold_rows and row.key == key:
                return n
        return None


class StagesModel(_Table):
    """The stages of one group's waterfall, revenue won first: what the target needs, what is
    planned and entered as actual, and each gap."""

    columns = (
        _Column("Stage", lambda stage, _currency: stage.stage.title),
        _Column(
            "Needed",
            lambda stage, currency: shown(stage.stage, stage.needed, currency),
            header_tip="What the revenue target needs at this stage, at the rates that apply",
        ),
        _Column("Planned", lambda stage, currency: shown(stage.stage, stage.planned, currency)),
        _Column(
            "Planned gap",
            lambda stage, currency: gap_text(stage.stage, stage.planned_gap, currency),
            lambda stage: short(stage.planned_gap),
            header_tip="Planned minus needed (negative: the plan falls short)",
        ),
        _Column(
            "Actual",
            lambda stage, currency: shown(stage.stage, stage.actual, currency),
            header_tip="What was entered as actual; — while nothing is",
        ),
        _Column(
            "Actual gap",
            lambda stage, currency: gap_text(stage.stage, stage.actual_gap, currency),
            lambda stage: short(stage.actual_gap),
            header_tip="Actual minus needed (negative: short of the need so far)",
        ),
    )

    def stages(self) -> list[StageGap]:
        return self.items()
