"""What every sheet writer gets: the workbook being written, the plan's figures, the looks,
the progress to report to, and the record of text changed to fit Excel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.plan import Plan
    from planner.workbook.export.cells import TextFitter
    from planner.workbook.export.facts import ExportFacts
    from planner.workbook.export.streaming import SheetWriter
    from planner.workbook.export.styles import Styles
    from planner.workbook.progress import Progress


@dataclass
class ExportContext:
    """``texts``: fits every text written to a cell and records what it changed (one per
    export, see :class:`.cells.TextFitter`). ``fast_rows``: whether sheet writers may use openpyxl's row hook (see
    :mod:`.streaming`); tests turn it off to hold the public path to the same result."""

    wb: Workbook
    plan: Plan
    facts: ExportFacts
    styles: Styles
    progress: Progress
    texts: TextFitter
    fast_rows: bool = True

    def new_sheet(self, title: str) -> WriteOnlyWorksheet:
        return self.wb.create_sheet(title)

    def writer(self, ws: WriteOnlyWorksheet) -> SheetWriter:
        from planner.workbook.export.streaming import SheetWriter

        return SheetWriter(ws, self.styles, self.texts, fast=self.fast_rows)
