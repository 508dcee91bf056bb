"""Plan versions in the large plan: the three versions every large-plan figure is measured
with, and one timed round of what a user does with versions.

    python tests/benchmarks/versions_run.py prepare PLAN
    python tests/benchmarks/versions_run.py round PLAN COPY EDITS

``prepare`` gives the freshly built large plan its versions (``plan_versions.py``) and
reports what each added to the file, against the planned side it copies.

``round`` copies the prepared plan to ``COPY`` (so every round starts from the same file)
and times, on the copy opened for editing:

- saving a baseline (``plan.versions.save``; a fourth version, into a file holding three);
- opening a scenario (``open_version``), then ``EDITS`` edits of it, each one planned value
  typed into the Targets grid and saved into the file as it is made;
- comparing the baseline with a scenario (both opened, then compared), and the working plan
  with the baseline (one opened), as the app would on the user's asking.

What the first of these needs loaded (sqlite-utils, the analysis) is loaded before the clock
starts: the app has it loaded by the time a user works with versions.
"""

from __future__ import annotations

import importlib.util
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from child import report
from plan_versions import BASELINE, CUT, add_versions

from planner import Plan
from planner.analysis import Analysis, Dimension, budget_and_target, strike_zone
from planner.domain import Metric
from planner.versions.opened import open_version, open_versions

_COMPARE_MODULE = "planner.versions.compare"


def comparison_hook() -> tuple[str, Any]:
    """What a comparison of two plans runs, and how the report names it.

    ``compare(a, b)`` of :mod:`planner.versions.compare` once that module is in the
    checkout. Until then a stand-in doing what a comparison needs at least: the roll-ups
    of both sides through the one analysis engine (by month and by initiative, the budget
    and target, the strike zone) and the initiatives' facts read side by side. It does
    not run the checks on each side, which a comparison showing findings adds."""
    if importlib.util.find_spec(_COMPARE_MODULE) is not None:
        compare = importlib.import_module(_COMPARE_MODULE).compare
        return "compare()", compare
    return "stand-in: roll-ups of both sides, compare() not in this checkout", _roll_ups_of_both


def _roll_ups_of_both(*plans: Plan) -> list[object]:
    sides = []
    for plan in plans:
        analysis = Analysis.in_sql(plan)
        try:
            sides.append(
                (
                    analysis.rollups([Dimension.MONTH, Dimension.INITIATIVE]),
                    budget_and_target(analysis),
                    strike_zone(analysis),
                    plan.initiatives.list(),
                )
            )
        finally:
            analysis.close()
    return sides


def prepare(path: Path) -> dict[str, object]:
    before = path.stat().st_size
    growth = add_versions(path)
    return {
        "versions": [
            {
                "name": g.version,
                "file_bytes": g.file_bytes,
                "planned_side_bytes": g.planned_side_bytes,
            }
            for g in growth
        ],
        "file_before": before,
        "file_after": path.stat().st_size,
    }


def timed(work: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def one_round(source: Path, copy: Path, edits: int) -> dict[str, object]:
    shutil.copyfile(source, copy)  # neither is open
    described, compare = comparison_hook()
    Plan.prepare_for_edits()
    plan = Plan.open(copy)
    try:
        baseline, scenario_id = plan.versions.find(BASELINE).id, plan.versions.find(CUT).id
        save, _change = timed(lambda: plan.versions.save("Benchmark round baseline"))

        opening, scenario = timed(lambda: open_version(plan, scenario_id))
        with scenario:
            initiatives = scenario.initiatives.list()
            month = scenario.horizon.first
            took = []
            for n in range(edits):
                initiative = initiatives[(7 * n) % len(initiatives)].id
                seconds, _ = timed(
                    lambda i=initiative, v=1_000_000 * (n + 2): scenario.values.set(
                        i, month, Metric.REVENUE_WON, planned=v
                    )
                )
                took.append(seconds)

        def two_versions() -> None:
            a, b = open_versions(plan, [baseline, scenario_id])
            with a, b:
                compare(a, b)

        def working_and_baseline() -> None:
            with open_version(plan, baseline) as a:
                compare(a, plan)

        versions, _ = timed(two_versions)
        with_working, _ = timed(working_and_baseline)
    finally:
        plan.close()
    return {
        "save": save,
        "open_scenario": opening,
        "edit": statistics.median(took),
        "edit_max": max(took),
        "compare_versions": versions,
        "compare_working": with_working,
        "compared_by": described,
    }


if __name__ == "__main__":
    mode, plan_path = sys.argv[1], Path(sys.argv[2])
    if mode == "prepare":
        report(**prepare(plan_path))
    else:
        report(**one_round(plan_path, Path(sys.argv[3]), int(sys.argv[4])))
