"""One timed import preview of an Actuals workbook, or one timed read-only iteration of it.

    python tests/benchmarks/import_run.py preview PLAN IMPORT.xlsx
    python tests/benchmarks/import_run.py iterate PLAN IMPORT.xlsx

``preview`` is the app's ``preview_import`` (checks, parsing and matching to the plan; it
never writes); ``iterate`` is openpyxl's own floor: load read-only, walk every row's values.
openpyxl is imported before the clock starts in both.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import openpyxl
from child import report

from planner.workbook.layout import ACTUALS_SHEET


def preview(plan_path: Path, source: Path) -> dict[str, object]:
    from planner import Plan
    from planner.workbook.importing import preview_import

    plan = Plan.open(plan_path, read_only=True)
    started = time.perf_counter()
    result = preview_import(plan, source)
    took = time.perf_counter() - started
    plan.close()
    return {"seconds": took, "changes": len(result.changes), "rejected": len(result.rejected)}


def iterate(source: Path) -> dict[str, object]:
    started = time.perf_counter()
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    rows = sum(1 for _row in book[ACTUALS_SHEET].iter_rows(values_only=True))
    book.close()
    return {"seconds": time.perf_counter() - started, "rows": rows}


if __name__ == "__main__":
    mode, plan_path, source = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    report(**(preview(plan_path, source) if mode == "preview" else iterate(source)))
