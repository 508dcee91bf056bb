"""``smarketing --self-test``: prove an installed app works, end to end, without a screen.

It writes the small demo plan to a temporary folder, opens it in the main window, shows the
Dashboard until its chart is drawn, exports the leadership workbook and reads it back, and
prints the plan on a page (to a PDF file, through Qt's printing). Each
step prints one line with its time; the first that fails prints its reason and the run exits
1 (never a traceback: a user or CI reads the line, not Python's internals).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from planner.demo import build_demo
from planner.errors import PlanError
from planner.workbook.export import export_workbook

if TYPE_CHECKING:
    from ui.main_window import MainWindow

STEP_TIMEOUT_S = 60.0  # the chart and the plan arrive from worker threads: wait this long
PLAN_NAME = "self-test.smplan"
WORKBOOK_NAME = "self-test.xlsx"
PRINTED_NAME = "self-test-printed.pdf"


class StepFailed(Exception):
    """A step did not do what it should; the message says why, for the user."""


def run_self_test(folder: Path | None = None, out: TextIO | None = None) -> int:
    """Run every step in ``folder`` (a temporary one by default), reporting to ``out``
    (stdout by default); the exit code: 0 when all passed, 1 at the first failure."""
    out = out or sys.stdout or open(os.devnull, "w")  # noqa: SIM115 (a windowed Windows app has no stdout)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a self-test shows no window
    started = time.perf_counter()
    with _folder(folder) as where, _errors_kept() as errors, _quiet_offscreen():
        run = _Run(where, errors)
        try:
            for title, step in run.steps():
                began = time.perf_counter()
                try:
                    detail = step()
                except Exception as error:  # reported as one line, the run stops here
                    seconds = time.perf_counter() - began
                    print(f"FAIL {seconds:6.2f} s  {title}: {_reason(error)}", file=out)
                    print(f"self-test failed at: {title}", file=out)
                    return 1
                seconds = time.perf_counter() - began
                print(f"ok   {seconds:6.2f} s  {title}{f' ({detail})' if detail else ''}", file=out)
        finally:
            run.close()
    print(f"self-test passed in {time.perf_counter() - started:.2f} s", file=out)
    return 0


def main() -> int:
    """The ``--self-test`` command's exit code."""
    return run_self_test()


