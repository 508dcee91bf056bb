"""Which initiatives the table shows: a plain filter state, and the proxy that applies it
and sorts by each column's sort value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.tables.rows_model import SORT_ROLE

from .rows import InitiativeRow

NOBODY = -1  # the owner filter's "No owner"
NOWHERE = -1  # the segment filter's "No segment"


@dataclass(frozen=True, slots=True)
class InitiativeFilter:
    """What the filter bar asks for; ``None`` means "any"."""

    text: str = ""
    status: str | None = None
    channel_id: int | None = None
    owner_id: int | None = None  # NOBODY: initiatives without an owner
    segment_id: int | None = None  # NOWHERE: initiatives aimed at no segment
    tier: str | None = None  # aimed at at least one segment of this tier
    # Only these initiatives (a drill-down from the Dashboard); None: no such restriction.
    ids: frozenset[int] | None = None

    @property
    def active(self) -> bool:
        return self != InitiativeFilter()

    def matches(self, row: InitiativeRow) -> bool:
        """Whether ``row`` passes every part of the filter."""
        if self.ids is not None and row.id not in self.ids:
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.channel_id is not None and row.channel_id != self.channel_id:
            return False
        if self.owner_id is not None:
            owner = NOBODY if row.owner_id is None else row.owner_id
            if owner != self.owner_id:
                return False
        if self.segment_id is not None:
            if self.segment_id == NOWHERE:
                if row.segment_ids:
                    return False
            elif self.segment_id not in row.segment_ids:
                return False
        if self.tier is not None and self.tier not in row.tiers:
            return False
        # Every word must appear somewhere in the name or story: "webinar churn" finds
        # the webinar whose problem mentions churn.
        words = self.text.casefold().split()
        return all(word in row.search_text for word in words) if words else True


class InitiativesProxy(QSortFilterProxyModel):
    """Filters the rows of a :class:`RowsModel` by an :class:`InitiativeFilter` and sorts
    them by each column's sort value (numbers as numbers, months in time order, names
    without regard to case)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._filter = InitiativeFilter()
        self._keys: list[Any] | None = None  # the sort column's values, by source row
        self._keys_column = -1
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def filter(self) -> InitiativeFilter:
        return self._filter

    def set_filter(self, wanted: InitiativeFilter) -> None:
        """Show only the rows ``wanted`` matches."""
        if wanted == self._filter:
            return
        self.beginFilterChange()
        self._filter = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # -- sorting from cached sort values ---------------------------------------------------
    # Sorting 2,000 rows takes ~22,000 comparisons, and each finding marker or edit on the
    # sort column a few more per row: asking the model for two sort values through Python
    # on each of them is most of the cost. The values of the sort column are read once
    # into a list, kept current as rows change, and compared from there.

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        # Connected before the proxy connects itself, so the cache is current by the time
        # the proxy re-sorts for the same signal.
        model.dataChanged.connect(self._rows_changed)
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
            model.rowsMoved,
        ):
            signal.connect(self._forget_keys)
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._forget_keys()
        super().sort(column, order)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        keys = self._keys if self._keys_column == left.column() else None
        if keys is None:
            keys = self._read_keys(left.column())
        one, other = keys[left.row()], keys[right.row()]
        if one is None or other is None:
            # A key of None ("—": nothing to divide by) sorts last whichever the order: Qt
            # sorts descending by asking lessThan(right, left).
            if one is None and other is None:
                return False
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return ascending if other is None else not ascending
        return one < other

    def _sort_key(self, column: int) -> Callable[[Any], Any]:
        spec = self.sourceModel().columns[column]
        return spec.sort or spec.edit or spec.show  # what SORT_ROLE gives

    def _read_keys(self, column: int) -> list[Any]:
        key = self._sort_key(column)
        self._keys = [key(row) for row in self.sourceModel().rows()]
        self._keys_column = column
        return self._keys

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: Any) -> None:
        if self._keys is None:
            return
        model, key = self.sourceModel(), self._sort_key(self._keys_column)
        for n in range(top_left.row(), bottom_right.row() + 1):
            self._keys[n] = key(model.row(n))

    def _forget_keys(self, *_args: Any) -> None:
        self._keys = None

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._filter.active:
            return True
        # The row object (what ROW_ROLE gives), without making an index for it.
        return self._filter.matches(self.sourceModel().row(source_row))
