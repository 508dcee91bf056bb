"""A plan with saved versions, and ``smarketing`` run in this process, for the tests of the
version commands (``version``, ``compare``, ``--version``).

(``pythonpath = ["tests"]`` in pyproject.toml puts this module on the import path.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from planner import Plan
from planner import months as month_math
from planner.cli.main import main
from planner.versions import Kind
from planner.versions.opened import open_version

BASELINE = "Board FY2026"
SCENARIO = "Cut events"
ADDED = "Partner webinar series"


@dataclass(frozen=True, slots=True)
class Changes:
    """What the working plan changed after the baseline was saved (initiative ids)."""

    rebudgeted: int
    dropped: int
    moved: int
    added: int


def save_versions(path: Path) -> Changes:
    """Save the plan at ``path`` as the locked baseline ``BASELINE``, then change the working
    plan (one initiative re-budgeted by -$10,000, one dropped, one moved a month later, one
    added) and save it as the scenario ``SCENARIO``, whose first initiative is re-budgeted
    again by -$5,000 there."""
    with Plan.open(path) as plan:
        plan.versions.save(BASELINE)
        live = [i for i in plan.initiatives.list() if i.status.value != "dropped"]
        rebudgeted, dropped = live[0], live[1]
        moved = next(i for i in live[2:] if i.end_month > i.start_month)
        plan.initiatives.update(rebudgeted.id, budget=rebudgeted.budget - 10_000_00)
        plan.initiatives.update(dropped.id, status="dropped")
        plan.initiatives.update(moved.id, start_month=month_math.add(moved.start_month, 1))
        added = plan.initiatives.add(
            name=ADDED, budget=15_000_00, revenue_target=90_000_00, status="planned"
        ).id
        scenario = plan.versions.save(SCENARIO, kind=Kind.SCENARIO).id
        with open_version(plan, scenario) as what_if:
            what_if.initiatives.update(rebudgeted.id, budget=rebudgeted.budget - 15_000_00)
    return Changes(rebudgeted.id, dropped.id, moved.id, added)


def run(capsys: pytest.CaptureFixture[str], *arguments: str | Path) -> tuple[int, str, str]:
    """``smarketing ARGUMENTS`` in this process: its exit code, stdout and stderr."""
    code = main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(result: tuple[int, str, str]) -> str:
    """The one line a refusal prints (and checks it is one, on stderr, with exit status 2)."""
    code, out, err = result
    assert code == 2, (out, err)
    assert out == ""
    assert err.startswith("smarketing: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err
