"""``kill -9`` at random moments of ``smarketing import`` on a workbook of thousands of rows:
the plan opens, SQLite finds it sound, and it holds the whole import or none of it.

Two workbooks fill every Actual cell with one number each (7 or 9); each round imports the
one the plan does not hold yet, so after any kill every actual value of the plan must come
from one workbook (or from none, before the first import landed).
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest
from fault_support import files_in, integrity, kill_9_after, quickest_run, run_cli, start_python

from planner import Plan
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry
from planner.workbook.export import export_workbook
from planner.workbook.layout import ACTUAL, ACTUALS_SHEET

INITIATIVES = 40
MONTHS = 12
ROWS = INITIATIVES * MONTHS * len(Metric)  # Actuals rows: one per initiative, month, metric
MARKERS = (7, 9)  # the number each workbook writes into every Actual cell


def fill_actuals(exported: Path, target: Path, marker: int) -> None:
    """A copy of an exported workbook with ``marker`` in every Actual cell."""
    import openpyxl

    workbook = openpyxl.load_workbook(exported)
    sheet = workbook[ACTUALS_SHEET]
    for row in sheet.iter_rows(max_row=20):
        titles = [cell.value for cell in row]
        if ACTUAL in titles:
            header, column = row[0].row, titles.index(ACTUAL) + 1
            break
    else:
        raise AssertionError("the export has no Actuals header row")
    for number in range(header + 1, sheet.max_row + 1):
        sheet.cell(number, column).value = marker
    workbook.save(target)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, Path]]:
    """A plan of 40 initiatives planned for 12 months, and one workbook per marker."""
    folder = tmp_path_factory.mktemp("import-sources")
    plan_path = folder / "original.smplan"
    with Plan.create(plan_path, name="Import", first_month="2026-01", months=MONTHS) as plan:
        with plan.batch():
            ids = [
                plan.initiatives.add(
                    name=f"Initiative {n}", channel_id=plan.channels.named("Paid").id
                ).id
                for n in range(INITIATIVES)
            ]
        plan.values.set_many(
            [ValueEntry(i, m, "leads", Kind.PLANNED, 5) for i in ids for m in plan.horizon.months()]
        )
        exported = export_workbook(plan, folder / "exported.xlsx")
    sources = {}
    for marker in MARKERS:
        sources[marker] = folder / f"actuals-{marker}.xlsx"
        fill_actuals(exported, sources[marker], marker)
    return plan_path, sources


def imported_marker(plan: Plan) -> int | None:
    """Which workbook every actual value came from (None: no import landed yet); fails when
    the plan holds part of one import."""
    found = set()
    cells = 0
    for metric in Metric:
        scale = plan.currency.scale if metric.is_money else 1
        for _planned, actual in plan.values.grid(metric).values():
            if actual is not None:
                found.add(actual // scale)
                cells += 1
    if not found:
        return None
    assert len(found) == 1, f"a torn import: actual values from workbooks {sorted(found)}"
    assert cells == ROWS, f"a torn import: {cells} of {ROWS} actual values"
    return found.pop()


@pytest.fixture(scope="module")
def import_seconds(
    workbooks: tuple[Path, dict[int, Path]], tmp_path_factory: pytest.TempPathFactory
) -> float:
    """How long one whole ``smarketing import`` takes on this machine now, so that the kills
    land all along it (the commit comes last), however busy the machine is."""
    original, sources = workbooks
    path = tmp_path_factory.mktemp("timed") / "plan.smplan"

    def import_into_a_fresh_copy() -> subprocess.CompletedProcess[str]:
        path.write_bytes(original.read_bytes())
        return run_cli("import", str(path), str(sources[MARKERS[0]]))

    return quickest_run(import_into_a_fresh_copy)


@pytest.mark.slow
def test_kill_9_during_an_import_keeps_all_of_it_or_none(
    workbooks: tuple[Path, dict[int, Path]], import_seconds: float, tmp_path: Path
) -> None:
    original, sources = workbooks
    path = tmp_path / "plan.smplan"
    path.write_bytes(original.read_bytes())
    chance = random.Random(3)
    outcomes = {"killed": 0, "finished": 0}
    held: int | None = None
    for _round in range(8):
        marker = MARKERS[1] if held == MARKERS[0] else MARKERS[0]
        importer = start_python("-m", "planner", "import", str(path), str(sources[marker]))
        kill_9_after(importer, chance.uniform(0.2, 1.15) * import_seconds)
        outcomes["killed" if importer.returncode < 0 else "finished"] += 1
        if importer.returncode >= 0:
            assert importer.returncode == 0, importer.stderr

        assert integrity(path) == ["ok"]
        with Plan.open(path) as plan:  # takes over the killed importer's lock
            now = imported_marker(plan)
        assert now in (held, marker)
        if importer.returncode == 0:
            assert now == marker
        held = now
        assert files_in(tmp_path) == {path.name}
    assert outcomes["killed"] >= 3, outcomes
