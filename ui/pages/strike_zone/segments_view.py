"""The segments table's view: sortable, tier picked from a list, notes take the spare width."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.pages.strike_zone.segment_columns import SegmentRow
from ui.pages.strike_zone.tiers import TIER_CHOICES
from ui.tables.rows_model import SORT_ROLE, RowsModel
from ui.widgets.delegates import ChoiceDelegate

_WIDTHS = {"name": 260, "tier": 150, "initiatives": 80, "budget": 110, "revenue_target": 120}
_EDITING = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


class SegmentsView(QTableView):
    """A view of a :class:`RowsModel` of :class:`SegmentRow` through a sorting proxy."""

    def __init__(self, model: RowsModel[SegmentRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setAccessibleName("Segments")
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # core order
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(_EDITING)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        keys = [column.key for column in model.columns]
        self._tier = ChoiceDelegate(TIER_CHOICES, self)
        self.setItemDelegateForColumn(keys.index("tier"), self._tier)
        header = self.horizontalHeader()
        for n, key in enumerate(keys):
            if key in _WIDTHS:
                header.resizeSection(n, _WIDTHS[key])
        header.setStretchLastSection(True)  # notes, the last column, take what is left

    def set_editable(self, editable: bool) -> None:
        self.setEditTriggers(_EDITING if editable else QAbstractItemView.EditTrigger.NoEditTriggers)

    def column_of(self, key: str) -> int:
        return [column.key for column in self.rows_model.columns].index(key)

    def selected_rows(self) -> list[SegmentRow]:
        """The selected segments, in the order shown."""
        rows = sorted(self.selectionModel().selectedRows(), key=QModelIndex.row)
        return [self.rows_model.row(self.proxy.mapToSource(index).row()) for index in rows]

    def select_segment(self, segment_id: int, key: str = "name") -> bool:
        """Make this segment's row the selection and ``key``'s cell current."""
        position = self.rows_model.position(segment_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.rows_model.index(position, self.column_of(key)))
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True
