"""The two tables of an import's preview: the values that change, and the rejected rows.

Both are read-only :class:`~ui.tables.rows_model.RowsModel` tables over the preview's own
records (a full workbook can hold tens of thousands), sortable by any column, with fixed row
heights so that nothing measures every row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner import months
from planner.domain import Metric
from planner.money import Currency
from planner.workbook.importing.records import RejectedRow, ValueChange
from ui.tables.rows_model import Column, RowsModel
from ui.workbook.wording import value_text

T = TypeVar("T")
_METRIC_ORDER = {metric: n for n, metric in enumerate(Metric)}
_MEASURED = 500  # rows looked at to size a column


@dataclass(frozen=True, slots=True)
class Line(Generic[T]):
    """A record numbered by its place in the preview (RowsModel keys rows by ``id``)."""

    id: int
    item: T


def _amount(value: int | None) -> float:
    return float("-inf") if value is None else float(value)


def change_columns(currency: Currency) -> list[Column[Line[ValueChange]]]:
    """Initiative, month, metric, the value now, the value after, and where it came from."""
    return [
        Column("initiative", "Initiative", lambda r: r.item.initiative),
        Column("month", "Month", lambda r: months.label(r.item.month), sort=lambda r: r.item.month),
        Column(
            "metric",
            "Metric",
            lambda r: r.item.metric.title,
            sort=lambda r: _METRIC_ORDER[r.item.metric],
        ),
        Column(
            "old",
            "Now",
            lambda r: value_text(r.item.metric, r.item.old, currency),
            sort=lambda r: _amount(r.item.old),
            tip=lambda r: "Not entered yet" if r.item.old is None else None,
            numeric=True,
            header_tip="What the plan holds now (— where nothing is entered yet)",
        ),
        Column(
            "new",
            "After",
            lambda r: value_text(r.item.metric, r.item.new, currency),
            sort=lambda r: _amount(r.item.new),
            numeric=True,
            header_tip="What the plan will hold after the import",
        ),
        Column("where", "Source", lambda r: r.item.where, sort=lambda r: r.id),
    ]


def rejected_columns() -> list[Column[Line[RejectedRow]]]:
    """Where the row is in the file, and why it is rejected."""
    return [
        Column("where", "Where", lambda r: r.item.where, sort=lambda r: r.id),
        Column("reason", "Reason", lambda r: r.item.reason, tip=lambda r: r.item.reason),
    ]


class SortedRows(RowsModel[Any]):
    """Rows sorted in Python, by each column's sort key: a proxy model would call back into
    Python for every comparison (half a minute for 200,000 rows; this takes a fraction of a
    second)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns):
            spec = self.columns[column]
            key = spec.sort or spec.show
        else:  # no column: the preview's own order
            key = _line_number
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_rows(sorted(self.rows(), key=key, reverse=descending))


def _line_number(line: Line[Any]) -> int:
    return line.id


class PreviewTable(QTableView, Generic[T]):
    """A read-only, sortable table of preview records."""

    def __init__(
        self,
        columns: Sequence[Column[Line[T]]],
        records: Sequence[T],
        widths: Sequence[str | None],
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.rows_model = SortedRows(columns, parent=self)
        self.rows_model.set_rows([Line(n, record) for n, record in enumerate(records)])
        self.setModel(self.rows_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure every row
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Widths from the widest text a column will show (given), not by measuring every
        # row; the column given none takes the room that is left.
        metrics = self.fontMetrics()
        for column, widest in enumerate(widths):
            if widest is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.rows_model.headerData(column, Qt.Orientation.Horizontal))
            text = max(metrics.horizontalAdvance(widest), metrics.horizontalAdvance(title))
            self.setColumnWidth(column, text + 3 * metrics.averageCharWidth())
        # The preview's own order (the file's) until the user sorts by a column.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def shown(self, row: int, column: int) -> str:
        """The text of a cell as shown (tests and screenshots)."""
        return str(self.rows_model.index(row, column).data())


def _widest(texts: Iterable[str]) -> str:
    """The longest of the first texts (enough to size a column without reading them all)."""
    return max(islice(texts, _MEASURED), key=len, default="")


def changes_table(
    changes: Sequence[ValueChange], currency: Currency, parent: QWidget | None = None
) -> PreviewTable[ValueChange]:
    amounts = [c.new for c in changes[:_MEASURED]] + [c.old or 0 for c in changes[:_MEASURED]]
    widest_amount = currency.format(max(amounts, key=abs, default=0))
    widths = (
        None,
        "Sep 2026",
        max((m.title for m in Metric), key=len),
        widest_amount,
        widest_amount,
        _widest(c.where for c in changes),
    )
    return PreviewTable(change_columns(currency), changes, widths, "Values to import", parent)


def rejected_table(
    rejected: Sequence[RejectedRow], parent: QWidget | None = None
) -> PreviewTable[RejectedRow]:
    widths = (_widest(r.where for r in rejected), None)
    return PreviewTable(rejected_columns(), rejected, widths, "Rejected rows", parent)
