"""Files that are not plans this app can open are refused with one plain line, untouched.

Every test builds a real file on disk, asks :meth:`Plan.open` for it (for editing and
read-only), and checks three things: the exception type, a one-line message that names the
file and the reason, and that the folder holds exactly the bytes it held before (no ``.lock``,
no ``-journal``, no temporary file, the file itself unchanged).
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from plan_file_support import folder_state

from planner import Plan, PlanFileError, ReadOnlyPlanError
from planner.storage import opening
from planner.storage.schema import MIGRATION_SET, SCHEMA_VERSION

BOTH_MODES = pytest.mark.parametrize("read_only", [False, True], ids=["edit", "read-only"])


def make_plan(path: Path, *, initiatives: int = 5) -> Path:
    with Plan.create(path, name="Refusals", first_month="2026-01") as plan:
        plan.people.add(name="Ann", team="Marketing")
        for number in range(initiatives):
            change = plan.initiatives.add(
                name=f"Initiative {number}",
                channel_id=plan.channels.named("Paid").id,
                budget=100_000 + number,
            )
            (initiative_id,) = change.ids
            plan.values.set(initiative_id, "2026-02", "mql", planned=10, actual=number)
    return path


def refusal(path: Path, *, read_only: bool) -> str:
    """Open ``path`` expecting a PlanFileError; return its message after the common checks."""
    with pytest.raises(PlanFileError) as caught:
        Plan.open(path, read_only=read_only)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message, message
    assert str(path) in message, message
    return message


def raw_sql(path: Path, *statements: str) -> None:
    """Change a file with plain sqlite3, as another tool (or a person) would."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@BOTH_MODES
