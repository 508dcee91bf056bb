"""The window shows again the page it showed when its plan was closed, known by its name: a
page added to the sidebar since moves the others' rows, never which page comes back."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from window_support import make_window, open_and_wait

from ui.pages.catalogue import PAGES, PEOPLE
from ui.pages.timeline.page import TimelinePage


def _shown(window) -> str:
    return PAGES[window.view.sidebar.currentRow()].class_name


def test_the_page_shown_when_the_plan_closed_is_shown_when_it_opens_again(
    qtbot, tmp_path, demo_path
):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.view.show_page(TimelinePage)
    window.close_plan()

    again = make_window(qtbot, tmp_path)
    open_and_wait(again, demo_path)

    assert _shown(again) == "TimelinePage"


def test_a_page_kept_by_its_row_before_the_timeline_comes_back_as_that_page(
    qtbot, tmp_path, demo_path
):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/page", 2)  # People & roles, the third row before the Timeline
    settings.sync()

    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)

    assert _shown(window) == PEOPLE.class_name


def test_an_unknown_page_name_shows_the_first_page(qtbot, tmp_path, demo_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/page_shown", "<b>NoSuchPage</b>")
    settings.sync()

    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)

    assert window.view.sidebar.currentRow() == 0
