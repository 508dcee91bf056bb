"""The Dashboard in the main window: the first page of a plan, painted before matplotlib is
loaded; a click on a bar lists the initiatives behind it on the Initiatives page; edits
made on another page show when the Dashboard is shown again."""

from __future__ import annotations

import subprocess
import sys
import threading

from dashboard_support import SIZE, bar_position, settle, window, window_dashboard
from initiatives_support import cell, type_into_cell
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window_support import make_window, open_and_wait

from planner import Plan
from ui.pages.dashboard.drill import drill_down
from ui.pages.dashboard.page import DashboardPage
from ui.pages.initiatives import InitiativesPage
from ui.tables.rows_model import ROW_ROLE

__all__ = ["window"]  # a fixture (see dashboard_support)

WEBINAR = "Webinar series: the 5-day close"


def click_bar(page: DashboardPage, key: str, series: str = "Planned") -> None:
    canvas = page.charts.view().canvas
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=bar_position(page, key, series))


def initiatives_shown(page: InitiativesPage) -> set[int]:
    proxy = page.proxy
    return {proxy.index(row, 0).data(ROW_ROLE).id for row in range(proxy.rowCount())}


def test_starting_the_window_loads_no_matplotlib():
    code = (
        "import sys, ui.app, ui.main_window, ui.plan_view; "
        "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)

    assert result.stdout.strip() == "[]", result.stderr


def test_the_dashboard_opens_first_and_draws_its_charts_once_painted(qtbot, tmp_path, demo_path):
    shown = make_window(qtbot, tmp_path)
    shown.resize(*SIZE)
    open_and_wait(shown, demo_path)
    page = window_dashboard(shown)

    assert shown.view.current_page() is page
    qtbot.waitUntil(lambda: page.charts is not None, timeout=5000)
    settle(qtbot, page)
    assert page.charts.isVisible()
    assert page.charts.record() is not None


def test_a_click_on_a_month_bar_lists_exactly_its_initiatives(window, qtbot):
    dashboard = window_dashboard(window)
    expected = drill_down(dashboard.analysis, "month:202603", dashboard.selection)

    click_bar(dashboard, "month:202603")

    page = window.view.current_page()
    assert isinstance(page, InitiativesPage)
    assert initiatives_shown(page) == set(expected.initiative_ids)
    assert page.filters.chip.isVisible()
    assert page.filters.chip.label.text() == (
        f"Showing {len(expected.initiative_ids)} initiatives: Running in Mar 2026 · Year 2026"
    )


def test_a_channel_bar_sets_the_initiatives_channel_filter(window, qtbot):
    dashboard = window_dashboard(window)
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)

    channel = dashboard.plan.channels.named("Paid").id

    click_bar(dashboard, f"channel:{channel}")

    page = window.view.current_page()
    assert page.filters.channel.currentData() == channel
    assert page.filters.channel.currentText() == "Paid"
    paid = {i.id for i in dashboard.plan.initiatives.list() if i.channel_id == channel}
    assert initiatives_shown(page) == paid


def test_show_all_lifts_the_drill_down(window, qtbot):
    dashboard = window_dashboard(window)
    click_bar(dashboard, "month:202603")
    page = window.view.current_page()

    page.filters.chip.show_all.click()

    assert not page.filters.chip.isVisible()
    assert page.proxy.rowCount() == len(dashboard.plan.initiatives.list())


def test_another_filter_after_a_drill_down_narrows_within_it(window, qtbot):
    dashboard = window_dashboard(window)
    expected = drill_down(dashboard.analysis, "month:202603", dashboard.selection)
    click_bar(dashboard, "month:202603")
    page = window.view.current_page()

    page.filters.status.setCurrentIndex(page.filters.status.findData("active"))

    active = {i.id for i in dashboard.plan.initiatives.list() if i.status == "active"}
    assert initiatives_shown(page) == set(expected.initiative_ids) & active
    assert page.filters.chip.isVisible()


def test_clearing_the_filters_lifts_the_drill_down(window, qtbot):
    dashboard = window_dashboard(window)
    click_bar(dashboard, "month:202603")
    page = window.view.current_page()

    page.filters.clear_button.click()

    assert not page.filters.chip.isVisible()
    assert page.filters.filter().ids is None
    assert page.proxy.rowCount() == len(dashboard.plan.initiatives.list())


def test_a_budget_typed_on_the_initiatives_page_shows_on_the_dashboard(window, qtbot):
    dashboard = window_dashboard(window)
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)
    before = dashboard.charts.record().budget
    page = window.view.show_page(InitiativesPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    webinar = next(i for i in dashboard.plan.initiatives.list() if i.name == WEBINAR)

    type_into_cell(qtbot, page, cell(page, webinar.id, "budget"), "24000")
    window.view.show_page(DashboardPage)
    settle(qtbot, dashboard)

    assert dashboard.charts.record().budget == before + 1_000_000  # $14,000 -> $24,000


def test_closing_the_plan_before_its_charts_are_drawn_is_quiet(qtbot, tmp_path, demo_path):
    shown = make_window(qtbot, tmp_path)
    open_and_wait(shown, demo_path)
    page = window_dashboard(shown)
    # Closed as the page is first painted: its charts were due in the next turn.
    page.placeholder.painted.connect(shown.close_plan)

    qtbot.waitUntil(lambda: shown.document is None, timeout=5000)
    qtbot.wait(50)

    assert page.charts is None


def test_the_charts_come_once_their_modules_are_loaded_in_another_thread(
    qtbot, tmp_path, demo_path
):
    shown = make_window(qtbot, tmp_path)
    open_and_wait(shown, demo_path)
    page = window_dashboard(shown)
    loader = page._chart_modules

    qtbot.waitUntil(lambda: page.charts is not None, timeout=10000)

    assert loader.isFinished()  # the page built its charts after the loader's run


def test_what_the_first_edit_needs_is_loaded_in_the_background_with_the_charts(
    qtbot, tmp_path, demo_path, monkeypatch
):
    prepared_off_the_ui_thread: list[bool] = []
    monkeypatch.setattr(
        Plan,
        "prepare_for_edits",
        staticmethod(
            lambda: prepared_off_the_ui_thread.append(
                threading.current_thread() is not threading.main_thread()
            )
        ),
    )
    shown = make_window(qtbot, tmp_path)
    open_and_wait(shown, demo_path)
    page = window_dashboard(shown)

    qtbot.waitUntil(lambda: page.charts is not None, timeout=10000)

    assert prepared_off_the_ui_thread == [True]


def test_matplotlib_starts_loading_once_the_first_frame_is_done_not_halfway_through_it(
    qtbot, tmp_path, demo_path
):
    shown = make_window(qtbot, tmp_path)
    open_and_wait(shown, demo_path)
    page = window_dashboard(shown)
    loader = page._chart_modules
    started_in_the_frame: list[bool] = []
    # Connected after the page's own slot: sees what it did as the placeholder is painted.
    page.placeholder.painted.connect(
        lambda: started_in_the_frame.append(loader.isRunning() or loader.isFinished())
    )

    qtbot.waitUntil(lambda: page.charts is not None, timeout=10000)

    assert started_in_the_frame[0] is False  # at the first paint (it may paint again)
