"""Copying the planned side of a plan between the working plan and its versions, in SQL.

Each :class:`Part` is one table of the planned side, as the working plan holds it and as a
version holds it (the same columns, keyed by the version's id first). Every copy (saving a
version, adopting one as the working plan, building a version to read or edit) is a few
``INSERT ... SELECT`` statements over these parts, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from planner.domain import STAGE_RATES, Metric
from planner.storage.schema import VERSION_TABLES

PLANNED_COLUMNS = tuple(metric.planned_column for metric in Metric)
ACTUAL_COLUMNS = tuple(metric.actual_column for metric in Metric)


class Executes(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


@dataclass(frozen=True, slots=True)
class Part:
    version_table: str
    working_table: str
    columns: tuple[str, ...]
    initiative_column: str | None  # the column naming the initiative a row belongs to
    single: bool = False  # one row per plan (id 1) and per version

    @property
    def listed(self) -> str:
        return ", ".join(self.columns)


PARTS = (
    Part(
        "version_initiatives",
        "initiatives",
        (
            "id",
            "name",
            "name_key",
            "channel_id",
            "status",
            "start_month",
            "end_month",
            "budget",
            "revenue_target",
            "problem",
            "so_what",
            "why_us",
            "notes",
            *STAGE_RATES,  # the initiative's own conversion rates, NULL where not overridden
        ),
        "id",
    ),
    Part(
        "version_initiative_segments",
        "initiative_segments",
        ("initiative_id", "segment_id"),
        "initiative_id",
    ),
    Part("version_roles", "roles", ("initiative_id", "person_id", "role"), "initiative_id"),
    Part(
        "version_values",
        "monthly_values",
        ("initiative_id", "month", *PLANNED_COLUMNS),
        "initiative_id",
    ),
    Part(
        "version_funnel_assumptions",
        "funnel_assumptions",
        (
            "lead_to_mql",
            "mql_to_sal",
            "sal_to_sql",
            "sql_to_opportunity",
            "opportunity_to_won",
            "average_deal_size",
            "min_return_ratio",
        ),
        None,
        single=True,
    ),
    Part(
        "version_handoff_agreement",
        "handoff_agreement",
        ("mqls_per_month", "acceptance_rate", "followup_hours", "quality_bar"),
        None,
        single=True,
    ),
)
INITIATIVE_PARTS = tuple(part for part in PARTS if part.initiative_column is not None)
SINGLE_PARTS = tuple(part for part in PARTS if part.single)

_ANY_PLANNED = f"coalesce({', '.join(PLANNED_COLUMNS)}) IS NOT NULL"
_ANY_ACTUAL = f"coalesce({', '.join(ACTUAL_COLUMNS)}) IS NOT NULL"
# A list of ids passed as one JSON parameter, so a paste over thousands of initiatives is one
# statement, not one per id.
IDS = "(SELECT value FROM json_each(?))"


def _planned_rows(part: Part) -> str:
    """A working table's rows a version copies: a month holding only actuals is not planned."""
    return f" WHERE {_ANY_PLANNED}" if part.working_table == "monthly_values" else ""


def save_working(db: Executes, version_id: int) -> None:
    """Copy the working plan's planned side into version ``version_id`` (empty so far)."""
    for part in PARTS:
        db.execute(
            f"INSERT INTO {part.version_table} (version_id, {part.listed}) "
            f"SELECT ?, {part.listed} FROM {part.working_table}{_planned_rows(part)}",
            [version_id],
        )


def save_version(db: Executes, version_id: int, source_id: int) -> None:
    """Copy version ``source_id`` into version ``version_id`` (empty so far)."""
    for part in PARTS:
        db.execute(
            f"INSERT INTO {part.version_table} (version_id, {part.listed}) "
            f"SELECT ?, {part.listed} FROM {part.version_table} WHERE version_id = ?",
            [version_id, source_id],
        )


