"""Opening plans in the window: the title says which plan and file, recent plans are kept,
and a file that cannot be opened gets a clear dialog while the window stays as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from window_support import make_window, open_and_wait, problem_box

from planner import Plan


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

        box = problem_box(window)
        assert box is not None and box.windowTitle() == "The plan is open elsewhere"
        assert window.document is not None and window.document.path == demo_path.absolute()
    finally:
        elsewhere.close()


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
