"""The People & roles page in use: keys and clicks on the RACI grid, the people table's
actions, refusals with their reasons, undo through the grid, reveal, and a read-only plan."""

from __future__ import annotations

import time

import pytest
from people_support import Refusals, TeamPlan, make_plan, team_fixture  # noqa: F401  (a fixture)
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from planner import Plan, Role
from planner.demo import build_demo
from ui.document import PlanDocument
from ui.pages.people import PeoplePage
from ui.plain_text import tooltip_text

ADD = QItemSelectionModel.SelectionFlag.Select
CLEAR_AND_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect


@pytest.fixture
def page(qtbot, team) -> PeoplePage:
    page = PeoplePage(team.document)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def cell(page: PeoplePage, initiative_id: int, person_id: int):
    model = page.grid_model
    return model.index(model.row_of(initiative_id), model.column_of(person_id))


def letter(page: PeoplePage, initiative_id: int, person_id: int) -> str | None:
    return cell(page, initiative_id, person_id).data()


def click_cell(page: PeoplePage, initiative_id: int, person_id: int) -> None:
    page.grid.selectionModel().setCurrentIndex(
        cell(page, initiative_id, person_id), CLEAR_AND_SELECT
    )


def press(qtbot, page: PeoplePage, key: Qt.Key) -> None:
    page.grid.setFocus()
    qtbot.keyClick(page.grid, key)


