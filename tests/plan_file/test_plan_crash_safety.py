"""A crash, a full disk or a failed copy never costs a plan: proved by doing each of them.

``kill -9`` lands in the middle of a burst of real edits in another process; a full disk is
SQLite's page limit, or the operating system's file size limit in a helper process.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import textwrap
import time
from pathlib import Path

import pytest
from plan_file_support import folder_state, python

from planner import Plan, PlanFileError
from planner.storage.lock import lock_path_for

BATCH_MONTHS = ("2026-01", "2026-02", "2026-03")


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def make_plan(path: Path) -> Path:
    with Plan.create(path, name="Crash test", first_month="2026-01") as plan:
        plan.people.add(name="Ann", team="Marketing")
    return path


# -- kill -9 in the middle of a burst of edits ---------------------------------------------

EDITOR = textwrap.dedent(
    """
    import sys
    from planner import Plan

    path, prefix = sys.argv[1], sys.argv[2]
    months = ("2026-01", "2026-02", "2026-03")
    plan = Plan.open(path)
    print("open", flush=True)
    number = 0
    while True:
        number += 1
        if number % 3 == 0:
            # One transaction: an initiative and its three monthly values, or nothing.
            with plan.batch():
                change = plan.initiatives.add(
                    name=f"{prefix} batch {number}", channel_id=plan.channels.named("Event").id, budget=number
                )
                (initiative_id,) = change.ids
                for month in months:
                    plan.values.set(initiative_id, month, "leads", planned=number, actual=1)
        else:
            # Two transactions: the initiative, then one value.
            change = plan.initiatives.add(
                name=f"{prefix} single {number}", channel_id=plan.channels.named("Paid").id, budget=number,
                notes="x" * (number % 7) * 300,
            )
            (initiative_id,) = change.ids
            plan.values.set(initiative_id, "2026-06", "mql", planned=number)
        print(number, flush=True)
    """
)


def committed_numbers(output: str) -> list[int]:
    return [int(line) for line in output.split() if line.isdigit()]


def assert_consistent(plan: Plan, prefix: str, last_committed: int) -> None:
    """Every batch whole or absent, every reported commit present, nothing beyond."""
    rows = plan.query(
        "SELECT i.name, count(v.month), coalesce(sum(v.leads_plan), 0), "
        "coalesce(sum(v.mql_plan), 0) "
        "FROM initiatives i LEFT JOIN monthly_values v ON v.initiative_id = i.id "
        "WHERE i.name LIKE ? GROUP BY i.id",
        [f"{prefix} %"],
    )
    found = {}
    for name, months, leads, mqls in rows:
        _prefix, kind, number = name.split()
        found[int(number)] = (kind, months, leads, mqls)
    for number, (kind, months, leads, mqls) in found.items():
        if kind == "batch":
            # all of the batch or none of it: the initiative never lands without its values
            assert (months, leads) == (3, 3 * number), (number, months, leads)
        else:
            assert (months, mqls) in ((0, 0), (1, number)), (number, months, mqls)
    for number in range(1, last_committed + 1):
        assert number in found, f"edit {number} was reported committed but is lost"
        if number % 3 != 0:
            assert found[number][1] == 1, f"the value of edit {number} is lost"
    assert all(number <= last_committed + 1 for number in found), sorted(found)


@pytest.mark.slow
def test_kill_9_during_a_burst_of_edits_leaves_a_sound_plan(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "burst.smplan")
    delays = random.Random(12).sample([0.05, 0.12, 0.2, 0.3, 0.45, 0.6, 0.8], 5)
    for round_number, delay in enumerate(delays):
        prefix = f"r{round_number}"
        editor = python(EDITOR, str(path), prefix)
        assert editor.stdout is not None
        ready = editor.stdout.readline().strip()
        if ready != "open":
            editor.kill()
            pytest.fail(f"the editor did not start: {ready!r} {editor.communicate()[1]}")
        time.sleep(delay)
        os.kill(editor.pid, signal.SIGKILL)
        output, _errors = editor.communicate(timeout=10)
        assert editor.returncode == -signal.SIGKILL
        numbers = committed_numbers(output)
        last = max(numbers, default=0)
        assert lock_path_for(path).exists()

        # a reader right after the crash already sees the plan as it was at the last commit
        with Plan.open(path, read_only=True) as reader:
            assert_consistent(reader, prefix, last)
        with Plan.open(path) as plan:  # takes over the dead process's lock
            assert_consistent(plan, prefix, last)
            plan.people.add(name=f"Editor after {prefix}", team="Sales")
        assert integrity(path) == ["ok"]
        leftovers = set(folder_state(tmp_path)) - {path.name}
        assert leftovers == set(), leftovers
    assert integrity(path) == ["ok"]


GROWER = textwrap.dedent(
    """
    import sys
    from planner import Plan

    plan = Plan.open(sys.argv[1])
    plan.db.conn.execute("PRAGMA cache_size = -400000")  # the whole batch is written at commit
    print("open", flush=True)
    with plan.batch():
        for number in range(1500):
            plan.initiatives.add(name=f"Big {number}", channel_id=plan.channels.named("Paid").id, notes="n" * 20000)
    print("committed", flush=True)
    """
)


def header_pages(descriptor: int) -> tuple[int, int]:
    header = os.pread(descriptor, 100, 0)
    page_size = int.from_bytes(header[16:18], "big")
    return int.from_bytes(header[28:32], "big"), page_size


@pytest.mark.slow
def test_kill_9_while_a_commit_grows_the_file_leaves_a_plan_that_opens(tmp_path: Path) -> None:
    # SQLite writes page 1 (whose header counts the new pages) first, then the pages that
    # grow the file: killed in between, the file is shorter than its header says, and only
    # the journal beside it knows the way back. That is a crash to recover, not damage.
    path = make_plan(tmp_path / "grow.smplan")
    journal = Path(f"{path}-journal")
    caught = False
    for _attempt in range(3):
        grower = python(GROWER, str(path))
        assert grower.stdout is not None
        assert grower.stdout.readline().strip() == "open"
        descriptor = os.open(path, os.O_RDONLY)
        try:
            deadline = time.monotonic() + 20
            while grower.poll() is None and time.monotonic() < deadline:
                pages, page_size = header_pages(descriptor)
                if pages * page_size > os.fstat(descriptor).st_size and journal.exists():
                    os.kill(grower.pid, signal.SIGSTOP)  # freeze it right here, then kill
                    os.kill(grower.pid, signal.SIGKILL)
                    caught = True
                    break
        finally:
            os.close(descriptor)
            if grower.poll() is None and not caught:
                grower.kill()
            grower.communicate(timeout=20)
        if caught:
            break
    assert caught, "the commit was never caught between its first and last page"
    assert journal.exists()
    with Plan.open(path, read_only=True) as reader:
        assert [i.name for i in reader.initiatives.list()] == []
        assert reader.settings.get().name == "Crash test"
    with Plan.open(path) as plan:
        assert [i.name for i in plan.initiatives.list()] == []
        plan.initiatives.add(name="After the crash", channel_id=plan.channels.named("Paid").id)
    assert integrity(path) == ["ok"]
    assert sorted(folder_state(tmp_path)) == [path.name]


def test_a_plan_with_a_hot_journal_opens_rolled_back(tmp_path: Path) -> None:
    # A crash inside a commit that grew the file: the header already counts the new pages,
    # the file does not have them yet, and the journal beside it holds the way back.
    path = make_plan(tmp_path / "hot.smplan")
    with Plan.open(path) as plan:
        names_before = sorted(i.name for i in plan.initiatives.list())
        plan.initiatives.add(name="Committed", channel_id=plan.channels.named("Paid").id, budget=1)
    snapshot = path.read_bytes()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")
    conn.execute("BEGIN")
    conn.execute("UPDATE plan_settings SET name = 'half written'")
    for number in range(300):
        conn.execute(
            "INSERT INTO initiatives (name, name_key, channel_id, status, start_month, "
            "end_month, budget, revenue_target, notes) "
            "VALUES (?, lower(?), 1, 'idea', 202601, 202612, 0, 0, ?)",
            [f"Uncommitted {number}", f"Uncommitted {number}", "y" * 2000],
        )
    # what a kill -9 right now would leave: the half-written file and its journal
    (crashed / path.name).write_bytes(path.read_bytes())
    (crashed / f"{path.name}-journal").write_bytes(Path(f"{path}-journal").read_bytes())
    conn.execute("ROLLBACK")
    conn.close()
    assert path.read_bytes() == snapshot
    victim = crashed / path.name
    assert victim.read_bytes() != snapshot

    with Plan.open(victim, read_only=True) as reader:
        assert reader.settings.get().name == "Crash test"
        assert "Committed" in {i.name for i in reader.initiatives.list()}
    with Plan.open(victim) as plan:
        assert plan.settings.get().name == "Crash test"
        assert sorted(i.name for i in plan.initiatives.list()) == sorted(
            [*names_before, "Committed"]
        )
    assert integrity(victim) == ["ok"]
    assert sorted(folder_state(crashed)) == [path.name]


# -- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_during_an_edit_is_a_plan_file_error_and_keeps_what_was_saved(
    tmp_path: Path,
) -> None:
    path = make_plan(tmp_path / "full.smplan")
    saved: list[str] = []
    with Plan.open(path) as plan:
        (pages,) = plan.db.execute("PRAGMA page_count").fetchone()
        plan.db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(PlanFileError) as caught:
            for number in range(1000):
                name = f"Filler {number}"
                plan.initiatives.add(
                    name=name, channel_id=plan.channels.named("Content").id, notes="z" * 3000
                )
                saved.append(name)
        message = str(caught.value)
        assert "\n" not in message
        assert str(path) in message
        assert "full" in message
        assert "the plan is as it was" in message
        assert saved, "the first edits should have fit"
        assert sorted(i.name for i in plan.initiatives.list()) == sorted(saved)
        # an edit that fits still works after the failure
        plan.people.add(name="Bob", team="Sales")

    assert integrity(path) == ["ok"]
    with Plan.open(path) as again:
        assert sorted(i.name for i in again.initiatives.list()) == sorted(saved)
        assert {p.name for p in again.people.list()} == {"Ann", "Bob"}
    assert sorted(folder_state(tmp_path)) == [path.name]


def test_a_full_disk_during_a_batch_keeps_none_of_the_batch(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "full-batch.smplan")
    with Plan.open(path) as plan:
        plan.initiatives.add(name="Before", channel_id=plan.channels.named("Content").id)
        (pages,) = plan.db.execute("PRAGMA page_count").fetchone()
        plan.db.conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        with pytest.raises(PlanFileError), plan.batch():
            for number in range(200):
                plan.initiatives.add(
                    name=f"Batch {number}",
                    channel_id=plan.channels.named("Event").id,
                    notes="q" * 3000,
                )
        assert [i.name for i in plan.initiatives.list()] == ["Before"]
    assert integrity(path) == ["ok"]


FILE_SIZE_LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    from planner import Plan, PlanFileError

    path, action, target = sys.argv[1], sys.argv[2], sys.argv[3]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a dead process
    plan = Plan.open(path)
    (size,) = plan.db.execute("PRAGMA page_count").fetchone()
    limit = int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    done = 0
    try:
        if action == "edit":
            for number in range(2000):
                plan.initiatives.add(name=f"Big {number}", channel_id=plan.channels.named("Paid").id, notes="w" * 4000)
                done += 1
        else:
            plan.save_copy(target)
    except PlanFileError as error:
        print("refused", done, str(error).replace(chr(10), "<newline>"), flush=True)
    else:
        print("no error", done, flush=True)
    plan.close()
    """
)