def adopt(db: Executes, version_id: int, *, keep_facts: bool, rebuild: bool = False) -> list[str]:
    """Make version ``version_id``'s planned side the working tables' (inside a transaction).
    Actuals stay with their initiative wherever the version has it.

    ``keep_facts``: an initiative the version lacks that holds actuals is kept, marked
    dropped, so no fact is lost (promoting a scenario); returns the names of those kept.
    Without it (a version built in memory to read or edit) the working plan's initiatives
    the version lacks are simply not there.

    ``rebuild``: the working tables are emptied by dropping and creating them again, far
    quicker than deleting their rows one by one; only for a copy being built, with foreign
    keys off (the caller checks every reference afterwards).
    """
    kept_ids: list[int] = []
    if keep_facts:
        kept_ids = [
            row[0]
            for row in db.execute(
                "SELECT DISTINCT initiative_id FROM monthly_values "
                f"WHERE {_ANY_ACTUAL} AND initiative_id NOT IN "
                "(SELECT id FROM version_initiatives WHERE version_id = ?)",
                [version_id],
            ).fetchall()
        ]
    kept = ids_json(kept_ids)
    actual = ", ".join(ACTUAL_COLUMNS)
    db.execute(
        # Typed as the working table is, so its key serves the joins below.
        "CREATE TEMP TABLE adopted_actuals (initiative_id INTEGER, month INTEGER, "
        f"{', '.join(f'{c} INTEGER' for c in ACTUAL_COLUMNS)}, "
        "PRIMARY KEY (initiative_id, month)) WITHOUT ROWID"
    )
    db.execute(
        f"INSERT INTO temp.adopted_actuals SELECT initiative_id, month, {actual} "
        f"FROM monthly_values WHERE {_ANY_ACTUAL} AND initiative_id NOT IN {IDS}",
        [kept],
    )
    indexes: list[str] = []
    try:
        if rebuild:
            indexes = _recreate(
                db, ("monthly_values", "roles", "initiative_segments", "initiatives")
            )
        else:
            # Children first: their rows go at once, not one by one through the cascade.
            for child in ("monthly_values", "roles", "initiative_segments", "initiatives"):
                column = "id" if child == "initiatives" else "initiative_id"
                db.execute(f"DELETE FROM {child} WHERE {column} NOT IN {IDS}", [kept])
        kept_names = [
            row[0]
            for row in db.execute(
                f"SELECT name FROM initiatives WHERE id IN {IDS} ORDER BY name", [kept]
            ).fetchall()
        ]
        db.execute(f"UPDATE initiatives SET status = 'dropped' WHERE id IN {IDS}", [kept])
        for part in INITIATIVE_PARTS[:-1]:
            db.execute(
                f"INSERT INTO {part.working_table} ({part.listed}) "
                f"SELECT {part.listed} FROM {part.version_table} WHERE version_id = ?",
                [version_id],
            )
        planned = ", ".join(PLANNED_COLUMNS)
        # Each month of the version with its actuals, then the months holding only actuals.
        db.execute(
            f"INSERT INTO monthly_values (initiative_id, month, {planned}, {actual}) "
            f"SELECT v.initiative_id, v.month, {', '.join(f'v.{c}' for c in PLANNED_COLUMNS)}, "
            f"{', '.join(f'a.{c}' for c in ACTUAL_COLUMNS)} FROM version_values v "
            "LEFT JOIN temp.adopted_actuals a "
            "ON a.initiative_id = v.initiative_id AND a.month = v.month "
            "WHERE v.version_id = ?",
            [version_id],
        )
        db.execute(
            f"INSERT INTO monthly_values (initiative_id, month, {actual}) "
            f"SELECT initiative_id, month, {actual} FROM temp.adopted_actuals a "
            "WHERE initiative_id IN (SELECT id FROM version_initiatives WHERE version_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM version_values v WHERE v.version_id = ? "
            "AND v.initiative_id = a.initiative_id AND v.month = a.month)",
            [version_id, version_id],
        )
        for part in SINGLE_PARTS:
            db.execute(
                f"UPDATE {part.working_table} SET ({part.listed}) = "
                f"(SELECT {part.listed} FROM {part.version_table} WHERE version_id = ?)",
                [version_id],
            )
        for index in indexes:
            db.execute(index)
    finally:
        db.execute("DROP TABLE temp.adopted_actuals")
    return kept_names


def empty_versions(db: Executes) -> None:
    """Remove every version from a copy being built (foreign keys off, as for ``rebuild``)."""
    for index in _recreate(db, ("plan_versions", *VERSION_TABLES)):
        db.execute(index)


def _recreate(db: Executes, tables: tuple[str, ...]) -> list[str]:
    """Drop ``tables`` and create them again as they were; returns the statements that make
    their own indexes again, to run once the tables are filled (building an index over rows
    already there is quicker than keeping it up to date row by row)."""
    schema = db.execute(
        f"SELECT type, sql FROM sqlite_master WHERE tbl_name IN {IDS} AND sql IS NOT NULL",
        ['["' + '","'.join(tables) + '"]'],
    ).fetchall()
    for table in tables:
        db.execute(f"DROP TABLE {table}")
    for kind, sql in schema:
        if kind == "table":
            db.execute(sql)
    return [sql for kind, sql in schema if kind == "index"]


def raise_initiative_sequence(db: Executes, at_least: int) -> None:
    """Make the working plan's next new initiative id higher than ``at_least``.

    The working plan's sequence is the file's one source of initiative ids: a version keeps
    the ids its initiatives had, and an initiative added to a scenario takes its id from
    there too, so one id is one initiative in every version and actuals follow it."""
    updated = db.execute(
        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'initiatives'", [at_least]
    ).rowcount
    if not updated and at_least > 0:
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('initiatives', ?)", [at_least])


def highest_initiative_id(db: Executes) -> int:
    """The highest initiative id the file has ever given (the working plan or a version)."""
    row = db.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'initiatives'), 0), "
        "coalesce((SELECT max(id) FROM version_initiatives), 0))"
    ).fetchone()
    return int(row[0])


def read_rows(db: Executes, part: Part, version_id: int) -> list[tuple[Any, ...]]:
    """A version's rows of one part, in the order of :attr:`Part.columns`."""
    return db.execute(
        f"SELECT {part.listed} FROM {part.version_table} WHERE version_id = ?", [version_id]
    ).fetchall()


def write_rows(db: Any, part: Part, version_id: int, rows: Iterable[Sequence[Any]]) -> None:
    """Insert rows of one part into version ``version_id`` (``db`` has ``executemany``)."""
    marks = ", ".join("?" * (len(part.columns) + 1))
    db.executemany(
        f"INSERT INTO {part.version_table} (version_id, {part.listed}) VALUES ({marks})",
        ((version_id, *row) for row in rows),
    )


def ids_json(ids: Iterable[int]) -> str:
    """``ids`` as the one parameter :data:`IDS` reads."""
    return "[" + ",".join(str(int(i)) for i in ids) + "]"
