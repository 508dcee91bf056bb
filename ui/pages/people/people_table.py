"""The people table: a sortable view over :class:`PeopleModel`, with a team combo box, and
lookups by person id for the page (select, start editing, the selected people)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from planner import Person
from ui.pages.people.people_columns import team_choices
from ui.pages.people.people_model import PeopleModel
from ui.tables.rows_model import SORT_ROLE
from ui.widgets.delegates import ChoiceDelegate

_WIDTHS = {"name": 180, "team": 130, "title": 240, "email": 280, "active": 70}


class PeopleTable(QTableView):
    """Rows of :class:`PeopleModel` sorted by name (a click on a header sorts by it).

    The model keeps rows in id order, so a rename repaints one row instead of resetting
    the table under an open editor; the proxy does the sorting.
    """

    def __init__(self, model: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setAccessibleName("People")
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._team_delegate = ChoiceDelegate(team_choices(), self)
        for n, column in enumerate(model.columns):
            if column.key == "team":
                self.setItemDelegateForColumn(n, self._team_delegate)
            self.setColumnWidth(n, _WIDTHS.get(column.key, 120))
        # The e-mail column takes the spare width; the check box column stays narrow.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.column_of("email"), QHeaderView.ResizeMode.Stretch)

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self.people.columns) if c.key == key)

    def index_of(self, person_id: int, key: str = "name") -> QModelIndex:
        """The view's index of a person's cell, invalid if they are not listed."""
        row = self.people.position(person_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.people.index(row, self.column_of(key)))

    def select_person(self, person_id: int) -> bool:
        index = self.index_of(person_id)
        if not index.isValid():
            return False
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True

    def edit_name(self, person_id: int) -> bool:
        """Select the person and open the editor on their name."""
        if not self.select_person(person_id):
            return False
        self.setFocus()
        return self.edit(
            self.index_of(person_id), QAbstractItemView.EditTrigger.AllEditTriggers, None
        )

    def selected_people(self) -> list[Person]:
        """The people of the selected rows, or of the current row if none is selected."""
        rows = {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        if not rows and self.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.currentIndex()).row()}
        return [self.people.row(n) for n in sorted(rows)]