def run_size_limited(path: Path, action: str, target: Path, limit: int) -> tuple[str, int, str]:
    helper = python(FILE_SIZE_LIMITED, str(path), action, str(target), str(limit))
    output, errors = helper.communicate(timeout=60)
    assert helper.returncode == 0, errors
    found = re.match(r"(refused|no error) (\d+) ?(.*)", output.strip())
    assert found, (output, errors)
    return found.group(1), int(found.group(2)), found.group(3)


@pytest.mark.slow
def test_a_real_write_failure_during_edits_keeps_the_plan_sound(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "limited.smplan")
    size = path.stat().st_size

    outcome, done, message = run_size_limited(path, "edit", tmp_path / "unused", size + 40_000)

    assert outcome == "refused"
    assert done > 0
    assert "<newline>" not in message
    assert str(path) in message
    assert integrity(path) == ["ok"]
    with Plan.open(path) as plan:
        assert len([i for i in plan.initiatives.list() if i.name.startswith("Big ")]) == done
    assert sorted(folder_state(tmp_path)) == [path.name]


# -- save a copy -----------------------------------------------------------------------------


def filled_plan(path: Path) -> Plan:
    plan = Plan.create(path, name="Original", first_month="2026-01")
    ann = next(iter(plan.people.add(name="Ann", team="Marketing").ids))
    for number in range(20):
        (initiative_id,) = plan.initiatives.add(
            name=f"Initiative {number}",
            channel_id=plan.channels.named("Webinar").id,
            budget=1000 * number,
            owner_id=ann,
        ).ids
        plan.values.set(initiative_id, "2026-04", "sql", planned=number, actual=number + 1)
    return plan


