"""A month that Excel shows as its date serial (46023 is 1 Jan 2026: dates pasted as values, or
a cell that lost its date format) is read as that month, in a CSV and in a workbook; other
numbers are not taken for dates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from crm_exports import PAID_SEARCH, SERIAL_MONTHS, WEBINARS, new_value
from import_support import (
    FIRST_DATA_ROW,
    actual,
    actuals_row,
    imported,
    plan_with_actuals,
    write_actuals,
)
from import_support import WEBINARS as WEBINARS_ID

from planner import Metric, Plan
from planner.workbook.importing import CsvMapping, preview_import
from planner.workbook.importing.dates import sheet_month, text_month
from planner.workbook.importing.mapping import DateOrder
from planner.workbook.importing.numbers import CellProblem

MONTHLY_ACTUALS = CsvMapping("Campaign", "Month", "Actual", metric=None, metric_column="Metric")


def test_a_csvs_month_cells_holding_excel_serials_are_months(export_demo_plan: Plan) -> None:
    preview = preview_import(export_demo_plan, SERIAL_MONTHS, mapping=MONTHLY_ACTUALS)

    assert preview.rejected == ()
    assert new_value(preview, WEBINARS, 202601, Metric.LEADS) == 412
    assert new_value(preview, PAID_SEARCH, 202603, Metric.MQL) == 140


def test_a_workbooks_month_cell_holding_an_excel_serial_is_a_month(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = write_actuals(
        tmp_path / "back.xlsx", [actuals_row(WEBINARS_ID, 46054, Metric.LEADS, 250)]
    )
    book = openpyxl.load_workbook(path)
    book.active[f"C{FIRST_DATA_ROW}"].number_format = "General"  # pasted as a value
    book.save(path)

    imported(plan, path)

    assert actual(plan, WEBINARS_ID, 202602, Metric.LEADS) == 250


@pytest.mark.parametrize(
    ("serial", "month"),
    [(46023, 202601), (46053, 202601), (46054, 202602), (46023.0, 202601), (36526, 200001)],
)
def test_whole_day_serials_of_this_century_are_their_months(serial: float, month: int) -> None:
    assert sheet_month(serial) == month
    assert text_month(str(serial), DateOrder.DMY) == month


@pytest.mark.parametrize("number", [46023.5, 2026, 202603, 36525, 73051])
def test_other_numbers_are_not_months(number: float) -> None:
    with pytest.raises(CellProblem):
        sheet_month(number)
    with pytest.raises(CellProblem):
        text_month(str(number), DateOrder.DMY)