def mouse(page: PeoplePage, index, *kinds: QEvent.Type) -> None:
    """Send these mouse events to the grid at a cell, as a real mouse would in order
    (QTest's double-click does not send the press and release before it)."""
    viewport = page.grid.viewport()
    where = QPointF(page.grid.visualRect(index).center())
    for kind in kinds:
        down = kind != QEvent.Type.MouseButtonRelease
        event = QMouseEvent(
            kind,
            where,
            QPointF(viewport.mapToGlobal(where)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if down else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)


CLICK = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
DOUBLE_CLICK = (*CLICK, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease)


def person_row(page: PeoplePage, person_id: int, key: str = "name"):
    return page.people_table.index_of(person_id, key)


# -- what it shows ------------------------------------------------------------------------


def test_page_is_people_and_roles_with_its_icon(page):
    assert (page.title, page.icon_name) == ("People & roles", "people")


def test_page_lists_every_person_in_the_table(page):
    shown = {page.people_table.model().index(n, 0).data() for n in range(5)}
    assert shown == {"Ann Lee", "Bob Ray", "Cat Diaz", "Dee Moss", "Eve Park"}


def test_grid_has_a_row_per_initiative_and_a_column_per_person(page):
    assert (page.grid_model.rowCount(), page.grid_model.columnCount()) == (2, 5)


def test_grid_shows_the_roles_of_the_plan(page, team):
    assert letter(page, team.webinar, team.ann) == "A"
    assert letter(page, team.webinar, team.bob) == "R"
    assert letter(page, team.show, team.ann) is None


def test_grid_names_initiatives_in_the_row_header(page, team):
    header = page.grid_model.headerData(0, Qt.Orientation.Vertical)
    assert header == "Trade show"


def test_legend_explains_the_letters(page):
    text = page.legend.text()
    for words in ("Accountable (exactly one)", "Responsible", "Consulted", "Informed"):
        assert words in text


def test_sections_count_people_and_initiatives(page):
    assert page.people_label.text() == "People · 5 (4 active)"
    assert page.grid_label.text() == "Roles · 2 initiatives × 5 people"


# -- keys on the grid ---------------------------------------------------------------------


def test_pressing_r_makes_the_current_cells_person_responsible(qtbot, page, team):
    click_cell(page, team.show, team.cat)
    press(qtbot, page, Qt.Key.Key_R)
    assert team.roles(team.show) == {team.cat: Role.RESPONSIBLE}
    assert letter(page, team.show, team.cat) == "R"


def test_a_letter_pressed_with_shift_sets_the_role_too(qtbot, page, team):
    click_cell(page, team.show, team.cat)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    assert team.roles(team.show) == {team.cat: Role.RESPONSIBLE}


def test_the_role_keys_are_actions_of_the_grid_for_the_shortcut_sheet(page):
    keys = {a.text(): a.shortcut().toString() for a in page.grid.actions()}
    assert keys == {
        "Make the selected cells Accountable": "A",
        "Make the selected cells Responsible": "R",
        "Make the selected cells Consulted": "C",
        "Make the selected cells Informed": "I",
        "Clear the selected cells": "Del",
        "Open the role menu": "F2",
    }


def test_pressing_a_on_an_initiative_without_owner_makes_the_owner(qtbot, page, team):
    click_cell(page, team.show, team.bob)
    press(qtbot, page, Qt.Key.Key_A)
    assert team.plan.initiatives.get(team.show).owner_id == team.bob
    header_tip = tooltip_text(
        page.grid_model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    )
    assert header_tip == "Trade show\nOwner: Bob Ray"


def test_pressing_a_where_someone_owns_it_is_refused_with_the_reason(qtbot, page, team):
    refusals = Refusals(team.document)
    click_cell(page, team.webinar, team.cat)
    press(qtbot, page, Qt.Key.Key_A)
    assert len(refusals.messages) == 1
    assert "already has an Accountable owner, Ann Lee" in refusals.messages[0]
    assert "Make owner" in refusals.messages[0]
    assert letter(page, team.webinar, team.cat) is None
    assert team.plan.initiatives.get(team.webinar).owner_id == team.ann


def test_delete_clears_the_selected_cell(qtbot, page, team):
    click_cell(page, team.webinar, team.bob)
    press(qtbot, page, Qt.Key.Key_Delete)
    assert team.bob not in team.roles(team.webinar)
    assert letter(page, team.webinar, team.bob) is None
    assert len(team.plan.people.list()) == 5  # the person stays: Delete there is for roles


def test_backspace_clears_too(qtbot, page, team):
    click_cell(page, team.webinar, team.dee)
    press(qtbot, page, Qt.Key.Key_Backspace)
    assert team.dee not in team.roles(team.webinar)


def test_deleting_the_owner_cell_reads_remove_owner_in_the_undo_menu(qtbot, page, team):
    click_cell(page, team.webinar, team.ann)
    press(qtbot, page, Qt.Key.Key_Delete)
    assert team.document.undo_stack.undoText() == "remove owner of Webinar series"


def test_a_key_over_many_selected_cells_is_one_undo_step(qtbot, page, team):
    selection = page.grid.selectionModel()
    for initiative in (team.webinar, team.show):
        for person in (team.cat, team.eve):
            selection.select(cell(page, initiative, person), ADD)
    press(qtbot, page, Qt.Key.Key_I)
    assert team.document.undo_stack.count() == 1
    assert team.document.undo_stack.undoText() == "set 4 cells to Informed"
    assert letter(page, team.show, team.eve) == "I"


def test_undo_takes_the_grid_back(qtbot, page, team):
    click_cell(page, team.show, team.cat)
    press(qtbot, page, Qt.Key.Key_C)
    team.document.undo_stack.undo()
    assert letter(page, team.show, team.cat) is None
    team.document.undo_stack.redo()
    assert letter(page, team.show, team.cat) == "C"


def test_keys_with_ctrl_are_left_to_the_view(qtbot, page, team):
    click_cell(page, team.show, team.cat)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert team.roles(team.show) == {}


def test_make_owner_hands_the_initiative_over(page, team):
    click_cell(page, team.webinar, team.cat)
    page.owner_action.trigger()
    assert letter(page, team.webinar, team.cat) == "A"
    assert letter(page, team.webinar, team.ann) == "R"
    assert team.document.undo_stack.undoText() == "make Cat Diaz owner of Webinar series"


def test_ctrl_shift_a_in_the_grid_makes_owner(qtbot, page, team):
    click_cell(page, team.webinar, team.bob)
    page.grid.setFocus()
    qtbot.keySequence(page.grid, QKeySequence("Ctrl+Shift+A"))
    assert team.plan.initiatives.get(team.webinar).owner_id == team.bob


def test_insert_adds_a_person(qtbot, page, team):
    page.people_table.setFocus()
    qtbot.keySequence(page.people_table, QKeySequence(Qt.Key.Key_Insert))
    assert "New person" in {p.name for p in team.plan.people.list()}


def test_delete_in_the_people_table_deletes_the_person_not_a_role(qtbot, page, team):
    page.people_table.select_person(team.cat)
    page.people_table.setFocus()
    qtbot.keySequence(page.people_table, QKeySequence(QKeySequence.StandardKey.Delete))
    assert team.cat not in {p.id for p in team.plan.people.list()}


# -- the role menu ------------------------------------------------------------------------


def test_double_click_opens_one_role_menu_with_the_cells_role_ticked(qtbot, page, team):
    mouse(page, cell(page, team.webinar, team.bob), *DOUBLE_CLICK)
    menu = page.role_menu
    assert menu is not None and menu.isVisible()
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    assert ticked == ["Responsible\tR"]
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    assert page.role_menu is menu  # no second menu from a "selected click" timer
    menu.close()


def test_choosing_in_the_role_menu_sets_the_role(page, team):
    click_cell(page, team.show, team.dee)
    page.grid.menu_requested.emit(QPoint(10, 10))
    consulted = next(a for a in page.role_menu.actions() if a.text().startswith("Consulted"))
    consulted.trigger()
    assert team.roles(team.show) == {team.dee: Role.CONSULTED}


def test_role_menu_offers_no_role_and_make_owner(page, team):
    click_cell(page, team.show, team.dee)
    page.open_role_menu(QPoint(10, 10))
    texts = [a.text() for a in page.role_menu.actions() if not a.isSeparator()]
    assert texts[-2:] == ["No role\tDel", "Make owner"]
    page.role_menu.close()


def test_f2_opens_the_role_menu(qtbot, page, team):
    click_cell(page, team.show, team.dee)
    press(qtbot, page, Qt.Key.Key_F2)
    assert page.role_menu is not None and page.role_menu.isVisible()
    page.role_menu.close()


def test_a_click_on_the_selected_cell_opens_the_menu_after_the_double_click_time(qtbot, page, team):
    index = cell(page, team.show, team.dee)
    mouse(page, index, *CLICK)
    assert page.role_menu is None  # the first click only selects
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    mouse(page, index, *CLICK)
    assert page.role_menu is None  # not yet: this may be the start of a double-click
    qtbot.waitUntil(lambda: page.role_menu is not None and page.role_menu.isVisible())
    page.role_menu.close()


# -- the people table ---------------------------------------------------------------------


def test_add_person_selects_the_new_row_and_edits_its_name(qtbot, page, team):
    page.add_action.trigger()
    added = next(p for p in team.plan.people.list() if p.name == "New person")
    assert page.people_table.currentIndex() == person_row(page, added.id)
    assert page.people_table.state() == QAbstractItemView.State.EditingState
    assert page.grid_model.column_of(added.id) is not None


def test_typing_a_name_renames_the_new_person(qtbot, page, team):
    page.add_action.trigger()
    editor = page.people_table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Fay Gold")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: "Fay Gold" in {p.name for p in team.plan.people.list()})
    assert team.document.undo_stack.undoText() == "rename New person"


def test_undoing_add_person_removes_the_row(page, team):
    page.add_action.trigger()
    page.people_table.closePersistentEditor(page.people_table.currentIndex())
    team.document.undo_stack.undo()
    assert page.people_model.rowCount() == 5
    assert page.grid_model.columnCount() == 5


def test_deleting_an_owner_is_refused_naming_what_they_own(page, team):
    refusals = Refusals(team.document)
    page.people_table.select_person(team.ann)
    assert not page.delete_people()
    assert refusals.messages[0].endswith(
        "Ann Lee is accountable for Webinar series; give those initiatives another owner first"
    )
    assert page.people_model.position(team.ann) is not None


def test_deleting_a_person_and_undoing_brings_back_their_column_and_roles(page, team):
    page.people_table.select_person(team.bob)
    assert page.delete_action.isEnabled()
    page.delete_action.trigger()
    assert page.grid_model.column_of(team.bob) is None
    team.document.undo_stack.undo()
    assert letter(page, team.webinar, team.bob) == "R"


def test_a_bad_email_typed_in_the_table_is_refused_and_the_cell_keeps_its_value(page, team):
    refusals = Refusals(team.document)
    index = person_row(page, team.bob, "email")
    assert not page.people_table.model().setData(index, "not an address")
    assert "E-mail: 'not an address' is not an e-mail address" in refusals.messages[0]
    assert index.data() == "bob@example.com"


def test_renaming_in_the_table_renames_the_grid_column(page, team):
    page.people_table.model().setData(person_row(page, team.cat), "Cat Dunn")
    column = page.grid_model.column_of(team.cat)
    assert page.grid_model.headerData(column, Qt.Orientation.Horizontal) == "Cat Dunn"


def test_changing_team_moves_the_column_to_that_team(page, team):
    page.people_table.model().setData(person_row(page, team.ann, "team"), "Leadership")
    column = page.grid_model.column(page.grid_model.column_of(team.ann))
    assert column.team.value == "Leadership"
    assert letter(page, team.webinar, team.ann) == "A"


def test_the_team_combo_box_moves_a_person_to_sales(qtbot, page, team):
    index = person_row(page, team.ann, "team")
    page.people_table.setCurrentIndex(index)
    page.people_table.edit(index)
    combo = page.people_table.findChild(QComboBox)
    assert [combo.itemText(n) for n in range(combo.count())] == [
        "Marketing",
        "Sales",
        "Leadership",
        "Partner/agency",
    ]
    assert combo.currentText() == "Marketing"
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: team.plan.people.get(team.ann).team.value == "Sales")
    assert team.document.undo_stack.undoText() == "change team of Ann Lee"


