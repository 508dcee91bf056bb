"""Reading a CRM's CSV export: its text encoding, separator, header and rows (not the
report's footer below them).

The whole file is read at once: it is capped at :data:`limits.MAX_FILE_BYTES`, and the mapping
dialog, the date-order check and the sums all need every row.
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError
from planner.special_files import open_regular
from planner.workbook.importing.decoding import decode
from planner.workbook.importing.limits import IMPORTED, MAX_ROWS, check_file_size
from planner.workbook.importing.numbers import quoted
from planner.workbook.importing.report_footer import LONGEST, footer_length
from planner.workbook.progress import Progress

SEPARATORS = (",", ";", "\t", "|")
SAMPLE_ROWS = 20
DISTINCT_VALUES = 200  # per column: enough for every stage of a CRM, never a whole column
_SNIFF_CHARACTERS = 64 * 1024
_SNIFF_ROWS = 50
_SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


@dataclass(frozen=True, slots=True)
class CsvTable:
    """What the mapping dialog shows of a CSV: its columns, the first rows, how it was read.

    ``notes`` says anything the user should know about the reading ("read as Windows-1252").
    ``distinct`` holds, per column, the different values of the whole file (ignoring case and
    blanks; the first ``DISTINCT_VALUES`` of them), so that a choice of stages is not limited
    to the stages of the first rows. ``footer`` counts the lines of a report's footer below
    the rows (see :mod:`report_footer`), which are not among ``rows``.
    """

    path: Path
    headers: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]
    rows: int
    encoding: str
    delimiter: str
    notes: tuple[str, ...] = ()
    distinct: tuple[tuple[str, ...], ...] = ()
    footer: int = 0

    @property
    def separator_name(self) -> str:
        return _SEPARATOR_NAMES.get(self.delimiter, repr(self.delimiter))


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """One data row: the line it starts on (the header is line 1) and its cells."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CsvFile:
    table: CsvTable
    records: tuple[CsvRecord, ...]
    footer: tuple[CsvRecord, ...] = ()  # a report's footer below the records

    def footer_note(self) -> str | None:
        """What the preview says of the footer left out, quoting it, so that nothing is left
        out unseen; None when there is none."""
        if not self.footer:
            return None
        first, last = self.footer[0].line, self.footer[-1].line
        where = f"line {first} is" if first == last else f"lines {first} to {last} are"
        lines = ", ".join(quoted(" ".join(record.cells[0].split()), 70) for record in self.footer)
        return f"{where} the report's footer, not data: {lines}"


def read_csv_table(path: str | Path) -> CsvTable:
    """The CSV's columns and first rows, for choosing a mapping; PlanFileError (naming the
    file and the reason) if it cannot be read."""
    return load_csv(Path(path)).table


def load_csv(path: Path, progress: Progress | None = None) -> CsvFile:
    """Every row of the CSV at ``path``, read with its own encoding and separator."""
    check_file_size(path)
    try:
        with open_regular(path, named=path.name, expected=IMPORTED) as handle:
            data = handle.read()
    except OSError as error:
        raise PlanFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    decoded = decode(path, data)
    delimiter = _sniff_separator(decoded.text)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter)
    headers: tuple[str, ...] | None = None
    records: list[CsvRecord] = []
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                headers = tuple(cell.strip() for cell in cells)
                continue
            records.append(CsvRecord(start, tuple(cells)))
            if len(records) > MAX_ROWS:
                raise PlanFileError(
                    f"{path.name} has more than {MAX_ROWS:,} rows; the import reads at most that"
                )
            if progress is not None:
                progress.reach(len(records))
    except csv.Error as error:
        raise PlanFileError(f"{path.name}: line {reader.line_num}: {error}") from None
    if headers is None:
        raise PlanFileError(f"{path.name}: is empty (no header row with column names)")
    tail = records[-LONGEST:]
    footer = tail[len(tail) - footer_length([record.cells for record in tail]) :]
    if footer:
        del records[-len(footer) :]
    width = len(headers)
    sample = tuple(
        (record.cells + ("",) * width)[:width] for record in itertools.islice(records, SAMPLE_ROWS)
    )
    table = CsvTable(
        path=path,
        headers=headers,
        sample=sample,
        rows=len(records),
        encoding=decoded.encoding,
        delimiter=delimiter,
        notes=(decoded.note,) if decoded.note else (),
        distinct=_distinct_values(records, width),
        footer=len(footer),
    )
    return CsvFile(table, tuple(records), tuple(footer))


def _distinct_values(records: list[CsvRecord], width: int) -> tuple[tuple[str, ...], ...]:
    """Per column, its different non-blank values in the order first seen (one spelling of
    each, ignoring case), up to ``DISTINCT_VALUES``."""
    seen: list[dict[str, str]] = [{} for _ in range(width)]
    for record in records:
        for position, cell in enumerate(record.cells[:width]):
            values = seen[position]
            text = cell.strip()
            if text and len(values) < DISTINCT_VALUES:
                values.setdefault(text.casefold(), text)
    return tuple(tuple(values.values()) for values in seen)


def _sniff_separator(text: str) -> str:
    """The separator that splits the first rows into the same number (two or more) of cells
    most often; a comma when none does."""
    sample = text[:_SNIFF_CHARACTERS]
    if len(text) > _SNIFF_CHARACTERS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0, 0)
    for separator in SEPARATORS:
        try:
            rows = [
                row
                for row in itertools.islice(
                    csv.reader(io.StringIO(sample, newline=""), delimiter=separator),
                    _SNIFF_ROWS,
                )
                if any(cell.strip() for cell in row)
            ]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(1 for row in rows if len(row) == width), width)
        if score > best_score:
            best, best_score = separator, score
    return best
