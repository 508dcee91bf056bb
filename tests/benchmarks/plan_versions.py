"""The benchmark's large plan with versions in it, and what each version adds to the file.

    growth = add_versions(path)   # a locked baseline and two edited scenarios, each measured

Every large-plan figure of the benchmark is measured on a plan holding three versions, as a
team's plan would after a planning round: the board's locked baseline, a scenario cutting
the Event budgets by 30%, and a scenario saved from the baseline with initiatives dropped,
added and moved a quarter later. Each scenario is edited the way the app edits one: opened
as a plan of its own (``open_version``), every edit saved into the file as it is made.

What a version adds to the file is measured as it is saved, before its edits, both sides
vacuumed (free pages and half-empty pages left by earlier writes are no part of its cost):
the file's growth, against the size of the planned side it copies, measured the same way in
the same file (:func:`planned_side_bytes`). That is the pages a copy of the plan keeps for
the planned side's tables and their indexes (``dbstat``), once its actuals are removed (a
version has no actual column and no month holding only actuals) and its versions deleted:
the planned side as the working plan stores it, and what a user would call its size.

No plan is open while it is measured; the measuring connections only read it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner import Plan
from planner.domain import Metric, Status
from planner.versions import copying
from planner.versions.opened import open_version
from planner.versions.service import Kind

BASELINE = "Board-approved"
CUT = "Cut events 30%"
PUSHED = "Second half pushed back"
EVENT_CHANNEL = "Event"
DROPPED, ADDED, MOVED = 40, 25, 60  # initiatives each of these in the second scenario


@dataclass(frozen=True)
class Growth:
    """What one version added to the file, beside the planned side it copied (bytes)."""

    version: str
    file_bytes: int
    planned_side_bytes: int

    @property
    def ratio(self) -> float:
        return self.file_bytes / self.planned_side_bytes


def _reading(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _vacuumed_copy(path: Path, folder: str) -> Path:
    copy = Path(folder) / "vacuumed.smplan"
    copy.unlink(missing_ok=True)
    conn = _reading(path)
    try:
        conn.execute("VACUUM INTO ?", [str(copy)])
    finally:
        conn.close()
    return copy


def vacuumed_bytes(path: Path) -> int:
    """The size the plan would have vacuumed (its pages in use), read without writing it."""
    with tempfile.TemporaryDirectory(prefix="smarketing-size-") as folder:
        return os.path.getsize(_vacuumed_copy(path, folder))


def planned_side_bytes(path: Path) -> int:
    """The bytes of the working plan's planned side: the pages of its tables (initiatives,
    their segments and roles, the planned monthly values, the funnel assumptions and the
    hand-off agreement) and of their indexes, in a vacuumed copy holding neither actuals nor
    versions."""
    working_tables = [part.working_table for part in copying.PARTS]
    planned = f"coalesce({', '.join(copying.PLANNED_COLUMNS)}) IS NOT NULL"
    cleared = ", ".join(f"{column} = NULL" for column in copying.ACTUAL_COLUMNS)
    with tempfile.TemporaryDirectory(prefix="smarketing-size-") as folder:
        conn = sqlite3.connect(_vacuumed_copy(path, folder), isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("DELETE FROM plan_versions")  # with every version row
            conn.execute(f"UPDATE monthly_values SET {cleared}")
            conn.execute(f"DELETE FROM monthly_values WHERE NOT ({planned})")
            conn.execute("VACUUM")
            marks = ", ".join("?" * len(working_tables))
            (size,) = conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master "
                f"WHERE tbl_name IN ({marks}))",
                working_tables,
            ).fetchone()
        finally:
            conn.close()
    return int(size)


def add_versions(path: Path) -> list[Growth]:
    """Give the plan its three versions (see the module's docstring); what each added. The
    working plan is not edited meanwhile, so each version copies the same planned side."""
    planned = planned_side_bytes(path)

    def measured(version: str, save: Callable[[Plan], object]) -> Growth:
        before = vacuumed_bytes(path)
        with Plan.open(path) as plan:
            save(plan)
        return Growth(version, vacuumed_bytes(path) - before, planned)

    growth = [
        measured(BASELINE, lambda plan: plan.versions.save(BASELINE)),
        measured(CUT, lambda plan: plan.versions.save(CUT, kind=Kind.SCENARIO)),
    ]
    with Plan.open(path) as plan:
        _cut_events(plan, plan.versions.find(CUT).id)
        baseline = plan.versions.find(BASELINE).id
    growth.append(
        measured(
            PUSHED,
            lambda plan: plan.versions.save(PUSHED, kind=Kind.SCENARIO, source=baseline),
        )
    )
    with Plan.open(path) as plan:
        _push_back(plan, plan.versions.find(PUSHED).id)
    return growth


def _cut_events(plan: Plan, version_id: int) -> None:
    with open_version(plan, version_id) as scenario:
        events = scenario.channels.named(EVENT_CHANNEL).id
        with scenario.batch():
            for initiative in scenario.initiatives.list():
                if initiative.channel_id == events:
                    scenario.initiatives.update(initiative.id, budget=initiative.budget * 7 // 10)


def _push_back(plan: Plan, version_id: int) -> None:
    """Drop some initiatives, add new ones with a planned funnel, and move others a quarter
    later (keeping them inside the horizon)."""
    with open_version(plan, version_id) as scenario:
        months = scenario.horizon.months()
        initiatives = scenario.initiatives.list()
        with scenario.batch():
            for initiative in initiatives[:DROPPED]:
                scenario.initiatives.update(initiative.id, status=Status.DROPPED)
            later = [
                i
                for i in initiatives[DROPPED:]
                if i.start_month in months and i.end_month in months[:-3]
            ]
            for initiative in later[:MOVED]:
                scenario.initiatives.update(
                    initiative.id,
                    start_month=months[months.index(initiative.start_month) + 3],
                    end_month=months[months.index(initiative.end_month) + 3],
                )
            channel = scenario.channels.named(EVENT_CHANNEL).id
            for n in range(ADDED):
                added = scenario.initiatives.add(
                    name=f"Second-half push {n + 1}",
                    channel_id=channel,
                    budget=25_000_00,
                    revenue_target=100_000_00,
                )
                for month in months[-12:]:
                    scenario.values.set(added.id, month, Metric.LEADS, planned=40 + n)
                    scenario.values.set(added.id, month, Metric.REVENUE_WON, planned=8_000_00)
