"""Help > Keyboard Shortcuts is read off the window's actions: every action with a shortcut
is on the sheet, and nothing else is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from window_support import make_window, open_and_wait

from ui.help.shortcuts import keys_of, shortcuts
from ui.pages.catalogue import PAGES


def actions_with_keys(window) -> set[int]:
    return {id(action) for action in window.findChildren(QAction) if keys_of(action)}


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def test_the_sheet_lists_every_action_with_a_shortcut_and_nothing_else(window):
    rows = shortcuts(window)  # builds every page, so their actions exist now

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
    assert {id(row.action) for row in dialog.rows} == actions_with_keys(window)
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
