"""Fixtures of the workbook tests. The export's are prefixed ``export_`` (the import's tests
live in this folder too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from baseline_support import save_baseline_and_move_on

from planner import Plan
from planner.analysis import Analysis, reforecast
from planner.demo import build_demo
from planner.versions.compare import compare
from planner.versions.opened import open_version
from planner.workbook.export import ExportOptions, export_workbook


@pytest.fixture(scope="session")
def export_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo plan's file (built once per test session)."""
    return build_demo(tmp_path_factory.mktemp("export-demo") / "demo.smplan")


@pytest.fixture(scope="session")
def export_demo_plan(export_demo_path: Path):
    """The small demo plan, open read-only."""
    plan = Plan.open(export_demo_path, read_only=True)
    yield plan
    plan.close()


@pytest.fixture(scope="session")
def export_demo_workbook(export_demo_plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan's workbook, exported once per session (without chart pictures)."""
    return export_workbook(export_demo_plan, tmp_path_factory.mktemp("export-out") / "demo.xlsx")


@pytest.fixture(scope="session")
def export_demo_openpyxl(export_demo_workbook: Path):
    """The exported demo workbook loaded by openpyxl (styles, names, tables, charts)."""
    import openpyxl

    return openpyxl.load_workbook(export_demo_workbook)


@pytest.fixture(scope="session")
def export_compared(tmp_path_factory):
    """The demo plan moved on from its baseline, the comparison of the two, and the
    workbook exported against the baseline."""
    folder = tmp_path_factory.mktemp("baseline")
    plan = Plan.open(build_demo(folder / "demo.smplan"))
    info = save_baseline_and_move_on(plan)
    with open_version(plan, info.id) as baseline:
        comparison = compare(baseline, plan)
        base_landing = reforecast(Analysis.in_sql(baseline))
        path = export_workbook(
            plan, folder / "against.xlsx", options=ExportOptions(baseline=baseline)
        )
    landing = reforecast(Analysis.in_sql(plan))
    yield {
        "plan": plan,
        "path": path,
        "comparison": comparison,
        "landing": landing,
        "base_landing": base_landing,
    }
    plan.close()
