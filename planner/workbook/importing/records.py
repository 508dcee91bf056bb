"""What an import found, before anything is written: the preview the user confirms."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from planner.domain import Metric
from planner.services.values import Kind, ValueEntry
from planner.workbook.importing.mapping import CsvMapping


class SourceKind(StrEnum):
    WORKBOOK = "workbook"  # the Actuals sheet of an exported workbook
    CSV = "csv"  # a CRM's CSV export, read through a column mapping


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One actual the import would write: ``old`` is what the plan holds now (``None``: not
    entered, so the value is new). Money in minor units."""

    initiative_id: int
    initiative: str
    month: int
    metric: Metric
    old: int | None
    new: int
    where: str  # the source row(s), for messages: "Actuals row 14", "line 7"

    @property
    def is_new(self) -> bool:
        return self.old is None


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A source row that will not be imported, and why (a sentence a user can act on)."""

    where: str  # "Actuals row 14" or "line 7"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Everything an import would do, computed without writing.

    ``changes`` holds the values that are new or differ from the plan; ``unchanged`` counts
    rows that match the plan already; ``skipped`` counts rows left out on purpose (a blank
    Actual cell, a CRM stage not included, and the ``no_initiative`` rows of a CRM export
    that name no initiative); ``footer`` counts the lines of a CRM report's footer, which are
    not rows; and ``rejected`` lists every row that is wrong.
    """

    source: Path
    kind: SourceKind
    changes: tuple[ValueChange, ...]
    unchanged: int
    rejected: tuple[RejectedRow, ...]
    skipped: int = 0
    no_initiative: int = 0
    footer: int = 0
    mapping: CsvMapping | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. "read as Windows-1252 text"
    headers: tuple[str, ...] = ()  # a CSV's columns: its mapping is saved for them on apply

    @property
    def new(self) -> int:
        return sum(1 for change in self.changes if change.is_new)

    @property
    def changed(self) -> int:
        return len(self.changes) - self.new

    def counts_line(self) -> str:
        """The preview in one line, the same in the app and on the command line:
        ``172 values to import (30 new, 142 changed), 2,400 unchanged, 12 skipped (4 with no
        initiative), 3 footer lines ignored, 3 rows rejected`` (the parts in brackets and the
        footer only when there are any)."""

        def some(count: int, noun: str) -> str:
            return f"{count:,} {noun}{'' if count == 1 else 's'}"

        skipped = f"{self.skipped:,} skipped"
        if self.no_initiative == self.skipped > 0:
            skipped += " (no initiative)"
        elif self.no_initiative:
            skipped += f" ({self.no_initiative:,} with no initiative)"
        footer = f", {some(self.footer, 'footer line')} ignored" if self.footer else ""
        return (
            f"{some(len(self.changes), 'value')} to import ({self.new:,} new, "
            f"{self.changed:,} changed), {self.unchanged:,} unchanged, {skipped}{footer}, "
            f"{some(len(self.rejected), 'row')} rejected"
        )

    def entries(self) -> list[ValueEntry]:
        """The writes that apply this import."""
        return [
            ValueEntry(c.initiative_id, c.month, c.metric, Kind.ACTUAL, c.new, where=c.where)
            for c in self.changes
        ]

    def undo_entries(self) -> list[ValueEntry]:
        """The writes that put back what the plan held before."""
        return [
            ValueEntry(c.initiative_id, c.month, c.metric, Kind.ACTUAL, c.old, where=c.where)
            for c in self.changes
        ]
