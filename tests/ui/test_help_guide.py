"""Help > Guide: the guide shipped in resources/help, its pictures found offline, and a
search that finds, highlights and steps through every match."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from window_support import make_window

from ui.help.browser import help_folder
from ui.help.menu import GUIDE_FILE, guide_pictures

GUIDE = help_folder() / GUIDE_FILE


def pictures() -> list[str]:
    return guide_pictures(GUIDE.read_text(encoding="utf-8"))


@pytest.fixture
def guide(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    return window.help.show_guide()


def test_the_guide_walks_through_the_five_steps_of_the_method(guide):
    text = guide.browser.toPlainText()

    for step in (
        "Tie every initiative to revenue",
        "One accountable owner, and sales on it",
        "Pitch into the strike zone",
        "Agree the hand-off",
        "Sell the problem",
    ):
        assert step in text


def test_the_guide_names_pages_by_their_shortcuts(guide):
    text = guide.browser.toPlainText()

    for page, key in (
        ("Initiatives", "Ctrl+2"),
        ("People & roles", "Ctrl+3"),
        ("Strike zone", "Ctrl+4"),
        ("Plan settings", "Ctrl+6"),
    ):
        assert f"{page} page ({key})" in text or f"{page} ({key})" in text


def test_every_picture_of_the_guide_is_shipped_beside_it_and_loads(guide):
    assert len(pictures()) >= 3
    for name in pictures():
        assert (GUIDE.parent / name).is_file(), name
    assert guide.parent().help.missing_pictures() == []


def test_a_picture_the_guide_cannot_find_is_named(guide, monkeypatch):
    monkeypatch.setattr(
        "ui.help.menu.guide_pictures",
        lambda text: ["pictures/initiatives.png", "pictures/gone.png"],
    )

    assert guide.parent().help.missing_pictures() == ["pictures/gone.png"]


def test_a_search_highlights_every_match_and_selects_the_first(guide):
    guide.search.setText("strike zone")

    assert guide.match_count() >= 3
    assert guide.browser.textCursor().selectedText().lower() == "strike zone"
    assert guide.matches.text() == f"{guide.match_count()} found"


def test_next_and_previous_step_through_the_matches_and_wrap_round(guide):
    guide.search.setText("strike zone")
    first = guide.browser.textCursor().position()

    guide.find_next()
    second = guide.browser.textCursor().position()
    guide.find_previous()

    assert second > first
    assert guide.browser.textCursor().position() == first
    guide.find_previous()  # before the first: wraps round to the last
    assert guide.browser.textCursor().position() > second


def test_a_search_with_no_match_says_so(guide):
    guide.search.setText("blockchain")

    assert guide.match_count() == 0
    assert guide.matches.text() == "Not found"
    assert not guide.next_button.isEnabled()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_guide_is_drawn(guide, tmp_path, size):
    guide.resize(min(820, size[0]), size[1] - 80)
    guide.search.setText("hand-off")
    QApplication.processEvents()
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    assert guide.grab().save(str(folder / f"help-guide-{size[0]}.png"))
