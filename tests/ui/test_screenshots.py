"""Every page of the demo plan, drawn offscreen and saved as a PNG to look at.

The pictures go to ``$SMARKETING_SCREENSHOTS`` when set (the README's pictures come from
there), else to the test's temporary folder. Each must be a real drawing of the page: the
right size and not one flat colour.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait

from planner.charts import KINDS
from ui import theme
from ui.pages.catalogue import PAGES
from ui.pages.dashboard.page import DashboardPage

SIZE = (1440, 900)
DASHBOARD_SIZE = (1280, 800)  # a laptop's screen: the charts must read there


def shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def distinct_colours(image: QImage, step: int = 37) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).replace("--", "-").strip("-")


@pytest.fixture
def window(qtbot, tmp_path, demo_path, monkeypatch):
    # Where a user keeps a plan, so the status bar in the pictures reads
    # "~/Documents/Tidewater Software demo.smplan" rather than a test's folder.
    home = tmp_path / "home"
    plan = home / "Documents" / "Tidewater Software demo.smplan"
    plan.parent.mkdir(parents=True)
    shutil.copyfile(demo_path, plan)
    monkeypatch.setenv("HOME", str(home))
    window = make_window(qtbot, tmp_path)
    window.resize(*SIZE)
    open_and_wait(window, plan)
    window.view.watcher.run_now()
    window.statusBar().clearMessage()  # "Opened …" passes in seconds: not part of a page
    return window


def test_every_page_of_the_demo_plan_is_drawn(window, tmp_path):
    folder = shots_folder(tmp_path)
    for number, page_class in enumerate(PAGES, start=1):
        page = window.view.show_page(page_class)
        if isinstance(page, DashboardPage):
            page.ensure_charts()  # else drawn once painted: the grab would catch it before
        QApplication.processEvents()
        path = folder / f"{number}-{slug(page_class.title)}.png"

        assert window.grab().save(str(path))

        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE
        assert distinct_colours(image) > 20, f"{path.name} looks blank"


def test_the_dark_scheme_draws_the_pages_dark(window, tmp_path, monkeypatch):
    app = QApplication.instance()
    monkeypatch.setenv("SMARKETING_COLOR_SCHEME", "dark")
    original = app.palette()
    try:
        app.setPalette(theme.dark_palette())
        for page_class in PAGES[1:2]:
            window.view.show_page(page_class)
            QApplication.processEvents()
            image = window.grab().toImage()
            image.save(str(shots_folder(tmp_path) / f"dark-{slug(page_class.title)}.png"))
            corner = image.pixelColor(image.width() - 5, image.height() // 2)
            assert corner.lightness() < 100
    finally:
        app.setPalette(original)


def dashboard_at_laptop_size(window) -> DashboardPage:
    window.resize(*DASHBOARD_SIZE)
    page = window.view.show_page(DashboardPage)
    assert isinstance(page, DashboardPage)
    page.ensure_charts()
    QApplication.processEvents()
    return page


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_dashboard_chart_is_drawn_at_laptop_size(window, tmp_path, kind):
    page = dashboard_at_laptop_size(window)
    page.charts.show_kind(kind)
    QApplication.processEvents()
    path = shots_folder(tmp_path) / f"dashboard-{kind}.png"

    assert window.grab().save(str(path))

    image = QImage(str(path))
    assert (image.width(), image.height()) == DASHBOARD_SIZE
    # The chart itself, not a blank canvas: many colours where it is drawn.
    chart = page.charts.view().canvas.grab().toImage()
    assert distinct_colours(chart, step=5) > 8, f"{path.name}: the chart looks blank"


def test_the_dashboard_is_drawn_dark_in_the_dark_scheme(window, tmp_path, monkeypatch, qtbot):
    app = QApplication.instance()
    monkeypatch.setenv("SMARKETING_COLOR_SCHEME", "dark")
    original = app.palette()
    page = dashboard_at_laptop_size(window)
    try:
        app.setPalette(theme.dark_palette())
        qtbot.waitUntil(lambda: page.charts.options.dark, timeout=5000)
        QApplication.processEvents()
        image = window.grab().toImage()
        image.save(str(shots_folder(tmp_path) / "dashboard-dark.png"))
        chart = page.charts.view().canvas.grab().toImage()
        assert chart.pixelColor(chart.width() - 3, 3).lightness() < 100
    finally:
        app.setPalette(original)
