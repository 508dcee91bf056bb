"""Which versions a compared workbook names, and how: a scenario exported says so, a version
name that looks like a formula or holds control characters is written as plain text, and the
streamed rows of a long comparison print with their header on every page."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest
from baseline_support import save_baseline_and_move_on
from export_support import row_starting, sheet_rows, sheet_xml

from planner import Plan
from planner.demo import build_demo
from planner.versions.opened import open_version
from planner.versions.service import Kind
from planner.workbook.export import ExportOptions, export_workbook, facts, workbook
from planner.workbook.export.baseline_sheet import TITLE
from planner.workbook.export.cells import REPLACEMENT
from planner.workbook.export.options import ExportCancelled
from planner.workbook.export.workbook import write_workbook
from planner.workbook.progress import Progress

FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = f"{FORMULA} \x07 board"  # the app refuses a control character; a file may hold one
SHOWN = HOSTILE.replace("\x07", REPLACEMENT)
SCENARIO = "Cut events 30%"
LONG = 150


def _chart_xml(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        ]


@pytest.fixture(scope="module")
def export_demo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("versions")
    build_demo(folder / "demo.smplan")
    return folder


@pytest.fixture(scope="module")
def export_hostile(export_demo_folder):
    """The demo plan against a baseline whose name starts like a formula and holds a bell."""
    plan = Plan.open(export_demo_folder / "demo.smplan")
    info = save_baseline_and_move_on(plan, name=FORMULA)
    plan.db.execute("UPDATE plan_versions SET name = ? WHERE id = ?", [HOSTILE, info.id])
    with open_version(plan, info.id) as baseline:
        path = export_workbook(
            plan,
            export_demo_folder / "hostile.xlsx",
            options=ExportOptions(baseline=baseline),
        )
    plan.close()
    return path


def test_a_formula_looking_version_name_is_a_quoted_text_cell(export_hostile):
    wb = openpyxl.load_workbook(export_hostile)
    cells = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA)
    ]

    assert [cell.value for cell in cells] == [SHOWN]  # About's "Compared with"
    assert cells[0].data_type == "s"
    assert cells[0].quotePrefix is True


def test_no_sheet_of_a_compared_workbook_holds_a_formula(export_hostile):
    for part, xml in sheet_xml(export_hostile).items():
        assert not re.search(r"<f[ >]", xml), part


def test_a_version_name_in_a_sentence_is_shown_as_written(export_hostile):
    texts = [v for row in sheet_rows(export_hostile, TITLE) for v in row if isinstance(v, str)]
    header = next(text for text in texts if text.startswith("Plan: "))

    assert "Baseline: the locked baseline \"=cmd|' /C calc'!A0 \\x07 board\"" in header


def test_the_charts_legend_names_the_version_as_text_with_no_control_character(export_hostile):
    ours = next(xml for xml in _chart_xml(export_hostile) if "baseline vs plan" in xml)
    named = re.findall(r"<(?:c:)?v>([^<]*)</(?:c:)?v>", ours)

    assert "\x07" not in ours
    assert any("Baseline: =cmd|' /C calc'!A0" in name for name in named)
    assert not [ref for ref in re.findall(r"<(?:c:)?f>([^<]+)</", ours) if "cmd" in ref]


def test_about_lists_the_control_character_shown_in_the_version_name(export_hostile):
    rows = sheet_rows(export_hostile, "About")
    changed = [row for row in rows if row[0].startswith("Version '")]

    assert len(changed) == 1
    assert "U+0007" in changed[0][2]


@pytest.fixture(scope="module")
def export_scenario(export_demo_folder):
    """A scenario of the demo plan exported against the working plan."""
    plan = Plan.open(export_demo_folder / "demo.smplan")
    saved = dt.datetime(2026, 2, 3, 9, 15)
    info = plan.versions.get(plan.versions.save(SCENARIO, kind=Kind.SCENARIO, saved_at=saved).id)
    with open_version(plan, info.id) as scenario:
        first = scenario.initiatives.list()[0]
        scenario.initiatives.update(first.id, budget=first.budget // 2)
        path = export_workbook(
            scenario, export_demo_folder / "scenario.xlsx", options=ExportOptions(baseline=plan)
        )
    plan.close()
    return path


def test_an_exported_scenario_is_named_on_about(export_scenario):
    rows = sheet_rows(export_scenario, "About")
    exported = rows[row_starting(rows, "Version exported")]
    against = rows[row_starting(rows, "Compared with")]

    assert exported[1:] == [SCENARIO, "scenario, saved 2026-02-03 09:15 from the working plan"]
    assert against[1] == "Working plan"


def test_an_exported_scenario_says_so_under_the_summarys_title(export_scenario):
    texts = [v for row in sheet_rows(export_scenario, "Summary") for v in row if v]

    assert (
        f"Version: the scenario '{SCENARIO}', saved 2026-02-03 09:15; not the working plan" in texts
    )


def test_an_exported_scenario_is_in_the_files_title(export_scenario):
    wb = openpyxl.load_workbook(export_scenario, read_only=True)

    assert wb.properties.title == f"FY2026 Demand Plan (the scenario '{SCENARIO}')"


def test_a_scenario_against_the_working_plan_names_both(export_scenario):
    texts = [v for row in sheet_rows(export_scenario, TITLE) for v in row if isinstance(v, str)]

    assert (
        f"Plan: the scenario '{SCENARIO}' of 'FY2026 Demand Plan', saved 2026-02-03 09:15. "
        "Baseline: the working plan." in texts
    )


def test_the_working_plan_is_not_a_version_when_nothing_is_compared(export_demo_workbook):
    wb = openpyxl.load_workbook(export_demo_workbook, read_only=True)

    assert wb.properties.title == "FY2026 Demand Plan"


# -- streamed rows -------------------------------------------------------------------------


def _long_plan() -> tuple[Plan, int]:
    """A plan of 150 initiatives (three printed pages of them) saved as a baseline, every
    budget then raised."""
    plan = Plan.in_memory(first_month="2026-01", months=3)
    event = plan.channels.named("Event").id
    with plan.batch():
        for number in range(LONG):
            initiative = plan.initiatives.add(
                name=f"Initiative {number:03}", channel_id=event, budget=1_000_00 * (number + 1)
            ).id
            plan.values.set(initiative, "2026-03", "spend", planned=100_00 * number)
    info = plan.versions.save("Before")
    with plan.batch():
        for initiative in plan.initiatives.list():
            plan.initiatives.update(initiative.id, budget=initiative.budget + 500_00)
    return plan, info.id


@pytest.fixture(scope="module")
def export_long_both_ways(tmp_path_factory):
    """A long comparison written through the fast row path and through openpyxl's public
    one, at the same moment."""
    folder = tmp_path_factory.mktemp("long")
    plan, version_id = _long_plan()
    moment = dt.datetime(2026, 5, 4, 9, 30)
    patch = pytest.MonkeyPatch()
    patch.setattr(workbook, "gather", lambda analysis: facts.gather(analysis, now=moment))
    paths = {}
    with open_version(plan, version_id) as baseline:
        for fast in (True, False):
            paths[fast] = folder / f"fast-{fast}.xlsx"
            write_workbook(
                plan,
                paths[fast],
                options=ExportOptions(baseline=baseline),
                progress=Progress(cancelled=lambda: ExportCancelled("cancelled")),
                fast_rows=fast,
            )
    patch.undo()
    plan.close()
    return paths


def _sheet_cells(path) -> dict:
    ws = openpyxl.load_workbook(path)[TITLE]
    return {
        cell.coordinate: (cell.value, cell.data_type, cell.number_format, cell.font.b)
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None or cell.has_style
    }


def test_a_long_comparison_streams_every_initiative(export_long_both_ways):
    rows = sheet_rows(export_long_both_ways[True], TITLE)
    names = [row[0] for row in rows if str(row[0]).startswith("Initiative ")]

    assert names == [f"Initiative {number:03}" for number in range(LONG)]


def test_the_fast_row_path_writes_the_sheet_as_the_public_one_does(export_long_both_ways):
    assert _sheet_cells(export_long_both_ways[True]) == _sheet_cells(export_long_both_ways[False])


def test_a_long_comparison_repeats_its_header_on_every_printed_page(export_long_both_ways):
    ws = openpyxl.load_workbook(export_long_both_ways[True])[TITLE]
    header = next(row for row in ws.iter_rows() if row[0].value == "Initiative")[0].row

    assert ws.print_title_rows == f"${header}:${header}"


def test_a_comparison_on_one_page_repeats_no_header(export_compared):
    ws = openpyxl.load_workbook(export_compared["path"])[TITLE]

    assert ws.print_title_rows is None
