"""What the app loads before it first paints a plan: the modules of the page shown and
nothing heavy. Each module left out is time the user does not wait at every start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"numpy", "pandas", "matplotlib", "openpyxl", "PIL", "lxml"}

# Runs in a fresh process: the test session itself has loaded everything by now. What is
# loaded is read as the page shown first is about to be painted (the event filter sees the
# paint before the page does), the moment the benchmark's cold start ends.
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from ui.app import make_application, start_window
from ui.background import wait_for_abandoned_work

HEAVY = set(sys.argv[3].split(","))
app = make_application(sys.argv[:1])
window = start_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
loaded = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not loaded:
            modules = set(sys.modules)
            loaded["pages"] = sorted(m for m in modules if m.startswith("ui.pages.") and m.endswith(".page"))
            loaded["heavy"] = sorted({m.split(".")[0] for m in modules} & HEAVY)
            loaded["modules"] = sorted(modules)
            loaded["app_style_sheet"] = app.styleSheet()
            QTimer.singleShot(0, finish)
        return False


def finish():
    window.close()  # waits for the page's chart-module thread, as quitting the app does
    app.quit()


def opened(*_):
    page = window.view.stack.currentWidget()
    page.installEventFilter(FirstPaint(page))


window.opener.opened.connect(opened)
window.opener.failed.connect(lambda *_: app.exit(1))
app.exec()
wait_for_abandoned_work()
print(json.dumps(loaded))
"""


@pytest.fixture(scope="module")
def at_first_paint(demo_original: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What the app had loaded as it first painted the demo plan (started once, offscreen)."""
    folder = tmp_path_factory.mktemp("start")
    plan = folder / "Tidewater.smplan"
    shutil.copyfile(demo_original, plan)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    arguments = [str(plan), str(folder / "settings.ini"), ",".join(sorted(HEAVY))]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_demo_plan_is_painted_with_only_the_dashboards_code_and_nothing_heavy(
    at_first_paint: dict,
) -> None:
    assert at_first_paint["pages"] == ["ui.pages.dashboard.page"]
    assert at_first_paint["heavy"] == []


def test_sqlite_utils_and_what_it_brings_wait_for_the_first_edit(at_first_paint: dict) -> None:
    loaded = {m.split(".")[0] for m in at_first_paint["modules"]}
    assert loaded & {"sqlite_utils", "click", "pluggy"} == set()


def test_the_plan_is_painted_before_the_alignment_rules_are_loaded(at_first_paint: dict) -> None:
    # The findings follow the first paint (ui/findings/watcher.py): only what shows them is
    # loaded before it.
    assert "planner.checks.findings" in at_first_paint["modules"]
    assert "planner.checks.run" not in at_first_paint["modules"]


def test_the_error_dialog_is_loaded_only_when_something_goes_wrong(at_first_paint: dict) -> None:
    assert "ui.error_dialog" not in at_first_paint["modules"]


def test_dateutils_parser_which_sqlite_utils_imports_has_not_run(at_first_paint: dict) -> None:
    # planner/storage/database.py makes it lazy once sqlite-utils is loaded.
    assert "dateutil.parser._parser" not in at_first_paint["modules"]


def test_the_application_has_no_style_sheet_of_its_own(at_first_paint: dict) -> None:
    # One there sends every widget through Qt's style-sheet engine (see ui/theme.py).
    assert at_first_paint["app_style_sheet"] == ""
