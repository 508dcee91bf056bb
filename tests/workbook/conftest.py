"""Fixtures of the workbook tests. The export's are prefixed ``export_`` (the import's tests
live in this folder too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import Plan
from planner.demo import build_demo
from planner.workbook.export import export_workbook


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
