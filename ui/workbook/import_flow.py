"""File > Import Actuals…: choose a file, map a CSV's columns, preview, apply as one undo step.

Reading and previewing run off the UI thread on a read-only plan of their own; the import
itself is applied on the UI thread through the document, so that Undo takes it back whole.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from planner import PlanError
from planner.workbook.importing.mapping import CsvMapping
from planner.workbook.importing.records import ImportPreview
from ui.background import Outcome, Shown, TaskRunner, problem_text
from ui.commands import Edit
from ui.document import PlanDocument
from ui.folders import start_folder
from ui.recent_files import WorkbookFolder
from ui.workbook import jobs, wording
from ui.workbook.mapping_dialog import MappingDialog
from ui.workbook.preview_dialog import CHANGE_MAPPING, PreviewDialog

if TYPE_CHECKING:
    from planner.workbook.importing import CsvTable
    from ui.main_window import MainWindow

FILE_FILTER = "Actuals (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CRM exports (*.csv);;All files (*)"
TITLE = "Import Actuals"


def describe_table(table: CsvTable) -> str:
    """``240 rows and 8 columns, UTF-8 text separated by commas; <the reader's notes>``."""
    text = (
        f"{wording.count(table.rows, 'row')} and {wording.count(len(table.headers), 'column')}, "
        f"{table.encoding.upper()} text separated by {table.separator_name}s"
    )
    return "; ".join((text, *table.notes))


class _ImportEdit(Edit):
    def refusal(self, error: PlanError) -> str:
        return str(error)  # the core's message names the file and says nothing was imported


class ImportFlow:
    """Imports actuals into the window's plan, one file at a time."""

    def __init__(self, window: MainWindow, task: TaskRunner) -> None:
        self.window = window
        self.task = task
        self._document: PlanDocument | None = None
        self._table: CsvTable | None = None  # the CSV's columns, for "Change Columns…"
        self.dialog: QDialog | None = None  # the dialog now open (tests look at it)

    def ask(self) -> None:
        """Ask for the file to import, then go on with :meth:`import_file`."""
        document = self.window.document
        if document is None or document.read_only or self.task.busy():
            return
        folder = WorkbookFolder(self.window.settings)
        # Where the last workbook went out or came in: a returned one is likely beside it.
        start = start_folder(folder.last(), document.path)
        chosen, _ = QFileDialog.getOpenFileName(self.window, TITLE, str(start), FILE_FILTER)
        if chosen:
            folder.remember(Path(chosen))
            self.import_file(Path(chosen))

    def import_file(self, path: Path) -> bool:
        """Start importing ``path``: a CSV goes through the column mapping first; ``False``
        when nothing started."""
        document = self.window.document
        if document is None or self.task.busy():
            return False
        if document.read_only or document.path is None:
            self.window.show_problem(
                f"Can't import {path.name}",
                f"{document.plan.where}: the plan is open read-only; save a copy to edit it.",
            )
            return False
        self._document, self._table = document, None
        if jobs.is_csv(path):
            return self._read_csv(path)
        return self._preview(path, None)

    def apply(self, preview: ImportPreview, *, skip_rejected: bool = False) -> bool:
        """Write ``preview`` into the plan as one undo step; tells the user what went in."""
        document = self.window.document
        if document is None:
            return False
        plan = document.plan
        edit = _ImportEdit(
            f"import actuals from {preview.source.name}",
            do=lambda: jobs.apply(plan, preview, skip_rejected=skip_rejected),
            undo=lambda: plan.values.set_many(preview.undo_entries()),
        )
        # A refusal is told by the document, in the notice bar, as for every other edit.
        if not document.run(edit):
            return False
        self.window.notice.show_message(wording.imported(preview, skip_rejected), "info")
        return True

    # -- the steps ---------------------------------------------------------------------------

    def _read_csv(self, path: Path) -> bool:
        assert self._document is not None and self._document.path is not None
        return self.task.start(
            jobs.on_own_plan(self._document.path, functools.partial(jobs.read_csv, path=path)),
            on_done=lambda outcome: self._csv_read(path, outcome),
            shown=Shown(TITLE, f"Reading {path.name}…"),
        )

    def _csv_read(self, path: Path, outcome: Outcome) -> None:
        if self._ended(path, outcome):
            return
        start: jobs.CsvStart = outcome.result
        self._table = start.table
        self._ask_mapping(path, start.suggested)

    def _ask_mapping(self, path: Path, mapping: CsvMapping | None) -> None:
        table = self._table
        assert table is not None
        dialog = MappingDialog(
            path.name,
            table.headers,
            [list(row) for row in table.sample],
            mapping,
            self.window,
            about=describe_table(table),
            distinct=table.distinct,
        )
        dialog.accepted.connect(lambda: self._preview(path, dialog.mapping()))
        self._show(dialog)

    def _preview(self, path: Path, mapping: CsvMapping | None) -> bool:
        assert self._document is not None and self._document.path is not None
        work = functools.partial(jobs.preview, path=path, mapping=mapping)
        return self.task.start(
            jobs.on_own_plan(self._document.path, work),
            on_done=lambda outcome: self._previewed(path, mapping, outcome),
            shown=Shown(TITLE, f"Checking {path.name} against the plan…"),
        )

    def _previewed(self, path: Path, mapping: CsvMapping | None, outcome: Outcome) -> None:
        if self._ended(path, outcome):
            return
        preview: ImportPreview = outcome.result
        assert self._document is not None
        dialog = PreviewDialog(preview, self._document.plan.currency, self.window)

        def finished(code: int) -> None:
            if not self._still_open():
                return  # the plan was closed under the dialog
            if code == QDialog.DialogCode.Accepted:
                self.apply(preview, skip_rejected=dialog.skip_rejected())
            elif code == CHANGE_MAPPING:
                self._ask_mapping(path, preview.mapping or mapping)

        dialog.finished.connect(finished)
        self._show(dialog)

    # -- helpers -----------------------------------------------------------------------------

    def _ended(self, path: Path, outcome: Outcome) -> bool:
        """Tell a cancel or a failure; ``True`` when the flow stops here."""
        if not self._still_open():
            return True  # the plan was closed meanwhile: nothing to import into
        if outcome.cancelled:
            self.window.notice.show_message(
                f"Import of {path.name} cancelled; the plan is as it was.", "info"
            )
            return True
        if outcome.error is not None:
            self.window.show_problem(f"Can't import {path.name}", problem_text(outcome.error))
            return True
        return False

    def _still_open(self) -> bool:
        return self._document is not None and self.window.document is self._document

    def _show(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
