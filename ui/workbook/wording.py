"""The words the import shows: counts with their nouns, values in the plan's units."""

from __future__ import annotations

from planner.domain import Metric
from planner.money import Currency
from planner.workbook.importing.records import ImportPreview, SourceKind

NOT_ENTERED = "—"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``1 value``, ``2,400 values``."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def value_text(metric: Metric, value: int | None, currency: Currency) -> str:
    """A value as the plan shows it: money with its symbol, counts with separators."""
    if value is None:
        return NOT_ENTERED
    return currency.format(value) if metric.is_money else f"{value:,}"


def summary(preview: ImportPreview) -> str:
    """``172 values to import (30 new, 142 changed), 2,400 unchanged, 12 skipped, 3 rows
    rejected``: the core's own line, as the command line prints it."""
    return preview.counts_line()


def source_text(preview: ImportPreview) -> str:
    """``From Tidewater.xlsx (the Actuals sheet of an exported workbook)``."""
    kind = (
        "the Actuals sheet of an exported workbook"
        if preview.kind == SourceKind.WORKBOOK
        else "a CSV export, read through the column mapping"
    )
    return f"From {preview.source.name} ({kind})"


def import_button(preview: ImportPreview) -> str:
    """``Import 172 Values``, or ``Nothing to Import``."""
    n = len(preview.changes)
    if n == 0:
        return "Nothing to Import"
    return f"Import {n:,} {'Value' if n == 1 else 'Values'}"


def skip_rejected(n: int) -> str:
    """The checkbox that lets an import go ahead without its rejected rows."""
    if n == 1:
        return "Import the other rows and skip the rejected one"
    return f"Import the other rows and skip the {n:,} rejected"


def imported(preview: ImportPreview, skipped_rejected: bool) -> str:
    """What the notice bar says once an import is applied."""
    n = len(preview.changes)
    text = (
        f"Imported {count(n, 'value')} from {preview.source.name} "
        f"({preview.changed:,} changed, {preview.new:,} new)"
    )
    if skipped_rejected and preview.rejected:
        text += f"; left out {count(len(preview.rejected), 'rejected row')}"
    return text + ". Undo takes the whole import back."
