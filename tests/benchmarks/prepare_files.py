"""The inputs of the export floor and the import, made from one export of the large plan.

    python tests/benchmarks/prepare_files.py EXPORT.xlsx VALUES.pickle IMPORT.xlsx ROWS

Reads every sheet of ``EXPORT.xlsx`` back with python-calamine (an independent reader) into
``VALUES.pickle`` for the floor, and writes ``IMPORT.xlsx``: an Actuals sheet as the export
lays it out (its instruction lines, header and first ``ROWS`` data rows, months as dates),
with every Actual filled in and different from the plan's, as a user sends it back.
"""

from __future__ import annotations

import datetime
import pickle
import sys
from pathlib import Path

import openpyxl
import python_calamine

from planner.workbook.layout import ACTUALS_HEADERS, ACTUALS_SHEET


def plain(value: object) -> object:
    # calamine reads every number as a float; a whole one was written as an int.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None if value == "" else value


def read_back(path: Path) -> list[tuple[str, list[list[object]]]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return [
        (name, [[plain(v) for v in row] for row in book.get_sheet_by_name(name).to_python()])
        for name in book.sheet_names
    ]


def actuals_workbook(rows: list[list[object]], count: int, out: Path) -> int:
    """Write the Actuals sheet with ``count`` data rows, each Actual filled in; the rows."""
    header = rows.index(list(ACTUALS_HEADERS))
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(ACTUALS_SHEET)
    for row in rows[: header + 1]:
        sheet.append(row)
    data = rows[header + 1 : header + 1 + count]
    for key, name, month, metric, planned, actual in data:
        if isinstance(month, datetime.date) and not isinstance(month, datetime.datetime):
            month = datetime.datetime.combine(month, datetime.time())
        # One more than the plan holds, so that every row is a change the preview reports.
        sheet.append([key, name, month, metric, planned, (actual or planned or 0) + 1])
    book.save(out)
    return len(data)


if __name__ == "__main__":
    export, values, import_file, count = sys.argv[1:5]
    sheets = read_back(Path(export))
    Path(values).write_bytes(pickle.dumps(sheets, protocol=pickle.HIGHEST_PROTOCOL))
    actuals = dict(sheets)[ACTUALS_SHEET]
    written = actuals_workbook(actuals, int(count), Path(import_file))
    cells = sum(1 for _name, rows in sheets for row in rows for v in row if v is not None)
    print(f'BENCH {{"cells": {cells}, "import_rows": {written}}}')
