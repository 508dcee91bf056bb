"""Opening a plan of an older format: upgraded after a copy is set aside, or left untouched.

The old plan is built the way the previous version of the app built it: the application id,
only the first migration, ``user_version`` 1, and data written with plain SQL.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from plan_file_support import folder_state, older_plan

from planner import Plan, PlanFileError
from planner.storage import connection, opening
from planner.storage.schema import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION, migrations

OLD_VERSION = 1
FIRST_NEW_MIGRATION = "m002_handoff_months"


def make_old_plan(path: Path) -> Path:
    """A plan file of format 1 holding a person, two initiatives and some monthly values."""
    conn, db = older_plan(path, stop_before=FIRST_NEW_MIGRATION, version=OLD_VERSION)
    with db.atomic():
        for number, name in ((1, "Webinar series"), (2, "Paid search")):
            db.execute(
                "INSERT INTO initiatives (id, name, name_key, channel, status, start_month, "
                "end_month, budget, revenue_target) "
                "VALUES (?, ?, lower(?), 'webinar', 'planned', 202601, 202612, ?, 0)",
                [number, name, name, number * 100_000],
            )
            db.execute(
                "INSERT INTO monthly_values (initiative_id, month, mql_plan, mql_actual) "
                "VALUES (?, 202602, ?, ?)",
                [number, 10 * number, 12 * number],
            )
        db.execute("INSERT INTO roles VALUES (1, 1, 'A')")
    assert [m.name for m in migrations().pending(db)] == list(MIGRATION_NAMES[OLD_VERSION:])
    assert MIGRATION_NAMES[OLD_VERSION] == FIRST_NEW_MIGRATION
    conn.close()
    return path


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def assert_old_data(plan: Plan) -> None:
    assert plan.settings.get().name == "Old plan"
    assert [p.name for p in plan.people.list()] == ["Ann"]
    initiatives = {i.name: i for i in plan.initiatives.list()}
    assert sorted(initiatives) == ["Paid search", "Webinar series"]
    assert initiatives["Paid search"].budget == 200_000
    webinar = plan.channels.named("Webinar").id
    assert {i.channel_id for i in initiatives.values()} == {webinar}
    grid = plan.values.grid("mql")
    assert grid == {(1, 202602): (10, 12), (2, 202602): (20, 24)}
    assert [(a.person_id, str(a.role)) for a in plan.roles.for_initiative(1)] == [(1, "A")]


def test_an_old_plan_is_upgraded_when_opened_with_its_data_intact(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        assert plan.upgraded_from == OLD_VERSION
        assert not plan.read_only
        assert_old_data(plan)
        assert plan.handoff.followup_hours() == {}  # the table the upgrade added works
        plan.handoff.set_followup_hours("2026-03", 30)

    assert user_version(path) == SCHEMA_VERSION
    with Plan.open(path) as again:
        assert again.upgraded_from is None
        assert again.handoff.followup_hours() == {202603: 30.0}
        assert_old_data(again)


def test_upgrading_sets_the_original_bytes_aside_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    original = path.read_bytes()

    assert opening.backup_name(path, OLD_VERSION).name == "old.smplan.format1.bak"
    with Plan.open(path) as plan:
        aside = plan.upgrade_backup

    assert aside == tmp_path / "old.smplan.format1.bak"
    assert aside.read_bytes() == original
    assert sorted(folder_state(tmp_path)) == ["old.smplan", "old.smplan.format1.bak"]


def test_an_upgrade_keeps_an_earlier_copy_set_aside(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    original = path.read_bytes()
    earlier = opening.backup_name(path, OLD_VERSION)
    earlier.write_bytes(b"the copy set aside by an earlier upgrade")

    with Plan.open(path) as plan:
        assert plan.upgraded_from == OLD_VERSION
        aside = plan.upgrade_backup

    assert earlier.read_bytes() == b"the copy set aside by an earlier upgrade"
    assert aside is not None and aside != earlier
    assert aside.read_bytes() == original
    assert sorted(folder_state(tmp_path)) == sorted(["old.smplan", earlier.name, aside.name])


def failing_migration(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make the upgrade's migration create its table and then fail, as a buggy one would."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    probe = connection.prepare(conn, read_only=True, where=str(path))
    pending = migrations().pending(probe.database)[0]  # the first of the upgrade's migrations
    conn.close()
    real = pending.fn

    def half_done_then_broken(db: object) -> None:
        real(db)
        raise RuntimeError("the migration hit a bug")

    monkeypatch.setattr(pending, "fn", half_done_then_broken)


def test_a_failed_upgrade_leaves_the_plan_byte_for_byte_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    failing_migration(monkeypatch, path)
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert "could not be upgraded" in message
    assert "the migration hit a bug" in message
    assert "the file is unchanged" in message
    assert folder_state(tmp_path) == before  # no aside copy, no temp file, no lock


def test_a_failed_upgrade_keeps_an_earlier_copy_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    opening.backup_name(path, OLD_VERSION).write_bytes(b"the copy from an earlier upgrade")
    failing_migration(monkeypatch, path)
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError):
        Plan.open(path)

    assert folder_state(tmp_path) == before


def test_an_upgrade_that_clashes_with_the_plans_tables_changes_nothing(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE handoff_months (month INTEGER PRIMARY KEY, note TEXT)")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    assert "could not be upgraded" in str(caught.value)
    assert "the file is unchanged" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_an_upgrade_that_fails_to_replace_the_file_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    before = folder_state(tmp_path)
    real_replace = opening.os.replace

    def no_replace_of_the_plan(source: object, target: object) -> None:
        if Path(str(target)) == path:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(opening.os, "replace", no_replace_of_the_plan)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    message = str(caught.value)
    assert "\n" not in message
    assert "No space left on device" in message
    assert "the file is unchanged" in message
    assert folder_state(tmp_path) == before


def test_an_interrupted_upgrade_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    probe = connection.prepare(conn, read_only=True, where=str(path))
    pending = migrations().pending(probe.database)[0]
    conn.close()

    def interrupted(db: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pending, "fn", interrupted)
    before = folder_state(tmp_path)

    with pytest.raises(KeyboardInterrupt):
        Plan.open(path)

    assert folder_state(tmp_path) == before


def test_an_old_plan_opened_read_only_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    before = folder_state(tmp_path)

    with Plan.open(path, read_only=True) as plan:
        assert plan.read_only
        assert_old_data(plan)
        assert plan.handoff.followup_hours() == {}

    assert folder_state(tmp_path) == before
    assert user_version(path) == OLD_VERSION


def test_an_old_plan_with_a_foreign_trigger_is_refused_before_upgrading(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER spy AFTER UPDATE ON initiatives BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    assert "trigger 'spy'" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_the_old_format_records_only_known_migrations(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    conn = sqlite3.connect(path)
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        )
    ]
    conn.close()
    assert names == ["m001_core_tables"]


def test_an_old_plan_with_changes_left_in_a_wal_file_is_upgraded_with_them(
    tmp_path: Path,
) -> None:
    # Another tool switched the old plan to WAL, committed, and died before checkpointing:
    # the newest data is only in the -wal file, which a byte copy of the plan would miss.
    path = make_old_plan(tmp_path / "old.smplan")
    script = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "conn.execute('PRAGMA journal_mode = WAL')\n"
        "conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "conn.execute(\"INSERT INTO people (name, name_key, team) VALUES ('Walter', 'walter', 'Sales')\")\n"
        "conn.commit()\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert path.with_name("old.smplan-wal").exists()

    with Plan.open(path) as plan:
        assert plan.upgraded_from == OLD_VERSION
        assert sorted(p.name for p in plan.people.list()) == ["Ann", "Walter"]
        aside = plan.upgrade_backup

    assert aside is not None
    assert sorted(folder_state(tmp_path)) == ["old.smplan", aside.name]
    with Plan.open(aside, read_only=True) as original:  # the copy set aside is whole, too
        assert sorted(p.name for p in original.people.list()) == ["Ann", "Walter"]


def test_an_old_plan_opened_through_a_symlink_is_upgraded_where_it_lives(tmp_path: Path) -> None:
    real = make_old_plan(tmp_path / "real.smplan")
    link = tmp_path / "link.smplan"
    link.symlink_to(real)

    with Plan.open(link) as plan:
        assert plan.upgraded_from == OLD_VERSION
        assert_old_data(plan)

    assert link.is_symlink()
    assert user_version(real) == SCHEMA_VERSION


def test_an_upgraded_plan_has_no_versions_and_can_save_one(tmp_path: Path) -> None:
    path = make_old_plan(tmp_path / "old.smplan")
    with Plan.open(path) as plan:
        assert plan.versions.list() == []
        saved = plan.versions.save("Approved").id
        assert_old_data(plan)
    with Plan.open(path) as again:
        assert [v.id for v in again.versions.list()] == [saved]
        assert_old_data(again)
