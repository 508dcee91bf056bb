"""What the window says back (issue 14): a refusal names the field as the page does and goes
with the next successful edit or page change; a delete says what it deleted, with an Undo
button that takes back exactly that step and nothing else; a read-only notice stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from window_support import make_window, open_and_wait

from planner import Plan
from ui.main_window import MainWindow
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.people.page import PeoplePage
from ui.pages.strike_zone.page import StrikeZonePage


@pytest.fixture
def window(qtbot, tmp_path, demo_path) -> MainWindow:
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


@pytest.fixture
def initiatives(window) -> InitiativesPage:
    return window.view.show_page(InitiativesPage)


def _type_into(qtbot, page: InitiativesPage, initiative_id: int, key: str, text: str) -> None:
    """Type ``text`` into the initiative's cell of column ``key`` and press Enter."""
    column = next(n for n, c in enumerate(page.columns) if c.key == key)
    view = page.table
    index = view.proxy_index(initiative_id, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)


def _first_two(window: MainWindow) -> tuple[int, int]:
    first, second, *_ = window.document.plan.initiatives.list()
    return first.id, second.id


def _delete(page: InitiativesPage, *ids: int) -> None:
    page.table.select_ids(list(ids), (ids[0], 0))
    page.delete()


# -- refusals ------------------------------------------------------------------------------


def test_a_refused_amount_names_the_column_as_the_page_does(qtbot, window, initiatives):
    first, _ = _first_two(window)
    _type_into(qtbot, initiatives, first, "revenue_target", "lots")
    assert "Revenue target: 'lots' is not an amount in USD" in window.notice.text()
    assert "revenue_target" not in window.notice.text()


def test_an_amount_typed_as_400k_is_four_hundred_thousand(qtbot, window, initiatives):
    first, _ = _first_two(window)
    _type_into(qtbot, initiatives, first, "budget", "400k")
    assert window.document.plan.initiatives.get(first).budget == 40_000_000
    assert window.notice.text() == ""


def test_a_refusal_goes_with_the_next_successful_edit(qtbot, window, initiatives):
    first, second = _first_two(window)
    _type_into(qtbot, initiatives, first, "budget", "400k!")
    assert window.notice.text() != ""
    _type_into(qtbot, initiatives, second, "budget", "45,000")
    assert window.notice.text() == ""


def test_a_refusal_goes_when_another_page_is_shown(qtbot, window, initiatives):
    first, _ = _first_two(window)
    _type_into(qtbot, initiatives, first, "budget", "-5")
    assert window.notice.text().endswith("Budget: must not be negative")
    window.view.show_page(PeoplePage)
    assert window.notice.text() == ""


def test_the_read_only_notice_stays_through_page_changes_and_refusals(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.set_plan(Plan.open(demo_path, read_only=True))
    read_only = window.notice.text()
    assert read_only.startswith("Opened read-only")
    window.view.show_page(PeoplePage)
    assert window.notice.text() == read_only
    window.document.refused.emit("Could not rename Webinar series: the plan is open read-only")
    window.view.show_page(InitiativesPage)
    assert window.notice.text() == read_only


# -- deletes and their Undo button ---------------------------------------------------------


def test_deleting_an_initiative_says_so_with_an_undo_button(window, initiatives):
    first, _ = _first_two(window)
    name = window.document.plan.initiatives.get(first).name
    _delete(initiatives, first)
    assert window.notice.text() == f"Deleted '{name}'"
    assert window.notice.property("severity") == "info"
    assert window.notice.action_button.isVisible()
    assert window.notice.action_button.text() == "Undo"


def test_deleting_several_initiatives_says_how_many(window, initiatives):
    _delete(initiatives, *_first_two(window))
    assert window.notice.text() == "Deleted 2 initiatives"


def test_the_undo_button_puts_the_deleted_initiative_back(qtbot, window, initiatives):
    plan = window.document.plan
    before = plan.initiatives.list()
    first, _ = _first_two(window)
    _delete(initiatives, first)
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert plan.initiatives.list() == before
    assert window.notice.text() == ""
    assert window.document.undo_stack.canRedo()  # the delete, for Redo


def test_after_another_edit_the_undo_button_is_gone_and_the_edit_stays(qtbot, window, initiatives):
    plan = window.document.plan
    first, second = _first_two(window)
    _delete(initiatives, first)
    _type_into(qtbot, initiatives, second, "budget", "45,000")
    assert not window.notice.action_button.isVisible()
    assert plan.initiatives.get(second).budget == 4_500_000


def test_an_undo_offered_for_a_step_undoes_nothing_once_the_stack_moved_on(
    qtbot, window, initiatives
):
    document = window.document
    first, second = _first_two(window)
    offered = []
    document.announced.connect(lambda _text, command: offered.append(command))
    _delete(initiatives, first)
    _type_into(qtbot, initiatives, second, "budget", "45,000")
    assert document.undo_if_last(offered[0]) is False
    assert document.plan.initiatives.get(second).budget == 4_500_000
    assert first not in {i.id for i in document.plan.initiatives.list()}


def test_an_undo_offered_for_a_step_undone_and_replaced_undoes_nothing(qtbot, window, initiatives):
    document = window.document
    first, second = _first_two(window)
    offered = []
    document.announced.connect(lambda _text, command: offered.append(command))
    _delete(initiatives, first)
    document.undo_stack.undo()  # Ctrl+Z
    _type_into(qtbot, initiatives, second, "budget", "45,000")  # same stack index as the delete
    assert document.undo_if_last(offered[0]) is False
    assert document.plan.initiatives.get(second).budget == 4_500_000


def test_deleting_a_person_says_so_with_an_undo_button(qtbot, window):
    plan = window.document.plan
    owners = {i.owner_id for i in plan.initiatives.list()}
    person = next(p for p in plan.people.list() if p.id not in owners)
    page = window.view.show_page(PeoplePage)
    assert page.people_table.select_person(person.id)
    assert page.delete_people()
    assert window.notice.text() == f"Deleted '{person.name}'"
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert person in plan.people.list()


def test_deleting_a_segment_says_so_with_an_undo_button(qtbot, window):
    plan = window.document.plan
    segment = plan.segments.list()[0]
    page = window.view.show_page(StrikeZonePage)
    assert page.segments_view.select_segment(segment.id)
    page.delete_action.trigger()
    assert window.notice.text() == f"Deleted '{segment.name}'"
    qtbot.mouseClick(window.notice.action_button, Qt.MouseButton.LeftButton)
    assert segment in plan.segments.list()
