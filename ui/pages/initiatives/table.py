"""The Initiatives table view: whole-row selection with a current cell to edit, Enter or
F2 to edit it, and helpers that find rows by initiative id through the sorting proxy."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.tables.rows_model import ROW_ROLE, RowsModel

from .filters import InitiativesProxy

Select = QItemSelectionModel.SelectionFlag


class InitiativesTable(QTableView):
    """A table over an :class:`InitiativesProxy` of a :class:`RowsModel`."""

    def __init__(
        self, model: RowsModel, proxy: InitiativesProxy, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows_model = model
        self.proxy = proxy
        proxy.setSourceModel(model)
        self.setModel(proxy)
        self.setObjectName("initiatives")
        self.setAccessibleName("Initiatives")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        # Every row is one line: a fixed height keeps scrolling 2,000 rows cheap.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_widths(self, samples: Iterable[str]) -> None:
        """Make each column as wide as its sample text or its title, whichever is wider."""
        cells, titles = self.fontMetrics(), self.horizontalHeader().fontMetrics()
        for column, sample in enumerate(samples):
            title = str(self.model().headerData(column, Qt.Orientation.Horizontal))
            # Room for the cell's margins, and the header's sort arrow.
            width = max(cells.horizontalAdvance(sample) + 14, titles.horizontalAdvance(title) + 30)
            if column == 0:
                width += 22  # a finding's marker sits before the name
            self.setColumnWidth(column, width)

    # -- rows by initiative id -------------------------------------------------------------

    def proxy_index(self, initiative_id: int, column: int = 0) -> QModelIndex:
        """The view's index of an initiative's cell; invalid if not shown."""
        position = self.rows_model.position(initiative_id)
        if position is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.rows_model.index(position, column))

    def selected_rows(self) -> list[int]:
        """The view's row numbers of the selection, top to bottom."""
        # From the selection's ranges: selectedRows() asks the model for the flags of every
        # cell of every selected row, 20,000 calls into Python for 2,000 selected rows.
        rows: set[int] = set()
        for selected in self.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        """The selected initiatives, in the order the table shows them."""
        return [self.proxy.index(n, 0).data(ROW_ROLE).id for n in self.selected_rows()]

    def current_cell(self) -> tuple[int, int] | None:
        """The current cell as (initiative id, column), if any."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        return index.data(ROW_ROLE).id, index.column()

    def select_ids(self, ids: Iterable[int], current: tuple[int, int] | None = None) -> None:
        """Select these initiatives' rows and make ``current`` (id, column) the current cell."""
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for initiative_id in ids:
            index = self.proxy_index(initiative_id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(last))
        model = self.selectionModel()
        if current is not None:
            index = self.proxy_index(*current)
            if index.isValid():
                model.setCurrentIndex(index, Select.NoUpdate)
        model.select(selection, Select.ClearAndSelect | Select.Rows)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter edits the current cell, as in a spreadsheet (Qt only does that on macOS).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            enter
            and not event.modifiers()
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
            and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event)
        ):
            return
        super().keyPressEvent(event)
