"""One plan, one editor: the lock, proved with real second processes.

A helper process opens the plan and holds it until told (a line on its stdin) or killed.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from plan_file_support import folder_state, python

from planner import Plan, PlanLockedError, ReadOnlyWouldOpenError
from planner.storage import lock
from planner.storage.lock import PlanLock, lock_path_for

HOLDER = textwrap.dedent(
    """
    import sys
    from planner import Plan

    plan = Plan.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    plan.close()
    print("closed", flush=True)
    """
)


def expect_line(process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != expected:
        process.kill()
        _out, err = process.communicate(timeout=10)
        pytest.fail(f"helper said {line!r}, expected {expected!r}; stderr: {err}")


def kill(process: subprocess.Popen[str]) -> None:
    """SIGKILL, then reap it: a dead process that is not reaped still has its process id."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "shared.smplan"
    with Plan.create(path, name="Shared", first_month="2026-01") as plan:
        plan.people.add(name="Ann", team="Marketing")
    return path


@pytest.fixture
def holder(plan_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with ``plan_path`` open for editing."""
    process = python(HOLDER, str(plan_path))
    expect_line(process, "open")
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=10)


def release(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("\n")
    process.stdin.flush()
    expect_line(process, "closed")
    assert process.wait(timeout=10) == 0


def test_a_plan_open_in_another_process_is_refused_naming_who_has_it(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    before = folder_state(plan_path.parent)

    with pytest.raises(PlanLockedError) as caught:
        Plan.open(plan_path)

    message = str(caught.value)
    assert "\n" not in message
    assert str(plan_path) in message
    assert "already open by" in message
    assert getpass.getuser() in message
    assert socket.gethostname() in message
    assert f"process {holder.pid}" in message
    assert str(holder.pid) in caught.value.holder
    assert folder_state(plan_path.parent) == before


def test_a_plan_open_in_another_process_can_still_be_opened_read_only(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    with Plan.open(plan_path, read_only=True) as plan:
        assert plan.read_only
        assert [person.name for person in plan.people.list()] == ["Ann"]


def test_the_lock_is_gone_after_the_other_process_closes_the_plan(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    release(holder)

    assert not lock_path_for(plan_path).exists()
    with Plan.open(plan_path) as plan:
        assert not plan.read_only
        plan.people.add(name="Bob", team="Sales")
    assert sorted(p.name for p in Plan.open(plan_path, read_only=True).people.list()) == [
        "Ann",
        "Bob",
    ]


def test_the_lock_of_a_killed_process_is_taken_over(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    kill(holder)
    assert lock_path_for(plan_path).exists(), "the killed process should leave its lock file"

    with Plan.open(plan_path) as plan:
        plan.people.add(name="Bob", team="Sales")
        owner = json.loads(lock_path_for(plan_path).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()

    assert not lock_path_for(plan_path).exists()


def test_a_stale_lock_whose_process_id_now_belongs_to_another_program_is_taken_over(
    plan_path: Path,
) -> None:
    # After a crash and a restart, the process id in a left-over lock file may name some
    # unrelated, running program: that must not keep the user out of the plan.
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path_for(plan_path).write_text(
            json.dumps(
                {
                    "user": getpass.getuser(),
                    "host": socket.gethostname(),
                    "pid": unrelated.pid,
                    "since": "2026-01-05T09:12:00+00:00",
                }
            ),
            encoding="utf-8",
        )
        with Plan.open(plan_path) as plan:
            assert not plan.read_only
    finally:
        unrelated.kill()
        unrelated.wait(timeout=10)
    assert not lock_path_for(plan_path).exists()


def test_a_lock_from_another_computer_is_respected_and_named(plan_path: Path) -> None:
    lock_path_for(plan_path).write_text(
        json.dumps(
            {
                "user": "alice",
                "host": "studio-mac.example",
                "pid": 4242,
                "since": "2026-01-05T09:12:00+00:00",
            }
        ),
        encoding="utf-8",
    )
    before = folder_state(plan_path.parent)

    with pytest.raises(PlanLockedError) as caught:
        Plan.open(plan_path)

    message = str(caught.value)
    assert "\n" not in message
    assert str(plan_path) in message
    assert "alice on studio-mac.example (process 4242) since 2026-01-05 09:12" in message
    assert f"delete {plan_path.name}.lock" in message
    assert folder_state(plan_path.parent) == before


def test_the_same_process_opening_the_plan_twice_is_refused(plan_path: Path) -> None:
    first = Plan.open(plan_path)
    try:
        with pytest.raises(PlanLockedError) as caught:
            Plan.open(plan_path)
        message = str(caught.value)
        assert "\n" not in message
        assert str(plan_path) in message
        assert "already open in this app" in message
        first.people.add(name="Bob", team="Sales")  # the first one still works
    finally:
        first.close()
    with Plan.open(plan_path) as again:
        assert len(again.people.list()) == 2


def test_the_same_plan_through_a_symlink_is_refused_while_open(plan_path: Path) -> None:
    alias = plan_path.with_name("alias.smplan")
    alias.symlink_to(plan_path)
    with Plan.open(plan_path), pytest.raises(PlanLockedError):
        Plan.open(alias)


def test_the_same_plan_through_a_dotdot_path_is_refused_while_open(plan_path: Path) -> None:
    (plan_path.parent / "sub").mkdir()
    roundabout = plan_path.parent / "sub" / ".." / plan_path.name
    with Plan.open(plan_path), pytest.raises(PlanLockedError):
        Plan.open(roundabout)


def test_creating_a_plan_over_one_open_elsewhere_is_refused(
    plan_path: Path, holder: subprocess.Popen[str]
) -> None:
    before = folder_state(plan_path.parent)

    with pytest.raises(PlanLockedError) as caught:
        Plan.create(plan_path, name="Replacement", first_month="2026-01", overwrite=True)

    assert str(plan_path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert folder_state(plan_path.parent) == before


def test_saving_a_copy_over_a_plan_open_elsewhere_is_refused(
    plan_path: Path, holder: subprocess.Popen[str], tmp_path: Path
) -> None:
    with Plan.create(tmp_path / "other.smplan", name="Other", first_month="2026-01") as other:
        before = folder_state(plan_path.parent)
        with pytest.raises(PlanLockedError) as caught:
            other.save_copy(plan_path)
    message = str(caught.value)
    assert str(plan_path) in message
    assert "\n" not in message
    after = folder_state(plan_path.parent)
    assert after[plan_path.name] == before[plan_path.name]


RACER = textwrap.dedent(
    """
    import sys, time
    from planner import Plan, PlanLockedError

    start = float(sys.argv[2])
    while time.time() < start:
        pass
    try:
        plan = Plan.open(sys.argv[1])
    except PlanLockedError:
        print("locked", flush=True)
        sys.exit(0)
    print("won", flush=True)
    sys.stdin.readline()
    plan.close()
    """
)


def race(plan_path: Path, contenders: int) -> list[str]:
    start = time.time() + 1.5
    processes = [python(RACER, str(plan_path), repr(start)) for _ in range(contenders)]
    try:
        results = []
        for process in processes:
            assert process.stdout is not None
            results.append(process.stdout.readline().strip())
    finally:
        for process in processes:
            if process.poll() is None:
                process.communicate("\n", timeout=20)
    return results


@pytest.mark.slow
def test_of_processes_racing_to_open_the_plan_exactly_one_wins(plan_path: Path) -> None:
    for _round in range(2):
        results = race(plan_path, 6)
        assert sorted(results) == ["locked"] * 5 + ["won"], results
        assert not lock_path_for(plan_path).exists()


@pytest.mark.slow
def test_of_processes_racing_to_take_over_a_stale_lock_exactly_one_wins(
    plan_path: Path,
) -> None:
    for _round in range(2):
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait(timeout=10)
        lock_path_for(plan_path).write_text(
            json.dumps(
                {
                    "user": getpass.getuser(),
                    "host": socket.gethostname(),
                    "pid": dead.pid,
                    "since": "2026-01-05T09:12:00+00:00",
                }
            ),
            encoding="utf-8",
        )
        results = race(plan_path, 6)
        assert sorted(results) == ["locked"] * 5 + ["won"], results


@pytest.mark.skipif(sys.platform == "win32", reason="flock: the race is on POSIX systems")
def test_a_lock_file_another_process_locked_just_after_we_created_it_stays_theirs(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    theirs: list[int] = []
    real_open_lock_file = PlanLock._open_lock_file

    def created_then_taken(self: PlanLock) -> tuple[int, bool, bool]:
        opened = real_open_lock_file(self)
        # Between our creating the file and locking it, another process opens and locks it.
        descriptor = os.open(self.path, os.O_RDWR)
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        theirs.append(descriptor)
        return opened

    monkeypatch.setattr(lock.PlanLock, "_open_lock_file", created_then_taken)
    try:
        with pytest.raises(PlanLockedError):
            PlanLock(plan_path).acquire()

        assert lock_path_for(plan_path).exists()  # still there for its holder
    finally:
        for descriptor in theirs:
            os.close(descriptor)
        lock_path_for(plan_path).unlink(missing_ok=True)


def test_a_lock_file_that_cannot_be_created_says_to_open_the_plan_read_only(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse_lock(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_lock)
    before = folder_state(plan_path.parent)

    with pytest.raises(ReadOnlyWouldOpenError) as caught:
        Plan.open(plan_path)

    message = str(caught.value)
    assert "\n" not in message
    assert str(plan_path) in message
    assert "lock file" in message
    assert "read-only" in message
    assert folder_state(plan_path.parent) == before


def refuse_writing_the_lock_file(monkeypatch: pytest.MonkeyPatch, plan_path: Path) -> None:
    """As if the lock file belonged to another user: it can be read, not written."""
    real_open = os.open
    lock_file = str(lock_path_for(plan_path))

    def open_as_another_user(path: object, flags: int, *args: object, **kwargs: object) -> int:
        exists = os.path.exists(lock_file)  # (O_EXCL on it fails with "exists" first)
        writing = flags & os.O_ACCMODE != os.O_RDONLY and not flags & os.O_EXCL
        if str(path) == lock_file and exists and writing:
            raise PermissionError(13, "Permission denied", lock_file)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_as_another_user)


def test_a_held_lock_file_this_user_may_not_write_still_names_its_holder(
    plan_path: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_writing_the_lock_file(monkeypatch, plan_path)

    with pytest.raises(PlanLockedError) as caught:
        Plan.open(plan_path)

    assert f"process {holder.pid}" in str(caught.value)


def test_a_left_over_lock_file_this_user_may_not_write_is_replaced(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=10)
    lock_path_for(plan_path).write_text(
        json.dumps({"user": "bob", "host": socket.gethostname(), "pid": dead.pid, "since": "x"}),
        encoding="utf-8",
    )
    refuse_writing_the_lock_file(monkeypatch, plan_path)

    with Plan.open(plan_path) as plan:
        assert not plan.read_only
        owner = json.loads(lock_path_for(plan_path).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()
    assert not lock_path_for(plan_path).exists()
