"""``smarketing import``: actuals from a filled-in workbook or a CRM's CSV export.

A preview comes first, always; then everything is written in one transaction, or nothing.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.cli.progress import terminal_progress
from planner.cli.table import render
from planner.domain import Metric
from planner.errors import ValidationError
from planner.plan import Plan
from planner.services.base import some_names

if TYPE_CHECKING:
    from planner.workbook.importing import CsvMapping, ImportPreview

SHOWN_CHANGES = 20
_METRICS = tuple(metric.value for metric in Metric)
_LISTED = ", ".join(_METRICS)


def add_import_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("import", help="import actuals from a workbook or a CRM CSV")
    command.description = (
        "Import actuals from the Actuals sheet of an exported workbook (matched by initiative "
        "id) or from a CRM's CSV export (through a column mapping, saved in the plan for next "
        "time). Shows what would change first; writes everything in one transaction or nothing."
    )
    command.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    command.add_argument("source", metavar="FILE", type=Path, help="the .xlsx or .csv to read")
    command.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    command.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the good rows even when some are rejected (default: import nothing)",
    )
    mapping = command.add_argument_group(
        "CSV column mapping",
        "Which columns of a CSV hold what. Unset options keep the mapping saved in the plan "
        "for this file's columns, or the one guessed from HubSpot/Salesforce column names.",
    )
    mapping.add_argument("--initiative-column", metavar="COLUMN", help="names the initiative")
    mapping.add_argument("--date-column", metavar="COLUMN", help="the date that picks the month")
    mapping.add_argument("--value-column", metavar="COLUMN", help="the amount or count")
    mapping.add_argument(
        "--metric",
        choices=_METRICS,
        metavar="METRIC",
        help=f"the metric every row adds to ({_LISTED})",
    )
    mapping.add_argument("--metric-column", metavar="COLUMN", help="a column naming the metric")
    mapping.add_argument("--stage-column", metavar="COLUMN", help="the deal stage column")
    mapping.add_argument(
        "--stage",
        dest="stages",
        action="append",
        metavar="STAGE",
        help="count only rows in this stage (repeat for several), e.g. 'Closed Won'",
    )
    mapping.add_argument(
        "--count-into",
        choices=_METRICS,
        metavar="METRIC",
        help="also count each row as 1 of this metric",
    )
    mapping.add_argument(
        "--date-order", choices=("auto", "YMD", "DMY", "MDY"), help="how to read 03/04/2026"
    )


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What the command prints: the preview (stdout), and why nothing was imported when it
    was refused (one line on stderr)."""

    report: str
    refusal: str | None = None
    had_rejected: bool = False


def run_import(
    plan: Plan, options: argparse.Namespace, *, into: Plan | None = None
) -> ImportOutcome:
    """Preview the import and, unless a dry run or refused, apply it: to ``into`` when given
    (the working plan, whose actuals every version of it shares, ``plan`` being a version
    whose initiatives the rows are read against)."""
    from planner.workbook.importing import apply_import, preview_import

    into = plan if into is None else into

    mapping = _mapping_from_options(plan, options)
    progress = terminal_progress("Reading")
    try:
        preview = preview_import(plan, options.source, mapping=mapping, on_progress=progress)
    finally:
        if progress is not None:
            progress.done()
    report = describe(plan, preview)
    rejected = bool(preview.rejected)
    if options.dry_run:
        return ImportOutcome(f"{report}\n\nDry run: nothing was imported.", None, rejected)
    if rejected and not options.skip_rejected:
        refusal = (
            f"nothing was imported: {_rows(len(preview.rejected))} rejected (listed above); "
            "fix them, or pass --skip-rejected to import the rest"
        )
        return ImportOutcome(report, refusal, rejected)
    elsewhere = _only_in_version(into, preview) if into is not plan else []
    if elsewhere:
        refusal = (
            f"nothing was imported: {some_names([repr(name) for name in elsewhere])} "
            f"{'is' if len(elsewhere) == 1 else 'are'} only in {plan.version.described}; "
            "actuals are recorded against the working plan's initiatives, which every "
            "version shares"
        )
        return ImportOutcome(report, refusal, rejected)
    change = apply_import(into, preview, skip_rejected=options.skip_rejected)
    written = len(preview.changes) if change is not None else 0
    shared = " (the actuals every version shares)" if into is not plan else ""
    return ImportOutcome(f"{report}\n\nImported {_values(written)} into {into.where}{shared}.")


