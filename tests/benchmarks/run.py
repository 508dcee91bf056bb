"""The performance budgets of ARCHITECTURE.md, measured side by side in one run.

    python tests/benchmarks/run.py [--quick] [--json FILE]

Builds the demo plans in a temporary folder and runs every measured thing in a fresh
``python`` process of its own (offscreen Qt), in interleaved rounds, so that each ratio
compares runs made under the same load and each peak memory is that process's own. Prints a
table of figure, budget, measured and whether it holds. ``--quick`` runs fewer rounds (for
CI, a report in a few minutes); the workloads are the same.

The large plan holds three versions (a locked baseline and two edited scenarios, see
``plan_versions.py``) for every figure measured on it, the harder case: its file is nearly
three times as large, and a version is opened and compared beside the working plan.

The processes may write bytecode caches (whatever ``PYTHONDONTWRITEBYTECODE`` says), and one
unmeasured start of each kind comes first: an installed app, like the bundle, starts from
compiled modules, so compiling the sources is no part of its start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from child import parse
from figures import Figure, at_most, table, write_json

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
IMPORT_ROWS = 50_000
SCENARIO_EDITS = 5  # edits of an opened scenario in each versions round
# Rounds of: cold starts (each app and bare), large-plan opens, edits, exports, imports,
# versions (save, open a scenario and edit it, compare), Timeline pages (first shown, scrolled,
# a bar dragged and dropped; each a process of its own), Waterfall pages (first shown, what-ifs
# of a rate, grouped by initiative; each a process of its own), phasings of every target.
FULL = {
    "start": 7,
    "open": 5,
    "edit": 20,
    "export": 3,
    "import": 5,
    "versions": 5,
    "timeline": 5,
    "waterfall": 5,
    "phasing": 3,
}
QUICK = {
    "start": 3,
    "open": 2,
    "edit": 5,
    "export": 1,
    "import": 2,
    "versions": 2,
    "timeline": 2,
    "waterfall": 2,
    "phasing": 1,
}
TIMELINE_DROPS = 6  # moves dropped in each Timeline round
WATERFALL_WHAT_IFS = 10  # what-if rates tried in each Waterfall round
TIMEOUT = 900  # seconds for any one step: a hang fails the run instead of blocking CI


def step(script: str, *arguments: object) -> dict:
    """Run ``script`` in a fresh process and return what it reported."""
    command = [sys.executable, str(HERE / script), *map(str, arguments)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise SystemExit(f"benchmark step {script} {arguments} failed: {tail[0]}")
    return parse(done.stdout)


def started(script: str, *arguments: object) -> dict:
    """``step``, passing the time just before the process starts as its first argument."""
    return step(script, time.time(), *arguments)


def median(results: list[dict], key: str) -> float:
    return statistics.median(float(r[key]) for r in results)


def peak(results: list[dict]) -> float:
    return max(float(r["peak_rss_mb"]) for r in results)


def cold_start(folder: Path, plan: Path, rounds: int) -> list[Figure]:
    apps, bares = [], []
    started("bare_window.py")  # unmeasured: compiles what each imports, warms the disk cache
    started("app_start.py", plan, folder / "warm-up.ini")
    for n in range(rounds):
        settings = folder / f"start-{n}.ini"  # a first start each time: no saved state
        bares.append(started("bare_window.py"))
        apps.append(started("app_start.py", plan, settings))
    app, bare = median(apps, "first_paint"), median(bares, "first_paint")
    detail = f"app {app:.2f} s / bare window {bare:.2f} s, medians of {rounds}"
    return [
        at_most("Cold start to painted window, demo plan (ratio)", app / bare, 2, "x", detail),
        at_most("Cold start peak memory, demo plan", peak(apps), None, "MB"),
    ]


def large_plan(folder: Path, plan: Path, rounds: dict[str, int]) -> list[Figure]:
    opens = [started("app_start.py", plan, folder / f"open-{n}.ini") for n in range(rounds["open"])]
    edits = step("edit_refresh.py", plan, folder / "edit.ini", rounds["edit"])
    parts = ", ".join(f"{k} {v * 1000:.0f}" for k, v in edits["dashboard_parts"].items())
    returns = step("edit_refresh.py", plan, folder / "returns.ini", rounds["edit"], "returns")
    returns_parts = ", ".join(f"{k} {v * 1000:.0f}" for k, v in returns["dashboard_parts"].items())
    return [
        at_most(
            "Large plan: open and paint",
            median(opens, "open_to_paint"),
            1.5,
            "s",
            f"median of {len(opens)}; from start {median(opens, 'first_paint'):.2f} s",
        ),
        at_most(
            "Large plan: edit -> Dashboard roll-ups and chart",
            edits["dashboard"] * 1000,
            100,
            "ms",
            f"median of {edits['rounds']}, max {edits['dashboard_max'] * 1000:.0f}; ms: {parts}",
        ),
        at_most(
            "Large plan: edit -> Dashboard roll-ups and Returns chart",
            returns["dashboard"] * 1000,
            100,
            "ms",
            f"median of {returns['rounds']}, max {returns['dashboard_max'] * 1000:.0f}; "
            f"ms: {returns_parts}",
        ),
        at_most(
            "Large plan: edit -> Targets grid and totals",
            edits["targets"] * 1000,
            100,
            "ms",
            f"median of {edits['rounds']}, max {edits['targets_max'] * 1000:.0f}",
        ),
        at_most(
            "Large plan: edit -> findings checked again (UI thread, once edits pause)",
            edits["findings"] * 1000,
            50,
            "ms",
            f"median of {2 * edits['rounds']}, max {edits['findings_max'] * 1000:.0f}; "
            f"findings in after {edits['findings_worker'] * 1000:.0f} (worker)",
        ),
        at_most(
            "Large plan: longest UI-thread block once an edit is answered",
            edits["block_max"] * 1000,
            50,
            "ms",
            f"max of {2 * edits['rounds']} edits, each until its findings are checked again; "
            f"median {edits['block'] * 1000:.0f}",
        ),
        at_most(
            "Large plan: peak memory (app, charts drawn, edited)",
            max(peak(opens), edits["peak_rss_mb"]),
            400,
            "MB",
        ),
    ]


def timeline(folder: Path, plan: Path, rounds: int) -> list[Figure]:
    """The Timeline page's figures: each round a process that shows the page for the first
    time, scrolls it, drags a bar and drops moves (``timeline_run.py``)."""
    runs = [
        step("timeline_run.py", plan, folder / f"timeline-{n}.ini", TIMELINE_DROPS)
        for n in range(rounds)
    ]
    frames = sum(int(r["frames"]) for r in runs)
    steps = sum(int(r["steps"]) for r in runs)
    drops = sum(int(r["drops"]) for r in runs)
    return [
        at_most(
            "Large plan: Timeline page painted when first shown",
            median(runs, "first_show") * 1000,
            150,
            "ms",
            f"median of {rounds}, max {max(float(r['first_show']) for r in runs) * 1000:.0f}; "
            f"{runs[0]['bars']} bars",
        ),
        at_most(
            "Large plan: Timeline scroll frame (95th percentile)",
            median(runs, "scroll_p95") * 1000,
            16,
            "ms",
            f"median of {rounds} rounds' 95th percentiles of {frames // rounds} frames; median "
            f"{median(runs, 'scroll') * 1000:.1f}, max "
            f"{max(float(r['scroll_max']) for r in runs) * 1000:.1f}",
        ),
        at_most(
            "Large plan: Timeline drag preview frame (95th percentile)",
            median(runs, "preview_p95") * 1000,
            16.7,
            "ms",
            f"60 fps; median of {rounds} rounds' 95th percentiles of {steps // rounds} mouse "
            f"moves; median {median(runs, 'preview') * 1000:.1f}, max "
            f"{max(float(r['preview_max']) for r in runs) * 1000:.1f}",
        ),
        at_most(
            "Large plan: Timeline dropped move on screen",
            median(runs, "drop") * 1000,
            100,
            "ms",
            f"median of {rounds} rounds' medians of {drops // rounds}; max "
            f"{max(float(r['drop_max']) for r in runs) * 1000:.0f}",
        ),
        at_most("Timeline peak memory (large plan)", peak(runs), None, "MB"),
    ]


def waterfall(folder: Path, plan: Path, rounds: int) -> list[Figure]:
    """The Waterfall page's figures: each round a process that shows the page for the first
    time, tries what-if rates and groups it by initiative (``waterfall_run.py``)."""
    runs = [
        step("waterfall_run.py", plan, folder / f"waterfall-{n}.ini", WATERFALL_WHAT_IFS)
        for n in range(rounds)
    ]
    steps = sum(int(r["steps"]) for r in runs)
    return [
        at_most(
            "Large plan: Waterfall page painted when first shown",
            median(runs, "first_show") * 1000,
            200,
            "ms",
            f"median of {rounds}, max {max(float(r['first_show']) for r in runs) * 1000:.0f}",
        ),
        at_most(
            "Large plan: Waterfall what-if rate worked out and painted (UI thread)",
            median(runs, "what_if") * 1000,
            100,
            "ms",
            f"median of {rounds} rounds' medians of {steps // rounds}; max "
            f"{max(float(r['what_if_max']) for r in runs) * 1000:.0f}",
        ),
        at_most(
            "Large plan: Waterfall grouped by initiative and painted",
            median(runs, "by_initiative") * 1000,
            200,
            "ms",
            f"median of {rounds}; {runs[0]['rows']} rows",
        ),
        at_most("Waterfall peak memory (large plan)", peak(runs), None, "MB"),
    ]


def export(folder: Path, plan: Path, rounds: int) -> tuple[list[Figure], Path]:
    """The export figures, and the Actuals workbook to import (made from the first export)."""
    out, values, to_import = folder / "export.xlsx", folder / "values.pickle", folder / "in.xlsx"
    exports, floors = [step("export_run.py", "export", plan, out)], []
    made = step("prepare_files.py", out, values, to_import, IMPORT_ROWS)
    floors.append(step("export_run.py", "floor", values, folder / "floor.xlsx"))
    for _ in range(rounds - 1):
        exports.append(step("export_run.py", "export", plan, out))
        floors.append(step("export_run.py", "floor", values, folder / "floor.xlsx"))
    ours, floor = median(exports, "seconds"), median(floors, "seconds")
    detail = (
        f"export {ours:.1f} s / write-only floor {floor:.1f} s, medians of {rounds}; "
        f"{made['cells']:,} cells"
    )
    return [
        at_most("Export of the large plan vs openpyxl floor", ours / floor, 1.5, "x", detail),
        at_most("Export peak memory", peak(exports), None, "MB", f"floor {peak(floors):.0f} MB"),
    ], to_import


def importing(plan: Path, source: Path, rounds: int) -> list[Figure]:
    previews, reads = [], []
    for _ in range(rounds):
        previews.append(step("import_run.py", "preview", plan, source))
        reads.append(step("import_run.py", "iterate", plan, source))
    ours, floor = median(previews, "seconds"), median(reads, "seconds")
    changes = previews[0]["changes"]
    detail = (
        f"preview {ours:.1f} s / read-only iteration {floor:.1f} s, medians of {rounds}; "
        f"{IMPORT_ROWS:,} rows, {changes:,} changes"
    )
    return [
        at_most(
            f"Import of {IMPORT_ROWS:,} actual rows vs openpyxl floor",
            ours / floor,
            None,
            "x",
            detail,
        ),
        at_most("Import peak memory", peak(previews), None, "MB", f"floor {peak(reads):.0f} MB"),
    ]


def versions(folder: Path, plan: Path, made: dict, rounds: int) -> list[Figure]:
    """The figures of plan versions; ``made`` is what giving the large plan its three
    versions reported (``versions_run.py prepare``)."""
    grown = made["versions"]
    worst = max(grown, key=lambda g: g["file_bytes"] / g["planned_side_bytes"])
    each = ", ".join(f"+{g['file_bytes'] / 1e6:.1f}" for g in grown)
    runs = [
        step("versions_run.py", "round", plan, folder / "versions.smplan", SCENARIO_EDITS)
        for _ in range(rounds)
    ]
    edits = SCENARIO_EDITS * rounds
    compared_by = runs[0]["compared_by"]
    return [
        at_most(
            "Large plan: save a baseline (a fourth version)",
            median(runs, "save"),
            2,
            "s",
            f"median of {rounds}",
        ),
        at_most(
            "Large plan: compare two versions (baseline and scenario, both opened)",
            median(runs, "compare_versions"),
            1,
            "s",
            f"median of {rounds}; {compared_by}",
        ),
        at_most(
            "Large plan: compare the working plan with the baseline (one opened)",
            median(runs, "compare_working"),
            None,
            "s",
            f"median of {rounds}",
        ),
        at_most(
            "Large plan: file growth per version vs the planned side it copies",
            worst["file_bytes"] / worst["planned_side_bytes"],
            1,
            "x",
            f"{each} MB for the 3 versions, vacuumed / planned side "
            f"{worst['planned_side_bytes'] / 1e6:.1f} MB; the file {made['file_before'] / 1e6:.1f}"
            f" -> {made['file_after'] / 1e6:.1f} MB as saved and edited",
        ),
        at_most(
            "Large plan: open a scenario (open_version)",
            median(runs, "open_scenario"),
            None,
            "s",
            f"median of {rounds}",
        ),
        at_most(
            "Large plan: one scenario edit, saved into the file",
            median(runs, "edit") * 1000,
            None,
            "ms",
            f"median of {rounds} rounds' medians of {SCENARIO_EDITS}; max "
            f"{max(float(r['edit_max']) for r in runs) * 1000:.0f} of {edits}",
        ),
        at_most("Versions peak memory (two versions open)", peak(runs), None, "MB"),
    ]


def phasing(folder: Path, plan: Path, rounds: int) -> list[Figure]:
    """Phasing every initiative's target, funnel and budget into months, and its undo."""
    runs = [step("phasing_run.py", plan, folder / "phasing.smplan") for _ in range(rounds)]
    detail = (
        f"median of {rounds}; {runs[0]['initiatives']} initiatives, {runs[0]['rows']} months "
        "written"
    )
    return [
        at_most(
            "Large plan: phase every target into months", median(runs, "seconds"), 2, "s", detail
        ),
        at_most(
            "Large plan: undo that phasing",
            median(runs, "undo"),
            None,
            "s",
            f"median of {rounds}",
        ),
    ]


