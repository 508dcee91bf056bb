"""The Waterfall page in the app's window: listed right after the Timeline, reached with Ctrl+8
from the View menu, shown again when the plan opens again; a double click on an initiative's
row opens it on the Initiatives page; Keep is undone from the Edit menu by its name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from waterfall_support import choose_grouping
from window_support import make_window, open_and_wait

from ui.pages.catalogue import PAGES, WATERFALL
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.waterfall.page import WaterfallPage


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    open_and_wait(window, demo_path)
    return window


def waterfall_page(window) -> WaterfallPage:
    page = window.view.show_page(WATERFALL)
    assert isinstance(page, WaterfallPage)
    return page


def test_the_waterfall_is_listed_right_after_the_timeline(window):
    titles = [window.view.sidebar.title(row) for row in range(window.view.sidebar.count())]
    assert titles.index("Waterfall") == titles.index("Timeline") + 1


def test_ctrl_8_shows_the_waterfall(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keySequence(window, QKeySequence("Ctrl+8"))
    assert window.view.current_page().title == "Waterfall"


def test_the_view_menu_names_the_waterfall_with_its_shortcut(window):
    action = window.page_actions[PAGES.index(WATERFALL)]
    assert action.text() == "&Waterfall"
    assert action.shortcut().toString() == "Ctrl+8"


def test_the_waterfall_shown_when_the_plan_closed_is_shown_again(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.view.show_page(WATERFALL)
    window.close_plan()

    again = make_window(qtbot, tmp_path)
    open_and_wait(again, demo_path)

    assert PAGES[again.view.sidebar.currentRow()] is WATERFALL


def test_a_double_click_on_an_initiative_opens_it_on_the_initiatives_page(window):
    page = waterfall_page(window)
    choose_grouping(page, "Initiative")
    chosen = page.rows[3]
    page.choose_group(chosen.key)
    view = page.groups_view
    place = view.visualRect(view.currentIndex()).center()

    # A real double click: press, release, then the second press Qt makes a double click.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=place)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=place)

    initiatives = window.view.current_page()
    assert isinstance(initiatives, InitiativesPage)
    assert initiatives.table.selected_ids() == [chosen.key]


def test_enter_on_an_initiative_opens_it_on_the_initiatives_page(window):
    page = waterfall_page(window)
    choose_grouping(page, "Initiative")
    chosen = page.rows[5]
    page.choose_group(chosen.key)

    QTest.keyClick(page.groups_view, Qt.Key.Key_Return)

    initiatives = window.view.current_page()
    assert isinstance(initiatives, InitiativesPage)
    assert initiatives.table.selected_ids() == [chosen.key]


def test_enter_on_the_total_stays_on_the_page(window):
    page = waterfall_page(window)
    choose_grouping(page, "Initiative")
    page.choose_group(None)

    QTest.keyClick(page.groups_view, Qt.Key.Key_Return)

    assert window.view.current_page() is page


def test_keep_is_undone_from_the_edit_menu_by_its_name(window):
    page = waterfall_page(window)
    before = page.plan.funnel.get()
    page.try_rates(lead_to_mql=0.3)
    page.keep()

    assert window.undo_action.text() == "&Undo keep what-if funnel rates"
    window.undo_action.trigger()

    assert page.plan.funnel.get() == before