def contents(plan: Plan) -> tuple[object, ...]:
    return (
        plan.settings.get(),
        plan.people.list(),
        plan.initiatives.list(),
        sorted(plan.values.grid("sql").items()),
        plan.roles.all(),
    )


def test_a_saved_copy_opens_as_a_plan_with_the_same_contents(tmp_path: Path) -> None:
    with filled_plan(tmp_path / "original.smplan") as plan:
        copy = plan.save_copy(tmp_path / "copy.smplan")
        expected = contents(plan)
        plan.initiatives.add(name="After the copy", channel_id=plan.channels.named("Paid").id)

    with Plan.open(copy) as reopened:
        assert not reopened.read_only
        assert contents(reopened) == expected
    assert integrity(copy) == ["ok"]
    assert sorted(folder_state(tmp_path)) == ["copy.smplan", "original.smplan"]


def test_a_copy_can_replace_an_older_copy(tmp_path: Path) -> None:
    target = tmp_path / "copy.smplan"
    target.write_bytes(b"an older copy")
    with filled_plan(tmp_path / "original.smplan") as plan:
        plan.save_copy(target)
        expected = contents(plan)
    with Plan.open(target, read_only=True) as reopened:
        assert contents(reopened) == expected


@pytest.mark.parametrize("spelling", ["same", "dotdot", "symlink"])
def test_saving_a_copy_onto_the_open_plan_itself_is_refused(tmp_path: Path, spelling: str) -> None:
    path = tmp_path / "original.smplan"
    (tmp_path / "sub").mkdir()
    with filled_plan(path) as plan:
        if spelling == "same":
            target = path
        elif spelling == "dotdot":
            target = tmp_path / "sub" / ".." / path.name
        else:
            target = tmp_path / "alias.smplan"
            target.symlink_to(path)
        before = folder_state(tmp_path)
        with pytest.raises(PlanFileError) as caught:
            plan.save_copy(target)
        message = str(caught.value)
        assert "\n" not in message
        assert "cannot replace the open plan itself" in message
        assert folder_state(tmp_path) == before
        plan.people.add(name="Still editable", team="Sales")


