"""The preview of an import: what it would change, computed without writing anything."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain import Metric
from planner.errors import PlanFileError
from planner.workbook.importing.crm_rows import (
    CrmSums,
    Key,
    check_mapping,
    initiative_key,
    sum_rows,
)
from planner.workbook.importing.csv_source import load_csv
from planner.workbook.importing.errors import ImportCancelled, MappingNeeded
from planner.workbook.importing.limits import check_file_size
from planner.workbook.importing.mapping import CsvMapping
from planner.workbook.importing.plan_actuals import PlanActuals, initiative_names
from planner.workbook.importing.records import ImportPreview, SourceKind, ValueChange
from planner.workbook.importing.suggest import guess_mapping
from planner.workbook.importing.workbook_source import read_actuals_sheet
from planner.workbook.progress import Progress

if TYPE_CHECKING:
    from planner.plan import Plan

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
_SHOWN_LINES = 3


def source_kind(path: Path) -> SourceKind:
    """What the file's name says it is; PlanFileError for anything the import cannot read."""
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return SourceKind.WORKBOOK
    if suffix in CSV_SUFFIXES:
        return SourceKind.CSV
    if suffix == ".xls":
        raise PlanFileError(
            f"{path.name} is an Excel 97-2003 workbook (.xls); save it as .xlsx in Excel first"
        )
    named = f"a {path.suffix} file" if path.suffix else "a file without an extension"
    raise PlanFileError(
        f"{path.name}: the import reads Excel workbooks (.xlsx) and CSV files (.csv), not {named}"
    )


def preview_import(
    plan: Plan,
    path: str | Path,
    *,
    mapping: CsvMapping | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> ImportPreview:
    """What importing ``path`` into ``plan`` would do; never writes to the plan.

    A workbook (.xlsx, .xlsm) is read from its Actuals sheet; a CSV (.csv, .txt) through
    ``mapping``, or when None the mapping saved in the plan for its columns, or one suggested
    from known CRM column names (:class:`MappingNeeded` if there is none). ``on_progress(done,
    total)`` is called from the calling thread as rows are read (``total`` 0: not known yet);
    setting ``cancel`` stops the preview with :class:`ImportCancelled`. A file refused as a
    whole raises :class:`~planner.errors.PlanFileError` with a one-line message.
    """
    source = Path(path)
    progress = Progress(
        cancelled=lambda: ImportCancelled("the import was cancelled; nothing was changed"),
        on_progress=on_progress,
        cancel=cancel,
    )
    progress.start(0)
    kind = source_kind(source)
    check_file_size(source)
    if kind is SourceKind.WORKBOOK:
        return _preview_workbook(plan, source, progress)
    return _preview_csv(plan, source, mapping, progress)


def _preview_workbook(plan: Plan, source: Path, progress: Progress) -> ImportPreview:
    names = initiative_names(plan)
    compared = _Comparison(plan, names)
    read = read_actuals_sheet(
        source,
        names=names,
        horizon=plan.horizon,
        currency=plan.currency,
        accept=lambda found: compared.add(
            (found.initiative_id, found.month, found.metric), found.value, found.where
        ),
        progress=progress,
    )
    return ImportPreview(
        source=source,
        kind=SourceKind.WORKBOOK,
        changes=tuple(compared.changes),
        unchanged=compared.unchanged,
        rejected=read.rejected,
        skipped=read.skipped,
    )


def _preview_csv(
    plan: Plan, source: Path, mapping: CsvMapping | None, progress: Progress
) -> ImportPreview:
    read = load_csv(source, progress)
    table = read.table
    notes = list(table.notes)
    footer = read.footer_note()
    if footer is not None:
        notes.append(footer)
    chosen = mapping
    if chosen is None:
        saved = plan.import_mappings.saved(table.headers)
        chosen = saved or guess_mapping(table.headers)
        if chosen is None:
            listed = ", ".join(repr(header) for header in table.headers if header)
            raise MappingNeeded(
                f"{source.name}: choose which columns hold the initiative, the date and the "
                f"value (its columns are {listed})",
                headers=table.headers,
            )
        notes.append(
            "columns mapped as saved for this file's columns"
            if saved is not None
            else "columns mapped by their names (a guess: check it)"
        )
    check_mapping(chosen, table)
    names = initiative_names(plan)
    sums = sum_rows(
        read,
        chosen,
        initiatives={initiative_key(name): key for key, name in names.items()},
        horizon=plan.horizon,
        currency=plan.currency,
        progress=progress,
    )
    changes, unchanged = _compare_sums(plan, sums, names)
    return ImportPreview(
        source=source,
        kind=SourceKind.CSV,
        changes=changes,
        unchanged=unchanged,
        rejected=tuple(sums.rejected),
        skipped=sums.skipped + sums.no_initiative,
        no_initiative=sums.no_initiative,
        footer=table.footer,
        mapping=chosen,
        notes=(*notes, *sums.notes),
        headers=table.headers,
    )


class _Comparison:
    """Sorts what a file holds into the values that change and those the plan has already."""

    def __init__(self, plan: Plan, names: dict[int, str]) -> None:
        self._current = PlanActuals(plan)
        self._names = names
        self.changes: list[ValueChange] = []
        self.unchanged = 0

    def add(self, key: Key, value: int, where: str) -> None:
        initiative_id, month, metric = key
        old = self._current.get(initiative_id, month, metric)
        if old == value:
            self.unchanged += 1
        else:
            name = self._names[initiative_id]
            self.changes.append(ValueChange(initiative_id, name, month, metric, old, value, where))


def _compare_sums(
    plan: Plan, sums: CrmSums, names: dict[int, str]
) -> tuple[tuple[ValueChange, ...], int]:
    compared = _Comparison(plan, names)
    funnel = {metric: position for position, metric in enumerate(Metric)}
    for key, total in sorted(
        sums.sums.items(),
        key=lambda item: (names[item[0][0]].casefold(), item[0][1], funnel[item[0][2]]),
    ):
        compared.add(key, total, _lines(sums.lines[key]))
    return tuple(compared.changes), compared.unchanged


def _lines(lines: list[int]) -> str:
    """ "line 7", "lines 7 and 9", "lines 7, 9, 12 and 40 more"."""
    if len(lines) == 1:
        return f"line {lines[0]}"
    shown = ", ".join(str(line) for line in lines[:_SHOWN_LINES])
    if len(lines) <= _SHOWN_LINES:
        head, _, last = shown.rpartition(", ")
        return f"lines {head} and {last}"
    return f"lines {shown} and {len(lines) - _SHOWN_LINES:,} more"
