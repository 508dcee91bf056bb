"""The File menu's two workbook actions: Export Workbook… and Import Actuals…."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from ui.background import TaskRunner
from ui.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.workbook.export_flow import ExportFlow
    from ui.workbook.import_flow import ImportFlow


class WorkbookActions:
    """Export needs an open plan; import needs one open for editing. Both share one worker,
    so an export and an import never run at once."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task = TaskRunner(window)
        self.export = QAction(icon("export-workbook"), "&Export Workbook…", window)
        self.export.setShortcut(QKeySequence("Ctrl+E"))
        self.export.setStatusTip("Write the plan as an Excel workbook for leadership")
        self.export.triggered.connect(lambda _=False: self.when_free(self.exporting.ask))
        self.import_ = QAction(icon("import-actuals"), "&Import Actuals…", window)
        self.import_.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_.setStatusTip(
            "Read actuals from a filled-in workbook or a CRM's CSV export, with a preview first"
        )
        self.import_.triggered.connect(lambda _=False: self.when_free(self.importing.ask))

    # The flows and their dialogs load on first use, not while the app starts.
    @cached_property
    def exporting(self) -> ExportFlow:
        from ui.workbook.export_flow import ExportFlow

        return ExportFlow(self.window, self.task)

    @cached_property
    def importing(self) -> ImportFlow:
        from ui.workbook.import_flow import ImportFlow

        return ImportFlow(self.window, self.task)

    def actions(self) -> tuple[QAction, QAction]:
        return self.export, self.import_

    def plan_is_open(self, is_open: bool) -> None:
        document = self.window.document
        self.export.setEnabled(is_open)
        self.import_.setEnabled(is_open and document is not None and not document.read_only)

    def when_free(self, start: Callable[[], object]) -> None:
        """Run ``start`` unless an export or import is still running (then say so)."""
        # A cancelled export stops within a moment, but its dialog has gone already.
        if self.task.busy():
            self.window.statusBar().showMessage(
                "An export or import is still finishing; try again in a moment", 5000
            )
            return
        start()

    def shut(self) -> None:
        """Stop any export or import still running (the window is closing)."""
        self.task.shut()
