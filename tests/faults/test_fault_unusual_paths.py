"""Paths with spaces, accents, dashes and URI characters work for every file operation: create,
open, save a copy, export and import, in the core and on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from fault_support import files_in, integrity, run_cli

from planner import Plan
from planner.domain import Metric
from planner.workbook.export import export_workbook
from planner.workbook.importing import apply_import, preview_import
from planner.workbook.layout import ACTUAL, ACTUALS_SHEET, metric_from_title

# The folder and name of the brief, and one whose characters mean something in a file: URI.
PLAN_PATHS = ("Plans été/Q1 plan – ü.smplan", "Ünïcode #2 & 100% sure?/plan ü=1.smplan")


@pytest.fixture(params=PLAN_PATHS, ids=("accents", "uri-characters"))
def plan_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    path.parent.mkdir()
    return path


def fill_first_actual(workbook_path: Path, value: int) -> tuple[int, int, Metric]:
    """Type ``value`` into the first Actual cell of an exported workbook, as a user sending it
    back would; returns that cell's initiative id, month and metric."""
    import openpyxl

    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook[ACTUALS_SHEET]
    for row in sheet.iter_rows(max_row=20):
        titles = [cell.value for cell in row]
        if ACTUAL in titles:
            first = row[0].row + 1
            sheet.cell(first, titles.index(ACTUAL) + 1).value = value
            initiative, _name, month, metric = (
                sheet.cell(first, column).value for column in range(1, 5)
            )
            break
    else:
        raise AssertionError("the export has no Actuals header row")
    workbook.save(workbook_path)
    return initiative, month.year * 100 + month.month, metric_from_title(metric)


def actual_at(plan: Plan, cell: tuple[int, int, Metric]) -> int | None:
    """The actual value of ``cell`` in major units (whole counts stay as they are)."""
    initiative, month, metric = cell
    _planned, actual = plan.values.grid(metric).get((initiative, month), (None, None))
    scale = plan.currency.scale if metric.is_money else 1
    return None if actual is None else actual // scale


def test_a_plan_at_such_a_path_is_created_opened_and_copied(plan_path: Path) -> None:
    with Plan.create(plan_path, name="Été", first_month="2026-01") as plan:
        plan.initiatives.add(name="Salon d'été", channel_id=plan.channels.named("Event").id)
        copy = plan.save_copy(plan_path.with_name("Copie – été ü.smplan"))
    with Plan.open(plan_path) as reopened:
        assert [i.name for i in reopened.initiatives.list()] == ["Salon d'été"]
    with Plan.open(copy, read_only=True) as copied:
        assert [i.name for i in copied.initiatives.list()] == ["Salon d'été"]
    assert integrity(plan_path) == ["ok"]
    assert files_in(plan_path.parent) == {plan_path.name, copy.name}


def test_a_plan_at_such_a_path_exports_and_imports_its_workbook(plan_path: Path) -> None:
    with Plan.create(plan_path, name="Été", first_month="2026-01") as plan:
        plan.initiatives.add(name="Salon d'été", channel_id=plan.channels.named("Event").id)
        workbook = export_workbook(plan, plan_path.with_name("Rapport – été ü.xlsx"))
        cell = fill_first_actual(workbook, 42)
        apply_import(plan, preview_import(plan, workbook))
        assert actual_at(plan, cell) == 42
    assert files_in(plan_path.parent) == {plan_path.name, workbook.name}


def test_the_command_line_works_on_such_paths_from_demo_to_import(plan_path: Path) -> None:
    workbook = plan_path.with_name("Rapport – été ü.xlsx")

    demo = run_cli("demo", str(plan_path))
    assert demo.returncode == 0, demo.stderr
    summary = run_cli("summary", str(plan_path))
    assert summary.returncode == 0, summary.stderr
    export = run_cli("export", str(plan_path), "-o", str(workbook))
    assert export.returncode == 0, export.stderr
    assert str(workbook) in export.stdout

    cell = fill_first_actual(workbook, 4242)
    imported = run_cli("import", str(plan_path), str(workbook))
    assert imported.returncode == 0, imported.stderr
    assert f"into {plan_path}." in imported.stdout
    with Plan.open(plan_path, read_only=True) as plan:
        assert actual_at(plan, cell) == 4242
    assert files_in(plan_path.parent) == {plan_path.name, workbook.name}
