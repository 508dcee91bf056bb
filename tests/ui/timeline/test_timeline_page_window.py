"""The Timeline page in the app's window: reached with Ctrl+7 from the View menu, listed after
the Initiatives page; a double click opens an initiative there, an edit made there shows here,
a move is undone from the Edit menu by its name; in a scenario a move is the scenario's, and
a locked baseline is only shown, a move refused in one line."""

from __future__ import annotations

import pytest
from initiatives_support import cell, choose_in_cell
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from timeline_page_support import BOOTH, bar, drag, initiative_id, months, point
from versions_support import (
    save,
    show,
    window_fixture,  # noqa: F401  (a fixture)
    working_plan,
)
from window_support import make_window, open_and_wait

from planner.timeline import ValuesOnMove, describe_move
from planner.versions.service import Kind
from ui.pages.catalogue import INITIATIVES, PAGES, TIMELINE
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.timeline.page import TimelinePage


def timeline(window) -> TimelinePage:
    page = window.view.show_page(TIMELINE)
    assert isinstance(page, TimelinePage)
    page.choose_values(ValuesOnMove.SHIFT)  # asked already: the moves here ask nothing
    return page


def dates(plan, name: str) -> tuple[int, int]:
    got = plan.initiatives.get(initiative_id(plan, name))
    return got.start_month, got.end_month


def one_line(text: str) -> bool:
    return bool(text) and "\n" not in text and "Traceback" not in text


# -- reaching the page -------------------------------------------------------------------------


def test_the_timeline_is_listed_right_after_the_initiatives(window):
    titles = [window.view.sidebar.title(row) for row in range(window.view.sidebar.count())]
    assert titles.index("Timeline") == titles.index("Initiatives") + 1


@pytest.mark.parametrize(
    ("keys", "title"),
    [
        ("Ctrl+1", "Dashboard"),
        ("Ctrl+2", "Initiatives"),
        ("Ctrl+3", "People & roles"),
        ("Ctrl+6", "Plan settings"),
        ("Ctrl+7", "Timeline"),
        ("Ctrl+8", "Waterfall"),
    ],
)
def test_each_pages_shortcut_is_kept_and_ctrl_7_shows_the_timeline(qtbot, window, keys, title):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keySequence(window, QKeySequence(keys))
    assert window.view.current_page().title == title


def test_the_view_menu_names_the_timeline_with_its_shortcut(window):
    action = window.page_actions[PAGES.index(TIMELINE)]
    assert action.text() == "Ti&meline"
    assert action.shortcut().toString() == "Ctrl+7"


# -- with the Initiatives page -----------------------------------------------------------------


def test_a_double_click_opens_the_initiative_on_the_initiatives_page(window):
    page = timeline(window)
    QTest.mouseDClick(
        page.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        point(page, BOOTH),
    )
    initiatives = window.view.current_page()
    assert isinstance(initiatives, InitiativesPage)
    assert initiatives.table.selected_ids() == [initiative_id(window.document.plan, BOOTH)]


def test_opening_an_initiative_the_initiatives_filters_hide_clears_them(window):
    initiatives = window.view.show_page(INITIATIVES)
    assert isinstance(initiatives, InitiativesPage)
    initiatives.filters.status.setCurrentIndex(initiatives.filters.status.findData("done"))
    page = timeline(window)
    page.canvas.select(initiative_id(window.document.plan, BOOTH))
    page.focus_canvas()
    QTest.keyClick(page.canvas, Qt.Key.Key_Return)
    assert window.view.current_page() is initiatives
    assert initiatives.table.selected_ids() == [initiative_id(window.document.plan, BOOTH)]


def test_dates_changed_on_the_initiatives_page_move_the_bar(qtbot, window):
    page = timeline(window)
    initiatives = window.view.show_page(INITIATIVES)
    assert isinstance(initiatives, InitiativesPage)
    booth = initiative_id(window.document.plan, BOOTH)
    choose_in_cell(qtbot, initiatives, cell(initiatives, booth, "end_month"), "Sep 2026")
    window.view.show_page(TIMELINE)
    assert (bar(page, BOOTH).start_month, bar(page, BOOTH).end_month) == (202605, 202609)


# -- undo from the Edit menu -------------------------------------------------------------------


