"""The exported workbook's layout: its sheets, headers, table, names, panes, print setup,
formats and the Actuals sheet's protection and validation."""

from __future__ import annotations

import datetime as dt

import openpyxl
from openpyxl.utils import get_column_letter
from plan_builders import no_actuals_plan

from planner import Plan
from planner import months as month_math
from planner.analysis import Analysis
from planner.domain import Metric
from planner.workbook import layout
from planner.workbook.export import export_workbook
from planner.workbook.export.styles import COUNT_FORMAT, MONTH_FORMAT, PERCENT_FORMAT

SHEETS = [
    "Summary",
    "Initiatives",
    "Timeline",
    "Roles",
    "Monthly",
    "Returns",
    "Strike zone",
    "Hand-off",
    "Actuals",
    "About",
]
MONEY = '"$"#,##0'  # the report's money: whole dollars
EXACT_MONEY = '"$"#,##0.00'  # the Actuals form's: to the cent


def _header(ws, row: int) -> list[object]:
    return [cell.value for cell in ws[row] if cell.value is not None]


def test_the_sheets_come_in_the_agreed_order(export_demo_openpyxl):
    assert export_demo_openpyxl.sheetnames == SHEETS


def test_each_data_sheet_has_its_header_row(export_demo_openpyxl):
    wb = export_demo_openpyxl
    assert _header(wb["Initiatives"], 4)[:4] == ["ID", "Initiative", "Owner", "Teams"]
    assert "Attainment" in _header(wb["Initiatives"], 4)
    assert _header(wb["Monthly"], 4) == [m.title for m in Metric]
    assert _header(wb["Monthly"], 5) == ["Month", *(["Planned", "Actual"] * len(Metric))]
    assert _header(wb["Strike zone"], 4)[:4] == ["Segment", "Tier", "Initiatives", "Budget"]
    assert _header(wb["Hand-off"], 5)[:3] == ["Month", "MQLs committed", "MQLs delivered"]
    assert _header(wb["Actuals"], 8) == list(layout.ACTUALS_HEADERS)
    assert "Initiative" in _header(wb["Roles"], 9)


def test_initiatives_is_one_excel_table_with_banded_rows_and_filter_buttons(
    export_demo_openpyxl, export_demo_plan
):
    ws = export_demo_openpyxl["Initiatives"]
    assert list(ws.tables) == ["Initiatives"]
    table = ws.tables["Initiatives"]
    last_row = 4 + len(export_demo_plan.initiatives.list())
    assert table.ref == f"A4:X{last_row}"  # 24 columns, the rates in use among them
    assert table.tableStyleInfo.showRowStripes is True
    assert table.autoFilter.ref == table.ref
    assert [column.name for column in table.tableColumns] == _header(ws, 4)


def test_the_actuals_sheet_has_a_row_per_initiative_month_and_metric(
    export_demo_openpyxl, export_demo_plan
):
    plan = export_demo_plan
    horizon = plan.horizon
    held = {(i, m) for metric in Metric for i, m in plan.values.grid(metric)}
    expected = 0
    for initiative in plan.initiatives.list():
        months = {
            m for m in horizon.months() if initiative.start_month <= m <= initiative.end_month
        } | {m for i, m in held if i == initiative.id}
        expected += len(months) * len(Metric)
    ws = export_demo_openpyxl["Actuals"]
    assert ws.max_row - 8 == expected


def test_the_actuals_sheet_is_protected_except_the_actual_column(export_demo_openpyxl):
    ws = export_demo_openpyxl["Actuals"]
    assert ws.protection.sheet is True
    assert ws.protection.password is None
    first = ws[9]
    assert [cell.protection.locked for cell in first[:5]] == [True] * 5
    assert first[5].protection.locked is False
    assert ws.cell(ws.max_row, 6).protection.locked is False


def test_actuals_are_validated_as_numbers_of_zero_or_more_and_metrics_as_a_list(
    export_demo_openpyxl,
):
    ws = export_demo_openpyxl["Actuals"]
    by_column = {str(dv.sqref).split(":")[0][0]: dv for dv in ws.data_validations.dataValidation}
    actual = by_column["F"]
    assert actual.type == "custom"
    assert "F9>=0" in actual.formula1 and "INT(F9)" in actual.formula1
    assert str(actual.sqref) == f"F9:F{ws.max_row}"
    assert actual.showErrorMessage and actual.error
    metric = by_column["D"]
    assert metric.type == "list"
    assert metric.formula1 == '"' + ",".join(m.title for m in Metric) + '"'


def test_the_key_ranges_have_workbook_names(export_demo_openpyxl):
    names = export_demo_openpyxl.defined_names
    for name in ("Actuals_Data", "Initiatives_Table", "Monthly_Data", "Strike_Zone_Data"):
        assert name in names
    assert names["Actuals_Data"].attr_text.startswith("'Actuals'!$A$8:$F$")
    assert names["Initiatives_Table"].attr_text.startswith("'Initiatives'!$A$4:$X$")
    assert names["Monthly_Data"].attr_text.startswith("'Monthly'!$A$5:$S$")
    assert names["Strike_Zone_Data"].attr_text.startswith("'Strike zone'!$A$4:")


