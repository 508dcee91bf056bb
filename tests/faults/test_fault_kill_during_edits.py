"""``kill -9`` in the middle of a burst of edits: every transaction is in the plan whole or not
at all, the plan opens (taking over the dead editor's lock) and SQLite finds it sound.

Each transaction writes one marker number into every cell of a fixed block of values and the
budget of one initiative, so after the kill the block must hold one marker throughout, and
the budget must agree with it.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest
from fault_support import files_in, integrity, kill_9_after, start_python

from planner import Plan
from planner.services.values import Kind, ValueEntry
from planner.storage.lock import lock_path_for

INITIATIVES = 12
MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")
CELLS = INITIATIVES * len(MONTHS)  # values each transaction writes

EDITOR = textwrap.dedent(
    """
    import sys
    from planner import Plan
    from planner.services.values import ValueEntry

    months = ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06")
    plan = Plan.open(sys.argv[1])
    ids = [initiative.id for initiative in plan.initiatives.list()]
    keeper = ids[0]
    marker = int(sys.argv[2])
    print("open", flush=True)
    while True:
        marker += 1
        entries = [ValueEntry(i, m, "mql", "actual", marker) for i in ids for m in months]
        if marker % 2:
            with plan.batch():  # one transaction: the block, then the budget
                plan.values.set_many(entries)
                plan.initiatives.update(keeper, budget=marker, notes="n" * (marker % 50) * 80)
        else:
            with plan.batch():  # one transaction: the budget, then the block
                plan.initiatives.update(keeper, budget=marker)
                plan.values.set_many(entries)
        print(marker, flush=True)
    """
)


def make_plan(path: Path) -> Path:
    with Plan.create(path, name="Burst", first_month="2026-01") as plan:
        ids = [
            plan.initiatives.add(
                name=f"Initiative {n}", channel_id=plan.channels.named("Paid").id
            ).id
            for n in range(INITIATIVES)
        ]
        plan.values.set_many([ValueEntry(i, m, "mql", Kind.ACTUAL, 0) for i in ids for m in MONTHS])
    return path


def marker_in(plan: Plan) -> int:
    """The one marker the block and the budget agree on; fails if a transaction is torn."""
    block = [actual for (_i, _m), (_p, actual) in plan.values.grid("mql").items()]
    assert len(block) == CELLS
    assert len(set(block)) == 1, f"a torn transaction: markers {sorted(set(block))}"
    keeper = plan.initiatives.list()[0]
    assert keeper.budget == block[0], (keeper.budget, block[0])
    return block[0]


def committed(output: str) -> list[int]:
    return [int(line) for line in output.split() if line.isdigit()]


@pytest.mark.slow
def test_kill_9_during_edit_bursts_keeps_each_transaction_whole_or_absent(
    tmp_path: Path,
) -> None:
    path = make_plan(tmp_path / "burst.smplan")
    chance = random.Random(6)
    marker = 0
    for round_number in range(10):
        editor = start_python("-c", EDITOR, str(path), str(marker))
        assert editor.stdout is not None
        assert editor.stdout.readline().strip() == "open", editor.stderr
        output = kill_9_after(editor, chance.uniform(0.0, 0.4))
        assert editor.returncode < 0, f"round {round_number}: the editor ended by itself"
        reported = committed(output)
        last_reported = max(reported, default=marker)

        with Plan.open(path) as plan:  # the dead editor's lock is taken over
            found = marker_in(plan)
        # a marker it printed is committed; the one after it may have committed unprinted
        assert last_reported <= found <= last_reported + 1, (round_number, reported, found)
        assert integrity(path) == ["ok"]
        marker = found
    assert marker > 10, "the kills all landed before any edit; the test proved little"
    assert files_in(tmp_path) == {path.name}


def test_the_lock_of_an_editor_killed_mid_burst_is_taken_over(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "locked.smplan")
    editor = start_python("-c", EDITOR, str(path), "0")
    assert editor.stdout is not None
    assert editor.stdout.readline().strip() == "open"
    kill_9_after(editor, 0.1)
    assert lock_path_for(path).exists(), "the killed editor should leave its lock file"

    with Plan.open(path) as plan:
        assert not plan.read_only
        plan.initiatives.update(plan.initiatives.list()[0].id, name="After the crash")
    assert not lock_path_for(path).exists()
    assert integrity(path) == ["ok"]


def test_a_journal_left_before_the_commit_touched_the_plan_is_removed_on_opening(
    tmp_path: Path,
) -> None:
    # Killed while writing its journal, an editor leaves one whose header is still blank
    # (synchronous=FULL writes it last): nothing to roll back, and SQLite would keep it.
    path = make_plan(tmp_path / "cold.smplan")
    before = path.read_bytes()
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(bytes(512) + b"\x01" * 4096)

    with Plan.open(path) as plan:
        assert marker_in(plan) == 0
    assert path.read_bytes() == before
    assert files_in(tmp_path) == {path.name}
