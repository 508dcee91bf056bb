"""The status bar: a long message is cut short with "…" before the plan's path instead of
running into it, and a long path loses its middle, whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait

from planner.demo import build_demo
from ui.plain_text import tooltip_text
from ui.widgets.status_bar import home_as_tilde

LONG_MESSAGE = (
    "Could not change the budget of 'Outbound to newly hired controllers at mid-market "
    "SaaS companies': 'twelve thousand' is not an amount; type a number like 12500 or 12,500.00"
)


def colours(image, rect: QRect) -> set[int]:
    return {
        image.pixel(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    }


def test_a_long_message_stops_short_of_the_plan_path(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.resize(1024, 700)
    open_and_wait(window, demo_path)
    bar = window.statusBar()

    bar.showMessage(LONG_MESSAGE)
    QApplication.processEvents()

    path = window.location.geometry()
    image = bar.grab().toImage()
    # Just left of the path: the bar's own background, no letter of the message.
    blank = colours(image, QRect(1, 0, 3, bar.height()))  # left of where messages start
    assert colours(image, QRect(path.left() - 8, 0, 6, bar.height())) <= blank
    assert bar.shown_message().endswith("…")
    assert bar.shown_message().startswith("Could not change the budget")


def test_a_message_that_fits_is_shown_whole(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.resize(1024, 700)
    open_and_wait(window, demo_path)

    window.statusBar().showMessage("Saved")

    assert window.statusBar().shown_message() == "Saved"


def test_a_long_plan_path_loses_its_middle_and_shows_whole_in_its_tooltip(qtbot, tmp_path):
    folder = tmp_path / "Shared drives" / "Marketing" / "Planning" / "2026" / "Drafts for review"
    folder.mkdir(parents=True)
    plan = folder / "FY2026 Demand Plan.smplan"
    window = make_window(qtbot, tmp_path)
    window.resize(700, 600)
    build_demo(plan)
    open_and_wait(window, plan)
    QApplication.processEvents()

    label = window.location
    assert label.text() == str(plan)
    assert tooltip_text(label.toolTip()) == str(plan)
    assert label.width() <= window.statusBar().width() // 2
    shown = label.shown_text()
    assert "…" in shown
    assert shown.endswith("Demand Plan.smplan")


def test_a_plan_in_the_home_folder_is_shown_from_tilde_and_copied_whole(
    qtbot, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    plan = home / "Documents" / "FY2026 Demand Plan.smplan"
    plan.parent.mkdir(parents=True)
    build_demo(plan)
    monkeypatch.setenv("HOME", str(home))
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    open_and_wait(window, plan)
    QApplication.processEvents()

    label = window.location
    assert label.shown_text() == "~/Documents/FY2026 Demand Plan.smplan"
    assert tooltip_text(label.toolTip()) == str(plan)
    (copy,) = label.actions()
    copy.trigger()
    assert QApplication.clipboard().text() == str(plan)


def test_a_path_that_only_starts_like_the_home_folder_is_shown_whole(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "ana"))

    assert home_as_tilde(str(tmp_path / "anabel" / "plan.smplan")) == str(
        tmp_path / "anabel" / "plan.smplan"
    )
