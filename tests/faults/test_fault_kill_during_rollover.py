"""``kill -9`` at random moments of ``smarketing rollover``: next year's plan is never half
written.

After each kill the target is absent (or the plan there before) or a complete new plan: it
opens, holds this year's plan as its locked baseline and the initiatives carried over. A
killed rollover can leave its temporary file (and that file's journal) and its lock file
beside the target; nothing cleans them up, so they must at least be clearly its own: hidden
and named after the target, or the target's lock, which the next open takes over.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from fault_support import command_killed_after, integrity, quickest_run, run_cli

from planner import Plan
from planner.demo import build_demo
from planner.versions.rollover import outline_next_year


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The large demo plan: its rollover takes long enough for kills to land all along it."""
    return build_demo(tmp_path_factory.mktemp("rollover-source") / "large.smplan", size="large")


@pytest.fixture(scope="module")
def rollover_seconds(large_plan: Path, tmp_path_factory: pytest.TempPathFactory) -> float:
    target = tmp_path_factory.mktemp("timed") / "next.smplan"
    return quickest_run(
        lambda: run_cli("rollover", str(large_plan), "-o", str(target), "--force", timeout=120)
    )


@pytest.fixture(scope="module")
def carried(large_plan: Path) -> int:
    with Plan.open(large_plan, read_only=True) as plan:
        return len(outline_next_year(plan).carried)


def is_complete_plan(path: Path, carried: int) -> bool:
    with Plan.open(path, read_only=True) as plan:
        (baseline,) = plan.versions.list()
        return baseline.locked and len(plan.initiatives.list()) == carried


def stray_files(folder: Path, target: Path, plan: Path) -> set[str]:
    """Files beside the target other than the plan, the target, its lock and clearly named
    temporaries of the target."""
    temporary = re.compile(rf"\.{re.escape(target.name)}\.next-[0-9a-f]{{8}}\.tmp(-journal)?")
    expected = (plan.name, target.name, target.name + ".lock")
    return {
        item.name
        for item in folder.iterdir()
        if item.name not in expected and not temporary.fullmatch(item.name)
    }


def roll_over_and_kill(plan: Path, target: Path, seconds: float) -> int:
    return command_killed_after(seconds, "rollover", str(plan), "-o", str(target), "--force")


@pytest.mark.slow
def test_kill_9_during_a_rollover_leaves_no_plan_or_a_complete_one(
    large_plan: Path, rollover_seconds: float, carried: int, tmp_path: Path
) -> None:
    plan = tmp_path / large_plan.name
    plan.write_bytes(large_plan.read_bytes())
    before = plan.read_bytes()
    target = tmp_path / "next.smplan"
    chance = random.Random(17)
    killed = 0
    for _round in range(10):
        killed += roll_over_and_kill(plan, target, chance.uniform(0.2, 1.1) * rollover_seconds) < 0
        if target.exists():
            assert is_complete_plan(target, carried), "a half-written plan under the target's name"
        assert stray_files(tmp_path, target, plan) == set()
        assert plan.read_bytes() == before  # this year's plan is only read
    assert killed >= 3, f"only {killed} of 10 rollovers were killed"
    roll_over_and_kill(plan, target, 120)  # and one to the end: the move itself works
    assert integrity(target) == ["ok"]
    with Plan.open(target) as reopened:  # a lock left by a killed rollover is taken over
        assert len(reopened.initiatives.list()) == carried
