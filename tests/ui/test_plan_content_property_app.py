"""Property: whatever a plan file's tables hold, the app opens it (and shows every page and
chart of it) or refuses it in a one-line dialog; never "Something went wrong", never a hang,
never a changed file (issue 15, item 4; the command line's side is in
tests/plan_file/test_plan_content_property.py).

The plans are the demo plan changed with sqlite3 directly (see tests/plan_content_fuzz.py).
SMARKETING_FUZZ_EXAMPLES=2000 runs 2,000 random examples instead of the suite's fixed 12.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from plan_content_fuzz import (
    COMMAND_TIMEOUT,
    FileState,
    Mutation,
    assert_left_alone,
    fuzz_settings,
    hostile_plans,
    write_hostile_plan,
)
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from planner.charts import KINDS
from ui.error_dialog import ErrorDialog, install_excepthook
from ui.main_window import MainWindow
from ui.pages.catalogue import DASHBOARD, PAGES


@pytest.fixture
def something_went_wrong(qapp: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The app's catch-all installed as the app installs it, its dialog recording its message
    instead of waiting for a click."""
    shown: list[str] = []

    def record(dialog: ErrorDialog) -> int:
        shown.append(dialog.message.text())
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", record)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(lambda: None)
    return shown


def _window(folder: Path) -> MainWindow:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    def no_demo() -> tuple[Path, object]:
        raise AssertionError("the demo plan is not asked for here")

    window = MainWindow(settings, no_demo)
    window.show()
    return window


def _show_everything(qtbot, window: MainWindow) -> None:
    """Every page, and every chart of the Dashboard, drawn."""
    view = window.view
    assert view is not None
    for row in reversed(range(len(PAGES))):  # the Dashboard last, its charts on screen
        view.sidebar.setCurrentRow(row)
        qtbot.waitUntil(lambda row=row: view.stack.currentIndex() == row, timeout=5000)
    dashboard = view.page(DASHBOARD)
    charts = dashboard.ensure_charts()
    dashboard.recompute_now()
    for kind in KINDS:
        charts.show_kind(kind)
        qtbot.waitUntil(lambda kind=kind: not charts.charts[kind].stale, timeout=5000)


def _refusal(window: MainWindow) -> QMessageBox | None:
    return window.findChild(QMessageBox, "problemBox") or window.findChild(
        QMessageBox, "openReadOnlyBox"
    )


@fuzz_settings(suite_examples=12)
@given(steps=hostile_plans())
def test_the_app_opens_or_refuses_in_one_line_whatever_the_plan_holds(
    qtbot, something_went_wrong: list[str], steps: list[Mutation]
) -> None:
    something_went_wrong.clear()
    print("STEPS", steps, file=sys.__stderr__, flush=True)
    with tempfile.TemporaryDirectory(prefix="content-fuzz-app-") as folder:
        plan = Path(folder) / "plan" / "hostile.smplan"
        plan.parent.mkdir()
        write_hostile_plan(plan, steps)
        before = FileState.of(plan)
        window = _window(Path(folder))
        try:
            window.open_path(plan)
            qtbot.waitUntil(lambda: not window.opener.busy(), timeout=int(COMMAND_TIMEOUT * 1000))
            if window.document is not None:
                _show_everything(qtbot, window)
            else:
                box = _refusal(window)
                assert box is not None, "the plan neither opened nor was refused"
                assert "unexpected" not in box.text(), box.text()
                assert len(box.text().splitlines()) == 1, f"not one line: {box.text()!r}"
        finally:
            if not window.opener.busy():
                window.close()
                window.deleteLater()

        assert something_went_wrong == []
        assert_left_alone(plan, before, "opening the plan in the app")
