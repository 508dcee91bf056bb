"""The main window on a laptop: a 1280x800 screen with the findings panel beside the page,
and a 1024x768 one (a small laptop, a projector) with the panel hidden until F9 shows it.

The window opens inside the screen, every page fits the window such a screen opens, the
sidebar drops its titles only when the window has no room for them, and the Dashboard's
chart tabs stay in sight.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMargins, QRect, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QTabBar, QToolButton
from window_support import make_window, open_and_wait

from planner import Plan
from planner.validation import MAX_NAME
from ui.main_window import MainWindow
from ui.pages.catalogue import PAGES, SETTINGS
from ui.pages.dashboard.page import DashboardPage
from ui.plain_text import tooltip_text
from ui.window_geometry import first_geometry, fitted

LAPTOP = QRect(0, 0, 1280, 800)
SMALL_LAPTOP = QRect(0, 0, 1024, 768)
TITLE_BAR = QMargins(1, 30, 1, 1)  # a window manager's frame, generously


def laptop_window(qtbot, folder, plan, screen: QRect, *, findings: bool | None = None):
    """The main window at the size it opens on ``screen``, showing ``plan``."""
    if findings is not None:
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("view/findings", findings)
        settings.sync()
    window = make_window(qtbot, folder)
    window.resize(first_geometry(screen).size())
    open_and_wait(window, plan)
    QApplication.processEvents()
    return window


def show_every_page(window: MainWindow):
    for number in range(len(PAGES)):
        window.view.sidebar.setCurrentRow(number)
        QApplication.processEvents()
        yield window.view.page_at(number)


@pytest.mark.parametrize("screen", [LAPTOP, SMALL_LAPTOP], ids=["1280x800", "1024x768"])
def test_the_window_opens_inside_the_screen_with_its_frame(screen):
    geometry = first_geometry(screen)

    assert screen.contains(geometry.marginsAdded(TITLE_BAR))
    assert geometry.width() >= 0.85 * screen.width()
    assert geometry.height() >= 0.85 * screen.height()


def test_on_a_big_screen_the_window_opens_at_its_preferred_size():
    geometry = first_geometry(QRect(0, 0, 2560, 1440))

    assert (geometry.width(), geometry.height()) == (1400, 860)
    assert geometry.center() == QRect(0, 0, 2560, 1440).center()


def test_a_new_window_opens_inside_the_screen_it_is_on(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    available = window.screen().availableGeometry()

    assert available.contains(window.frameGeometry())


def test_a_window_too_big_for_the_screen_is_shrunk_and_moved_onto_it():
    frame = QRect(600, 500, 1400, 860)

    wanted = fitted(frame, SMALL_LAPTOP, TITLE_BAR)

    assert SMALL_LAPTOP.contains(wanted.marginsAdded(TITLE_BAR))


def test_a_window_that_fits_stays_where_it_is():
    frame = QRect(40, 20, 900, 700)

    assert fitted(frame, SMALL_LAPTOP, TITLE_BAR) == frame.marginsRemoved(TITLE_BAR)


def test_a_window_saved_on_a_big_monitor_opens_a_plan_inside_a_small_screen(
    qtbot, tmp_path, demo_path
):
    big = make_window(qtbot, tmp_path)
    big.setGeometry(300, 200, 1400, 860)
    big.settings.setValue("window/geometry", big.saveGeometry())
    big.close()

    window = make_window(qtbot, tmp_path)
    window.restore_window_state()
    open_and_wait(window, demo_path)
    QApplication.processEvents()

    assert window.screen().availableGeometry().contains(window.frameGeometry())


@pytest.mark.parametrize("findings", [True, False], ids=["findings shown", "findings hidden"])
def test_every_page_fits_the_window_a_1024_screen_opens(qtbot, tmp_path, demo_path, findings):
    window = laptop_window(qtbot, tmp_path, demo_path, SMALL_LAPTOP, findings=findings)
    room = first_geometry(SMALL_LAPTOP).width()

    for page in show_every_page(window):
        assert window.minimumSizeHint().width() <= room, page.title
        assert window.width() == room, page.title  # not grown past the screen's share


def test_a_plan_with_the_longest_name_allowed_still_fits_a_1024_screen(qtbot, tmp_path, demo_path):
    name = ("Enterprise strike zone webinar programme " * 5)[:MAX_NAME].strip()
    with Plan.open(demo_path) as plan:
        plan.settings.update(name=name)
    window = laptop_window(qtbot, tmp_path, demo_path, SMALL_LAPTOP)
    dashboard = window.view.page_at(0)
    title = dashboard.header.title

    assert window.minimumSizeHint().width() <= first_geometry(SMALL_LAPTOP).width()
    assert window.width() == first_geometry(SMALL_LAPTOP).width()  # not grown past the screen
    assert title.minimumSizeHint().width() <= title.width()  # cut short by us, not clipped
    assert tooltip_text(title.toolTip()) == name


@pytest.mark.parametrize("findings", [True, False], ids=["findings shown", "findings hidden"])
def test_every_page_fits_a_1280_screen_with_titles_in_the_sidebar(
    qtbot, tmp_path, demo_path, findings
):
    window = laptop_window(qtbot, tmp_path, demo_path, LAPTOP, findings=findings)
    limit = 1260 if findings else 1000

    for page in show_every_page(window):
        assert window.minimumSizeHint().width() <= limit, page.title
        assert not window.view.sidebar.is_compact(), page.title


def test_at_1024_the_sidebar_keeps_its_titles_while_the_findings_are_hidden(
    qtbot, tmp_path, demo_path
):
    window = laptop_window(qtbot, tmp_path, demo_path, SMALL_LAPTOP, findings=False)

    assert not window.view.sidebar.is_compact()
    window.findings_toggle.setChecked(True)  # F9
    qtbot.waitUntil(window.view.sidebar.is_compact)
    assert window.view.sidebar.title(1) == "Initiatives"
    assert tooltip_text(window.view.sidebar.item(1).toolTip()) == "Initiatives"

    window.findings_toggle.setChecked(False)
    qtbot.waitUntil(lambda: not window.view.sidebar.is_compact())
    assert window.view.sidebar.item(1).text() == "Initiatives"


def test_the_findings_start_shown_at_1280_and_hidden_at_1024(qtbot, tmp_path, demo_path):
    other = tmp_path / "1024"
    other.mkdir()
    roomy = laptop_window(qtbot, tmp_path, demo_path, LAPTOP)
    small = laptop_window(qtbot, other, shutil.copy(demo_path, other / "b.smplan"), SMALL_LAPTOP)

    assert roomy.view.findings_panel.isVisible()
    assert not small.view.findings_panel.isVisible()
    assert not small.findings_toggle.isChecked()


def test_every_chart_tab_is_in_sight_in_the_narrowest_dashboard(qtbot, tmp_path, demo_path):
    window = laptop_window(qtbot, tmp_path, demo_path, SMALL_LAPTOP, findings=True)
    page = window.view.show_page(PAGES[0])
    assert isinstance(page, DashboardPage)
    charts = page.ensure_charts()
    QApplication.processEvents()

    bar = charts.findChild(QTabBar)
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert arrows == []
    assert all(bar.tabRect(n).right() <= bar.width() for n in range(bar.count()))


def test_a_hint_beside_a_settings_field_wraps_rather_than_being_cut(qtbot, tmp_path, demo_path):
    window = laptop_window(qtbot, tmp_path, demo_path, LAPTOP, findings=True)
    page = window.view.show_page(SETTINGS)
    QApplication.processEvents()

    hint = next(x for x in page.findChildren(QLabel) if x.text().startswith("Changing it"))
    on_one_line = hint.fontMetrics().horizontalAdvance(hint.text())
    assert on_one_line > hint.width()  # too long for its room at this size
    assert hint.wordWrap() and hint.heightForWidth(hint.width()) <= hint.height()
