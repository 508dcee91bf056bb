"""A plan whose content breaks the app's rules is refused in the app's refusal box, with the
one line that names the table, row and field: never "Something went wrong", never a loop."""

from __future__ import annotations

from pathlib import Path

from plan_file.hostile_plans import alter, rebuild_without_constraints
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait, problem_box

from ui.error_dialog import ErrorDialog


def error_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]


def test_a_plan_breaking_a_rule_gets_the_refusal_box_naming_the_field(
    qtbot, tmp_path: Path, demo_path: Path
):
    alter(demo_path, "UPDATE funnel_assumptions SET lead_to_mql = 0")
    before = demo_path.read_bytes()
    window = make_window(qtbot, tmp_path)

    open_and_wait(window, demo_path)

    box = problem_box(window)
    assert box is not None
    assert "funnel assumptions: lead_to_mql 0.0 must be above 0 %" in box.text()
    assert "restore it from a copy" in box.text()
    assert window.document is None and error_dialogs() == []
    assert demo_path.read_bytes() == before


def test_a_plan_with_a_null_name_is_refused_instead_of_looping(
    qtbot, tmp_path: Path, demo_path: Path
):
    rebuild_without_constraints(demo_path, "people")
    alter(demo_path, "UPDATE people SET name = NULL WHERE id = 1")
    window = make_window(qtbot, tmp_path)

    open_and_wait(window, demo_path)

    qtbot.waitUntil(lambda: problem_box(window) is not None)
    assert "person 1: name is empty (NULL)" in problem_box(window).text()
    assert window.document is None and error_dialogs() == []
    assert window.body.currentWidget() is window.welcome
