"""Shared set-up of the Initiatives page tests: a small plan built in memory, the page over
the demo plan, and helpers that find rows and type into cells as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from planner import Initiative, Plan
from ui.document import PlanDocument
from ui.pages.initiatives import InitiativesPage
from ui.pages.initiatives.columns import column_index


@dataclass
class Small:
    """A plan small enough to reason about row by row."""

    plan: Plan
    ann: int  # Marketing
    bob: int  # Sales
    old: int  # Marketing, no longer active
    core: int
    edge: int
    outside: int
    webinar: int  # Ann owns it; Bob is Responsible; core + edge; $9,000 / $60,000
    summit: int  # Bob owns it; outside only; $110,000 / $900,000; Oct 2026 to Mar 2027
    guide: int  # no owner, no segment, no budget


def small_plan() -> Small:
    plan = Plan.in_memory(first_month="2026-01", months=15)
    ann = plan.people.add(name="Ann Lee", team="Marketing").id
    bob = plan.people.add(name="bob Ray", team="Sales").id
    old = plan.people.add(name="Olga Old", team="Marketing", active=False).id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    outside = plan.segments.add(name="Hobbyists", tier="outside").id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel_id=plan.channels.named("Webinar").id,
        status="active",
        start_month="2026-02",
        end_month="2026-06",
        budget=900_000,
        revenue_target=6_000_000,
        segment_ids=[edge, core],
        owner_id=ann,
        problem="Month-end close takes two weeks",
        so_what="Controllers miss board deadlines",
        why_us="We automate reconciliations",
    ).id
    plan.roles.set(webinar, bob, "R")
    summit = plan.initiatives.add(
        name="summit booth",
        channel_id=plan.channels.named("Event").id,
        status="planned",
        start_month="2026-10",
        end_month="2027-03",
        budget=11_000_000,
        revenue_target=90_000_000,
        segment_ids=[outside],
        owner_id=bob,
    ).id
    guide = plan.initiatives.add(
        name="Accounting guide", channel_id=plan.channels.named("Content").id, status="idea"
    ).id
    return Small(plan, ann, bob, old, core, edge, outside, webinar, summit, guide)


def by_name(plan: Plan, name: str) -> Initiative:
    return next(i for i in plan.initiatives.list() if i.name == name)


@pytest.fixture
def doc(small: Small, qapp: object) -> Iterator[PlanDocument]:
    """The test module's ``small`` plan as a document with an undo stack, closed after."""
    document = PlanDocument(small.plan)
    yield document
    document.close()


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> Iterator[InitiativesPage]:
    """The page over the demo plan, shown (pages refresh when shown)."""
    yield show_page(qtbot, InitiativesPage(document))


def show_page(qtbot: QtBot, shown: InitiativesPage) -> InitiativesPage:
    """Show a page as the active window (so it has the keyboard), the window's size."""
    qtbot.addWidget(shown)
    shown.resize(1400, 850)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=2000)
    return shown


def cell(page: InitiativesPage, initiative_id: int, key: str) -> QModelIndex:
    """The view's index of an initiative's cell in the column with this key."""
    column = column_index(page.columns, key)
    assert column is not None
    index = page.table.proxy_index(initiative_id, column)
    assert index.isValid()
    return index


def open_editor(qtbot: QtBot, page: InitiativesPage, index: QModelIndex):
    """Make ``index`` current and press F2, as a user starts editing a cell."""
    page.table.setFocus()
    page.table.clearSelection()  # as a click on the cell does
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.table
    if isinstance(editor.parent(), QComboBox):  # a combo box one may type into (months)
        return editor.parent()
    return editor


def type_as_a_person(qtbot: QtBot, page: InitiativesPage, index: QModelIndex, text: str) -> None:
    """Select a cell and just type, then Enter: the first key opens the cell's editor and
    the rest go where the keyboard's focus then is."""
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClicks(page.table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.table
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState, timeout=2000)


def type_into_cell(qtbot: QtBot, page: InitiativesPage, index: QModelIndex, text: str) -> None:
    """Edit a text or money cell: F2, select all, type, Enter."""
    editor = open_editor(qtbot, page, index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState, timeout=2000)


def choose_in_cell(qtbot: QtBot, page: InitiativesPage, index: QModelIndex, label: str) -> None:
    """Edit a choice cell: F2, then pick the entry with this label (as a click would)."""
    editor = open_editor(qtbot, page, index)
    assert isinstance(editor, QComboBox)
    found = editor.findText(label)
    assert found >= 0, f"{label!r} is not offered"
    editor.setCurrentIndex(found)
    editor.activated.emit(found)
