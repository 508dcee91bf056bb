"""File > Export Plan on a Page… and File > Print…: the one-page plan for leadership
(:mod:`planner.brief`), as a PDF or on a printer.

What the page says is read off the UI thread (the checks and the sums are the slow part on a
big plan); the page is drawn on the UI thread, the app's one matplotlib thread (a second
thread drawing at the same time has crashed it). The PDF keeps its charts as vectors and its
fonts embedded; a printer gets the same page drawn at its resolution (at most
:data:`PRINT_DPI`), since PySide6-Essentials has no PDF renderer to hand it the PDF itself.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout, QPageSize
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from planner.file_names import file_stem_for
from ui.background import Outcome, Shown, TaskRunner, problem_text
from ui.folders import start_folder
from ui.recent_files import RememberedFolder

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from PySide6.QtPrintSupport import QPrinter

    from planner import Plan
    from planner.brief import BriefParts
    from ui.main_window import MainWindow

PAPER_KEY = "brief/paper"
PRINT_DPI = 300  # sharp on paper; a 1200 dpi printer would need a 540 MB picture
SUFFIX = ".pdf"
# The save dialog's filters choose the paper too, so the choice needs no dialog of its own.
FILTERS = {"a4": "PDF, A4 portrait (*.pdf)", "letter": "PDF, US Letter portrait (*.pdf)"}
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class BriefFolder(RememberedFolder):
    """The folder the last plan on a page went to (the save dialog starts there)."""

    KEY = "brief/folder"


def locale_paper() -> str:
    """The paper of the system's locale: US Letter in the United States and Canada, A4 in
    most of the world."""
    from planner.brief import paper_for_territory

    territory = QLocale.territoryToCode(QLocale.system().territory())
    return paper_for_territory(territory)


def paper_of(printer: QPrinter) -> str:
    """The paper a printer is set to, as the page knows papers: Letter, or A4 for any other."""
    page = printer.pageLayout().pageSize().id()
    return "letter" if page == QPageSize.PageSizeId.Letter else "a4"


def paint_page(figure: Figure, printer: QPrinter) -> None:
    """Draw ``figure`` (a page the size of the printer's paper) on the printer's one page,
    edge to edge: the page keeps its own margins."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(min(printer.resolution(), PRINT_DPI))
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    pixels = canvas.buffer_rgba()
    image = QImage(pixels, width, height, QImage.Format.Format_RGBA8888)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(printer.paperRect(QPrinter.Unit.DevicePixel)), image)
    finally:
        painter.end()


def _read(
    plan: Plan,
    _progress: Callable[[int, int], None],
    _cancel: threading.Event,
    *,
    version_id: int | None,
) -> BriefParts:
    """What the page shows, read in the worker from its own plan (or its version)."""
    import contextlib

    from planner.analysis import Analysis
    from planner.brief import read_brief
    from planner.versions.opened import open_version

    with contextlib.ExitStack() as opened:
        shown = plan if version_id is None else opened.enter_context(open_version(plan, version_id))
        return read_brief(Analysis.in_sql(shown))


