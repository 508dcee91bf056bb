"""The workbook's Timeline sheet: months across, one row per initiative under its lane's title
row, its months shaded by status, its owner, status, tier and budget beside it; fiscal-year and
quarter header rows; frozen panes; printed landscape, one page wide per fiscal year with the
name columns repeated. The import of actuals reads none of it."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import openpyxl
import pytest
from export_support import minor
from timeline_surfaces import expected_on_sheet, gaps, sheet_lanes, sheet_layout
from versioned_plans import BOARD, versioned_plan

from planner import Metric, Plan
from planner.analysis import Analysis
from planner.demo import build_demo
from planner.timeline import Grouping, build_timeline
from planner.versions.opened import open_version
from planner.workbook.export import ExportOptions, export_workbook
from planner.workbook.export import timeline_sheet as sheet
from planner.workbook.export.styles import BAR_LOOKS, CLOSED_FILL, TODAY_FILL
from planner.workbook.importing import apply_import, preview_import
from planner.workbook.layout import ACTUALS_SHEET

TODAY = datetime.date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return build_demo(tmp_path_factory.mktemp("timeline-sheet") / "demo.smplan")


@pytest.fixture(scope="module")
def exported(demo, tmp_path_factory):
    """The demo plan's workbook exported on 16 March 2026, and the timeline it shows."""
    with Plan.open(demo, read_only=True) as plan:
        analysis = Analysis.in_sql(plan, today=TODAY)
        timeline = build_timeline(plan, analysis=analysis)
        path = export_workbook(
            plan, tmp_path_factory.mktemp("timeline-out") / "demo.xlsx", analysis=analysis
        )
    return path, timeline, plan.currency


def test_the_timeline_sheet_follows_the_initiatives_sheet(exported):
    path, _timeline, _currency = exported

    names = openpyxl.load_workbook(path, read_only=True).sheetnames

    assert names.index(sheet.TITLE) == names.index("Initiatives") + 1


def test_each_lane_has_a_title_row_over_a_row_per_bar_in_its_order(exported):
    path, timeline, _currency = exported

    assert sheet_lanes(path) == expected_on_sheet(timeline)


def test_a_bars_months_are_shaded_without_a_gap_in_its_statuss_colour(exported):
    path, timeline, _currency = exported
    _header, _months, lanes = sheet_layout(path)
    rows = [row for _title, rows in lanes for row in rows]

    for bar, row in zip(timeline.bars, rows, strict=True):
        assert gaps(row.shaded) == []
        assert set(row.shaded.values()) == {BAR_LOOKS[bar.status.value][0]}


def test_each_row_gives_the_owner_status_tier_and_budget_in_words_and_figures(exported):
    path, timeline, currency = exported
    _header, _months, lanes = sheet_layout(path)
    rows = [row for _title, rows in lanes for row in rows]

    for bar, row in zip(timeline.bars, rows, strict=True):
        name, owner, status, tier, budget = row.cells
        assert (name, owner) == (bar.name, bar.owner or "(no owner)")
        assert status == bar.status.value.capitalize()
        assert tier == (bar.tier.value if bar.tier is not None else sheet.NO_SEGMENT)
        assert minor(currency, budget) == bar.budget


