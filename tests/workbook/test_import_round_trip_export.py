"""The contract with the export: its Actuals sheet, filled in with openpyxl the way a colleague
fills it in Excel, imports exactly what was typed; untouched, it imports nothing."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl

from planner import Metric, Plan
from planner.workbook.importing import apply_import, preview_import
from planner.workbook.layout import ACTUAL, ACTUALS_HEADERS, ACTUALS_SHEET, INITIATIVE_ID, METRIC
from planner.workbook.layout import MONTH as MONTH_TITLE


def _fill_in(workbook: Path, target: Path) -> dict[tuple[int, int, Metric], int]:
    """Type an actual into every 7th row of the Actuals sheet; what was typed, in plan units."""
    book = openpyxl.load_workbook(workbook)
    sheet = book[ACTUALS_SHEET]
    header = next(
        row[0].row for row in sheet.iter_rows(max_row=20) if row[0].value == INITIATIVE_ID
    )
    column = {title: ACTUALS_HEADERS.index(title) + 1 for title in ACTUALS_HEADERS}
    typed = {}
    for number in range(header + 1, sheet.max_row + 1, 7):
        metric = next(m for m in Metric if m.title == sheet.cell(number, column[METRIC]).value)
        when = sheet.cell(number, column[MONTH_TITLE]).value
        value = 1000 + number
        cell = sheet.cell(number, column[ACTUAL])
        cell.value = Decimal(value) / 100 if metric.is_money else value
        key = (
            sheet.cell(number, column[INITIATIVE_ID]).value,
            when.year * 100 + when.month,
            metric,
        )
        typed[key] = value
    book.save(target)
    return typed


def _grids(plan: Plan) -> dict[Metric, dict[tuple[int, int], tuple[int | None, int | None]]]:
    return {metric: plan.values.grid(metric) for metric in Metric}


def test_an_untouched_export_imports_nothing(
    export_demo_path: Path, export_demo_workbook: Path, tmp_path: Path
) -> None:
    copy = shutil.copyfile(export_demo_path, tmp_path / "demo.smplan")
    with Plan.open(copy) as plan:
        preview = preview_import(plan, export_demo_workbook)

        assert (preview.changes, preview.rejected) == ((), ())
        assert preview.unchanged > 0


def test_what_a_colleague_types_is_what_the_plan_holds(
    export_demo_path: Path, export_demo_workbook: Path, tmp_path: Path
) -> None:
    copy = shutil.copyfile(export_demo_path, tmp_path / "demo.smplan")
    typed = _fill_in(export_demo_workbook, tmp_path / "filled.xlsx")
    with Plan.open(copy) as plan:
        expected = _grids(plan)
        for (initiative_id, month, metric), value in typed.items():
            planned, _old = expected[metric].get((initiative_id, month), (None, None))
            expected[metric][(initiative_id, month)] = (planned, value)

        apply_import(plan, preview_import(plan, tmp_path / "filled.xlsx"))
        again = preview_import(plan, tmp_path / "filled.xlsx")

        assert _grids(plan) == expected
        assert (again.changes, again.rejected) == ((), ())