def test_random_bytes_are_refused_as_not_a_sqlite_file(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "x.smplan"
    path.write_bytes(random.Random(1).randbytes(8192))
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "not a Smarketing Planner plan" in message
    assert "not a SQLite database" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_an_empty_file_is_refused_as_empty(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "empty.smplan"
    path.write_bytes(b"")
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "empty" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_short_file_starting_like_sqlite_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "short.smplan"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "not a SQLite database" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_another_apps_sqlite_database_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "contacts.smplan"
    raw_sql(path, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    raw_sql(path, "INSERT INTO contacts (name) VALUES ('Ann')")
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "another application" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_plan_of_a_newer_format_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = make_plan(tmp_path / "newer.smplan")
    raw_sql(
        path,
        f"PRAGMA user_version = {SCHEMA_VERSION + 1}",
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        f"VALUES ('{MIGRATION_SET}', 'm999_from_the_future', '2030-01-01')",
    )
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "newer version" in message
    assert f"plan format {SCHEMA_VERSION + 1}" in message
    assert "update the app" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_plan_with_an_unknown_change_but_current_version_is_refused(
    tmp_path: Path, read_only: bool
) -> None:
    path = make_plan(tmp_path / "unknown-change.smplan")
    raw_sql(
        path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        f"VALUES ('{MIGRATION_SET}', 'm999_from_the_future', '2030-01-01')",
    )
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "newer version" in message
    assert "m999_from_the_future" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_truncated_plan_is_refused_as_cut_short(tmp_path: Path, read_only: bool) -> None:
    path = make_plan(tmp_path / "cut.smplan", initiatives=60)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "damaged" in message
    assert "cut short" in message
    assert "restore it from a copy" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_plan_with_a_corrupted_interior_page_is_refused_as_damaged(
    tmp_path: Path, read_only: bool
) -> None:
    path = make_plan(tmp_path / "corrupt.smplan", initiatives=60)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages >= 6, "the plan is too small to have interior pages"
    middle = (pages // 2) * page_size
    data[middle : middle + page_size] = random.Random(6).randbytes(page_size)
    path.write_bytes(bytes(data))
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "damaged" in message
    assert "restore it from a copy" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_plan_with_a_foreign_trigger_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = make_plan(tmp_path / "trigger.smplan")
    raw_sql(
        path,
        "CREATE TRIGGER wipe_on_insert AFTER INSERT ON people BEGIN DELETE FROM initiatives; END",
    )
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "did not create" in message
    assert "trigger 'wipe_on_insert'" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_plan_with_a_foreign_view_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = make_plan(tmp_path / "view.smplan")
    raw_sql(path, "CREATE VIEW everyone AS SELECT name FROM people")
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "did not create" in message
    assert "view 'everyone'" in message
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_path_that_does_not_exist_is_refused_and_not_created(
    tmp_path: Path, read_only: bool
) -> None:
    path = tmp_path / "missing.smplan"
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "no such file" in message
    assert not path.exists()
    assert folder_state(tmp_path) == before


@BOTH_MODES
def test_a_folder_is_refused_as_a_folder(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "folder.smplan"
    path.mkdir()
    before = folder_state(tmp_path)

    message = refusal(path, read_only=read_only)

    assert "is a folder" in message
    assert path.is_dir()
    assert folder_state(tmp_path) == before


# -- read-only files and read-only opening -----------------------------------------------


def assert_edit_refused(plan: Plan, path: Path) -> None:
    with pytest.raises(ReadOnlyPlanError) as caught:
        plan.people.add(name="Bob", team="Sales")
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert "read-only" in message
    assert "nothing was changed" in message


def test_a_plan_opened_read_only_refuses_edits_and_stays_unchanged(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "ro.smplan")
    before = folder_state(tmp_path)

    with Plan.open(path, read_only=True) as plan:
        assert plan.read_only
        assert plan.read_only_reason == "as asked"
        assert [p.name for p in plan.people.list()] == ["Ann"]
        assert len(plan.initiatives.list()) == 5
        assert_edit_refused(plan, path)
        assert folder_state(tmp_path) == before  # not even a lock file while it is open

    assert folder_state(tmp_path) == before


def deny_writes(monkeypatch: pytest.MonkeyPatch, target: Path, mode: int) -> None:
    """chmod ``target``; as root (who may write anyway) also make ``os.access`` say so."""
    target.chmod(mode)
    if os.geteuid() != 0:
        return
    real_access = os.access

    def access(path: object, wanted: int, **kwargs: object) -> bool:
        if Path(str(path)) == target and wanted & os.W_OK:
            return False
        return real_access(path, wanted, **kwargs)

    monkeypatch.setattr(opening.os, "access", access)


def test_a_write_protected_plan_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_plan(tmp_path / "protected.smplan")
    deny_writes(monkeypatch, path, 0o444)
    before = folder_state(tmp_path)

    with Plan.open(path) as plan:
        assert plan.read_only
        assert plan.read_only_reason == "the file is write-protected"
        assert [p.name for p in plan.people.list()] == ["Ann"]
        assert_edit_refused(plan, path)

    assert folder_state(tmp_path) == before


def test_a_plan_in_a_write_protected_folder_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = make_plan(folder / "plan.smplan")
    before = folder_state(folder)
    deny_writes(monkeypatch, folder, 0o555)
    try:
        with Plan.open(path) as plan:
            assert plan.read_only_reason == "its folder is write-protected"
            assert len(plan.initiatives.list()) == 5
            assert_edit_refused(plan, path)
    finally:
        folder.chmod(0o755)
    assert folder_state(folder) == before


def switch_to_wal_and_crash(path: Path, *statements: str) -> None:
    """Another tool switches the plan to WAL, commits, and dies before checkpointing."""
    script = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "conn.execute('PRAGMA journal_mode = WAL')\n"
        "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "for statement in sys.argv[2:]:\n"
        "    conn.execute(statement)\n"
        "conn.commit()\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path), *statements], check=False)
    assert path.with_name(path.name + "-wal").exists()


def test_a_plan_left_in_wal_mode_opens_read_only_without_files_beside_it(
    tmp_path: Path,
) -> None:
    path = make_plan(tmp_path / "wal.smplan")
    switch_to_wal_and_crash(
        path, "INSERT INTO people (name, name_key, team) VALUES ('Walter', 'walter', 'Sales')"
    )
    before = folder_state(tmp_path)

    with Plan.open(path, read_only=True) as plan:
        assert sorted(p.name for p in plan.people.list()) == ["Ann", "Walter"]
        assert folder_state(tmp_path) == before

    assert folder_state(tmp_path) == before


def test_a_plan_left_in_wal_mode_opens_for_editing_with_its_changes(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "wal.smplan")
    switch_to_wal_and_crash(
        path, "INSERT INTO people (name, name_key, team) VALUES ('Walter', 'walter', 'Sales')"
    )

    with Plan.open(path) as plan:
        assert sorted(p.name for p in plan.people.list()) == ["Ann", "Walter"]
        plan.people.add(name="Zoe", team="Leadership")
        assert plan.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    assert sorted(folder_state(tmp_path)) == [path.name]
    with Plan.open(path, read_only=True) as again:
        assert sorted(p.name for p in again.people.list()) == ["Ann", "Walter", "Zoe"]