def test_saving_a_copy_into_a_missing_folder_leaves_no_file(tmp_path: Path) -> None:
    with filled_plan(tmp_path / "original.smplan") as plan:
        before = folder_state(tmp_path)
        target = tmp_path / "missing" / "copy.smplan"
        with pytest.raises(PlanFileError) as caught:
            plan.save_copy(target)
        assert folder_state(tmp_path) == before
    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message
    assert "does not exist" in message


def test_saving_a_copy_into_an_unwritable_folder_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    target = folder / "copy.smplan"
    with filled_plan(tmp_path / "original.smplan") as plan:
        before = folder_state(tmp_path)
        folder.chmod(0o555)
        if os.geteuid() == 0:  # root writes anyway: refuse file creation in that folder
            real_open = os.open

            def no_creation(name: object, flags: int, *args: object, **kwargs: object) -> int:
                if Path(str(name)).parent == folder and flags & os.O_CREAT:
                    raise PermissionError(13, "Permission denied", str(name))
                return real_open(name, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", no_creation)
        try:
            with pytest.raises(PlanFileError) as caught:
                plan.save_copy(target)
        finally:
            folder.chmod(0o755)
        assert folder_state(tmp_path) == before
    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message
    assert "could not be written" in message


@pytest.mark.slow
def test_a_copy_that_runs_out_of_space_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "original.smplan"
    filled_plan(path).close()
    with Plan.open(path) as plan:
        for number in range(40):
            plan.initiatives.add(
                name=f"Padding {number}",
                channel_id=plan.channels.named("Content").id,
                notes="p" * 4000,
            )
    before = folder_state(tmp_path)
    target = tmp_path / "copy.smplan"

    outcome, _done, message = run_size_limited(path, "copy", target, path.stat().st_size // 3)

    assert outcome == "refused"
    assert "<newline>" not in message
    assert str(target) in message
    assert "could not be written" in message
    assert folder_state(tmp_path) == before
