"""One timed export of the large plan, or one timed write of its floor.

    python tests/benchmarks/export_run.py export PLAN OUT.xlsx
    python tests/benchmarks/export_run.py floor VALUES.pickle OUT.xlsx

``export`` is the app's ``export_workbook``; ``floor`` dumps the same cell values (read back
from an export by ``prepare_files.py``) with openpyxl's write-only workbook and plain
``append`` rows: no styles, charts, tables, validation or protection. openpyxl is imported
before the clock starts in both, so neither pays for it.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

import openpyxl
from child import report


def export(plan_path: Path, out: Path) -> float:
    from planner import Plan
    from planner.workbook.export import export_workbook
    from planner.workbook.export.workbook import write_workbook  # noqa: F401 (loaded, untimed)

    plan = Plan.open(plan_path, read_only=True)
    started = time.perf_counter()
    export_workbook(plan, out)
    took = time.perf_counter() - started
    plan.close()
    return took


def floor(values: Path, out: Path) -> float:
    sheets = pickle.loads(values.read_bytes())
    started = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(out)
    return time.perf_counter() - started


if __name__ == "__main__":
    mode, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    seconds = export(source, target) if mode == "export" else floor(source, target)
    report(seconds=seconds)
