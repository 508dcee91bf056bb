"""The core calls behind the workbook actions, in the shape the background runner wants.

Each loads the core's workbook modules (and with them openpyxl) only when it runs, so the app
starts without them. The runner calls them in its worker thread with the worker's own
read-only plan (:func:`on_own_plan`); :func:`apply` is the one that runs on the UI thread, on
the document's plan.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import Change, Plan
from planner.workbook.importing.mapping import CsvMapping
from planner.workbook.importing.records import ImportPreview

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.timeline import Grouping
    from planner.workbook.importing import CsvTable

Progress = Callable[[int, int], None]
PlanWork = Callable[[Plan, Progress, threading.Event], Any]


def on_own_plan(path: Path, work: PlanWork) -> Callable[[Progress, threading.Event], Any]:
    """``work`` as the runner's work: called in the worker with a read-only plan of its own,
    opened from ``path``, since a SQLite connection belongs to the thread that made it."""

    def run(on_progress: Progress, cancel: threading.Event) -> Any:
        plan = Plan.open(path, read_only=True)
        try:
            return work(plan, on_progress, cancel)
        finally:
            # A read-only connection: nothing is lost if closing it fails.
            with contextlib.suppress(Exception):
                plan.close()

    return run


@dataclass(frozen=True)
class CsvStart:
    """What the mapping dialog starts from: the file's columns and first rows, and the
    mapping saved in the plan for these columns (or the core's guess)."""

    table: CsvTable
    suggested: CsvMapping | None


def export(
    plan: Plan,
    on_progress: Progress,
    cancel: threading.Event,
    *,
    target: Path,
    pictures: tuple[tuple[str, bytes], ...] | None,
    version_id: int | None = None,
    baseline_id: int | None = None,
    timeline_lanes: Grouping | None = None,
) -> Path:
    """Write the workbook of ``plan`` (or of its version ``version_id``) to ``target``, with
    the chart ``pictures`` (drawn already, on the UI thread) when given, compared with version
    ``baseline_id`` when given, its Timeline sheet in lanes by ``timeline_lanes``; the path
    written. The versions are opened here, in the
    worker, from the worker's own plan."""
    from planner.versions.opened import open_version
    from planner.workbook.export import ExportOptions, export_workbook

    with contextlib.ExitStack() as opened:
        exported = (
            plan if version_id is None else opened.enter_context(open_version(plan, version_id))
        )
        baseline = (
            None if baseline_id is None else opened.enter_context(open_version(plan, baseline_id))
        )
        options = ExportOptions(
            chart_images=pictures is not None,
            pictures=pictures or (),
            baseline=baseline,
            timeline_grouping=timeline_lanes,
        )
        return export_workbook(
            exported, target, options=options, on_progress=on_progress, cancel=cancel
        )


def read_csv(plan: Plan, on_progress: Progress, cancel: threading.Event, *, path: Path) -> CsvStart:
    """The columns and first rows of the CSV at ``path``, and the mapping to suggest."""
    from planner.workbook.importing import read_csv_table, suggest_mapping

    table = read_csv_table(path)
    return CsvStart(table, suggest_mapping(plan, table.headers))


def preview(
    plan: Plan,
    on_progress: Progress,
    cancel: threading.Event,
    *,
    path: Path,
    mapping: CsvMapping | None,
) -> ImportPreview:
    """What importing ``path`` (through ``mapping`` for a CSV) would change in ``plan``."""
    from planner.workbook.importing import preview_import

    return preview_import(plan, path, mapping=mapping, on_progress=on_progress, cancel=cancel)


def apply(plan: Plan, preview: ImportPreview, *, skip_rejected: bool) -> Change | None:
    """Write what ``preview`` found, in one transaction (and save its CSV mapping)."""
    from planner.workbook.importing import apply_import

    return apply_import(plan, preview, skip_rejected=skip_rejected)


def is_csv(path: Path) -> bool:
    """Whether ``path`` is read as a CRM's CSV export (through a mapping), by its suffix."""
    from planner.workbook.importing import CSV_SUFFIXES

    return path.suffix.lower() in CSV_SUFFIXES


def draw_pictures(analysis: Analysis) -> tuple[tuple[str, bytes], ...]:
    """The dashboard's charts as PNG pictures for the export. Called on the UI thread: the app
    uses matplotlib on that thread only."""
    from planner.workbook.export.images import draw_pictures as draw

    return draw(analysis)
