"""The plan file's schema, as sqlite-utils migrations applied in order.

Each migration runs in its own transaction with the record of it. ``PRAGMA user_version``
mirrors the number of migrations applied, so the version can be read from the file header
before any connection is made (see :mod:`planner.storage.header`).

Tables are STRICT, so text can never land where a number belongs, and every money column is
an INTEGER of minor units.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner import validation as check
from planner.domain import STAGE_RATES, Metric, Role, Stage, Status, Team, Tier, ValuesOnMove
from planner.storage.database import new_migrations

if TYPE_CHECKING:
    from planner.storage.database import Database, Migrations

MIGRATION_SET = "smarketing-plan"
# Where sqlite-utils records the migrations applied (``Migrations.migrations_table``).
MIGRATIONS_TABLE = "_sqlite_migrations"
_Step = Callable[["Database"], None]
_steps: list[tuple[_Step, bool]] = []  # each migration, and whether it runs in a transaction


def _migration(function=None, *, transactional: bool = True):  # type: ignore[no-untyped-def]
    """Register a migration, in order; sqlite-utils gets them in :func:`migrations`."""

    def register(function):  # type: ignore[no-untyped-def]
        _steps.append((function, transactional))
        return function

    return register if function is None else register(function)


@functools.cache
def migrations() -> Migrations:
    """The plan's migrations as sqlite-utils applies them (which imports sqlite-utils: only an
    upgrade or a new plan needs this, never opening a plan of the current format)."""
    plan_migrations = new_migrations(MIGRATION_SET)
    for function, transactional in _steps:
        plan_migrations(transactional=transactional)(function)
    return plan_migrations


def _one_of(column: str, choices: type | tuple[str, ...]) -> str:
    values = ", ".join(f"'{getattr(choice, 'value', choice)}'" for choice in choices)
    return f"CHECK ({column} IN ({values}))"


# The channels the first format allowed (m004 turns them into rows of the channels table).
_M001_CHANNELS = (
    "content",
    "event",
    "paid",
    "outbound",
    "partner",
    "webinar",
    "enablement",
    "other",
)


# The database itself refuses a second Accountable, whatever the code above it does.
ONE_ACCOUNTABLE_INDEX = (
    "CREATE UNIQUE INDEX one_accountable ON roles(initiative_id) WHERE role = 'A'"
)
VERSION_ONE_ACCOUNTABLE_INDEX = (
    "CREATE UNIQUE INDEX version_one_accountable "
    "ON version_roles(version_id, initiative_id) WHERE role = 'A'"
)


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
    channel TEXT NOT NULL {_one_of("channel", _M001_CHANNELS)},
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
        ONE_ACCOUNTABLE_INDEX,
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


# The channels every plan starts with, in the order they are offered. A plan of an older
# format gets them too: its eight channels are among them under the names the app showed
# for them ("Paid", "Webinar"), so each initiative keeps its channel, and the five that
# were missing (e-mail, social, SEO, field marketing, PR) are there when the lead wants
# them, or can be retired in Plan settings. Frozen with the migration: another default
# list later is another migration.
DEFAULT_CHANNELS = (
    "Content",
    "E-mail",
    "Social",
    "Paid",
    "SEO",
    "Event",
    "Field marketing",
    "Webinar",
    "Outbound",
    "Partner",
    "PR",
    "Enablement",
    "Other",
)


@_migration(transactional=False)
def m004_channels(db: Database) -> None:
    """Channels become the plan's own list: a ``channels`` table (a name unique in any
    letter case, a retired flag, a position in the list), and initiatives refer to theirs
    by id instead of a word a CHECK constraint fixed.

    SQLite cannot drop a CHECK constraint, so ``initiatives`` is rebuilt (created anew,
    filled, the old one dropped, the new one renamed), SQLite's own recipe for a table
    change. Dropping the old table with foreign keys on would delete every role, segment
    aim and monthly value through their ON DELETE CASCADE, and ``PRAGMA foreign_keys``
    cannot change inside a transaction: so the migration turns them off around its own
    transaction and checks every reference before it commits. (It is not recorded as
    applied in that same transaction; an upgrade runs on a copy that replaces the plan
    only once every migration is applied, and a new plan is built the same way.)
    """
    if db.conn.in_transaction:
        raise RuntimeError("m004_channels must run outside a transaction")
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            _rebuild_initiatives(db, _add_channels(db))
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"references left broken: {broken[:3]}")
    finally:
        if enforced:
            db.execute("PRAGMA foreign_keys = ON")


def _add_channels(db: Database) -> dict[str, int]:
    """The channels table with the default list; returns the channel id of each word the
    old ``initiatives.channel`` column holds."""
    db.execute(
        """CREATE TABLE channels (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT"""
    )
    db.conn.executemany(
        "INSERT INTO channels (name, name_key, position) VALUES (?, ?, ?)",
        [(name, check.name_key(name), n) for n, name in enumerate(DEFAULT_CHANNELS)],
    )
    ids = dict(db.execute("SELECT name_key, id FROM channels").fetchall())
    # Each word the old CHECK allowed is the key of a default channel's name. (A plan with
    # any other word fails the integrity check and is refused before it is upgraded.)
    words = [row[0] for row in db.execute("SELECT DISTINCT channel FROM initiatives")]
    return {word: ids[check.name_key(word)] for word in words}


def _rebuild_initiatives(db: Database, channel_of: dict[str, int]) -> None:
    sequence = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'initiatives'").fetchone()
    db.execute(
        f"""CREATE TABLE initiatives_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    status TEXT NOT NULL {_one_of("status", Status)},
    start_month INTEGER NOT NULL,
    end_month INTEGER NOT NULL CHECK (end_month >= start_month),
    budget INTEGER NOT NULL CHECK (budget >= 0),
    revenue_target INTEGER NOT NULL CHECK (revenue_target >= 0),
    problem TEXT NOT NULL DEFAULT '',
    so_what TEXT NOT NULL DEFAULT '',
    why_us TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
) STRICT"""
    )
    if channel_of:
        cases = " ".join("WHEN ? THEN ?" for _ in channel_of)
        db.execute(
            "INSERT INTO initiatives_new (id, name, name_key, channel_id, status, start_month, "
            "end_month, budget, revenue_target, problem, so_what, why_us, notes) "
            f"SELECT id, name, name_key, CASE channel {cases} END, status, start_month, "
            "end_month, budget, revenue_target, problem, so_what, why_us, notes "
            "FROM initiatives ORDER BY id",
            [value for pair in channel_of.items() for value in pair],
        )
    db.execute("DROP TABLE initiatives")
    db.execute("ALTER TABLE initiatives_new RENAME TO initiatives")
    db.execute("CREATE INDEX initiatives_by_channel ON initiatives(channel_id)")
    if sequence is not None:
        # The ids of deleted initiatives stay unused, as AUTOINCREMENT promised before.
        updated = db.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'initiatives'",
            [sequence[0]],
        ).rowcount
        if not updated:
            db.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('initiatives', ?)", [sequence[0]]
            )


# The tables a plan version copies from the working plan, each with its version's id first.
VERSION_TABLES = (
    "version_initiatives",
    "version_initiative_segments",
    "version_roles",
    "version_values",
    "version_funnel_assumptions",
    "version_handoff_agreement",
)


@_migration
def m005_versions(db: Database) -> None:
    """Named versions of the plan's planned side beside the working plan: a locked
    baseline, an editable scenario (see :mod:`planner.versions`).

    A version copies initiatives (with their segments and roles), planned monthly values,
    the funnel assumptions and the hand-off agreement, under the ids they have in the
    working plan, so "the same initiative" is the same id in every version. Actuals are
    facts, shared by every version and never copied: ``version_values`` has no actual
    column. People, segments and channels are shared too; one a version refers to cannot be
    deleted (no ON DELETE CASCADE reaches into a version, so no edit of the working plan
    changes a version).
    """
    planned = ",\n".join(
        f"    {metric.planned_column} INTEGER CHECK ({metric.planned_column} >= 0)"
        for metric in Metric
    )
    of_version = "version_id INTEGER NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE"
    of_initiative = (
        "FOREIGN KEY (version_id, initiative_id) "
        "REFERENCES version_initiatives(version_id, id) ON DELETE CASCADE"
    )
    statements = [
        f"""CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL {_one_of("kind", ("baseline", "scenario"))},
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    saved_at TEXT NOT NULL,
    saved_from TEXT NOT NULL DEFAULT ''
) STRICT""",
        f"""CREATE TABLE version_initiatives (
    {of_version},
    id INTEGER NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    name_key TEXT NOT NULL,
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    status TEXT NOT NULL {_one_of("status", Status)},
    start_month INTEGER NOT NULL,
    end_month INTEGER NOT NULL CHECK (end_month >= start_month),
    budget INTEGER NOT NULL CHECK (budget >= 0),
    revenue_target INTEGER NOT NULL CHECK (revenue_target >= 0),
    problem TEXT NOT NULL DEFAULT '',
    so_what TEXT NOT NULL DEFAULT '',
    why_us TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, id),
    UNIQUE (version_id, name_key)
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX version_initiatives_by_channel ON version_initiatives(channel_id)",
        f"""CREATE TABLE version_initiative_segments (
    version_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL,
    segment_id INTEGER NOT NULL REFERENCES segments(id),
    PRIMARY KEY (version_id, initiative_id, segment_id),
    {of_initiative}
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX version_initiative_segments_by_segment "
        "ON version_initiative_segments(segment_id)",
        f"""CREATE TABLE version_roles (
    version_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT NOT NULL {_one_of("role", Role)},
    PRIMARY KEY (version_id, initiative_id, person_id),
    {of_initiative}
) STRICT, WITHOUT ROWID""",
        "CREATE INDEX version_roles_by_person ON version_roles(person_id)",
        VERSION_ONE_ACCOUNTABLE_INDEX,
        f"""CREATE TABLE version_values (
    version_id INTEGER NOT NULL,
    initiative_id INTEGER NOT NULL,
    month INTEGER NOT NULL,
{planned},
    PRIMARY KEY (version_id, initiative_id, month),
    {of_initiative}
) STRICT, WITHOUT ROWID""",
        """CREATE TABLE version_funnel_assumptions (
    version_id INTEGER PRIMARY KEY REFERENCES plan_versions(id) ON DELETE CASCADE,
    lead_to_mql REAL NOT NULL,
    mql_to_sal REAL NOT NULL,
    sal_to_sql REAL NOT NULL,
    sql_to_opportunity REAL NOT NULL,
    opportunity_to_won REAL NOT NULL,
    average_deal_size INTEGER NOT NULL CHECK (average_deal_size > 0),
    min_return_ratio REAL NOT NULL
) STRICT""",
        """CREATE TABLE version_handoff_agreement (
    version_id INTEGER PRIMARY KEY REFERENCES plan_versions(id) ON DELETE CASCADE,
    mqls_per_month INTEGER NOT NULL CHECK (mqls_per_month >= 0),
    acceptance_rate REAL NOT NULL,
    followup_hours REAL NOT NULL,
    quality_bar TEXT NOT NULL
) STRICT""",
    ]
    for statement in statements:
        db.execute(statement)


@_migration
def m006_values_on_move(db: Database) -> None:
    """The lead's choice of what a move of an initiative's dates (the Timeline) does to its
    planned monthly values; NULL until the lead makes it (moves shift them meanwhile), so the
    app asks once per plan, not once per session."""
    db.execute(
        "ALTER TABLE plan_settings ADD COLUMN values_on_move TEXT "
        f"{_one_of('values_on_move', ValuesOnMove)}"
    )


def _nullable_rate(column: str) -> str:
    return f"{column} REAL CHECK ({column} > 0 AND {column} <= 1)"


@_migration
def m007_rates_and_margin(db: Database) -> None:
    """Conversion rates by channel and by initiative, and the plan's gross margin.

    A channel or an initiative may override any of the five stage rates; NULL means "not
    overridden" (the next more general rate applies: initiative, then channel, then the
    plan's; see :mod:`planner.analysis.rates`). An initiative's overrides are part of the
    planned side: they are columns of its row, so a version copies them with it, in
    ``version_initiatives`` (keyed by the version's id). A channel's are shared by every
    version, as the channel is. The gross margin (NULL: not stated) turns the cost of a
    customer into months of payback (:mod:`planner.analysis.returns`).
    """
    for table in ("channels", "initiatives", "version_initiatives"):
        for rate in STAGE_RATES:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {_nullable_rate(rate)}")
    db.execute(
        "ALTER TABLE plan_settings ADD COLUMN gross_margin REAL "
        "CHECK (gross_margin > 0 AND gross_margin <= 1)"
    )


@_migration
def m008_phasing_choices(db: Database) -> None:
    """What the lead last phased targets with (:mod:`planner.phasing`): the seasonal
    profile, 12 whole weights January first ("8,8,10,..."), and the months between stages,
    five whole numbers in funnel order ("0,1,1,0,1"); NULL until chosen (an even profile,
    no lags). Text kept short by the schema; its form is read on open by the content check."""
    db.execute(
        "ALTER TABLE plan_settings ADD COLUMN seasonal_profile TEXT "
        "CHECK (length(seasonal_profile) <= 100)"
    )
    db.execute(
        "ALTER TABLE plan_settings ADD COLUMN stage_lags TEXT CHECK (length(stage_lags) <= 40)"
    )


MIGRATION_NAMES: tuple[str, ...] = tuple(function.__name__ for function, _ in _steps)
SCHEMA_VERSION = len(MIGRATION_NAMES)