class PlanOnAPage:
    """The two actions and their flows; one page at a time."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task = TaskRunner(window)
        self.folder = BriefFolder(window.settings)
        self.export = QAction("Export Plan on a &Page…", window)
        self.export.setStatusTip(
            "Write the plan on one page as a PDF for leadership: headline figures, revenue, "
            "strike zone, top initiatives, findings and the hand-off"
        )
        self.export.triggered.connect(lambda _=False: self.ask_export())
        self.print = QAction("&Print…", window)
        self.print.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print.setStatusTip("Print the plan on a page")
        self.print.triggered.connect(lambda _=False: self.ask_print())

    def actions(self) -> tuple[QAction, QAction]:
        return self.export, self.print

    def plan_is_open(self, is_open: bool) -> None:
        self.export.setEnabled(is_open)
        self.print.setEnabled(is_open)

    def shut(self) -> None:
        self.task.shut()

    @property
    def paper(self) -> str:
        """The paper last chosen, else the locale's."""
        from planner.brief import PAPER_NAMES

        chosen = self.window.settings.value(PAPER_KEY, "", type=str)
        return chosen if chosen in PAPER_NAMES else locale_paper()

    # -- export ----------------------------------------------------------------------------

    def ask_export(self) -> None:
        document = self.window.document
        if document is None or self._busy():
            return
        name = file_stem_for(document.plan.settings.get().name, fallback="Plan")
        suggested = start_folder(self.folder.last(), document.path) / f"{name} on a page{SUFFIX}"
        paper = self.paper
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self.window,
            "Export the plan on a page",
            str(suggested),
            ";;".join(FILTERS.values()),
            FILTERS[paper],
        )
        if not chosen:
            return
        paper = next((p for p, text in FILTERS.items() if text == chosen_filter), paper)
        target = Path(chosen)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        self.export_to(target, paper)

    def export_to(self, target: Path, paper: str) -> bool:
        """Start writing the page to ``target`` on ``paper``; ``False`` when it could not
        start (the user is told why)."""
        self.window.settings.setValue(PAPER_KEY, paper)
        from planner.brief import check_brief_target

        try:
            check_brief_target(target)  # said before any work, as the command line does
        except Exception as error:
            self.window.show_problem(f"Can't export {target.name}", problem_text(error))
            return False
        return self._read_then(
            lambda parts: self._write(parts, target, paper),
            Shown("Export Plan on a Page", f"Reading the plan for {target.name}…"),
        )

    def _write(self, parts: BriefParts, target: Path, paper: str) -> None:
        from planner.brief import write_parts

        try:
            with _waiting():
                written = write_parts(parts, target, paper=paper)
        except Exception as error:
            self.window.show_problem(f"Can't export {target.name}", problem_text(error, target))
            return
        self.folder.remember(written)
        self.window.notice.show_message(
            f"Saved the plan on a page to {written}",
            "info",
            action=("Open", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))),
        )
        self.window.statusBar().showMessage(f"Saved {written.name}", 4000)

    # -- print -----------------------------------------------------------------------------

    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.window.document is None or self._busy():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, self.paper)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print the plan on a page")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Read the page, then print it on ``printer`` (on its paper, portrait)."""
        paper = paper_of(printer)
        self.window.settings.setValue(PAPER_KEY, paper)
        set_paper(printer, paper)
        return self._read_then(
            lambda parts: self._print(parts, printer, paper),
            Shown("Print", "Reading the plan to print…"),
        )

    def _print(self, parts: BriefParts, printer: QPrinter, paper: str) -> None:
        from planner.brief import draw_brief

        try:
            with _waiting():
                paint_page(draw_brief(parts, paper=paper), printer)
        except Exception as error:
            self.window.show_problem("Can't print the plan", problem_text(error))
            return
        self.window.statusBar().showMessage("Sent the plan on a page to the printer", 4000)

    # -- helpers ---------------------------------------------------------------------------

    def _busy(self) -> bool:
        if self.task.busy():
            self.window.statusBar().showMessage(
                "The plan on a page is still being made; try again in a moment", 5000
            )
            return True
        return False

    def _read_then(self, then: Callable[[BriefParts], None], shown: Shown) -> bool:
        document = self.window.document
        if document is None:
            return False
        if document.path is None:
            self.window.show_problem(
                "Can't make the plan on a page", "Save the plan to a file first."
            )
            return False
        version = document.plan.version
        work = functools.partial(_read, version_id=None if version is None else version.id)

        def done(outcome: Outcome) -> None:
            if outcome.cancelled:
                self.window.notice.show_message("Cancelled: nothing was written.", "info")
            elif outcome.error is not None:
                self.window.show_problem(
                    "Can't make the plan on a page", problem_text(outcome.error)
                )
            else:
                then(outcome.result)

        from ui.workbook.jobs import on_own_plan

        return self.task.start(on_own_plan(document.path, work), on_done=done, shown=shown)


def set_paper(printer: QPrinter, paper: str) -> None:
    """``paper`` in portrait, edge to edge (the page keeps its own margins)."""
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )


class _waiting:
    """The wait cursor while the page is drawn on the UI thread."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()