def _only_in_version(working: Plan, preview: ImportPreview) -> list[str]:
    """The initiatives the import would write actuals to that the working plan lacks (added
    in a scenario), by name."""
    present = {row[0] for row in working.query("SELECT id FROM initiatives")}
    return sorted({c.initiative for c in preview.changes if c.initiative_id not in present})


def describe(plan: Plan, preview: ImportPreview) -> str:
    """The preview as the terminal shows it: counts, every rejected row, the first changes."""
    lines = [f"Import from {preview.source.name} ({_source_words(preview)})"]
    if plan.version is not None:
        lines.append(f"  Read against {plan.version.described}")
    lines.append(f"  {preview.counts_line()}")
    lines.extend(f"  Note: {note}" for note in preview.notes)
    if preview.rejected:
        lines += ["", "Rejected:"]
        lines.extend(f"  {row.where}: {row.reason}" for row in preview.rejected)
    if preview.changes:
        money = plan.currency
        shown = preview.changes[:SHOWN_CHANGES]
        title = (
            "Changes"
            if len(shown) == len(preview.changes)
            else (f"Changes (the first {len(shown)} of {len(preview.changes):,})")
        )

        def amount(metric: Metric, value: int | None) -> str:
            if value is None:
                return "-"
            return money.format(value) if metric.is_money else f"{value:,}"

        table = render(
            ("Initiative", "Month", "Metric", "Now", "After"),
            [
                (
                    c.initiative,
                    month_math.label(c.month),
                    c.metric.title,
                    amount(c.metric, c.old),
                    amount(c.metric, c.new),
                )
                for c in shown
            ],
            numeric_from=3,
        )
        lines += ["", f"{title}:", table]
    return "\n".join(lines)


def _source_words(preview: ImportPreview) -> str:
    if preview.mapping is None:
        return "the Actuals sheet of a workbook"
    from planner.workbook.importing import describe_mapping

    return f"CSV: {describe_mapping(preview.mapping)}"


def _mapping_from_options(plan: Plan, options: argparse.Namespace) -> CsvMapping | None:
    given = {
        "initiative": options.initiative_column,
        "date": options.date_column,
        "value": options.value_column,
        "metric_column": options.metric_column,
        "stage_column": options.stage_column,
        "stages": tuple(options.stages) if options.stages else None,
        "count_into": Metric(options.count_into) if options.count_into else None,
        "date_order": options.date_order,
    }
    if options.metric:
        given["metric"] = Metric(options.metric)
    given = {key: value for key, value in given.items() if value is not None}
    if not given:
        return None  # the saved or the suggested mapping, decided by the import
    from planner.workbook.importing import CsvMapping, read_csv_table, suggest_mapping

    table = read_csv_table(options.source)
    base = suggest_mapping(plan, table.headers)
    if base is not None:
        return replace(base, **given)
    missing = [
        flag
        for flag, key in (
            ("--initiative-column", "initiative"),
            ("--date-column", "date"),
            ("--value-column", "value"),
        )
        if key not in given
    ]
    if missing:
        raise ValidationError(
            "mapping",
            "incomplete",
            f"{options.source.name} needs {', '.join(missing)} too "
            f"(its columns: {', '.join(table.headers)})",
        )
    return CsvMapping(**given)


def _values(count: int) -> str:
    return "1 value" if count == 1 else f"{count:,} values"


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count:,} rows"
