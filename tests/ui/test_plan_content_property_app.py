"""Property: whatever a plan file's tables hold, the app opens it (and shows every page and a
chart of it) or refuses it in a one-line dialog; never "Something went wrong", never a hang,
never a changed file; and a plan the app wrote itself always opens (issue 15, item 4; the
command line's side is in tests/plan_file/test_plan_content_property.py).

The plans are the demo plan changed with sqlite3 directly, or through the app's own services
(see tests/plan_content_fuzz.py, tests/app_written_plans.py and tests/fuzz_support.py).
SMARKETING_FUZZ_EXAMPLES=2000 runs 2,000 random examples of each test instead of the suite's
fixed few.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from app_written_plans import AppWrittenPlan, app_written_plans
from fuzz_support import COMMAND_TIMEOUT, FileState, assert_left_alone, fuzz_settings, watchdog
from hypothesis import event, given
from hypothesis import strategies as st
from plan_content_fuzz import HostilePlan, hostile_plans
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from planner.charts import KINDS
from ui.error_dialog import ErrorDialog
from ui.excepthook import install_excepthook
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


def _show_everything(qtbot, window: MainWindow, kind: str, shown: list[str]) -> None:
    """Every page, then the Dashboard's chart of ``kind`` (drawing all six would take most of
    the test's time; `smarketing chart` draws every kind in the other test), stopping at the
    first "Something went wrong"."""
    view = window.view
    assert view is not None
    for row in reversed(range(len(PAGES))):  # the Dashboard last, its charts on screen
        view.sidebar.setCurrentRow(row)
        qtbot.waitUntil(lambda row=row: view.stack.currentIndex() == row, timeout=5000)
        assert shown == [], f"on the {PAGES[row].title} page"
    dashboard = view.page(DASHBOARD)
    charts = dashboard.ensure_charts()
    dashboard.recompute_now()
    charts.show_kind(kind)
    qtbot.waitUntil(lambda: not charts.charts[kind].stale, timeout=5000)


def _refusal(window: MainWindow) -> QMessageBox | None:
    return window.findChild(QMessageBox, "problemBox") or window.findChild(
        QMessageBox, "openReadOnlyBox"
    )


def open_in_the_app(qtbot, folder: Path, write, kind: str, shown: list[str]) -> str | None:
    """Write a plan with ``write(path)`` in a folder of its own, open it in a new window and
    show every page and the chart of ``kind``; returns the refusal's text, if refused. Fails
    on "Something went wrong", on a hang and on any change to the file or its folder."""
    plan = folder / "plan" / "fuzzed.smplan"
    plan.parent.mkdir()
    write(plan)
    before = FileState.of(plan)
    window = _window(folder)
    refusal = None
    with watchdog():
        try:
            window.open_path(plan)
            qtbot.waitUntil(lambda: not window.opener.busy(), timeout=int(COMMAND_TIMEOUT * 1000))
            assert shown == [], "while opening the plan"
            if window.document is not None:
                _show_everything(qtbot, window, kind, shown)
            else:
                box = _refusal(window)
                assert box is not None, "the plan neither opened nor was refused"
                refusal = box.text()
        finally:
            if not window.opener.busy():  # else closing would wait for the hung open
                window.close()
                window.deleteLater()
    assert shown == []
    assert_left_alone(plan, before, "opening the plan in the app")
    return refusal


@fuzz_settings(suite_examples=10)
@given(hostile=hostile_plans(), kind=st.sampled_from(sorted(KINDS)))
def test_the_app_opens_or_refuses_in_one_line_whatever_the_plan_holds(
    qtbot, something_went_wrong: list[str], hostile: HostilePlan, kind: str
) -> None:
    something_went_wrong.clear()
    with tempfile.TemporaryDirectory(prefix="content-fuzz-app-") as folder:
        refusal = open_in_the_app(qtbot, Path(folder), hostile.write, kind, something_went_wrong)

    event("refused" if refusal is not None else "opened")
    if refusal is not None:
        assert "unexpected" not in refusal, refusal
        assert len(refusal.splitlines()) == 1, f"not one line: {refusal!r}"


@fuzz_settings(suite_examples=5)
@given(edits=app_written_plans(), kind=st.sampled_from(sorted(KINDS)))
def test_the_app_opens_any_plan_it_wrote_itself(
    qtbot, something_went_wrong: list[str], edits: AppWrittenPlan, kind: str
) -> None:
    something_went_wrong.clear()
    with tempfile.TemporaryDirectory(prefix="content-fuzz-app-") as folder:
        refusal = open_in_the_app(qtbot, Path(folder), edits.write, kind, something_went_wrong)

    assert refusal is None, f"the app refused a plan it wrote itself: {refusal}"
