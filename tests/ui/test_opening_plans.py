"""Opening plans in the window: the title says which plan and file, recent plans are kept,
the window says which plan is opening meanwhile, a plan open elsewhere can be opened
read-only, and a file that cannot be opened gets a clear dialog while the window stays as it
was."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from window_support import make_window, open_and_wait, problem_box

from planner import Plan
from planner.storage.lock import lock_path_for
from ui.welcome import START_LINE


def file_state(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def test_an_opened_plan_names_itself_and_its_file_in_the_title(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)

    open_and_wait(window, demo_path)

    assert window.document is not None
    assert window.windowTitle().startswith("FY2026 Demand Plan — ")
    assert demo_path.name in window.windowTitle()
    assert window.location.text() == str(demo_path)


def test_an_opened_plan_becomes_the_most_recent(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)

    open_and_wait(window, demo_path)

    assert window.recent.last() == demo_path.resolve()


def test_the_demo_plan_is_written_to_the_data_folder_on_first_start(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)

    window.open_demo()
    window.opener.wait()

    assert (tmp_path / "data" / "demo.smplan").is_file()
    assert window.document is not None


def test_closing_the_plan_shows_the_welcome_page_and_frees_the_file(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)

    window.close_plan()

    assert window.document is None
    assert window.body.currentWidget() is window.welcome
    Plan.open(demo_path).close()  # not locked any more


def test_a_damaged_file_gets_a_dialog_naming_it_and_is_left_alone(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    damaged = tmp_path / "damaged.smplan"
    data = bytearray(demo_path.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * 8192  # clobber pages after the header
    damaged.write_bytes(bytes(data))
    before = file_state(damaged)

    open_and_wait(window, damaged)

    box = problem_box(window)
    assert box is not None and "damaged.smplan" in box.windowTitle() + box.text()
    assert window.document is None
    assert file_state(damaged) == before


def test_another_apps_database_is_refused_with_a_dialog(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    foreign = tmp_path / "contacts.smplan"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    before = file_state(foreign)

    open_and_wait(window, foreign)

    box = problem_box(window)
    assert box is not None and "contacts.smplan" in box.text()
    assert window.document is None
    assert file_state(foreign) == before


def test_a_plan_open_elsewhere_is_refused_and_the_open_plan_stays(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    other = tmp_path / "other.smplan"
    other.write_bytes(demo_path.read_bytes())
    open_and_wait(window, demo_path)
    elsewhere = Plan.open(other)
    try:
        open_and_wait(window, other)

        box = read_only_offer(window)
        assert box is not None and box.windowTitle() == "The plan is open elsewhere"
        assert window.document is not None and window.document.path == demo_path.absolute()
    finally:
        elsewhere.close()


# -- a plan open for editing elsewhere ---------------------------------------------------------


def held_elsewhere(plan: Path, user: str = "alice") -> None:
    """The lock file another computer's app keeps beside ``plan`` while it has it open."""
    holder = {"user": user, "host": "studio-mac.example", "pid": 4242, "since": "2026-01-05T09:12"}
    lock_path_for(plan).write_text(json.dumps(holder), encoding="utf-8")


def read_only_offer(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "openReadOnlyBox")


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_a_plan_open_elsewhere_offers_open_read_only_and_cancel(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    held_elsewhere(demo_path)

    open_and_wait(window, demo_path)

    box = read_only_offer(window)
    assert box is not None and box.isVisible()
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == [
        "Cancel",
        "Open Read-Only",
    ]
    assert box.defaultButton() is button(box, "Open Read-Only")
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert "alice on studio-mac.example (process 4242)" in box.text()
    assert problem_box(window) is None


def test_open_read_only_opens_the_plan_read_only(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    held_elsewhere(demo_path)
    open_and_wait(window, demo_path)
    lock = lock_path_for(demo_path).read_bytes()

    button(read_only_offer(window), "Open Read-Only").click()
    window.opener.wait()

    assert window.document is not None and window.document.read_only
    assert window.document.path == demo_path.absolute()
    assert "(read-only)" in window.windowTitle()
    assert lock_path_for(demo_path).read_bytes() == lock  # still theirs
    assert window.notice.text() == "Opened read-only (as asked). Save a copy to edit it."


def test_a_plan_no_lock_file_can_be_made_beside_offers_open_read_only(
    qtbot, tmp_path, demo_path, monkeypatch
):
    # As in a shared folder this user may read but not write in.
    real_open = os.open

    def refuse_lock(path, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_lock)
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)

    box = read_only_offer(window)
    assert box is not None and "cannot create the lock file" in box.text()
    assert problem_box(window) is None
    button(box, "Open Read-Only").click()
    window.opener.wait()
    assert window.document is not None and window.document.read_only


def test_cancel_leaves_the_plan_closed_and_the_ways_to_start_shown(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    held_elsewhere(demo_path)
    open_and_wait(window, demo_path)

    button(read_only_offer(window), "Cancel").click()

    assert window.document is None and not window.opener.busy()
    assert window.body.currentWidget() is window.welcome
    assert window.welcome.line.text() == START_LINE


def test_who_holds_the_plan_is_shown_as_plain_text(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    held_elsewhere(demo_path, user="<b>eve</b>")

    open_and_wait(window, demo_path)

    box = read_only_offer(window)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>eve</b> on studio-mac.example" in box.text()


# -- while a plan opens ------------------------------------------------------------------------


def test_while_a_plan_opens_the_window_says_which_instead_of_no_plan_is_open(
    qtbot, tmp_path, demo_path
):
    window = make_window(qtbot, tmp_path)
    opening = tmp_path / "Tidewater Software demo.smplan"
    demo_path.rename(opening)

    window.open_path(opening)

    assert window.body.currentWidget() is window.welcome
    assert window.welcome.line.text() == "Opening Tidewater Software demo…"
    assert window.welcome.where.text() == str(opening)
    assert not any(b.isVisible() for b in window.welcome.buttons)
    window.opener.wait()
    assert window.body.currentWidget() is window.view


def test_when_the_plan_cannot_open_the_ways_to_start_come_back(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    broken = tmp_path / "broken.smplan"
    broken.write_bytes(b"not a plan at all")

    open_and_wait(window, broken)

    assert problem_box(window) is not None
    assert window.welcome.line.text() == START_LINE
    assert window.welcome.where.text() == ""
    assert all(b.isVisible() for b in window.welcome.buttons)


def test_a_cancelled_open_brings_the_ways_to_start_back(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.open_path(demo_path)

    window.opener.cancel()
    window.opener.wait()

    assert window.document is None
    assert window.welcome.line.text() == START_LINE
    assert all(b.isVisible() for b in window.welcome.buttons)


def test_the_open_plan_through_another_spelling_of_its_path_is_not_opened_again(
    qtbot, tmp_path, demo_path
):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    document = window.document

    open_and_wait(window, tmp_path / "elsewhere" / ".." / demo_path.name)

    assert window.document is document
    assert "already open" in window.statusBar().currentMessage()
    assert read_only_offer(window) is None and problem_box(window) is None


def test_a_missing_recent_plan_is_forgotten(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    gone = tmp_path / "gone.smplan"
    gone.write_bytes(demo_path.read_bytes())
    open_and_wait(window, gone)
    window.close_plan()
    gone.unlink()

    open_and_wait(window, gone)

    assert gone.resolve() not in window.recent.paths()
    assert problem_box(window) is not None
