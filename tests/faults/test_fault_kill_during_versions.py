"""``kill -9`` while a version of the large plan is saved, and while a scenario is promoted: the
plan opens (taking over the dead editor's lock), SQLite finds it sound, and each step is in it
whole or not at all.

An editor process opens the plan and repeats the step until it is killed, so a kill lands in a
step whatever the machine's speed: saving a version (and deleting the one before, so the file
stays the size of two), or promoting the plan's one scenario back and forth. A rollback journal
left beside the plan shows a kill landed inside a transaction; enough rounds must do so for the
test to prove anything.

- A saved version holds exactly the working plan's planned side (the working plan is not
  edited), row for row in every table a version copies.
- Promoting toggles between two contents: the working plan holds one and the plan's one
  version, named for its content, the other. After any kill the working plan is entirely the
  one and the version entirely the other; the actuals every version shares are untouched.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import textwrap
from pathlib import Path

import pytest
from fault_support import files_in, integrity, kill_9_after, start_python

from planner import Metric, Plan
from planner.demo import build_demo
from planner.storage.header import journal_of
from planner.versions import copying
from planner.versions.opened import open_version
from planner.versions.service import Kind

ROUNDS = 8
MID_TRANSACTION = 3  # rounds whose kill must land inside a transaction
PLANNED = f"coalesce({', '.join(copying.PLANNED_COLUMNS)}) IS NOT NULL"

SAVER = textwrap.dedent(
    """
    import sys
    from planner import Plan

    plan = Plan.open(sys.argv[1])
    Plan.prepare_for_edits()
    number = int(sys.argv[2])
    print("open", flush=True)
    while True:
        number += 1
        plan.versions.save(f"Saved {number}")
        print(number, flush=True)
        for version in plan.versions.list():
            if version.name != f"Saved {number}":
                plan.versions.delete(version.id)
    """
)

PROMOTER = textwrap.dedent(
    """
    import sys
    from planner import Plan

    plan = Plan.open(sys.argv[1])
    Plan.prepare_for_edits()
    print("open", flush=True)
    while True:
        (other,) = plan.versions.list()
        kept = "A" if other.name == "B" else "B"
        plan.versions.promote(other.id, keep_working_as=kept)
        print(kept, flush=True)
    """
)


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "original.smplan"
    build_demo(path, size="large")
    return path


def working_rows(part: copying.Part) -> str:
    where = f" WHERE {PLANNED}" if part.working_table == "monthly_values" else ""
    return f"SELECT {part.listed} FROM {part.working_table}{where}"


def version_rows(part: copying.Part) -> str:
    return f"SELECT {part.listed} FROM {part.version_table} WHERE version_id = :version"


def assert_whole(plan: Plan, version_id: int) -> None:
    """The version holds the working plan's planned side, row for row."""
    for part in copying.PARTS:
        params = {"version": version_id}
        working, version = working_rows(part), version_rows(part)
        counts = [
            plan.read(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
            for sql in (working, version)
        ]
        assert counts[0] == counts[1], f"a torn version: {part.version_table} holds {counts}"
        for one, other in ((working, version), (version, working)):
            missing = plan.read(f"SELECT count(*) FROM ({one} EXCEPT {other})", params)
            assert missing.fetchone()[0] == 0, f"{part.version_table} differs from the plan"


def killed_editor(script: str, path: Path, seconds: float, *args: str) -> tuple[str, bool]:
    """Run ``script`` on ``path``, ``kill -9`` it ``seconds`` after it opened the plan; what
    it printed, and whether it left a journal (killed inside a transaction)."""
    editor = start_python("-c", script, str(path), *args)
    assert editor.stdout is not None
    assert editor.stdout.readline().strip() == "open", editor.stderr
    output = kill_9_after(editor, seconds)
    assert editor.returncode < 0, f"the editor ended by itself: {editor.stderr}"
    return output, journal_of(path).exists()


@pytest.mark.slow
def test_kill_9_while_saving_a_version_leaves_it_whole_or_absent(large_plan, tmp_path):
    path = tmp_path / "plan.smplan"
    shutil.copyfile(large_plan, path)
    chance = random.Random(11)
    number, mid_transaction, before = 0, 0, set()
    for round_number in range(ROUNDS):
        output, journal = killed_editor(SAVER, path, chance.uniform(0.0, 1.0), str(number))
        mid_transaction += journal
        printed = [int(line) for line in output.split() if line.isdigit()]

        with Plan.open(path) as plan:  # the dead editor's lock taken over, its journal undone
            versions = plan.versions.list()
            for version in versions:
                assert_whole(plan, version.id)
        assert integrity(path) == ["ok"]
        saved = {int(version.name.split()[1]) for version in versions}
        # Besides versions of earlier rounds not deleted yet: what it saved, and perhaps the
        # save after its last printed one, committed unprinted (which may have deleted it).
        last = max(printed, default=number)
        assert saved - before <= set(range(number + 1, last + 2)), (round_number, printed, saved)
        assert printed == [] or {last, last + 1} & saved, (round_number, printed, saved)
        number, before = max([number, *saved]), saved
    assert mid_transaction >= MID_TRANSACTION, f"{mid_transaction} kills inside a transaction"
    assert number >= 3, "the kills landed before the saves; the test proved little"
    assert files_in(tmp_path) == {path.name}


def planned_side(plan: Plan, version_id: int | None = None) -> str:
    """A digest of the working plan's planned side, or of version ``version_id``'s."""
    digest = hashlib.sha256()
    for part in copying.PARTS:
        sql = working_rows(part) if version_id is None else version_rows(part)
        for row in plan.read(f"{sql} ORDER BY {part.listed}", {"version": version_id}):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def actuals(plan: Plan) -> str:
    columns = ", ".join(copying.ACTUAL_COLUMNS)
    rows = plan.read(
        f"SELECT initiative_id, month, {columns} FROM monthly_values "
        f"WHERE coalesce({columns}) IS NOT NULL ORDER BY initiative_id, month"
    )
    return hashlib.sha256(repr(rows.fetchall()).encode()).hexdigest()


@pytest.fixture
def two_contents(large_plan: Path, tmp_path: Path) -> tuple[Path, dict[str, str], str]:
    """A copy of the large plan whose working plan is content "A", with a scenario "B" of
    other budgets, planned values and one new initiative; each content's digest, and the
    actuals'."""
    path = tmp_path / "plan.smplan"
    shutil.copyfile(large_plan, path)
    with Plan.open(path) as plan:
        scenario = plan.versions.save("B", kind=Kind.SCENARIO).id
        with open_version(plan, scenario) as opened, opened.batch():
            for initiative in opened.initiatives.list()[:100]:
                opened.initiatives.update(initiative.id, budget=initiative.budget + 1_000_00)
                opened.values.set(initiative.id, 202601, Metric.LEADS, planned=4321)
            added = opened.initiatives.add(name="Only in B", budget=5_000_00).id
            opened.values.set(added, 202606, Metric.MQL, planned=12)
        digests = {"A": planned_side(plan), "B": planned_side(plan, scenario)}
        facts = actuals(plan)
    assert digests["A"] != digests["B"]
    return path, digests, facts


@pytest.mark.slow
def test_kill_9_while_promoting_a_scenario_leaves_the_plan_before_or_after(two_contents):
    path, digests, facts = two_contents
    chance = random.Random(5)
    mid_transaction, promoted = 0, 0
    for round_number in range(ROUNDS):
        output, journal = killed_editor(PROMOTER, path, chance.uniform(0.0, 2.0))
        mid_transaction += journal
        promoted += len(output.split())

        with Plan.open(path) as plan:
            (version,) = plan.versions.list()
            working = "A" if version.name == "B" else "B"
            assert planned_side(plan) == digests[working], (round_number, "a torn working plan")
            assert planned_side(plan, version.id) == digests[version.name], (round_number,)
            assert actuals(plan) == facts
        assert integrity(path) == ["ok"]
    assert mid_transaction >= MID_TRANSACTION, f"{mid_transaction} kills inside a transaction"
    assert promoted >= 2, "the kills landed before any promotion; the test proved little"
    assert files_in(path.parent) == {path.name}