def test_the_edit_menu_undoes_a_move_by_its_name(window):
    page = timeline(window)
    drag(page, point(page, BOOTH), months(page, 1))
    assert window.undo_action.text() == "&Undo " + describe_move(BOOTH, 202606, 202607)
    window.undo_action.trigger()
    assert dates(window.document.plan, BOOTH) == (202605, 202606)
    assert window.redo_action.text() == "&Redo " + describe_move(BOOTH, 202606, 202607)
    window.redo_action.trigger()
    assert dates(window.document.plan, BOOTH) == (202606, 202607)


def test_a_refused_move_is_said_in_the_notice_bar_in_one_line(window):
    page = timeline(window)
    drag(page, point(page, BOOTH, "end"), months(page, 7))
    assert one_line(window.notice.text())
    assert "End: Jan 2027 is outside the plan (Jan 2026 to Dec 2026)" in window.notice.text()
    assert dates(window.document.plan, BOOTH) == (202605, 202606)


# -- versions ----------------------------------------------------------------------------------


def test_a_move_in_a_scenario_is_the_scenarios_and_not_the_working_plans(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Later booth")
    page = timeline(window)
    drag(page, point(page, BOOTH), months(page, 1))
    assert dates(window.document.plan, BOOTH) == (202606, 202607)
    assert dates(working_plan(window), BOOTH) == (202605, 202606)
    assert window.undo_action.text() == "&Undo " + describe_move(BOOTH, 202606, 202607)


def test_in_a_scenario_what_a_move_does_to_values_is_the_working_plans_choice(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Later booth")
    page = window.view.show_page(TIMELINE)
    assert isinstance(page, TimelinePage)
    assert not page.controls.values.isEnabled()
    drag(page, point(page, BOOTH), months(page, 1))  # nothing asked: it cannot be changed here
    assert dates(window.document.plan, BOOTH) == (202606, 202607)


def test_a_locked_baseline_is_shown_and_a_move_refused_in_one_line(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    page = window.view.show_page(TIMELINE)
    assert isinstance(page, TimelinePage)
    assert not page.controls.values.isEnabled()
    drag(page, point(page, BOOTH), months(page, 1))
    assert one_line(window.notice.text())
    assert "read-only (a locked version cannot change)" in window.notice.text()
    assert page.canvas.preview is None
    assert dates(window.document.plan, BOOTH) == (202605, 202606)
    assert window.document.undo_stack.count() == 0


def test_a_locked_baselines_bars_do_not_move_with_the_keys_either(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    page = window.view.show_page(TIMELINE)
    assert isinstance(page, TimelinePage)
    page.canvas.select(initiative_id(window.document.plan, BOOTH))
    window.activateWindow()  # back from the dialog that saved the baseline
    page.focus_canvas()
    qtbot.waitUntil(page.canvas.hasFocus)
    QTest.keyClick(page.canvas, Qt.Key.Key_Right)
    assert "read-only" in window.notice.text()
    assert dates(window.document.plan, BOOTH) == (202605, 202606)


def test_a_baselines_dates_are_drawn_behind_the_bars_moved_since(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    page = timeline(window)
    drag(page, point(page, BOOTH), months(page, 2))
    page.baseline_box.combo.setCurrentIndex(page.baseline_box.combo.findData(baseline.id))
    page.baseline_box.combo.activated.emit(page.baseline_box.combo.currentIndex())
    qtbot.waitUntil(lambda: page.timeline.baseline_name == "Board-approved FY2026", timeout=5000)
    booth = bar(page, BOOTH)
    assert (booth.start_month, booth.end_month) == (202607, 202608)
    assert (booth.baseline_start, booth.baseline_end) == (202605, 202606)
    assert "In Board-approved FY2026: May-Jun 2026" in page.canvas.tip_of(booth)


def test_the_baseline_chosen_on_the_dashboard_is_the_timelines_too(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    version_id = window.document.plan.versions.save("Board", kind=Kind.BASELINE).id
    window.document.baseline.choose(version_id)  # as the Dashboard's "Compare with" does
    page = timeline(window)
    qtbot.waitUntil(lambda: page.timeline.baseline_name == "Board", timeout=5000)
    assert page.baseline_box.combo.currentData() == version_id
