"""File > Open Recent names each plan by its company and file, read without opening the plan
and off the UI thread; a plan gone since, or a file that cannot be read, says so in its line
and never raises."""

from __future__ import annotations

import shutil
import threading

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from window_support import make_window, open_and_wait

from planner import Plan
from ui import recent_menu
from ui.plain_text import tooltip_text
from ui.recent_files import RecentFiles


def remember(folder, *paths) -> None:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    for path in reversed(paths):
        recent.add(path)
    settings.sync()


def shown_lines(window) -> list[str]:
    """The menu's lines as they are now."""
    menu: QMenu = window.files.recent_menu
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def lines(window) -> list[str]:
    """The menu's lines once opened and its files read."""
    window.files.recent_menu.aboutToShow.emit()
    window.files.recent.wait()
    return shown_lines(window)


def stall_reading(monkeypatch) -> threading.Event:
    """Make reading a plan's title wait, as a network drive waking up does, until the event
    returned is set."""
    drive_wakes = threading.Event()
    real_read = recent_menu.read_title

    def slow_read(path):
        drive_wakes.wait(timeout=30)
        return real_read(path)

    monkeypatch.setattr(recent_menu, "read_title", slow_read)
    return drive_wakes


def action_named(window, start: str):
    return next(a for a in window.files.recent_menu.actions() if a.text().startswith(start))


def test_each_plan_is_listed_with_its_company_and_file_name(qtbot, tmp_path, demo_path):
    plan = tmp_path / "FY2026 Demand Plan.smplan"
    shutil.copyfile(demo_path, plan)
    remember(tmp_path, plan)
    window = make_window(qtbot, tmp_path)

    assert lines(window) == [
        "&1 Tidewater Software — FY2026 Demand Plan.smplan",
        "Clear Recent Plans",
    ]


def test_the_plan_name_and_path_are_in_the_status_tip(qtbot, tmp_path, demo_path):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    lines(window)

    action = action_named(window, "&1")
    assert action.statusTip() == f"FY2026 Demand Plan, {demo_path.resolve()}"
    assert tooltip_text(action.toolTip()) == action.statusTip()


def test_listing_the_plans_does_not_open_them(qtbot, tmp_path, demo_path):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("Tidewater*")}

    lines(window)

    assert {p.name: p.read_bytes() for p in tmp_path.glob("Tidewater*")} == before
    assert window.document is None


def test_the_open_plan_is_named_from_the_plan_itself(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.document.plan.settings.update(company="Renamed & Co")

    assert lines(window)[0] == "&1 Renamed && Co — Tidewater.smplan"


def test_a_plan_gone_since_says_so_and_cannot_be_chosen(qtbot, tmp_path, demo_path):
    gone = tmp_path / "Gone.smplan"
    shutil.copyfile(demo_path, gone)
    remember(tmp_path, gone, demo_path)
    gone.unlink()
    window = make_window(qtbot, tmp_path)

    assert lines(window)[0] == "&1 Gone.smplan — no longer there"
    assert not action_named(window, "&1").isEnabled()
    assert action_named(window, "&2").isEnabled()


def test_a_file_that_cannot_be_read_says_so_and_why(qtbot, tmp_path):
    hostile = tmp_path / "<b>Board<i>.smplan"
    hostile.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    remember(tmp_path, hostile)
    window = make_window(qtbot, tmp_path)

    assert lines(window)[0] == "&1 <b>Board<i>.smplan — can't be read"
    assert "another application" in action_named(window, "&1").statusTip()


def test_a_company_name_with_markup_and_line_breaks_shows_as_written_on_one_line(
    qtbot, tmp_path, demo_path
):
    with Plan.open(demo_path) as plan:
        plan.settings.update(company="<i>Acme</i>\nEast")
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)

    assert lines(window)[0] == "&1 <i>Acme</i> East — Tidewater.smplan"


def test_no_plan_remembered_shows_a_disabled_line(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)

    assert lines(window) == ["No recent plans"]


def test_clear_recent_plans_forgets_them(qtbot, tmp_path, demo_path):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    lines(window)

    action_named(window, "Clear").trigger()

    assert lines(window) == ["No recent plans"]


def test_the_menu_opens_at_once_with_file_names_while_a_slow_drive_is_read(
    qtbot, tmp_path, demo_path, monkeypatch
):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    drive_wakes = stall_reading(monkeypatch)

    window.files.recent_menu.aboutToShow.emit()

    assert shown_lines(window)[0] == "&1 Tidewater.smplan"
    assert window.files.recent.reading()
    drive_wakes.set()
    qtbot.waitUntil(lambda: shown_lines(window)[0].startswith("&1 Tidewater Software — "))


def test_the_menu_shows_what_was_read_last_time_at_once(qtbot, tmp_path, demo_path, monkeypatch):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    lines(window)
    drive_wakes = stall_reading(monkeypatch)

    window.files.recent_menu.aboutToShow.emit()

    assert shown_lines(window)[0] == "&1 Tidewater Software — Tidewater.smplan"
    drive_wakes.set()


def test_closing_the_window_does_not_wait_for_a_drive_that_never_answers(
    qtbot, tmp_path, demo_path, monkeypatch
):
    remember(tmp_path, demo_path)
    window = make_window(qtbot, tmp_path)
    never = stall_reading(monkeypatch)
    window.files.recent_menu.aboutToShow.emit()

    window.close()

    assert not window.isVisible()
    never.set()


def test_a_folder_that_cannot_be_searched_says_so_in_its_line(qtbot, tmp_path, monkeypatch):
    plan = tmp_path / "Locked" / "Board.smplan"
    remember(tmp_path, plan)
    window = make_window(qtbot, tmp_path)

    def refused(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(recent_menu.Path, "exists", refused)

    assert lines(window)[0] == "&1 Board.smplan — can't be read"
    assert action_named(window, "&1").statusTip() == f"{plan}: Permission denied"