def test_header_rows_are_bold_and_frozen(export_demo_openpyxl):
    wb = export_demo_openpyxl
    frozen = {"Initiatives": "C5", "Monthly": "B6", "Strike zone": "A5", "Actuals": "C9"}
    for name, cell in frozen.items():
        assert wb[name].freeze_panes == cell, name
    assert wb["Initiatives"]["A4"].font.b is True
    assert wb["Actuals"]["A8"].font.b is True


def test_every_sheet_prints_landscape(export_demo_openpyxl):
    for ws in export_demo_openpyxl.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title


def test_data_sheets_repeat_their_header_rows_on_every_printed_page(export_demo_openpyxl):
    wb = export_demo_openpyxl
    assert wb["Initiatives"].print_title_rows == "$4:$4"
    assert wb["Monthly"].print_title_rows == "$4:$5"
    assert wb["Actuals"].print_title_rows == "$8:$8"


def test_columns_are_fitted_to_their_text_within_bounds(export_demo_openpyxl, export_demo_plan):
    ws = export_demo_openpyxl["Initiatives"]
    widths = {
        get_column_letter(n): ws.column_dimensions[get_column_letter(n)].width for n in range(1, 19)
    }
    assert all(6 <= width <= 50 for width in widths.values()), widths
    longest_owner = max(len(p.name) for p in export_demo_plan.people.list())
    assert widths["C"] >= min(16, longest_owner)
    assert widths["A"] < widths["B"]  # ids are narrower than names


def test_money_cells_show_the_plan_currency_and_ratios_percentages(export_demo_openpyxl):
    wb = export_demo_openpyxl
    initiatives = wb["Initiatives"]
    headers = _header(initiatives, 4)
    row = initiatives[5]
    assert row[headers.index("Budget")].number_format == MONEY
    assert row[headers.index("Attainment")].number_format == PERCENT_FORMAT
    assert wb["Monthly"]["B6"].number_format == MONEY
    assert wb["Monthly"]["D6"].number_format == COUNT_FORMAT
    actuals = wb["Actuals"]
    spend, leads = actuals[9], actuals[10]
    assert (spend[3].value, spend[4].number_format) == ("Spend", EXACT_MONEY)
    assert (leads[3].value, leads[4].number_format) == ("Leads", COUNT_FORMAT)


def test_months_are_real_dates_shown_as_month_and_year(export_demo_openpyxl, export_demo_plan):
    wb = export_demo_openpyxl
    first = export_demo_plan.horizon.first
    monthly = wb["Monthly"]["A6"]
    assert monthly.is_date and monthly.number_format == MONTH_FORMAT
    assert monthly.value.date() == dt.date(first // 100, first % 100, 1)
    start = wb["Initiatives"]["I5"]
    assert start.is_date and start.number_format == MONTH_FORMAT
    assert wb["Actuals"]["C9"].is_date


def test_summary_names_the_plan_its_period_and_actuals_through(
    export_demo_openpyxl, export_demo_plan
):
    ws = export_demo_openpyxl["Summary"]
    settings = export_demo_plan.settings.get()
    through = month_math.label(Analysis.in_sql(export_demo_plan).actuals_through())
    assert ws["A1"].value == settings.name
    assert ws["A3"].value.startswith(settings.horizon.describe())
    assert f"actuals through {through}" in ws["A3"].value


def test_attainment_cells_carry_a_colour_scale(export_demo_openpyxl):
    ws = export_demo_openpyxl["Initiatives"]
    ranges = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    (rules,) = [rules for ref, rules in ranges.items() if ref.startswith("O5:")]
    assert rules[0].type == "colorScale"


def test_a_plan_without_actuals_exports_with_nothing_to_date(tmp_path):
    plan = no_actuals_plan()
    path = export_workbook(plan, tmp_path / "early.xlsx")
    wb = openpyxl.load_workbook(path)
    labels = {row[0].value: row[1].value for row in wb["Summary"].iter_rows(max_col=2)}
    assert "no actuals yet" in wb["Summary"]["A3"].value
    assert labels["Revenue won to date"] is None
    assert wb["Hand-off"]["A6"].value.startswith("No actuals yet")


def test_an_empty_plan_exports_every_sheet(tmp_path):
    plan = Plan.in_memory()
    path = export_workbook(plan, tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    assert wb["Initiatives"].tables["Initiatives"].ref == "A4:X5"
    assert wb["Actuals"].max_row == 8


def test_money_formats_follow_the_plan_currency_and_its_decimals(tmp_path):
    plan = Plan.in_memory(currency="JPY")
    plan.initiatives.add(
        name="Tokyo roadshow", channel_id=plan.channels.named("Event").id, budget=1_250_000
    )
    wb = openpyxl.load_workbook(export_workbook(plan, tmp_path / "yen.xlsx"))
    budget = wb["Initiatives"]["K5"]
    assert (budget.value, budget.number_format) == (1_250_000, '"¥"#,##0')


def test_the_actuals_sheet_declares_its_size_so_readers_need_not_parse_it_to_find_it(
    export_demo_workbook, export_demo_openpyxl
):
    full = export_demo_openpyxl[layout.ACTUALS_SHEET]
    streamed = openpyxl.load_workbook(export_demo_workbook, read_only=True)
    try:
        # A read-only sheet takes its size from the <dimension> element when there is one.
        declared = streamed[layout.ACTUALS_SHEET].calculate_dimension()
    finally:
        streamed.close()
    assert declared == f"A1:F{full.max_row}"
    assert full.max_column == len(layout.ACTUALS_HEADERS)
