"""File > Open Recent names each plan by its company and file, read without opening the plan;
a plan gone since, or a file that cannot be read, says so in its line and never raises."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from window_support import make_window, open_and_wait

from planner import Plan
from ui.plain_text import tooltip_text
from ui.recent_files import RecentFiles


def remember(folder, *paths) -> None:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    recent = RecentFiles(settings)
    for path in reversed(paths):
        recent.add(path)
    settings.sync()


def lines(window) -> list[str]:
    menu: QMenu = window.files.recent_menu
    menu.aboutToShow.emit()
    return [action.text() for action in menu.actions() if not action.isSeparator()]


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
