"""Shared set-up of the Dashboard tests: small plans built in memory (one with plans but no
actuals, one with nothing in it), the page shown with its charts drawn, the window on the
Dashboard, and where a chart's bar sits on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from plan_builders import no_actuals_plan
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_support import make_window, open_and_wait

from planner import Plan
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.pages.dashboard.page import DashboardPage

SIZE = (1280, 800)


@pytest.fixture
def no_actuals_document(qapp: object) -> Iterator[PlanDocument]:
    document = PlanDocument(no_actuals_plan())
    yield document
    document.close()


@pytest.fixture
def empty_document(qapp: object) -> Iterator[PlanDocument]:
    """A plan with a horizon and nothing else: no people, segments or initiatives."""
    document = PlanDocument(Plan.in_memory(first_month="2026-01", months=12))
    yield document
    document.close()


def show_dashboard(qtbot: QtBot, document: PlanDocument) -> DashboardPage:
    """The page over ``document``, shown at the window's size with its charts drawn."""
    page = DashboardPage(document)
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    page.ensure_charts()
    settle(qtbot, page)
    return page


@pytest.fixture
def dashboard(document: PlanDocument, qtbot: QtBot) -> DashboardPage:
    """The Dashboard of the demo plan, shown, its charts drawn (closed before the plan)."""
    return show_dashboard(qtbot, document)


def settle(qtbot: QtBot, page: DashboardPage) -> None:
    """Wait until the edits heard are shown (the page recomputes at the end of a turn) and
    the shown chart is painted at its size (a canvas resized draws in the next turn)."""
    qtbot.waitUntil(lambda: not page.refresh_pending, timeout=5000)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, demo_path: Path) -> MainWindow:
    """The main window on the demo plan, at 1280x800, its Dashboard's charts drawn."""
    window = make_window(qtbot, tmp_path)
    window.resize(*SIZE)
    open_and_wait(window, demo_path)
    page = window_dashboard(window)
    page.ensure_charts()
    settle(qtbot, page)
    return window


def window_dashboard(window: MainWindow) -> DashboardPage:
    assert window.view is not None
    page = window.view.page(DashboardPage)
    assert isinstance(page, DashboardPage)
    return page


def bar_position(page: DashboardPage, key: str, series: str = "Planned") -> QPoint:
    """Where on the shown chart's canvas (in widget pixels) the middle of the visible part
    of the bar ``key`` of ``series`` is."""
    from matplotlib.transforms import Bbox

    from ui.pages.dashboard.hover import targets

    assert page.charts is not None
    view = page.charts.view()
    assert view.figure is not None
    found = [t for t in targets(view.figure) if t.key == key and t.series == series]
    assert found, f"no {series} bar {key} on the chart"
    artist = found[0].artist
    box = Bbox.intersection(artist.get_window_extent(), artist.axes.bbox)
    assert box is not None
    ratio = view.canvas.device_pixel_ratio or 1
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return QPoint(round(x / ratio), round(view.canvas.height() - y / ratio))