class _Run:
    """The steps, and what one step leaves for the next (the plan, the window, the file)."""

    def __init__(self, folder: Path, errors: list[BaseException]) -> None:
        self.folder = folder
        self.errors = errors  # raised in Qt's slots, where no step can catch them
        self.plan_path = folder / PLAN_NAME
        self.workbook_path = folder / WORKBOOK_NAME
        self.window: MainWindow | None = None
        self.open_failure = ""

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("write the demo plan", self.write_demo),
            ("open it in the main window", self.open_window),
            ("show the Dashboard and draw its chart", self.draw_dashboard),
            ("show the guide with its pictures", self.show_guide),
            ("export the workbook", self.export),
            ("read the workbook back", self.read_back),
            ("print the plan on a page", self.print_page),
        ]

    def write_demo(self) -> str:
        build_demo(self.plan_path)
        return f"{self.plan_path.stat().st_size // 1024} KB"

    def open_window(self) -> str:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from ui.app import make_application
        from ui.main_window import MainWindow

        if QApplication.instance() is None:
            make_application(sys.argv[:1])
        # Settings of its own: the self-test leaves the user's recent plans and layout alone.
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        window = self.window = MainWindow(settings, lambda: (self.plan_path, lambda _path: None))
        window.opener.failed.connect(lambda failure: setattr(self, "open_failure", failure.message))
        window.resize(1280, 800)
        window.show()
        window.open_path(self.plan_path)
        self._wait(
            lambda: window.document is not None or bool(self.open_failure), "the plan to open"
        )
        if self.open_failure:
            raise StepFailed(self.open_failure)
        return window.windowTitle()

    def draw_dashboard(self) -> str:
        from ui.pages.dashboard.page import DashboardPage

        window = self._window()
        assert window.view is not None
        window.view.sidebar.setCurrentRow(0)  # the Dashboard, whatever page was last shown
        page = window.view.page(DashboardPage)
        assert isinstance(page, DashboardPage)
        # The page loads matplotlib off the UI thread once painted, then draws the chart.
        self._wait(
            lambda: (
                page.charts is not None and not page.refresh_pending and page.charts.view().drawn
            ),
            "the Dashboard's chart to be drawn",
        )
        assert page.charts is not None
        figure = page.charts.view().figure
        return figure.get_suptitle() if figure is not None else ""

    def show_guide(self) -> str:
        from ui.help.menu import GUIDE_FILE

        window = self._window()
        guide = window.help.show_guide()
        # The help pages ship as package data: a bundle or an install that left them out
        # would show an empty window.
        if missing := window.help.missing_pictures():
            raise StepFailed(f"the guide's pictures are missing: {', '.join(missing)}")
        words = len(guide.browser.toPlainText().split())
        guide.close()
        return f"{GUIDE_FILE}, {words} words"

    def export(self) -> str:
        window = self._window()
        assert window.document is not None
        path = export_workbook(window.document.plan, self.workbook_path)
        return f"{path.stat().st_size // 1024} KB"

    def read_back(self) -> str:
        from openpyxl import load_workbook

        book = load_workbook(self.workbook_path, read_only=True)
        try:
            sheets = book.sheetnames
            if "Summary" not in sheets:
                raise StepFailed(f"{self.workbook_path} has no Summary sheet: {sheets}")
        finally:
            book.close()
        return f"{len(sheets)} sheets"

    def print_page(self) -> str:
        from PySide6.QtPrintSupport import QPrinter

        from ui.plan_on_a_page import set_paper

        window = self._window()
        target = self.folder / PRINTED_NAME
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        set_paper(printer, "a4")
        brief = window.files.brief
        if not brief.print_to(printer):
            raise StepFailed("the plan on a page could not start")
        brief.task.wait()
        if not target.is_file() or not target.stat().st_size:
            raise StepFailed(f"nothing was printed to {target}")
        return f"{target.stat().st_size // 1024} KB"

    def close(self) -> None:
        """Close the window and its plan, so the folder can be removed."""
        if self.window is not None:
            self.window.opener.wait()
            self.window.close()
            self.window.deleteLater()
            self.window: MainWindow | None = None

    def _window(self) -> MainWindow:
        if self.window is None or self.window.document is None:
            raise StepFailed("no plan is open in the window")
        return self.window

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        """Run Qt's event loop until ``done()``; a failure names ``what`` was awaited."""
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + STEP_TIMEOUT_S
        while not done():
            if self.errors:
                raise self.errors[0]
            if time.perf_counter() > deadline:
                raise StepFailed(f"waited {STEP_TIMEOUT_S:.0f} s for {what}")
            QApplication.processEvents()
            time.sleep(0.005)
        if self.errors:
            raise self.errors[0]


def _reason(error: BaseException) -> str:
    """A user's messages as they are, anything else named by its kind too; on one line."""
    reason = (
        str(error)
        if isinstance(error, StepFailed | PlanError)
        else f"{type(error).__name__}: {error}"
    )
    return " ".join(reason.split())


@contextmanager
def _folder(folder: Path | None) -> Iterator[Path]:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="smarketing-self-test-") as temporary:
        yield Path(temporary)


@contextmanager
def _errors_kept() -> Iterator[list[BaseException]]:
    """Keep what Qt's slots raise (PySide6 hands it to ``sys.excepthook``, which would print
    a traceback) for the waiting step to report as its reason."""
    errors: list[BaseException] = []
    before = sys.excepthook

    def keep(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        errors.append(error)

    sys.excepthook = keep
    try:
        yield errors
    finally:
        sys.excepthook = before


@contextmanager
def _quiet_offscreen() -> Iterator[None]:
    """Drop the offscreen platform's notes that it cannot do what only a screen does (it
    says so for every window), so the report is one line per step; Qt's other messages pass."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, context: object, message: str) -> None:
        if "This plugin does not support" not in message:
            print(message, file=sys.stderr)

    before = qInstallMessageHandler(handle)
    try:
        yield
    finally:
        qInstallMessageHandler(before)
