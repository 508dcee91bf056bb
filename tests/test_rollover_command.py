"""`smarketing rollover PLAN -o NEXT.smplan`, run as a real process: next year's plan written,
what it carried said, every refusal one line with exit status 2 and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import assert_one_line_refusal, smarketing

from planner import Plan


@pytest.fixture
def plan(demo_original: Path, tmp_path: Path) -> Path:
    path = tmp_path / "FY2026.smplan"
    shutil.copyfile(demo_original, path)
    return path


def budgets(path: Path) -> dict[str, int]:
    with Plan.open(path, read_only=True) as opened:
        return {i.name: i.budget for i in opened.initiatives.list()}


def targets(path: Path) -> dict[str, int]:
    with Plan.open(path, read_only=True) as opened:
        return {i.name: i.revenue_target for i in opened.initiatives.list()}


def test_rollover_writes_next_years_plan_and_says_what_it_holds(plan, tmp_path):
    result = smarketing("rollover", plan, "-o", tmp_path / "FY2027.smplan")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Wrote next year's plan to {tmp_path / 'FY2027.smplan'}"
    assert lines[1] == "FY2027 Demand Plan: Jan 2027 to Dec 2027."
    assert lines[2].startswith("Carried over: 20 initiatives")
    assert lines[3].startswith("Left behind: 2 initiatives done or dropped")
    assert "locked baseline “FY2026 plan”" in lines[4]
    with Plan.open(tmp_path / "FY2027.smplan", read_only=True) as new:
        assert [v.name for v in new.versions.list()] == ["FY2026 plan"]


def test_rollover_scales_budgets_and_targets_by_the_percentages_given(plan, tmp_path):
    result = smarketing(
        "rollover",
        plan,
        "-o",
        tmp_path / "n.smplan",
        "--budget-scale",
        "110",
        "--target-scale",
        "90%",
    )
    assert result.returncode == 0, result.stderr
    assert "Budgets and planned spend at 110 % of this year's." in result.stdout
    assert "Revenue targets, planned pipeline and revenue at 90 % of this year's." in result.stdout
    before, after = budgets(plan), budgets(tmp_path / "n.smplan")
    assert after == {name: round(before[name] * 1.1) for name in after}
    before, after = targets(plan), targets(tmp_path / "n.smplan")
    assert after == {name: round(before[name] * 0.9) for name in after}


def test_rollover_with_include_dropped_carries_every_initiative(plan, tmp_path):
    result = smarketing("rollover", plan, "-o", tmp_path / "n.smplan", "--include-dropped")
    assert result.returncode == 0, result.stderr
    assert budgets(tmp_path / "n.smplan").keys() == budgets(plan).keys()


def test_rollover_leaves_this_years_plan_as_it_was(plan, tmp_path):
    before = plan.read_bytes()
    assert smarketing("rollover", plan, "-o", tmp_path / "n.smplan").returncode == 0
    assert plan.read_bytes() == before


def test_rollover_refuses_to_replace_a_file_without_force(plan, tmp_path):
    target = tmp_path / "n.smplan"
    target.write_bytes(b"kept")
    assert_one_line_refusal(smarketing("rollover", plan, "-o", target), "exists already")
    assert target.read_bytes() == b"kept"
    assert smarketing("rollover", plan, "-o", target, "--force").returncode == 0
    with Plan.open(target, read_only=True) as replaced:
        assert replaced.settings.get().name == "FY2027 Demand Plan"


def test_rollover_onto_the_plan_itself_is_refused_in_one_line(plan):
    before = plan.read_bytes()
    result = smarketing("rollover", plan, "-o", plan, "--force")
    assert_one_line_refusal(result, "cannot replace the open plan itself")
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("option", "typed", "said"),
    [
        ("--budget-scale", "lots", "--budget-scale: 'lots' is not a percentage"),
        ("--target-scale", "-10", "--target-scale: must not be negative"),
        ("--target-scale", "1500%", "--target-scale: must be from 0 % to 1,000 %"),
    ],
)
def test_a_bad_percentage_is_refused_naming_its_option(plan, tmp_path, option, typed, said):
    result = smarketing("rollover", plan, "-o", tmp_path / "n.smplan", option, typed)
    assert_one_line_refusal(result, said)
    assert not (tmp_path / "n.smplan").exists()


def test_rollover_has_help():
    result = smarketing("rollover", "--help")
    assert result.returncode == 0 and "--budget-scale PCT" in result.stdout
