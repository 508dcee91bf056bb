"""One timed phasing of every initiative of a plan, written, and its undo.

    python tests/benchmarks/phasing_run.py PLAN SCRATCH.smplan

Copies PLAN to SCRATCH (the plan itself is not changed), opens the copy, and times
``plan.phasing.phase()`` of the whole plan (revenue, funnel and spend, front-loaded, one
month between stages), written as one change set, then the undo (``put`` of what it
replaced). The large plan has actuals in every month, so months with actuals are overwritten:
without that every initiative would be skipped, and this is the most a phasing writes.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from child import report


def run(plan_path: Path, scratch: Path) -> dict[str, object]:
    from planner import Plan

    shutil.copyfile(plan_path, scratch)
    plan = Plan.open(scratch)
    Plan.prepare_for_edits()
    started = time.perf_counter()
    phased = plan.phasing.phase(shape="front", lags=1, overwrite_actuals=True)
    took = time.perf_counter() - started
    started = time.perf_counter()
    plan.phasing.put(phased.before)
    undo = time.perf_counter() - started
    plan.close()
    return {
        "seconds": took,
        "undo": undo,
        "initiatives": len(phased.initiatives),
        "skipped": len(phased.skipped),
        "rows": len(phased.after.rows),
    }


if __name__ == "__main__":
    report(**run(Path(sys.argv[1]), Path(sys.argv[2])))
