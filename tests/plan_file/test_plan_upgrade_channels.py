"""Opening a plan of format 3, from before channels were the plan's own list: every
initiative keeps its channel, roles, segments and values; the channels become a table with
the default list; and the file is refused or left alone exactly as for any upgrade.

The old plan is built as the previous version of the app built it: the migrations up to
``m003_import_mappings``, ``user_version`` 3, and data written with plain SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from plan_file_support import folder_state, older_plan

from planner import Plan, PlanError, PlanFileError
from planner.storage.schema import DEFAULT_CHANNELS, SCHEMA_VERSION, migrations

OLD_VERSION = 3
CHANNELS_MIGRATION = "m004_channels"
OLD_CHANNELS = ("content", "event", "paid", "outbound", "partner", "webinar", "enablement", "other")


def make_format_3_plan(path: Path, *, extra: str | None = None) -> Path:
    """A plan of format 3: an initiative in each of the eight old channels, each with an
    owner, a segment and a month of values; initiative 9 was deleted (its id stays used).
    ``extra``: a channel word the old CHECK did not allow, written past it."""
    conn, db = older_plan(path, stop_before=CHANNELS_MIGRATION, version=OLD_VERSION)
    with db.atomic():
        db.execute(
            "INSERT INTO segments (id, name, name_key, tier) VALUES (1, 'SaaS', 'saas', 'core')"
        )
        for number, word in enumerate((*OLD_CHANNELS, "paid"), start=1):
            name = f"Initiative {number}"
            db.execute(
                "INSERT INTO initiatives (id, name, name_key, channel, status, start_month, "
                "end_month, budget, revenue_target) "
                "VALUES (?, ?, lower(?), ?, 'active', 202601, 202612, ?, ?)",
                [number, name, name, word, number * 1_000, number * 9_000],
            )
            db.execute("INSERT INTO roles VALUES (?, 1, 'A')", [number])
            db.execute("INSERT INTO initiative_segments VALUES (?, 1)", [number])
            db.execute(
                "INSERT INTO monthly_values (initiative_id, month, spend_plan, spend_actual) "
                "VALUES (?, 202603, ?, ?)",
                [number, number * 100, number * 90],
            )
        db.execute("DELETE FROM initiatives WHERE id = 9")
    if extra is not None:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(
            "INSERT INTO initiatives (id, name, name_key, channel, status, start_month, "
            "end_month, budget, revenue_target) "
            "VALUES (20, 'Radio spots', 'radio spots', ?, 'idea', 202601, 202612, 0, 0)",
            [extra],
        )
        conn.commit()
    assert next(m.name for m in migrations().pending(db)) == CHANNELS_MIGRATION
    conn.close()
    return path


def test_every_initiative_keeps_its_channel_roles_segments_and_values(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        assert plan.upgraded_from == OLD_VERSION
        names = {c.id: c.name for c in plan.channels.list()}
        initiatives = {i.name: i for i in plan.initiatives.list()}
        grid = plan.values.grid("spend")
        for number, word in enumerate(OLD_CHANNELS, start=1):
            initiative = initiatives[f"Initiative {number}"]
            assert names[initiative.channel_id] == word.capitalize()
            assert (initiative.owner_id, initiative.segment_ids) == (1, (1,))
            assert (initiative.budget, initiative.revenue_target) == (
                number * 1_000,
                number * 9_000,
            )
            assert grid[(number, 202603)] == (number * 100, number * 90)
        assert len(initiatives) == len(OLD_CHANNELS)


def test_an_upgraded_plan_has_the_default_channels_in_order_all_offered(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        channels = plan.channels.list()

    assert [c.name for c in channels] == list(DEFAULT_CHANNELS)
    assert not any(c.retired for c in channels)


def test_a_new_plan_has_the_same_default_channels(tmp_path: Path) -> None:
    with Plan.create(tmp_path / "new.smplan", name="New", first_month="2026-01") as plan:
        assert [c.name for c in plan.channels.list()] == list(DEFAULT_CHANNELS)
    assert [c.name for c in Plan.in_memory().channels.list()] == list(DEFAULT_CHANNELS)


def test_after_the_upgrade_a_channel_of_any_name_can_be_chosen(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        podcasts = plan.channels.add(name="Podcasts").id
        plan.initiatives.update(1, channel_id=podcasts)
    with Plan.open(path) as again:
        assert again.initiatives.get(1).channel_id == podcasts
        assert again.upgraded_from is None


def test_references_are_still_enforced_after_the_upgrade(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        assert plan.query("PRAGMA foreign_keys") == [(1,)]
        assert plan.query("PRAGMA foreign_key_check") == []
        # A channel initiatives are in cannot go from under them.
        with pytest.raises(PlanError), plan.batch():
            plan.db.execute("DELETE FROM channels WHERE name_key = 'paid'")
        plan.initiatives.delete(1)  # its roles, aims and values go with it, as before
        assert plan.query("SELECT count(*) FROM roles WHERE initiative_id = 1") == [(0,)]
        assert plan.query("SELECT count(*) FROM monthly_values WHERE initiative_id = 1") == [(0,)]
        assert plan.query("SELECT count(*) FROM initiative_segments WHERE initiative_id = 1") == [
            (0,)
        ]


def test_the_upgrade_drops_the_fixed_list_of_channels_from_the_schema(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        (sql,) = plan.query("SELECT sql FROM sqlite_master WHERE name = 'initiatives'")[0]
        tables = {row[0] for row in plan.query("SELECT name FROM sqlite_master")}

    assert "'webinar'" not in sql and "channel_id INTEGER NOT NULL REFERENCES channels" in sql
    assert "initiatives_new" not in tables


def test_the_id_of_a_deleted_initiative_is_not_given_again(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")

    with Plan.open(path) as plan:
        new = plan.initiatives.add(name="Newcomer").id

    assert new == 10  # 9 was deleted before the upgrade


def test_a_plan_with_a_channel_the_old_check_did_not_allow_is_refused_untouched(
    tmp_path: Path,
) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan", extra="radio")
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    assert "the plan is damaged (CHECK constraint failed in initiatives)" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_an_old_plan_opened_read_only_is_upgraded_in_memory_only(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")
    before = folder_state(tmp_path)

    with Plan.open(path, read_only=True) as plan:
        assert plan.read_only
        paid = plan.channels.named("Paid").id
        assert {i.channel_id for i in plan.initiatives.list()} >= {paid}

    assert folder_state(tmp_path) == before


def test_a_failed_channels_migration_leaves_the_plan_byte_for_byte_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")
    (pending,) = [m for m in migrations()._migrations if m.name == CHANNELS_MIGRATION]
    real = pending.fn

    def half_done_then_broken(db: object) -> None:
        real(db)
        raise RuntimeError("the migration hit a bug")

    monkeypatch.setattr(pending, "fn", half_done_then_broken)
    before = folder_state(tmp_path)

    with pytest.raises(PlanFileError) as caught:
        Plan.open(path)

    assert "could not be upgraded" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_the_upgraded_file_records_the_new_format(tmp_path: Path) -> None:
    path = make_format_3_plan(tmp_path / "old.smplan")
    with Plan.open(path):
        pass
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
