"""Help > Keyboard Shortcuts is read off the window's actions: every action with a shortcut
is on the sheet, and nothing else is. The keys of a grid or a drawing are actions of that
widget too, so they are on it as well, and no widget handles keys by hand."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from window_support import make_window, open_and_wait

from ui.help.shortcuts import keys_of, shortcuts
from ui.pages.catalogue import INITIATIVES, PAGES

ROOT = Path(__file__).resolve().parents[2]


def actions_with_keys(window) -> set[int]:
    return {id(action) for action in window.findChildren(QAction) if keys_of(action)}


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def test_the_sheet_lists_every_action_with_a_shortcut_and_nothing_else(window):
    rows = [row for row in shortcuts(window) if row.action is not None]  # builds every page

    assert {id(row.action) for row in rows} == actions_with_keys(window)
    assert len(rows) == len({id(row.action) for row in rows}), "each action once"


def test_the_sheet_groups_the_menus_then_every_page(window):
    groups = list(dict.fromkeys(row.group for row in shortcuts(window)))

    assert groups[:3] == ["File", "Edit", "View"]
    assert {"Initiatives", "People & roles", "Targets & actuals"} <= set(groups)
    assert set(groups) - {"File", "Edit", "View", "Workbook", "Versions", "Plan", "Help"} <= {
        entry.title for entry in PAGES
    }


def test_the_sheet_names_the_page_keys_and_the_page_actions(window):
    rows = {(row.group, row.text): row.keys for row in shortcuts(window)}

    assert rows[("View", "Initiatives")] == "Ctrl+2"
    assert rows[("Initiatives", "Duplicate")] == "Ctrl+D"
    assert rows[("Initiatives", "Add")] == "Ctrl+Shift+N, Ins"


def test_without_a_plan_the_sheet_lists_the_menus_and_says_pages_add_theirs(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)

    dialog = window.help.show_shortcuts()

    assert {row.group for row in dialog.rows} <= {"File", "Edit", "View", "Versions", "Help"}
    assert {id(row.action) for row in dialog.rows if row.action} == actions_with_keys(window)
    assert "Open a plan to see the keys of each page" in dialog.browser.toPlainText()


def test_the_sheet_is_shown_from_the_help_menu(window, tmp_path):
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    (entry,) = [a for a in help_menu.actions() if a.text() == "&Keyboard Shortcuts"]

    entry.trigger()

    dialog = window.help.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Ctrl+Shift+A" in dialog.browser.toPlainText()
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    dialog.grab().save(str(folder / "help-shortcuts.png"))


def test_the_sheet_is_shown_in_front_and_escape_closes_it(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    dialog = window.help.show_shortcuts()

    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.parametrize(
    ("group", "text", "keys"),
    [
        ("People & roles", "Make the selected cells Responsible", "R, Shift+R"),
        ("People & roles", "Clear the selected cells", "Del, Backspace"),
        ("People & roles", "Open the role menu", "F2"),
        ("Strike zone", "Aim the initiative at the segment, or stop", "Space"),
        ("Timeline", "Choose the bar below", "Down"),
        ("Timeline", "Move the bar a month later", "Right"),
        ("Timeline", "Move its start a month earlier", "Ctrl+Shift+Left"),
        ("Timeline", "Open the chosen initiative", "Return, Enter"),
        ("Timeline", "Cancel the drag", "Esc"),
        ("Initiatives", "Save the story", "Ctrl+Return, Ctrl+Enter"),
        ("Initiatives", "Clear the search", "Esc"),
        ("Initiatives", "Edit the current cell", "Return, Enter"),  # read by the table
    ],
)
def test_the_sheet_names_the_keys_of_a_pages_grids_drawing_and_fields(window, group, text, keys):
    rows = {(row.group, row.text): row.keys for row in shortcuts(window)}

    assert rows[(group, text)] == keys


def test_a_key_several_fields_of_a_page_share_is_said_once(window):
    rows = [row for row in shortcuts(window) if row.text == "Save the story"]
    dialog = window.help.show_shortcuts()

    assert len(rows) > 1 and {row.group for row in rows} == {INITIATIVES.title}
    assert dialog.browser.toPlainText().count("Save the story") == 1


def test_a_widget_that_reads_keys_itself_declares_them_for_the_sheet():
    readers = {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in (ROOT / "ui").rglob("*.py")
        if "def keyPressEvent" in path.read_text(encoding="utf-8")
    }

    assert readers, "the test looks where the widgets are"
    undeclared = [path for path, text in readers.items() if "keys_read = " not in text]
    assert undeclared == []
