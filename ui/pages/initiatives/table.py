"""The Initiatives table view: whole-row selection with a current cell to edit, Enter or
F2 to edit it, a Name column that stays in place when the table scrolls sideways, and
helpers that find rows by initiative id through the sorting proxy.

The Name column stays put the way Qt's "Frozen Column" example does it: a second view over
the table's left edge shows only that column, sharing the table's model and selection and
scrolling up and down with it. Ten columns do not fit a laptop's window beside the sidebar
(Owner and Segments end up off to the right); squeezing them to fit would cut every name and
segment short, so the table scrolls sideways and each row keeps its name in sight."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui.tables.rows_model import ROW_ROLE, RowsModel
from ui.widgets.key_actions import ReadKey

from .filters import InitiativesProxy

# Return edits the current cell, as in a spreadsheet (Qt only does that on macOS).
EDIT_KEY = ReadKey("Edit the current cell", ("Return", "Enter"))

Select = QItemSelectionModel.SelectionFlag


Edit = QAbstractItemView.EditTrigger
NAME_COLUMN = 0


class FrozenNames(QTableView):
    """The Name column of an :class:`InitiativesTable`, drawn over the table's left edge.

    It takes no keyboard focus of its own (the table keeps it, and its current cell), edits
    a name the table asks it to, and offers the table's context menu."""

    def __init__(self, table: InitiativesTable) -> None:
        super().__init__(table)
        self._table = table
        self.setObjectName("initiativeNames")
        self.setAccessibleName("Initiative names")
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setFocusProxy(table)
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.setEditTriggers(table.editTriggers())
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        for column in range(1, table.model().columnCount()):
            self.setColumnHidden(column, True)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        actions = self._table.actions()
        if self._table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu and actions:
            QMenu.exec(actions, event.globalPos(), None, self)


class InitiativesTable(QTableView):
    """A table over an :class:`InitiativesProxy` of a :class:`RowsModel`, its Name column
    frozen at the left (:attr:`names`)."""

    keys_read = (EDIT_KEY,)

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
        # By the pixel, so a column scrolled in beside the frozen names is not left under them.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.names = FrozenNames(self)
        self._follow_the_table()
        self.viewport().stackUnder(self.names)
        self._place_names()

    # -- the frozen Name column ------------------------------------------------------------

    def _follow_the_table(self) -> None:
        names, header = self.names, self.horizontalHeader()
        names.horizontalHeader().setSortIndicator(
            header.sortIndicatorSection(), header.sortIndicatorOrder()
        )
        header.sortIndicatorChanged.connect(
            lambda column, order: names.horizontalHeader().setSortIndicator(column, order)
        )
        names.horizontalHeader().sectionClicked.connect(self._sort_by_name)
        header.sectionResized.connect(self._column_resized)
        names.horizontalHeader().sectionResized.connect(self._name_resized)
        # Scrolled together, whichever of the two the wheel turns.
        mine, theirs = self.verticalScrollBar(), names.verticalScrollBar()
        mine.valueChanged.connect(theirs.setValue)
        theirs.valueChanged.connect(mine.setValue)

    def _sort_by_name(self, column: int) -> None:
        """A click on the frozen Name title sorts as one on the table's own would."""
        header = self.horizontalHeader()
        ascending = header.sortIndicatorSection() != column or (
            header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        )
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        header.setSortIndicator(column, order)

    def _column_resized(self, column: int, _old: int, width: int) -> None:
        if column == NAME_COLUMN:
            self.names.setColumnWidth(NAME_COLUMN, width)
            self._place_names()

    def _name_resized(self, column: int, _old: int, width: int) -> None:
        if column == NAME_COLUMN:
            self.setColumnWidth(NAME_COLUMN, width)  # dragged in the frozen header

    def _place_names(self) -> None:
        """Lay the frozen column exactly over the table's own Name column."""
        frame = self.frameWidth()
        self.names.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.columnWidth(NAME_COLUMN),
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.names.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_names()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "names"):  # Qt calls this while the table is being built
            self._place_names()

    def scrollTo(
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll to ``index``, with a cell right of the names kept out from under them."""
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() == NAME_COLUMN:
            return
        left = self.visualRect(index).left()
        covered = self.columnWidth(NAME_COLUMN) - left
        if covered > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - covered)

    def edit(
        self,
        index: QModelIndex,
        trigger: QAbstractItemView.EditTrigger = Edit.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        # The table's own Name cells lie under the frozen column: a name is edited there.
        if index.isValid() and index.column() == NAME_COLUMN:
            return self.names.edit(index, trigger, event)
        return super().edit(index, trigger, event)

    def state(self) -> QAbstractItemView.State:
        """Editing while a name is edited in the frozen column, too."""
        if self.names.state() == QAbstractItemView.State.EditingState:
            return self.names.state()
        return super().state()

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
        # Read here rather than made an action: an action of the table would show in its
        # right-click menu (it offers the table's actions), and where no editor opens (the
        # Segments column) Qt's own Return must still say "activated".
        if (
            EDIT_KEY.matches(event)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
            and self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event)
        ):
            return
        super().keyPressEvent(event)
