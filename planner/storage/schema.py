"""The plan file's schema, as sqlite-utils migrations applied in order.

Each migration runs in its own transaction with the record of it. ``PRAGMA user_version``
mirrors the number of migrations applied, so the version can be read from the file header
before any connection is made (see :mod:`planner.storage.header`).

Tables are STRICT, so text can never land where a number belongs, and every money column is
an INTEGER of minor units.
"""

from __future__ import annotations

from planner.domain import Channel, Metric, Role, Stage, Status, Team, Tier
from planner.storage.database import Database, Migrations

MIGRATION_SET = "smarketing-plan"
migrations = Migrations(MIGRATION_SET)
_names: list[str] = []


def _migration(function):  # type: ignore[no-untyped-def]
    """Register a migration and remember its name, in order, for the version checks."""
    _names.append(function.__name__)
    return migrations()(function)


def _one_of(column: str, enum: type) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return f"CHECK ({column} IN ({values}))"


@_migration
def m001_core_tables(db: Database) -> None:
    """Settings, people, segments, initiatives, RACI roles and the monthly funnel values."""
    metric_columns = ",\n".join(
        f"    {metric.planned_column} INTEGER CHECK ({metric.planned_column} >= 0),\n"
        f"    {metric.actual_column} INTEGER CHECK ({metric.actual_column} >= 0)"
        for metric in Metric
    )
    statements = [
        f"""CREATE TABLE plan_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    company TEXT NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    fiscal_year_start INTEGER NOT NULL CHECK (fiscal_year_start BETWEEN 1 AND 12),
    horizon_first INTEGER NOT NULL,
    horizon_months INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 120),
    stage TEXT NOT NULL {_one_of("stage", Stage)}
) STRICT""",
        """CREATE TABLE funnel_assumptions (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    lead_to_mql REAL NOT NULL,
    mql_to_sal REAL NOT NULL,
    sal_to_sql REAL NOT NULL,
    sql_to_opportunity REAL NOT NULL,
    opportunity_to_won REAL NOT NULL,
    average_deal_size INTEGER NOT NULL CHECK (average_deal_size > 0),
    min_return_ratio REAL NOT NULL
) STRICT""",
        """CREATE TABLE handoff_agreement (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mqls_per_month INTEGER NOT NULL CHECK (mqls_per_month >= 0),
    acceptance_rate REAL NOT NULL,
    followup_hours REAL NOT NULL,
    quality_bar TEXT NOT NULL
) STRICT""",
        f"""CREATE TABLE people (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    team TEXT NOT NULL {_one_of("team", Team)},
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT""",
        f"""CREATE TABLE segments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    tier TEXT NOT NULL {_one_of("tier", Tier)},
    notes TEXT NOT NULL DEFAULT ''
) STRICT""",
        f"""CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL {_one_of("channel", Channel)},
    status TEXT NOT NULL {_one_of("status", Status)},
    start_month INTEGER NOT NULL,
    end_month INTEGER NOT NULL CHECK (end_month >= start_month),
    budget INTEGER NOT NULL CHECK (budget >= 0),
    revenue_target INTEGER NOT NULL CHECK (revenue_target >= 0),
    problem TEXT NOT NULL DEFAULT '',
    so_what TEXT NOT NULL DEFAULT '',
    why_us TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
) STRICT""",
        """CREATE TABLE initiative_segments (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, segment_id)
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX initiative_segments_by_segment ON initiative_segments(segment_id)",
        f"""CREATE TABLE roles (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL {_one_of("role", Role)},
    PRIMARY KEY (initiative_id, person_id)
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX roles_by_person ON roles(person_id)",
        # The database itself refuses a second Accountable, whatever the code above it does.
        "CREATE UNIQUE INDEX one_accountable ON roles(initiative_id) WHERE role = 'A'",
        f"""CREATE TABLE monthly_values (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    month INTEGER NOT NULL,
{metric_columns},
    PRIMARY KEY (initiative_id, month)
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX monthly_values_by_month ON monthly_values(month)",
    ]
    for statement in statements:
        db.execute(statement)


@_migration
def m002_handoff_months(db: Database) -> None:
    """Per month, how fast sales actually followed up on MQLs (median hours)."""
    db.execute(
        """CREATE TABLE handoff_months (
    month INTEGER PRIMARY KEY,
    followup_hours REAL CHECK (followup_hours >= 0)
) STRICT"""
    )


@_migration
def m003_import_mappings(db: Database) -> None:
    """CSV column mappings kept for next time, one per set of CSV column names (a JSON list of
    the names, sorted) holding the mapping as JSON."""
    db.execute(
        """CREATE TABLE import_mappings (
    header_key TEXT PRIMARY KEY,
    mapping TEXT NOT NULL
) STRICT"""
    )


MIGRATION_NAMES: tuple[str, ...] = tuple(_names)
SCHEMA_VERSION = len(MIGRATION_NAMES)