def demo(path: Path, size: str) -> Path:
    command = [sys.executable, "-m", "planner", "demo", str(path), "--size", size]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=TIMEOUT)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for CI")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    options = parser.parse_args(argv)
    rounds = QUICK if options.quick else FULL
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="smarketing-bench-") as name:
        folder = Path(name)
        small, large = demo(folder / "demo.smplan", "small"), demo(folder / "large.smplan", "large")
        # The harder case for every large-plan figure: a plan holding versions.
        made = step("versions_run.py", "prepare", large)
        figures = cold_start(folder, small, rounds["start"])
        figures += large_plan(folder, large, rounds)
        figures += timeline(folder, large, rounds["timeline"])
        figures += waterfall(folder, large, rounds["waterfall"])
        figures += versions(folder, large, made, rounds["versions"])
        figures += phasing(folder, large, rounds["phasing"])
        exported, to_import = export(folder, large, rounds["export"])
        figures += exported + importing(large, to_import, rounds["import"])
    took = time.perf_counter() - began
    print(table(figures))
    mode = "--quick" if options.quick else "full"
    print(f"\n{mode} run, rounds {rounds}, took {took:.0f} s")
    if options.json is not None:
        write_json(options.json, figures, quick=options.quick, rounds=rounds, seconds=round(took))
    return 0


if __name__ == "__main__":
    sys.exit(main())
