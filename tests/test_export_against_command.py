"""`smarketing export PLAN -o X.xlsx --against NAME`, run as a real process: the workbook
compares the plan (or the version --version names) with the version named, and an unknown
name is refused in one line that names the versions there are, writing nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from cli_support import smarketing

from planner import Plan
from planner.demo import build_demo

pytestmark = pytest.mark.slow

BASELINE = "Board-approved FY2026"
SCENARIO = "Cut events"


@pytest.fixture(scope="module")
def plan_with_baseline(tmp_path_factory) -> Path:
    path = build_demo(tmp_path_factory.mktemp("against") / "demo.smplan")
    with Plan.open(path) as plan:
        plan.versions.save(BASELINE, saved_at=dt.datetime(2026, 1, 15, 10, 30))
        plan.versions.save(SCENARIO, kind="scenario")
        first = plan.initiatives.list()[0]
        plan.initiatives.update(first.id, budget=first.budget + 5_000_00)
    return path


def test_against_a_version_adds_the_plan_vs_baseline_sheet(plan_with_baseline, tmp_path):
    target = tmp_path / "against.xlsx"

    result = smarketing(
        "export", plan_with_baseline, "-o", target, "--against", "board-APPROVED fy2026"
    )

    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(target, read_only=True)
    assert "Plan vs baseline" in book.sheetnames
    about = [
        row for row in book["About"].iter_rows(values_only=True) if row[:1] == ("Compared with",)
    ]
    assert about[0][1] == BASELINE


def test_against_an_unknown_name_is_refused_in_one_line_naming_the_versions(
    plan_with_baseline, tmp_path
):
    target = tmp_path / "against.xlsx"

    result = smarketing("export", plan_with_baseline, "-o", target, "--against", "Q4 reforecast")

    assert result.returncode == 2
    assert result.stderr == (
        "smarketing: Version: the plan has no version named 'Q4 reforecast' "
        f"(its versions are '{BASELINE}', '{SCENARIO}')\n"
    )
    assert not target.exists()


def test_a_version_exported_against_a_baseline_names_both(plan_with_baseline, tmp_path):
    target = tmp_path / "scenario.xlsx"

    result = smarketing(
        "export", plan_with_baseline, "-o", target, "--version", SCENARIO, "--against", BASELINE
    )

    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(target, read_only=True)["About"].iter_rows(values_only=True))
    named = {row[0]: row[1] for row in rows if len(row) > 1}
    assert named["Version exported"] == SCENARIO
    assert named["Compared with"] == BASELINE
