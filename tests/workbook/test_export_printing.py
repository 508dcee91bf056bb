"""The workbook as printed, read from its print settings: readable sizes, wide tables across
pages with their name columns repeated, the Actuals form and the chart data left out, money
without cents in the report, one alignment down each column. (test_export_libreoffice.py
prints it.)"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries
from plan_builders import no_actuals_plan

from planner.domain import Metric
from planner.workbook import layout
from planner.workbook.export import export_workbook
from planner.workbook.export.monthly_sheet import metric_columns
from planner.workbook.export.printing import MIN_POINTS, PAGE_WIDTH, TEXT_POINTS, UNIT_WIDTH

WHOLE_DOLLARS = '"$"#,##0'


def _widths(ws) -> list[float]:
    return [
        ws.column_dimensions[get_column_letter(column)].width
        for column in range(1, ws.max_column + 1)
    ]


def _printed_rows(ws) -> tuple[int, int]:
    """The first and last row of the sheet's print area."""
    _first_column, first, _last_column, last = range_boundaries(ws.print_area.split("!")[-1])
    return first, last


@pytest.fixture(scope="module")
def export_early_openpyxl(tmp_path_factory):
    """The workbook of a plan with nothing actual yet, loaded by openpyxl."""
    path = export_workbook(no_actuals_plan(), tmp_path_factory.mktemp("early") / "early.xlsx")
    return openpyxl.load_workbook(path)


def test_every_sheet_prints_its_text_at_8_points_or_more(export_demo_openpyxl):
    smallest_scale = 100 * MIN_POINTS / TEXT_POINTS
    for ws in export_demo_openpyxl.worksheets:
        if ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage:
            # Fitted to the page's width by the program: only a sheet that fits it at a
            # readable scale is (columns printing as wide as LibreOffice lays them out).
            assert ws.page_setup.fitToWidth == 1, ws.title
            needed = sum(_widths(ws)) * UNIT_WIDTH * smallest_scale / 100
            assert needed <= PAGE_WIDTH, ws.title
        else:
            assert ws.page_setup.scale >= smallest_scale, ws.title


def test_wide_tables_print_across_pages_with_their_name_columns_repeated(
    export_demo_openpyxl,
):
    wb = export_demo_openpyxl
    assert wb["Initiatives"].print_title_cols == "$A:$B"
    assert wb["Monthly"].print_title_cols == "$A:$A"
    assert wb["Initiatives"].col_breaks.brk
    assert wb["Monthly"].col_breaks.brk


def test_a_monthly_page_never_parts_a_metrics_planned_and_actual(export_demo_openpyxl):
    actual_columns = {metric_columns(metric)[1] for metric in Metric}
    breaks = {brk.id for brk in export_demo_openpyxl["Monthly"].col_breaks.brk}
    assert breaks and breaks <= actual_columns


def test_the_actuals_form_is_left_out_of_the_print_area(export_demo_openpyxl):
    ws = export_demo_openpyxl[layout.ACTUALS_SHEET]
    header = next(
        row[0].row for row in ws.iter_rows(max_col=1) if row[0].value == layout.INITIATIVE_ID
    )
    first, last = _printed_rows(ws)
    assert last < header
    printed = ws.iter_rows(min_row=first, max_row=last, max_col=ws.max_column, values_only=True)
    assert all(value is None for row in printed for value in row)


def test_the_chart_data_is_left_out_of_the_summarys_print_area(export_demo_openpyxl):
    ws = export_demo_openpyxl["Summary"]
    chart_data = next(
        row[0].row for row in ws.iter_rows(max_col=1) if str(row[0].value).startswith("Chart data")
    )
    _first, last = _printed_rows(ws)
    assert last < chart_data
    for chart in ws._charts:
        assert chart.anchor._from.row < last


def test_headline_money_shows_whole_dollars(export_demo_openpyxl):
    ws = export_demo_openpyxl["Summary"]
    figures = {row[0].value: row[1] for row in ws.iter_rows(max_col=2) if row[0].value}
    for label in ("Budget", "Revenue target", "Revenue won to date", "Spend to date"):
        assert figures[label].number_format == WHOLE_DOLLARS, label


def test_spend_nobody_entered_is_left_blank_and_said_not_read_as_zero(export_early_openpyxl):
    ws = export_early_openpyxl["Summary"]
    rows = {row[0].value: row for row in ws.iter_rows(max_col=3) if row[0].value}
    assert rows["Spend to date"][1].value is None
    assert rows["Spend to date"][2].value == "no actuals yet"
    assert rows["Budget used"][1].value is None
    assert rows["Budget used"][1].number_format.endswith("%")


def _alignment(cell) -> str:
    """How a cell's value sits across it: as set, or as Excel puts it when unset."""
    if cell.alignment.horizontal not in (None, "general"):
        return cell.alignment.horizontal
    return "right" if isinstance(cell.value, int | float) or cell.is_date else "left"


@pytest.mark.parametrize(
    ("sheet", "first_title", "rows"),
    [
        ("Initiatives", "ID", 30),
        ("Monthly", "Month", 13),
        ("Strike zone", "Segment", 6),
        ("Hand-off", "Month", 4),
        (layout.ACTUALS_SHEET, layout.INITIATIVE_ID, 18),
    ],
)
def test_each_column_of_a_table_has_one_alignment(export_demo_openpyxl, sheet, first_title, rows):
    ws = export_demo_openpyxl[sheet]
    header_row = next(row[0].row for row in ws.iter_rows(max_col=1) if row[0].value == first_title)
    last = min(ws.max_row, header_row + rows)  # reading past the end would add cells
    for column in ws.iter_cols(min_row=header_row, max_row=last):
        shown = [cell for cell in column if cell.value is not None]
        assert len({_alignment(cell) for cell in shown}) <= 1, [
            (cell.coordinate, cell.value, _alignment(cell)) for cell in shown
        ]


def test_the_summarys_attainment_table_has_one_alignment_a_column(export_demo_openpyxl):
    ws = export_demo_openpyxl["Summary"]
    header = next(row[0].row for row in ws.iter_rows(max_col=1) if row[0].value == "Metric")
    for column in ws.iter_cols(min_row=header, max_row=header + len(Metric)):
        assert len({_alignment(cell) for cell in column if cell.value is not None}) == 1


def test_each_initiatives_findings_count_stands_apart_from_the_findings_it_counts(
    export_demo_openpyxl,
):
    ws = export_demo_openpyxl["Initiatives"]
    titles = [cell.value for cell in ws[4]]
    count = titles.index("Findings") + 1
    named = titles.index("What the checks found") + 1
    assert named == count + 1
    # Centred, a count keeps half its column between itself and the text beside it.
    column = next(ws.iter_cols(min_col=count, max_col=count, min_row=4, max_row=ws.max_row))
    assert {cell.alignment.horizontal for cell in column} == {"center"}
