"""Files around the plan, as someone else may have left them: a lock file that is a symbolic
link, a hard link, a named pipe or a folder; a link planted where the app writes a temporary
file; a plan path that is a named pipe or a link to a device. None of them makes the app write
into another file or wait forever: each is refused at once, in one line that says what it is.

Every file here is real (``os.symlink``, ``os.link``, ``os.mkfifo``), and the command line is
run as a real process, so a hang shows as a timeout rather than as a stuck test run.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_support import smarketing
from plan_file_support import older_plan

from planner import Plan
from planner.charts.files import save_chart
from planner.errors import LockFileError, PlanFileError
from planner.storage.lock import lock_path_for

VICTIM_TEXT = b"a file of the user's that no plan may touch\n"
# Long enough for a refusal on a shared, busy machine; a hang is forever.
PATIENCE = 60


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "P.smplan"
    with Plan.create(path, name="Shared", first_month="2026-01") as plan:
        plan.people.add(name="Ann", team="Marketing")
    return path


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """Another file of the user's, elsewhere."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "thesis.txt"
    path.write_bytes(VICTIM_TEXT)
    return path


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text("Initiative,Date,MQLs\n")
    return path


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The refusal a command printed, checked to be one line and no traceback."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "unexpected" not in lines[0]
    return lines[0]


# -- the lock file --------------------------------------------------------------------------


def test_a_lock_file_linked_to_another_file_is_refused_and_that_file_is_untouched(
    plan_path: Path, victim: Path, csv_file: Path
) -> None:
    os.symlink(victim, lock_path_for(plan_path))

    refusal = one_line(smarketing("import", plan_path, csv_file, timeout=PATIENCE))

    assert victim.read_bytes() == VICTIM_TEXT
    assert "the lock file P.smplan.lock is a symbolic link" in refusal
    assert "remove it" in refusal


def test_opening_a_plan_whose_lock_file_links_elsewhere_is_refused_for_editing(
    plan_path: Path, victim: Path
) -> None:
    os.symlink(victim, lock_path_for(plan_path))

    with pytest.raises(LockFileError, match=r"P\.smplan\.lock is a symbolic link"):
        Plan.open(plan_path)

    assert victim.read_bytes() == VICTIM_TEXT
    assert lock_path_for(plan_path).is_symlink()


def test_a_lock_file_hard_linked_to_another_file_is_refused_and_that_file_is_untouched(
    plan_path: Path, victim: Path
) -> None:
    os.link(victim, lock_path_for(plan_path))

    with pytest.raises(LockFileError, match=r"P\.smplan\.lock is a file with other names"):
        Plan.open(plan_path)

    assert victim.read_bytes() == VICTIM_TEXT


def test_a_lock_file_that_is_a_named_pipe_is_refused_at_once(
    plan_path: Path, csv_file: Path
) -> None:
    os.mkfifo(lock_path_for(plan_path))

    refusal = one_line(smarketing("import", plan_path, csv_file, timeout=PATIENCE))

    assert "the lock file P.smplan.lock is a named pipe (FIFO)" in refusal
    assert "remove it" in refusal


def test_a_lock_file_that_is_a_folder_is_named_as_one_to_remove(plan_path: Path) -> None:
    lock_path_for(plan_path).mkdir()

    with pytest.raises(LockFileError, match=r"P\.smplan\.lock is a folder.*remove it"):
        Plan.open(plan_path)


def test_a_copy_whose_lock_file_links_elsewhere_says_so(
    plan_path: Path, victim: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.smplan"
    os.symlink(victim, lock_path_for(target))

    with Plan.open(plan_path) as plan, pytest.raises(LockFileError, match="symbolic link"):
        plan.save_copy(target)

    assert victim.read_bytes() == VICTIM_TEXT
    assert not target.exists()


# -- temporary files beside the plan and its exports -----------------------------------------
# Their names used to be predictable (the process id), so a link could be planted in advance.


def test_a_link_planted_at_the_temporary_name_of_a_copy_is_not_written_through(
    plan_path: Path, victim: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.smplan"
    os.symlink(victim, tmp_path / f".{target.name}.copy-{os.getpid()}.tmp")

    with Plan.open(plan_path) as plan:
        plan.save_copy(target)

    assert victim.read_bytes() == VICTIM_TEXT
    assert target.is_file() and not target.is_symlink()


def test_a_link_planted_at_the_temporary_name_of_an_upgrade_is_not_written_through(
    tmp_path: Path, victim: Path
) -> None:
    path = tmp_path / "old.smplan"
    conn, _db = older_plan(path, stop_before="m002_handoff_months", version=1)
    conn.close()
    aside = tmp_path / "old.smplan.format1.bak"
    for name in (
        f".{aside.name}.aside-{os.getpid()}.tmp",
        f".{path.name}.upgrade-{os.getpid()}.tmp",
    ):
        os.symlink(victim, tmp_path / name)

    with Plan.open(path) as plan:
        assert plan.upgraded_from == 1

    assert victim.read_bytes() == VICTIM_TEXT
    assert aside.is_file() and not aside.is_symlink()


def test_a_link_planted_at_the_temporary_name_of_a_chart_is_not_written_through(
    victim: Path, tmp_path: Path
) -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    figure.add_subplot().plot([1, 2, 3])
    target = tmp_path / "revenue.png"
    os.symlink(victim, tmp_path / f".{target.name}.chart-{os.getpid()}.tmp")

    save_chart(figure, target)

    assert victim.read_bytes() == VICTIM_TEXT
    assert target.read_bytes().startswith(b"\x89PNG")


# -- the plan path --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["summary", "check"])
def test_a_plan_path_that_is_a_named_pipe_is_refused_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "P.smplan"
    os.mkfifo(fifo)

    refusal = one_line(smarketing(command, fifo, timeout=PATIENCE))

    assert refusal == f"smarketing: {fifo}: is a named pipe (FIFO), not a plan file"


def test_a_plan_path_that_links_to_a_device_is_refused_as_one(tmp_path: Path) -> None:
    link = tmp_path / "P.smplan"
    os.symlink("/dev/zero", link)

    refusal = one_line(smarketing("summary", link, timeout=PATIENCE))

    assert refusal == f"smarketing: {link}: is a character device, not a plan file"


def test_a_named_pipe_where_sqlite_keeps_the_plans_journal_is_refused_at_once(
    plan_path: Path, csv_file: Path
) -> None:
    os.mkfifo(plan_path.with_name("P.smplan-journal"))

    refusal = one_line(smarketing("import", plan_path, csv_file, timeout=PATIENCE))

    assert "the file P.smplan-journal beside it is a named pipe (FIFO)" in refusal
    assert "remove it" in refusal


def test_a_link_where_sqlite_keeps_the_plans_journal_is_refused_not_called_damage(
    plan_path: Path, victim: Path
) -> None:
    os.symlink(victim, plan_path.with_name("P.smplan-journal"))

    with pytest.raises(PlanFileError, match=r"P\.smplan-journal beside it is a symbolic link"):
        Plan.open(plan_path)

    assert victim.read_bytes() == VICTIM_TEXT
