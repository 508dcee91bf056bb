"""`smarketing phase PLAN`, run as a real process: targets, funnel and budgets phased into
months and what was done said; a dry run writes nothing; every refusal is one line with exit
status 2 and the plan as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import assert_one_line_refusal, smarketing

from planner import Plan
from planner.versions.kinds import Kind
from planner.versions.opened import open_version


@pytest.fixture
def plan(demo_original: Path, tmp_path: Path) -> Path:
    path = tmp_path / "FY2026.smplan"
    shutil.copyfile(demo_original, path)
    return path


def every_value(path: Path) -> list[tuple[object, ...]]:
    with Plan.open(path, read_only=True) as opened:
        return opened.query("SELECT * FROM monthly_values ORDER BY initiative_id, month")


def planned_revenue(path: Path, name: str) -> int:
    with Plan.open(path, read_only=True) as opened:
        i = next(x.id for x in opened.initiatives.list() if x.name == name)
        return opened.query(
            "SELECT sum(revenue_won_plan) FROM monthly_values WHERE initiative_id = ?", [i]
        )[0][0]


def test_phase_spreads_every_target_and_says_what_it_did(plan: Path) -> None:
    result = smarketing("phase", plan, "--shape", "front", "--lag", "1")

    assert result.returncode == 0, result.stderr
    assert "Phased 19 initiatives (front-loaded, lags: lead_to_mql 1" in result.stdout
    assert "Skipped Pricing page experiment: dropped" in result.stdout
    assert planned_revenue(plan, "Trade-show swag and merchandise") == 6_000_000


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(plan: Path) -> None:
    before = every_value(plan)

    result = smarketing("phase", plan, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "Would phase" in result.stdout and "dry run: nothing written" in result.stdout
    assert every_value(plan) == before


def test_named_initiatives_only_are_phased_with_lags_per_stage(plan: Path) -> None:
    result = smarketing(
        "phase",
        plan,
        "--initiative",
        "trade-show SWAG and merchandise",
        "--lag",
        "opportunity_to_won=2",
        "--no-spend",
    )

    assert result.returncode == 0, result.stderr
    assert "Phased 1 initiative (even, lags: opportunity_to_won 2)" in result.stdout
    with Plan.open(plan, read_only=True) as opened:
        i = next(x.id for x in opened.initiatives.list() if x.name.startswith("Trade-show"))
        spend = opened.query(
            "SELECT sum(spend_plan) FROM monthly_values WHERE initiative_id = ?", [i]
        )[0][0]
        assert opened.phasing.choices().lags.opportunity_to_won == 2
    assert spend is None  # --no-spend: its spend left as it was (none)
    assert planned_revenue(plan, "Trade-show swag and merchandise") == 6_000_000


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--initiative", "Nope"], "no initiative named 'Nope'"),
        (["--lag", "x"], "Lags"),
        (["--lag", "1", "--lag", "sal_to_sql=2"], "--lag"),
        (["--lag", "sql_to_won=1"], "sql_to_won"),
        (["--profile", "1,2"], "Seasonal profile: must be 12 weights"),
        (["--no-revenue", "--no-funnel", "--no-spend"], "choose what to phase"),
        (["--shape", "last-year", "--last-year", "nothing.smplan"], "--last-year"),
    ],
)
def test_a_bad_option_is_refused_in_one_line_and_the_plan_is_as_it_was(
    plan: Path, arguments: list[str], said: str
) -> None:
    before = every_value(plan)

    result = smarketing("phase", plan, *arguments)

    assert_one_line_refusal(result, said)
    assert every_value(plan) == before


def test_a_locked_version_refuses_in_one_line(plan: Path) -> None:
    with Plan.open(plan) as opened:
        opened.versions.save("Board plan")

    result = smarketing("phase", plan, "--version", "Board plan")

    assert result.returncode == 2
    assert "locked" in result.stderr and result.stderr.count("\n") == 1


def test_a_scenario_is_phased_and_the_working_plan_is_not(plan: Path) -> None:
    with Plan.open(plan) as opened:
        opened.versions.save("Phased", kind=Kind.SCENARIO)
    before = every_value(plan)

    result = smarketing("phase", plan, "--version", "Phased")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Version: the scenario 'Phased'")
    assert every_value(plan) == before
    with Plan.open(plan) as opened, open_version(opened, opened.versions.find("Phased").id) as it:
        i = next(x.id for x in it.initiatives.list() if x.name.startswith("Trade-show"))
        revenue = it.query(
            "SELECT sum(revenue_won_plan) FROM monthly_values WHERE initiative_id = ?", [i]
        )
    assert revenue == [(6_000_000,)]
