"""The leadership workbook: a plan exported to a finance-grade Excel file.

    from planner.workbook.export import ExportOptions, export_workbook
    export_workbook(plan, "FY2026.xlsx", options=ExportOptions(chart_images=True))

Sheets: Summary (headline figures, attainment, findings, native charts), Initiatives (an Excel
table), Timeline (what runs when, months shaded), Roles (the RACI matrix), Monthly, Strike
zone, Hand-off, Actuals (to fill in and send back, laid out as :mod:`planner.workbook.layout`
says) and About. openpyxl is imported when an export runs, not when this package is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner.workbook.export.options import ExportCancelled, ExportOptions
from planner.workbook.files import check_target, write_atomically
from planner.workbook.layout import WORKBOOK_SUFFIX

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.plan import Plan

__all__ = ["ExportCancelled", "ExportOptions", "export_workbook"]

DEFAULT_OPTIONS = ExportOptions()  # frozen: one shared default is safe


def export_workbook(
    plan: Plan,
    target: str | Path,
    *,
    options: ExportOptions = DEFAULT_OPTIONS,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
    analysis: Analysis | None = None,
) -> Path:
    """Write the leadership workbook of ``plan`` to ``target`` (an ``.xlsx`` file) and return
    its absolute path; its figures come from ``analysis`` (of ``plan``) when one is handed
    over, else from one summed in SQL.

    ``on_progress(done, total)`` hears about a hundred times how far the export is, in work
    units; setting ``cancel`` stops it within a few thousand rows with
    :class:`ExportCancelled`. The file is written beside the target and moved into place at
    the end, so a failed or cancelled export leaves no file behind and an existing target as
    it was. :class:`~planner.errors.PlanFileError` names the file when the target is not
    ``.xlsx``, its folder is missing or cannot be written, or another program has it open.
    """
    from planner.workbook.export.workbook import write_workbook
    from planner.workbook.progress import Progress

    path = check_target(target, suffix=WORKBOOK_SUFFIX, kind="a workbook")
    progress = Progress(
        cancelled=lambda: ExportCancelled(f"Export cancelled; {path} was not changed"),
        on_progress=on_progress,
        cancel=cancel,
    )

    def write(temporary: Path) -> None:
        write_workbook(plan, temporary, options=options, progress=progress, analysis=analysis)

    return write_atomically(path, write)
