"""``smarketing export``: the leadership workbook, written to an .xlsx file."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from planner.cli.progress import terminal_progress
from planner.errors import PlanError, ValidationError
from planner.plan import Plan


def add_export_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export the leadership workbook (.xlsx)")
    export.description = (
        "Write the plan as an Excel workbook for leadership: summary, initiatives, roles, "
        "monthly figures, strike zone, hand-off and an Actuals sheet to fill in and import back. "
        "The file is replaced whole or not at all."
    )
    export.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    export.add_argument(
        "-o", "--output", required=True, type=Path, help="the workbook to write (.xlsx)"
    )
    export.add_argument(
        "--chart-images",
        action="store_true",
        help="also embed the app's own chart pictures (the native Excel charts are always there)",
    )
    export.add_argument(
        "--against",
        metavar="NAME",
        help="compare with the version NAME (a baseline): adds a Plan vs baseline sheet",
    )


def run_export(plan: Plan, options: argparse.Namespace) -> str:
    """Export as the options ask; returns the line that says where it went."""
    from planner.workbook.export import ExportOptions, export_workbook

    started = time.perf_counter()
    baseline = _baseline(plan, options.against) if options.against else None
    progress = terminal_progress("Exporting")
    try:
        path = export_workbook(
            plan,
            options.output,
            options=ExportOptions(chart_images=options.chart_images, baseline=baseline),
            on_progress=progress,
        )
    finally:
        if progress is not None:
            progress.done()
        if baseline is not None:
            baseline.close()
    seconds = time.perf_counter() - started
    return f"Wrote the workbook to {path} in {seconds:.1f} s"


def _baseline(plan: Plan, name: str) -> Plan:
    """The version ``name`` of the plan (any letter case), opened to compare with; refused
    naming the versions there are."""
    from planner.versions.opened import open_version

    working = plan if plan.version is None else plan.working  # type: ignore[attr-defined]
    try:
        info = working.versions.find(name)
    except ValidationError as error:
        raise PlanError(f"--against: {error.detail}") from None
    return open_version(working, info.id)
