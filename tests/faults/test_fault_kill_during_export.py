"""``kill -9`` at random moments of ``smarketing export``: the target is never half written.

After each kill the workbook is either the one there before (or absent, when there was
none) or a complete new workbook that openpyxl opens. A killed export can leave its own
temporary file beside the target; nothing cleans it up, so it must at least be clearly one:
hidden, named after the target, ending in ``.tmp`` (see ``planner/workbook/files.py``).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from fault_support import command_killed_after, integrity, quickest_run, run_cli

from planner import Plan
from planner.demo import build_demo
from planner.workbook.layout import ACTUALS_SHEET


@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("export-source") / "demo.smplan")


@pytest.fixture(scope="module")
def export_seconds(demo_plan: Path, tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long one whole ``smarketing export`` takes on this machine now, so that the kills
    land all along it, however busy the machine is."""
    target = tmp_path_factory.mktemp("timed") / "t.xlsx"
    return quickest_run(lambda: run_cli("export", str(demo_plan), "-o", str(target)))


def is_complete_workbook(path: Path) -> bool:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = workbook[ACTUALS_SHEET]
        return sheet.max_row > 1 and "About" in workbook.sheetnames
    finally:
        workbook.close()


def stray_files(folder: Path, target: Path, plan: Path) -> set[str]:
    """Files beside the target other than the plan, the target and clearly named
    temporaries of the target."""
    temporary = re.compile(rf"\.{re.escape(target.name)}\.export-[0-9a-f]{{8}}\.tmp")
    return {
        item.name
        for item in folder.iterdir()
        if item.name not in (plan.name, target.name) and not temporary.fullmatch(item.name)
    }


def export_and_kill(plan: Path, target: Path, seconds: float) -> int:
    return command_killed_after(seconds, "export", str(plan), "-o", str(target))


@pytest.mark.slow
def test_kill_9_during_an_export_leaves_the_old_workbook_or_a_complete_new_one(
    demo_plan: Path, export_seconds: float, tmp_path: Path
) -> None:
    plan = tmp_path / demo_plan.name
    plan.write_bytes(demo_plan.read_bytes())
    target = tmp_path / "leadership.xlsx"
    target.write_bytes(b"not yet a workbook: the export before")
    old = target.read_bytes()
    chance = random.Random(11)
    killed = 0
    for _round in range(10):
        code = export_and_kill(plan, target, chance.uniform(0.2, 1.1) * export_seconds)
        killed += code < 0
        now = target.read_bytes()
        if now != old:
            assert is_complete_workbook(target), "a half-written workbook under the target's name"
            old = now
        assert stray_files(tmp_path, target, plan) == set()
        assert integrity(plan) == ["ok"]
    assert killed >= 3, f"only {killed} of 10 exports were killed"
    export_and_kill(plan, target, 60)  # and one to the end: the move itself works
    assert is_complete_workbook(target)
    with Plan.open(plan) as reopened:  # an export reads only: no lock of its is left behind
        assert reopened.initiatives.list()


@pytest.mark.slow
def test_kill_9_during_a_first_export_leaves_no_workbook_or_a_complete_one(
    demo_plan: Path, export_seconds: float, tmp_path: Path
) -> None:
    chance = random.Random(5)
    targets = [tmp_path / f"first {n}.xlsx" for n in range(4)]
    for target in targets:
        export_and_kill(demo_plan, target, chance.uniform(0.2, 1.0) * export_seconds)
        if target.exists():
            assert is_complete_workbook(target)
    left = set.intersection(*(stray_files(tmp_path, t, demo_plan) for t in targets))
    assert left == set(), left
