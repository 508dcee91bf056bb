"""The app started on a plan, as ``smarketing PLAN`` starts it, reporting when the plan's
first page was painted: from process start (``first_paint``) and from the window asking to
open the plan (``open_to_paint``, which includes reading the file off the UI thread).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/app_start.py STARTED PLAN SETTINGS

``STARTED`` is ``time.time()`` in the parent just before it started this process;
``SETTINGS`` an .ini file, so the user's own settings are neither read nor changed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from child import report
from first_paint import on_first_paint
from PySide6.QtCore import QSettings

from ui.app import make_application, start_window
from ui.background import wait_for_abandoned_work
from ui.main_window import MainWindow

started = float(sys.argv[1])
plan_path = Path(sys.argv[2])
settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
asked: list[float] = []
_open_path = MainWindow.open_path


def open_path(self: MainWindow, path: Path, prepare=None) -> None:
    asked.append(time.time())
    _open_path(self, path, prepare)


MainWindow.open_path = open_path  # instrumented: the moment the window asks for the plan
app = make_application(sys.argv[:1])
window = start_window(plan_path, settings)


def painted(when: float) -> None:
    report(first_paint=when - started, open_to_paint=when - asked[0])
    window.close()  # waits for the page's chart-module thread, as quitting the app does
    app.quit()


def opened() -> None:
    assert window.view is not None
    on_first_paint(window.view.stack.currentWidget(), painted)


window.opener.opened.connect(opened)  # after the window's own slot: the view exists
window.opener.failed.connect(lambda *args: (print("open failed", args), app.exit(1)))
code = app.exec()
wait_for_abandoned_work()  # as the app does: the plan's first check may still be running
sys.exit(code)
