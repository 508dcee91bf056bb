"""``smarketing export``: the leadership workbook, written to an .xlsx file."""

from __future__ import annotations

import argparse
import contextlib
import time
from pathlib import Path

from planner.cli.grouping import add_grouping_option, chosen_grouping
from planner.cli.progress import terminal_progress
from planner.plan import Plan


def add_export_parser(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export the leadership workbook (.xlsx)")
    export.description = (
        "Write the plan as an Excel workbook for leadership: summary, initiatives, timeline, "
        "roles, monthly figures, returns, strike zone, hand-off and an Actuals sheet to fill in and "
        "import back. "
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
    add_grouping_option(export, "--timeline-by", "the Timeline sheet's lanes")


def run_export(plan: Plan, options: argparse.Namespace) -> str:
    """Export as the options ask; returns the line that says where it went."""
    from planner.workbook.export import ExportOptions, export_workbook

    started = time.perf_counter()
    with contextlib.ExitStack() as opened:
        baseline = None
        if options.against:
            from planner.cli.versions import chosen_version

            # A version's versions are the working plan's (--version exports a version).
            working = plan if plan.version is None else plan.working  # type: ignore[attr-defined]
            baseline = opened.enter_context(chosen_version(working, options.against))
        progress = terminal_progress("Exporting")
        try:
            path = export_workbook(
                plan,
                options.output,
                options=ExportOptions(
                    chart_images=options.chart_images,
                    baseline=baseline,
                    timeline_grouping=chosen_grouping(options),
                ),
                on_progress=progress,
            )
        finally:
            if progress is not None:
                progress.done()
    seconds = time.perf_counter() - started
    return f"Wrote the workbook to {path} in {seconds:.1f} s"