def test_the_months_are_the_plans_under_their_quarter_and_fiscal_year(exported):
    path, timeline, _currency = exported
    header, months, _lanes = sheet_layout(path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    bands = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row in (header - 2, header - 1):
            label = ws.cell(merged.min_row, merged.min_col).value
            first = months[merged.min_col - sheet.NAME_COLUMNS - 1]
            last = months[merged.max_col - sheet.NAME_COLUMNS - 1]
            bands[label] = (first, last)

    assert months == list(timeline.months)
    assert bands == {
        band.label: (band.first, band.last) for band in (*timeline.years, *timeline.quarters)
    }


def test_todays_month_and_the_closed_months_have_headers_of_their_own(exported):
    path, timeline, _currency = exported
    header, months, _lanes = sheet_layout(path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]
    fills = {
        month: ws.cell(header, sheet.NAME_COLUMNS + 1 + n).fill.fgColor.rgb[-6:]
        for n, month in enumerate(months)
    }

    assert fills[timeline.today] == TODAY_FILL
    assert {m for m, fill in fills.items() if fill == CLOSED_FILL} == {
        m for m in months if m <= timeline.closed_through
    }


def test_the_names_and_headers_stay_in_view_and_print_on_every_page(exported):
    path, _timeline, _currency = exported
    header, _months, _lanes = sheet_layout(path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    assert ws.freeze_panes == f"F{header + 1}"
    assert ws.print_title_cols == "$A:$E"
    assert ws.print_title_rows == f"${header - 2}:${header}"
    assert ws.page_setup.orientation == "landscape"


def test_a_one_year_plan_prints_one_page_wide(exported):
    path, _timeline, _currency = exported
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.col_breaks.brk == []


def _several_years(tmp_path):
    """A plan from Jul 2026 to Dec 2028 with fiscal years from October: part of FY2026, FY2027
    and FY2028 whole, part of FY2029; exported, with its timeline."""
    plan = Plan.in_memory(first_month="2026-07", months=30, fiscal_year_start=10)
    plan.initiatives.add(
        name="Always-on paid search",
        channel_id=plan.channels.named("Paid").id,
        status="active",
        start_month="2026-07",
        end_month="2028-12",
        budget=1_000_000,
    )
    return export_workbook(plan, tmp_path / "years.xlsx"), build_timeline(plan)


def test_a_page_across_ends_where_a_fiscal_year_does(tmp_path):
    path, timeline = _several_years(tmp_path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    breaks = [brk.id for brk in ws.col_breaks.brk]

    assert breaks
    assert set(breaks) <= set(sheet.year_ends(timeline))
    assert ws.page_setup.scale >= 73  # the smallest text still readable


def test_part_of_a_fiscal_year_shares_the_page_of_the_year_beside_it(tmp_path):
    path, timeline = _several_years(tmp_path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    pages = sheet.pages_of_years(timeline)

    assert [[band.label for band in page] for page in pages] == [
        ["FY2026", "FY2027"],
        ["FY2028", "FY2029"],
    ]
    assert [brk.id for brk in ws.col_breaks.brk] == [sheet.year_ends(timeline)[1]]


def test_the_key_names_each_status_in_its_shade_beside_the_bands(exported):
    path, _timeline, _currency = exported
    header, _months, _lanes = sheet_layout(path)
    ws = openpyxl.load_workbook(path)[sheet.TITLE]

    key = {
        cell.value: cell.fill.fgColor.rgb[-6:]
        for row in ws.iter_rows(min_row=header - 2, max_row=header - 1, max_col=5)
        for cell in row
        if cell.value and cell.value != sheet.KEY_TITLE
    }

    assert key == {status.capitalize(): fill for status, (fill, _ink) in BAR_LOOKS.items()}


def test_the_export_options_choose_the_lanes(demo, tmp_path):
    with Plan.open(demo, read_only=True) as plan:
        analysis = Analysis.in_sql(plan, today=TODAY)
        path = export_workbook(
            plan,
            tmp_path / "by-owner.xlsx",
            analysis=analysis,
            options=ExportOptions(timeline_grouping=Grouping.OWNER),
        )
        timeline = build_timeline(plan, Grouping.OWNER, analysis=analysis)

    assert sheet_lanes(path) == expected_on_sheet(timeline)
    assert "By owner" in openpyxl.load_workbook(path)[sheet.TITLE]["A2"].value


def test_a_bar_running_past_the_plans_months_is_marked_where_it_is_cut(exported):
    path, timeline, _currency = exported
    ws = openpyxl.load_workbook(path)[sheet.TITLE]
    running_on = [bar for bar in timeline.bars if bar.end_month > timeline.months[-1]]
    last_column = sheet.NAME_COLUMNS + len(timeline.months)

    marked = [
        row[0].value for row in ws.iter_rows(min_row=1) if row[last_column - 1].value == sheet.AFTER
    ]

    assert running_on  # the demo's user conference runs into the next year
    assert marked == [bar.name for bar in running_on]


def test_numbers_typed_on_the_timeline_sheet_are_not_imported(exported, demo, tmp_path):
    path, _timeline, _currency = exported
    book = openpyxl.load_workbook(path)
    ws = book[sheet.TITLE]
    header, _months, _lanes = sheet_layout(path)
    for row in range(header + 1, ws.max_row + 1):
        for column in range(sheet.NAME_COLUMNS + 1, ws.max_column + 1):
            ws.cell(row, column).value = 999
    book.save(tmp_path / "scribbled.xlsx")
    copy = shutil.copyfile(demo, tmp_path / "demo.smplan")

    with Plan.open(copy) as plan:
        before = {metric: plan.values.grid(metric) for metric in Metric}
        preview = preview_import(plan, tmp_path / "scribbled.xlsx")
        apply_import(plan, preview)

        assert (preview.changes, preview.rejected) == ((), ())
        assert {metric: plan.values.grid(metric) for metric in Metric} == before
        assert ACTUALS_SHEET in book.sheetnames


def test_against_a_baseline_each_row_says_where_the_baseline_has_it(tmp_path):
    versioned = versioned_plan()
    plan = versioned.plan
    with open_version(plan, versioned.board) as baseline:
        path = export_workbook(
            plan, tmp_path / "against.xlsx", options=ExportOptions(baseline=baseline)
        )
    _header, _months, lanes = sheet_layout(path)
    rows = {row.cells[0]: row.cells[-1] for _title, rows in lanes for row in rows}

    assert rows == {
        "Webinar series": sheet.SAME_DATES,
        "Outbound push": "Jan-Dec 2026",  # moved to start in March since
        "Trade show": sheet.SAME_DATES,
        "Partner launch": sheet.NOT_IN_BASELINE,
    }
    assert BOARD in openpyxl.load_workbook(path)[sheet.TITLE]["A2"].value
