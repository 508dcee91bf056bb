"""Charts out of the app: "Save chart as…" writes PNG, SVG or PDF by the file's extension in
the light style, a failed save is told without blocking and leaves no file, and "Copy chart"
puts an image on the clipboard."""

from __future__ import annotations

import pytest
from dashboard_support import dashboard, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from planner import PlanError
from planner.charts import build_chart
from planner.charts.style import ChartStyle
from ui.pages.dashboard import export

__all__ = ["dashboard"]  # a fixture (see dashboard_support)

MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SIGNATURES = {"png": b"\x89PNG\r\n", "svg": b"<?xml", "pdf": b"%PDF-"}


@pytest.fixture
def figure(document):
    return build_chart(document.analysis, "revenue")


@pytest.mark.parametrize("kind", list(SIGNATURES))
def test_a_chart_is_saved_in_the_format_its_extension_names(figure, tmp_path, kind):
    path = tmp_path / f"revenue.{kind}"

    export.save(figure, path)

    assert path.read_bytes().startswith(SIGNATURES[kind])


def test_a_path_in_a_missing_folder_is_refused_by_name_and_writes_nothing(figure, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    path = out / "no such folder" / "revenue.png"

    with pytest.raises(PlanError) as refused:
        export.save(figure, path)

    assert "no such folder" in str(refused.value)
    assert list(out.iterdir()) == []


def test_the_suggested_name_holds_no_character_a_file_system_refuses():
    assert export.suggested_name("Plan: 2026/27", "Revenue") == "Plan 2026 27 - Revenue.png"


def test_the_page_saves_the_shown_chart_in_the_light_style(dashboard, qtbot, tmp_path):
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)

    saved = dashboard.save_chart(tmp_path / "budget.svg")

    assert saved == tmp_path / "budget.svg"
    text = saved.read_text()
    assert ChartStyle(dashboard.plan.currency).background in text  # white, not the dark one
    assert "Spent" in text  # the budget chart's headline


def test_a_failed_save_shows_the_message_without_blocking_and_leaves_no_file(dashboard, tmp_path):
    path = tmp_path / "gone" / "chart.png"

    # Returns at once: the message is opened, not run in a loop of its own.
    assert dashboard.save_chart(path) is None

    box = dashboard.findChild(QMessageBox, "problemBox")
    assert box is not None and box.isVisible()
    assert "gone" in box.text()
    assert not path.exists() and not path.parent.exists()


def test_copy_chart_puts_the_chart_on_the_clipboard_as_an_image(dashboard):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()

    dashboard.copy_chart()

    picture = clipboard.image()
    assert not picture.isNull()
    assert picture.width() > picture.height() > 300  # the chart's shape, at print size


def test_save_and_copy_are_offered_beside_the_tabs_and_on_the_chart(dashboard):
    canvas = dashboard.charts.view().canvas
    corner = dashboard.charts.cornerWidget()

    assert dashboard.save_action in canvas.actions()
    assert dashboard.copy_action in canvas.actions()
    assert corner is not None and corner.isVisible()
    assert dashboard.copy_action.shortcut().toString() == "Ctrl+Shift+C"


def test_the_copy_shortcut_works_from_anywhere_on_the_page(dashboard, qtbot):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    dashboard.activateWindow()
    dashboard.charts.tabBar().setFocus()
    qtbot.waitUntil(dashboard.charts.tabBar().hasFocus, timeout=2000)

    qtbot.keyClick(dashboard.charts.tabBar(), Qt.Key.Key_C, MODIFIERS)

    assert not clipboard.image().isNull()
