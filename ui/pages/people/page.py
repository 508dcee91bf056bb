"""The People & roles page: the people table above the RACI grid (initiatives x people,
marketing and sales side by side). Edits go through undoable commands; the page reloads
what the core says changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner import ChangeSet, Entity, Person, Role, Team
from ui.document import PlanDocument
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import PEOPLE
from ui.pages.people import edits, role_edits
from ui.pages.people import raci_style as style
from ui.pages.people.legend import legend_text, section_label
from ui.pages.people.people_model import PeopleModel
from ui.pages.people.people_table import PeopleTable
from ui.pages.people.raci_data import build_grid, regroup
from ui.pages.people.raci_model import RaciModel
from ui.pages.people.raci_view import RaciView
from ui.pages.people.refresh_rules import empty_text, reload_for
from ui.pages.people.role_menu import role_menu
from ui.plain_text import rich_label, set_rich
from ui.widgets.page_header import PageHeader

_WIDGET_WITH_CHILDREN = Qt.ShortcutContext.WidgetWithChildrenShortcut


class PeoplePage(Page):
    """Who is on the team, and who is Accountable, Responsible, Consulted or Informed on
    each initiative."""

    title = PEOPLE.title
    icon_name = PEOPLE.icon_name
    depends_on = (Entity.PEOPLE, Entity.INITIATIVES, Entity.ROLES)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.editable = not document.read_only
        self.people_model = PeopleModel(self._edit_person if self.editable else None, self)
        self.people_table = PeopleTable(self.people_model)
        self.grid_model = RaciModel(self)
        self.grid = RaciView()
        self.grid.setModel(self.grid_model)
        self.grid.editable = self.editable
        self.role_menu: QMenu | None = None  # the last role menu opened (tests look at it)
        self._people: list[Person] = []
        self._build_actions()
        self._build_grid_controls()
        self._build_layout()
        self.grid.role_requested.connect(self.set_role)
        self.grid.menu_requested.connect(self.open_role_menu)
        self.grid.selectionModel().currentChanged.connect(self._update_actions)
        self.people_table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    # -- building ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.add_action = QAction(icon("add"), "Add person", self)
        self.add_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N")]
        )
        self.add_action.setToolTip("Add a person to the team (Insert or Ctrl+Shift+N)")
        self.add_action.triggered.connect(self.add_person)
        self.delete_action = QAction(icon("delete"), "Delete person", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the people table: in the grid, Delete clears roles.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.setToolTip(
            "Delete the selected people and their roles (refused while they own initiatives)"
        )
        self.delete_action.triggered.connect(self.delete_people)
        self.people_table.addAction(self.delete_action)
        owner_icon = style.letter_icon(Role.ACCOUNTABLE, style.is_dark())
        self.owner_action = QAction(owner_icon, "Make owner", self)
        self.owner_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.owner_action.setToolTip(
            "Make the person in the current cell the initiative's Accountable owner; "
            "the previous owner stays on as Responsible (Ctrl+Shift+A)"
        )
        self.owner_action.triggered.connect(self.make_owner)
        self.find_action = QAction("Find initiative", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        for action in (self.add_action, self.owner_action, self.find_action):
            action.setShortcutContext(_WIDGET_WITH_CHILDREN)
            self.addAction(action)

    def _build_grid_controls(self) -> None:
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find initiative…")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setAccessibleName("Find initiative in the grid")
        self.find_box.setMaximumWidth(260)
        self.find_box.textChanged.connect(self._filter_rows)
        self.find_box.returnPressed.connect(self._enter_grid)
        self.find_action.triggered.connect(lambda: self.find_box.setFocus())
        self.find_action.triggered.connect(self.find_box.selectAll)
        self.show_inactive = QCheckBox("Show inactive people")
        self.show_inactive.setChecked(True)
        self.show_inactive.setAccessibleName("Show inactive people in the grid")
        self.show_inactive.toggled.connect(lambda _on: self._regroup())

    def _build_layout(self) -> None:
        header = PageHeader(
            self.title,
            "Who is on the team, and who is Accountable, Responsible, Consulted or Informed "
            "on each initiative. Sales and marketing share one grid.",
        )
        header.add_action(self.add_action)
        header.add_action(self.delete_action)
        header.add_action(self.owner_action)
        header.add_widget(self.show_inactive)

        self.people_label = section_label("People")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.people_label)
        top_layout.addWidget(self.people_table)

        self.grid_label = section_label("Roles")
        self.legend = rich_label(legend_text(style.is_dark()))
        self.legend.setWordWrap(True)  # a narrow window wraps it rather than growing wider
        self.legend.setAccessibleName("Legend of the role letters")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        grid_bar = QHBoxLayout()
        grid_bar.addWidget(self.grid_label)
        grid_bar.addStretch(1)
        grid_bar.addWidget(self.find_box)
        bottom_layout.addLayout(grid_bar)
        bottom_layout.addWidget(self.grid, 1)
        bottom_layout.addWidget(self.legend)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.splitter, 1)

    # -- Page ----------------------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload what changed: the whole grid when initiatives came or went (or were
        renamed), just the columns when people changed, just the touched rows when only
        roles changed. The current cell stays where it was."""
        reload = reload_for(changes)
        if reload.everything:
            self._reload_all()
            return
        if reload.people:
            self._reload_people()
            self._regroup()
        for initiative_id in reload.role_rows:
            self.grid_model.update_roles(
                initiative_id, self.plan.roles.for_initiative(initiative_id)
            )

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """For the findings "no owner", "inactive owner" (field ``owner``) and "no sales
        person" (``roles``): select the initiative's row at the cell that fixes it (its
        owner, or the first salesperson), scroll to it and focus the grid."""
        if field not in ("owner", "roles") or initiative_id is None:
            return False
        self.ensure_fresh()
        if self.grid_model.row_of(initiative_id) is None and self.find_box.text():
            self.find_box.clear()  # it may be filtered out
        owner = self.grid_model.grid.owners.get(initiative_id)
        if owner is not None and self.grid_model.column_of(owner) is None:
            self.show_inactive.setChecked(True)  # "inactive owner": show who it is
        row = self.grid_model.row_of(initiative_id)
        if row is None or self.grid_model.columnCount() == 0:
            return False
        column = self._column_for(initiative_id, field)
        index = self.grid_model.index(row, column)
        self.grid.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._scroll_to_current()
        # Called while the page is hidden (the window shows it next), the view has no size
        # yet to scroll by: do it again once the page is on screen.
        QTimer.singleShot(0, self, self._scroll_to_current)
        return True

    def _scroll_to_current(self) -> None:
        self.grid.scrollTo(self.grid.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.grid.setFocus()

    # -- people --------------------------------------------------------------------------

    def add_person(self) -> bool:
        """Add "New person" in Marketing, select them and start editing the name."""
        command = edits.add_person(self.plan)
        if not self.document.run(command):
            return False
        assert command.person_id is not None
        if self.people_model.position(command.person_id) is None:  # not refreshed (hidden)
            self.refresh(None)
        self.people_table.edit_name(command.person_id)
        return True

    def delete_people(self) -> bool:
        """Delete the selected people (one undo step); the core refuses owners."""
        people = self.people_table.selected_people()
        if not people:
            return False
        return self.document.run(edits.delete_people(self.plan, people))

    def _edit_person(self, person: Person, key: str, value: object) -> bool:
        return self.document.run(edits.edit_person(self.plan, person, key, value))

    # -- roles ---------------------------------------------------------------------------

    def set_role(self, role: Role | None) -> bool:
        """Set ``role`` (``None`` clears) on the selected cells, as one undo step."""
        cells = self.selected_cells()
        if not self.editable or not cells:
            return False
        command = role_edits.set_roles(self.plan, self._names(), cells, role)
        return command is not None and self.document.run(command)

    def make_owner(self) -> bool:
        """Hand the current cell's initiative to the cell's person."""
        index = self.grid.currentIndex()
        if not self.editable or not index.isValid():
            return False
        initiative_id, person_id = self.grid_model.cell(index)
        command = role_edits.make_owner(self.plan, self._names(), initiative_id, person_id)
        return command is not None and self.document.run(command)

    def selected_cells(self) -> list[tuple[int, int]]:
        """(initiative id, person id) of the selected cells, or of the current cell."""
        indexes = self.grid.selectionModel().selectedIndexes()
        if not indexes and self.grid.currentIndex().isValid():
            indexes = [self.grid.currentIndex()]
        return [self.grid_model.cell(i) for i in indexes]

    def open_role_menu(self, where: QPoint) -> None:
        """Pop up the role menu for the selected cells at ``where`` (global)."""
        current = self.grid.currentIndex()
        held = self.grid_model.role_at(current)
        if self.role_menu is not None:
            self.role_menu.deleteLater()
        self.role_menu = role_menu(self, held, self.set_role, self.owner_action, self.editable)
        self.role_menu.popup(where)

    def _names(self) -> role_edits.Names:
        grid = self.grid_model.grid
        return role_edits.Names(grid.person_names, grid.initiative_names)

    def _column_for(self, initiative_id: int, field: str) -> int:
        grid = self.grid_model.grid
        if field == "owner":
            owner = grid.owners.get(initiative_id)
            column = self.grid_model.column_of(owner) if owner is not None else None
        else:
            column = next((n for n, c in enumerate(grid.columns) if c.team is Team.SALES), None)
        return column or 0

    # -- loading -------------------------------------------------------------------------

    def _reload_all(self) -> None:
        self._reload_people()
        with self.grid.keeping_current():
            grid = build_grid(
                self.plan.initiatives.list(),
                self._people,
                self.plan.roles.all(),
                show_inactive=self.show_inactive.isChecked(),
            )
            self.grid_model.set_grid(grid)
            self.grid.set_row_header_width([row.name for row in grid.rows])
            self.grid.set_groups(grid.groups())
        self._label_grid()

    def _reload_people(self) -> None:
        # Id order: a rename then repaints a row rather than resetting the table under the
        # open editor; the table's proxy sorts by name.
        self._people = sorted(self.plan.people.list(), key=lambda p: p.id)
        self.people_model.set_rows(self._people)
        active = sum(p.active for p in self._people)
        self.people_label.setText(
            f"People · {len(self._people)}"
            + ("" if active == len(self._people) else f" ({active} active)")
        )

    def _regroup(self) -> None:
        with self.grid.keeping_current():
            grid = regroup(
                self.grid_model.grid, self._people, show_inactive=self.show_inactive.isChecked()
            )
            self.grid_model.set_grid(grid)
            self.grid.set_groups(grid.groups())
        self._label_grid()

    def _filter_rows(self, text: str) -> None:
        with self.grid.keeping_current():
            self.grid_model.set_filter(text)
        self._label_grid()

    def _enter_grid(self) -> None:
        """Return in the find box: on to the first initiative found."""
        if self.grid_model.rowCount() and self.grid_model.columnCount():
            if not self.grid.currentIndex().isValid():
                self.grid.setCurrentIndex(self.grid_model.index(0, 0))
            self.grid.setFocus()

    def _label_grid(self) -> None:
        grid = self.grid_model.grid
        shown = self.grid_model.rowCount()
        rows = f"{len(grid.rows)}" if shown == len(grid.rows) else f"{shown} of {len(grid.rows)}"
        self.grid_label.setText(f"Roles · {rows} initiatives × {len(grid.columns)} people")
        self.grid.empty_text = empty_text(
            len(grid.rows), shown, len(grid.columns), self.find_box.text().strip()
        )
        self.grid.viewport().update()

    def _update_actions(self, *_args: object) -> None:
        self.add_action.setEnabled(self.editable)
        self.delete_action.setEnabled(
            self.editable and bool(self.people_table.selectionModel().selectedRows())
        )
        self.owner_action.setEnabled(self.editable and self.grid.currentIndex().isValid())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark scheme
            dark = style.is_dark()
            self.grid_model.refresh_colours()
            set_rich(self.legend, legend_text(dark))
            self.owner_action.setIcon(style.letter_icon(Role.ACCOUNTABLE, dark))
        super().changeEvent(event)
