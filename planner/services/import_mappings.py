"""CSV column mappings kept in the plan, so a CRM export with the same columns imports next
time without choosing them again."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.changes import Action, Change, Entity
from planner.errors import ValidationError
from planner.services.base import Service

if TYPE_CHECKING:
    # The import package is loaded when an import runs, not whenever a plan opens.
    from planner.workbook.importing.mapping import CsvMapping


def header_key(headers: Iterable[str]) -> str:
    """The key a set of CSV columns is saved under: their names, trimmed and sorted, so the
    same export with its columns in another order finds the same mapping."""
    return json.dumps(
        sorted({header.strip() for header in headers if header.strip()}), ensure_ascii=False
    )


class ImportMappingService(Service):
    def saved(self, headers: Iterable[str]) -> CsvMapping | None:
        """The mapping saved for a CSV with these columns, if any (and if still readable)."""
        row = self._plan.read(
            "SELECT mapping FROM import_mappings WHERE header_key = ?", [header_key(headers)]
        ).fetchone()
        if row is None:
            return None
        from planner.workbook.importing.mapping import CsvMapping

        try:
            return CsvMapping.from_json(row[0])
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # written by a newer or damaged version: choose the columns again

    def save(self, headers: Iterable[str], mapping: CsvMapping) -> Change:
        """Keep ``mapping`` for CSVs with these columns (replacing one saved before)."""
        columns = [header.strip() for header in headers]
        missing = [column for column in mapping.columns() if column not in columns]
        if missing:
            raise ValidationError(
                "mapping",
                "unknown_column",
                f"the file has no column {missing[0]!r} (its columns: {', '.join(columns)})",
            )
        key = header_key(columns)
        with self._plan.edit(Entity.IMPORT_MAPPINGS, Action.UPDATED, fields={"mapping"}) as edit:
            edit.db.execute(
                "INSERT INTO import_mappings (header_key, mapping) VALUES (?, ?) "
                "ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping",
                [key, mapping.to_json()],
            )
        return edit.change