def test_unticking_active_dims_the_persons_column(page, team):
    index = person_row(page, team.bob, "active")
    page.people_table.model().setData(
        index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert team.plan.people.get(team.bob).active is False
    assert not page.grid_model.column(page.grid_model.column_of(team.bob)).active
    assert team.document.undo_stack.undoText() == "mark Bob Ray inactive"


def test_show_inactive_off_hides_inactive_people_from_the_grid(page, team):
    page.show_inactive.setChecked(False)
    assert page.grid_model.column_of(team.eve) is None
    page.show_inactive.setChecked(True)
    assert page.grid_model.column_of(team.eve) is not None


# -- refresh and reveal -------------------------------------------------------------------


def test_the_current_cell_stays_through_a_full_refresh(page, team):
    click_cell(page, team.webinar, team.dee)
    page.refresh(None)
    assert page.grid_model.cell(page.grid.currentIndex()) == (team.webinar, team.dee)


def test_an_edit_made_elsewhere_shows_in_the_grid(page, team):
    team.plan.roles.set(team.show, team.eve, "C")
    assert letter(page, team.show, team.eve) == "C"


def test_a_new_initiative_made_elsewhere_gets_a_row(page, team):
    team.plan.initiatives.add(name="Analyst day", channel_id=team.plan.channels.named("Event").id)
    assert page.grid_model.rowCount() == 3


def test_reveal_owner_selects_the_owners_cell(page, team):
    assert page.reveal(team.webinar, "owner")
    assert page.grid_model.cell(page.grid.currentIndex()) == (team.webinar, team.ann)


def test_reveal_owner_without_owner_selects_the_first_cell_of_the_row(page, team):
    assert page.reveal(team.show, "owner")
    current = page.grid.currentIndex()
    assert (current.row(), current.column()) == (page.grid_model.row_of(team.show), 0)


def test_reveal_roles_selects_the_first_salesperson(page, team):
    assert page.reveal(team.show, "roles")
    assert page.grid_model.cell(page.grid.currentIndex()) == (team.show, team.bob)


def test_reveal_of_an_inactive_owner_shows_inactive_people_again(page, team):
    team.plan.roles.set_owner(team.show, team.eve)
    page.show_inactive.setChecked(False)
    assert page.reveal(team.show, "owner")
    assert page.show_inactive.isChecked()
    assert page.grid_model.cell(page.grid.currentIndex()) == (team.show, team.eve)


def test_reveal_of_an_unknown_initiative_or_other_field_is_false(page, team):
    assert not page.reveal(999, "owner")
    assert not page.reveal(team.webinar, "budget")


def test_find_box_filters_the_grids_initiatives(qtbot, page, team):
    page.find_action.trigger()
    assert page.find_box.hasFocus()
    qtbot.keyClicks(page.find_box, "webi")
    assert page.grid_model.rowCount() == 1
    assert page.grid_label.text() == "Roles · 1 of 2 initiatives × 5 people"


def test_return_in_the_find_box_moves_to_the_grid(qtbot, page, team):
    qtbot.keyClicks(page.find_box, "trade")
    qtbot.keyClick(page.find_box, Qt.Key.Key_Return)
    assert page.grid.hasFocus()
    assert page.grid_model.cell(page.grid.currentIndex())[0] == team.show


def test_reveal_of_a_filtered_out_initiative_clears_the_filter(page, team):
    page.find_box.setText("trade")
    assert page.reveal(team.webinar, "owner")
    assert page.find_box.text() == ""
    assert page.grid_model.cell(page.grid.currentIndex()) == (team.webinar, team.ann)


def test_an_empty_plan_says_how_to_fill_the_grid(qtbot, qapp):
    document = PlanDocument(Plan.in_memory())
    page = PeoplePage(document)
    qtbot.addWidget(page)
    page.show()
    assert page.grid.empty_text == "No one to give roles to yet. Add people above (Insert)."
    document.close()


def test_a_find_with_no_match_says_so(page):
    page.find_box.setText("zebra")
    assert page.grid.empty_text == "No initiative's name holds “zebra”."


def test_a_dark_palette_recolours_the_role_letters(page, team):
    from ui import theme

    app = QApplication.instance()
    index = cell(page, team.webinar, team.ann)
    light = index.data(Qt.ItemDataRole.ForegroundRole).name()
    original = app.palette()
    try:
        app.setPalette(theme.dark_palette())
        QApplication.processEvents()
        assert index.data(Qt.ItemDataRole.ForegroundRole).name() != light
    finally:
        app.setPalette(original)


# -- a read-only plan ---------------------------------------------------------------------


@pytest.fixture
def read_only_page(qtbot, tmp_path, qapp):
    plan, ids = make_plan()
    path = tmp_path / "team.smplan"
    plan.save_copy(path)
    plan.close()
    document = PlanDocument(Plan.open(path, read_only=True))
    page = PeoplePage(document)
    qtbot.addWidget(page)
    page.show()
    yield page, ids
    document.close()


def test_read_only_plan_offers_no_edits(read_only_page):
    page, _ids = read_only_page
    assert not page.add_action.isEnabled()
    assert not page.owner_action.isEnabled()
    assert not page.people_model.flags(page.people_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_read_only_plan_ignores_role_keys(qtbot, read_only_page):
    page, ids = read_only_page
    click_cell(page, ids["show"], ids["cat"])
    press(qtbot, page, Qt.Key.Key_R)
    assert page.plan.roles.for_initiative(ids["show"]) == []
    assert page.document.undo_stack.count() == 0


# -- the large plan -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "large.smplan"
    build_demo(path, size="large")
    return path


@pytest.fixture
def large_page(qtbot, large_path, qapp):
    document = PlanDocument(Plan.open(large_path))
    page = PeoplePage(document)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    QApplication.processEvents()
    yield page
    document.undo_stack.clear()
    document.close()


@pytest.mark.slow
def test_large_plan_fills_the_grid_and_takes_a_role_edit(large_page, record_property):
    page = large_page
    assert (page.grid_model.rowCount(), page.grid_model.columnCount()) == (2000, 80)
    started = time.perf_counter()
    page.refresh(None)
    QApplication.processEvents()
    record_property("refresh_seconds", time.perf_counter() - started)

    index = page.grid_model.index(1000, 40)
    page.grid.selectionModel().setCurrentIndex(index, CLEAR_AND_SELECT)
    page.grid.scrollTo(index)
    wanted = Role.CONSULTED if index.data() != "C" else Role.INFORMED
    started = time.perf_counter()
    assert page.set_role(wanted)
    QApplication.processEvents()
    record_property("role_edit_seconds", time.perf_counter() - started)
    assert index.data() == wanted.value


@pytest.mark.slow
def test_large_plan_reveal_on_a_hidden_page_scrolls_once_shown(qtbot, large_page):
    page = large_page
    page.hide()
    far = page.grid_model.grid.rows[1500].initiative_id
    assert page.reveal(far, "owner")
    page.show()
    middle = page.grid.viewport().height() // 2
    qtbot.waitUntil(lambda: abs(page.grid.rowAt(middle) - 1500) < 3)
