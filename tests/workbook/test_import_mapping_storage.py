"""Column mappings kept in the plan file: the service that saves and finds them, and the
upgrade that adds their table to a plan of the previous format, keeping every value."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from planner import Entity, Metric, Plan, ValidationError
from planner.storage import connection
from planner.storage.schema import SCHEMA_VERSION, migrations
from planner.version import APPLICATION_ID
from planner.workbook.importing import CsvMapping

PREVIOUS_VERSION = 2
HEADERS = ("Deal Name", "Deal Stage", "Amount", "Close Date", "Campaign")
MAPPING = CsvMapping(
    "Campaign", "Close Date", "Amount", stage_column="Deal Stage", stages=("Closed Won",)
)


def test_a_saved_mapping_is_found_for_the_same_columns_in_any_order() -> None:
    plan = Plan.in_memory()

    change = plan.import_mappings.save(HEADERS, MAPPING)

    assert change.entity is Entity.IMPORT_MAPPINGS
    assert plan.import_mappings.saved(tuple(reversed(HEADERS))) == MAPPING
    assert plan.import_mappings.saved((*HEADERS, "Pipeline")) is None


def test_saving_again_replaces_the_mapping() -> None:
    plan = Plan.in_memory()
    plan.import_mappings.save(HEADERS, MAPPING)
    other = CsvMapping("Campaign", "Close Date", "Amount", metric=Metric.PIPELINE)

    plan.import_mappings.save(HEADERS, other)

    assert plan.import_mappings.saved(HEADERS) == other
    assert plan.query("SELECT count(*) FROM import_mappings") == [(1,)]


def test_a_mapping_naming_a_column_the_headers_lack_is_not_saved() -> None:
    plan = Plan.in_memory()

    with pytest.raises(ValidationError) as caught:
        plan.import_mappings.save(("Campaign", "Amount"), MAPPING)

    assert str(caught.value).startswith("Column mapping: the file has no column 'Close Date'")
    assert plan.query("SELECT count(*) FROM import_mappings") == [(0,)]


def test_an_unreadable_saved_mapping_counts_as_none() -> None:
    plan = Plan.in_memory()
    plan.import_mappings.save(HEADERS, MAPPING)
    plan.db.execute('UPDATE import_mappings SET mapping = \'{"metric": "profit"}\'')

    assert plan.import_mappings.saved(HEADERS) is None


def _previous_format_plan(path: Path) -> Path:
    """A plan file of format 2 (before the mappings table) with data in every table."""
    conn = sqlite3.connect(path)
    db = connection.prepare(conn, read_only=False, where=str(path)).database
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations().apply(db, stop_before="m003_import_mappings")
    db.execute(f"PRAGMA user_version = {PREVIOUS_VERSION}")
    statements = [
        "INSERT INTO plan_settings VALUES (1, 'Old plan', 'Acme', 'EUR', 4, 202601, 24, 'startup')",
        "INSERT INTO funnel_assumptions VALUES (1, 0.3, 0.7, 0.5, 0.6, 0.25, 2500000, 3.0)",
        "INSERT INTO handoff_agreement VALUES (1, 40, 0.8, 24.0, 'BANT')",
        "INSERT INTO people (id, name, name_key, team) VALUES (1, 'Ann', 'ann', 'Marketing')",
        "INSERT INTO segments (id, name, name_key, tier) VALUES (1, 'SaaS', 'saas', 'core')",
        "INSERT INTO initiatives (id, name, name_key, channel, status, start_month, end_month, "
        "budget, revenue_target) VALUES (1, 'Webinars', 'webinars', 'webinar', 'active', "
        "202601, 202612, 500000, 9000000)",
        "INSERT INTO initiative_segments VALUES (1, 1)",
        "INSERT INTO roles VALUES (1, 1, 'A')",
        "INSERT INTO monthly_values (initiative_id, month, mql_plan, mql_actual, "
        "revenue_won_plan, revenue_won_actual) VALUES (1, 202602, 10, 12, 100000, 123456)",
        "INSERT INTO handoff_months VALUES (202602, 30.5)",
    ]
    with db.atomic():
        for statement in statements:
            db.execute(statement)
    conn.close()
    return path


def _every_row(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
            )
        ]
        return {table: sorted(conn.execute(f"SELECT * FROM [{table}]")) for table in tables}
    finally:
        conn.close()


def test_a_plan_of_the_previous_format_is_upgraded_keeping_every_value(tmp_path: Path) -> None:
    path = _previous_format_plan(tmp_path / "old.smplan")
    before = _every_row(path)

    with Plan.open(path) as plan:
        assert plan.upgraded_from == PREVIOUS_VERSION
        assert plan.import_mappings.saved(HEADERS) is None  # the new table is there, empty
        plan.import_mappings.save(HEADERS, MAPPING)

    after = _every_row(path)
    assert after.pop("import_mappings") == [
        (
            '["Amount", "Campaign", "Close Date", "Deal Name", "Deal Stage"]',
            MAPPING.to_json(),
        )
    ]
    # Every initiative keeps its channel (m004 turned the word into a channel of the list).
    # The tables of later formats (plan versions) are there, empty.
    for added in set(after) - set(before) - {"channels"}:
        assert after.pop(added) == [], added
    # Settings of later formats are there, not chosen yet (m006: what a move does to values;
    # m007: the gross margin; m008: the seasonal profile and the stage lags).
    assert [row[8:] for row in after["plan_settings"]] == [(None, None, None, None)]
    after["plan_settings"] = [row[:8] for row in after["plan_settings"]]
    key_of = {row[0]: row[2] for row in after.pop("channels")}
    # No initiative overrides a conversion rate yet (m007: its five rates, last).
    assert {row[-5:] for row in after["initiatives"]} == {(None,) * 5}
    after["initiatives"] = [(*row[:3], key_of[row[3]], *row[4:-5]) for row in after["initiatives"]]
    assert after == before
    with Plan.open(path, read_only=True) as again:
        assert again.upgraded_from is None
        assert again.import_mappings.saved(HEADERS) == MAPPING
        assert migrations().pending(again.db) == []
        assert again.query("PRAGMA user_version") == [(SCHEMA_VERSION,)]
