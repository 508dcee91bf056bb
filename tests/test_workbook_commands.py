"""`smarketing export` and `smarketing import`, run as real processes: what they print, their
exit codes, one-line refusals, and a plan that changes only when an import is applied."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planner import Metric, Plan
from planner.workbook.layout import ACTUAL, ACTUALS_HEADERS, ACTUALS_SHEET, INITIATIVE_ID, METRIC

pytestmark = pytest.mark.slow


def smarketing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_and_export(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("workbook-cli")
    plan, workbook = folder / "demo.smplan", folder / "demo.xlsx"
    assert smarketing("demo", plan).returncode == 0
    result = smarketing("export", plan, "-o", workbook)
    assert result.returncode == 0, result.stderr
    return plan, workbook


@pytest.fixture
def demo(demo_and_export, tmp_path) -> Path:
    """A fresh copy of the demo plan for a test that imports into it."""
    copy = tmp_path / "demo.smplan"
    copy.write_bytes(demo_and_export[0].read_bytes())
    return copy


def _all_actuals(path: Path) -> dict[tuple[int, int, str], int | None]:
    with Plan.open(path, read_only=True) as plan:
        return {
            (i, m, metric.value): actual
            for metric in Metric
            for (i, m), (_planned, actual) in plan.values.grid(metric).items()
        }


def _fill_in(workbook: Path, target: Path, fills: int) -> list[tuple[int, str, int]]:
    """Type new actuals into the first ``fills`` count rows of the Actuals sheet, as a colleague
    would in Excel; returns (initiative id, metric title, value) of each."""
    book = openpyxl.load_workbook(workbook)
    sheet = book[ACTUALS_SHEET]
    header = next(
        row[0].row for row in sheet.iter_rows(max_row=20) if row[0].value == INITIATIVE_ID
    )
    columns = {title: ACTUALS_HEADERS.index(title) + 1 for title in ACTUALS_HEADERS}
    written = []
    for row in range(header + 1, sheet.max_row + 1):
        metric = sheet.cell(row, columns[METRIC]).value
        if metric in (Metric.LEADS.title, Metric.MQL.title) and len(written) < fills:
            value = 1000 + len(written)
            sheet.cell(row, columns[ACTUAL]).value = value
            written.append((sheet.cell(row, columns[INITIATIVE_ID]).value, metric, value))
    book.save(target)
    return written


def test_export_writes_a_workbook_and_says_where(demo_and_export):
    _plan, workbook = demo_and_export
    with zipfile.ZipFile(workbook) as archive:
        assert "xl/workbook.xml" in archive.namelist()
    book = openpyxl.load_workbook(workbook, read_only=True)
    assert ACTUALS_SHEET in book.sheetnames
    book.close()


def test_export_refuses_a_target_that_is_not_xlsx_in_one_line(demo_and_export, tmp_path):
    plan, _workbook = demo_and_export
    result = smarketing("export", plan, "-o", tmp_path / "plan.csv")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "plan.csv" in result.stderr
    assert not (tmp_path / "plan.csv").exists()


def test_export_into_a_missing_folder_is_refused_in_one_line(demo_and_export, tmp_path):
    plan, _workbook = demo_and_export
    result = smarketing("export", plan, "-o", tmp_path / "nowhere" / "plan.xlsx")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr


def test_importing_an_untouched_export_changes_nothing(demo, demo_and_export):
    before = demo.read_bytes()
    result = smarketing("import", demo, demo_and_export[1])
    assert result.returncode == 0, result.stderr
    assert "0 values to import (0 new, 0 changed)" in result.stdout
    assert _all_actuals(demo) == _all_actuals(demo_and_export[0])
    assert demo.read_bytes() == before


def test_a_dry_run_shows_the_changes_and_writes_nothing(demo, demo_and_export, tmp_path):
    filled = tmp_path / "filled.xlsx"
    _fill_in(demo_and_export[1], filled, fills=3)
    before = demo.read_bytes()

    result = smarketing("import", demo, filled, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "Dry run: nothing was imported." in result.stdout
    assert "Changes:" in result.stdout
    assert demo.read_bytes() == before


def test_an_import_writes_what_was_filled_in_and_a_second_changes_nothing(
    demo, demo_and_export, tmp_path
):
    filled = tmp_path / "filled.xlsx"
    written = _fill_in(demo_and_export[1], filled, fills=5)

    first = smarketing("import", demo, filled)
    second = smarketing("import", demo, filled)

    assert first.returncode == 0, first.stderr
    assert "Imported 5 values" in first.stdout
    with Plan.open(demo, read_only=True) as plan:
        for initiative_id, title, value in written:
            metric = Metric.LEADS if title == Metric.LEADS.title else Metric.MQL
            actuals = {
                v for (i, _m), (_p, v) in plan.values.grid(metric).items() if i == initiative_id
            }
            assert value in actuals
    assert second.returncode == 0, second.stderr
    assert "0 values to import (0 new, 0 changed)" in second.stdout


def test_rejected_rows_stop_the_import_unless_skipped(demo, demo_and_export, tmp_path):
    filled = tmp_path / "filled.xlsx"
    _fill_in(demo_and_export[1], filled, fills=2)
    book = openpyxl.load_workbook(filled)
    sheet = book[ACTUALS_SHEET]
    sheet.cell(sheet.max_row, ACTUALS_HEADERS.index(ACTUAL) + 1).value = -5
    book.save(filled)
    before = demo.read_bytes()

    refused = smarketing("import", demo, filled)

    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "--skip-rejected" in refused.stderr
    assert f"Actuals row {sheet.max_row}" in refused.stdout
    assert demo.read_bytes() == before

    skipped = smarketing("import", demo, filled, "--skip-rejected")
    assert skipped.returncode == 0, skipped.stderr
    assert "Imported 2 values" in skipped.stdout


CRM_CSV = """Deal Name,Deal Stage,Amount,Close Date,Deal owner,Campaign
Acme renewal,Closed Won,"12,500.00",2026-03-14,Sam,{name}
Beta new logo,Closed Won,7500,2026-03-20,Sam,{name}
Gamma pilot,Negotiation,9000,2026-03-22,Sam,{name}
"""


def _crm_export(plan_path: Path, tmp_path: Path) -> tuple[Path, str]:
    with Plan.open(plan_path, read_only=True) as plan:
        initiative = next(i for i in plan.initiatives.list() if i.start_month <= 202603)
    path = tmp_path / "deals.csv"
    path.write_text(CRM_CSV.format(name=initiative.name), encoding="utf-8")
    return path, initiative.name


def test_a_crm_export_is_imported_through_the_mapping_given_and_it_is_kept(demo, tmp_path):
    deals, _name = _crm_export(demo, tmp_path)
    mapping = (
        "--initiative-column",
        "Campaign",
        "--date-column",
        "Close Date",
        "--value-column",
        "Amount",
        "--metric",
        "revenue_won",
        "--stage-column",
        "Deal Stage",
        "--stage",
        "Closed Won",
        "--count-into",
        "deals_won",
    )

    first = smarketing("import", demo, deals, *mapping)
    again = smarketing("import", demo, deals)  # the saved mapping, no options

    assert first.returncode == 0, first.stderr
    assert "Imported 2 values" in first.stdout
    assert "$20,000.00" in first.stdout
    assert again.returncode == 0, again.stderr
    assert "0 values to import (0 new, 0 changed)" in again.stdout


def test_a_crm_export_whose_columns_do_not_map_is_refused_naming_them(demo, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("When,What,How much\n2026-03-01,x,5\n", encoding="utf-8")
    before = demo.read_bytes()

    result = smarketing("import", demo, path)

    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "When" in result.stderr and "How much" in result.stderr
    assert demo.read_bytes() == before
