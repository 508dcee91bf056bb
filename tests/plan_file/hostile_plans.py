"""Plans altered the way someone else's tool could alter them: values the app never writes,
written with plain SQL, and tables rebuilt without the schema's constraints.

    alter(path, "UPDATE funnel_assumptions SET lead_to_mql = 0")
    rebuild_without_constraints(path, "people")
    alter(path, "UPDATE people SET name = NULL WHERE id = 1")

A :class:`Breach` is one such alteration together with where the refusal must say it is, for
the tests that list many. The plan keeps its application id, ``user_version`` and migrations table, so the app takes it
for one of its own and opens it as far as its content lets it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def alter(path: Path, *statements: str, ignore_checks: bool = False) -> None:
    """Run ``statements`` on the plan in one transaction, with foreign keys off (as any tool
    but the app has them); ``ignore_checks`` writes past the CHECK constraints too
    (``PRAGMA ignore_check_constraints``, which leaves the schema as it is)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        if ignore_checks:
            conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("BEGIN")
        for statement in statements:
            conn.execute(statement)
        conn.execute("COMMIT")
    finally:
        conn.close()


def rebuild_without_constraints(path: Path, table: str, *, keep_types: bool = True) -> None:
    """Rebuild ``table`` as a plain table of the same columns: no STRICT, NOT NULL, CHECK,
    UNIQUE, PRIMARY KEY, REFERENCES or DEFAULT, and none of its indexes; its rows copied.

    ``keep_types`` keeps each column's declared type (as an affinity: text that looks like a
    number still becomes one); without it the columns have no type and keep whatever is
    written. SQLite's own recipe for a table change (create, copy, drop, rename), run with
    foreign keys off so no row of another table goes with the drop.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        if not columns:
            raise ValueError(f"the plan has no table {table!r}")
        declared = ", ".join(
            f'"{column[1]}" {column[2] if keep_types else ""}'.rstrip() for column in columns
        )
        names = ", ".join(f'"{column[1]}"' for column in columns)
        conn.execute("BEGIN")
        conn.execute(f'CREATE TABLE "{table}_plain" ({declared})')
        conn.execute(f'INSERT INTO "{table}_plain" ({names}) SELECT {names} FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "{table}_plain" RENAME TO "{table}"')
        conn.execute("COMMIT")
    finally:
        conn.close()


def add_initiatives(
    path: Path, count: int, *, budget: int = 0, spend_plan: int | None = None
) -> None:
    """Add ``count`` initiatives (named "Bulk 1", "Bulk 2", ... on the plan's first channel),
    each with ``budget``, and with ``spend_plan`` planned in every month of the horizon when
    given: a plan far larger than the demo, written in a moment."""
    alter(
        path,
        f"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
        INSERT INTO initiatives (name, name_key, channel_id, status, start_month, end_month,
                                 budget, revenue_target)
        SELECT 'Bulk ' || i, 'bulk ' || i, (SELECT min(id) FROM channels), 'planned',
               s.horizon_first, s.horizon_first, {int(budget)}, 0
        FROM n, plan_settings s""",
    )
    if spend_plan is not None:
        alter(
            path,
            f"""WITH RECURSIVE m(k) AS (
                SELECT 0 UNION ALL SELECT k + 1 FROM m
                WHERE k + 1 < (SELECT horizon_months FROM plan_settings))
            INSERT INTO monthly_values (initiative_id, month, spend_plan)
            SELECT i.id, ((s.horizon_first / 100 * 12 + s.horizon_first % 100 - 1 + k) / 12) * 100
                         + (s.horizon_first % 100 - 1 + k) % 12 + 1, {int(spend_plan)}
            FROM initiatives i, m, plan_settings s WHERE i.name LIKE 'Bulk %'""",
        )


@dataclass(frozen=True)
class Breach:
    """How a plan is altered, and where the refusal must say the breach is."""

    statements: tuple[str, ...] = ()
    table: str = ""
    field: str | None = None
    words: tuple[str, ...] = ()  # each must be in the one line
    rebuild: tuple[str, ...] = ()  # tables rebuilt without constraints first
    ignore_checks: bool = False
    setup: Callable[[Path], None] | None = None

    def apply(self, path: Path) -> None:
        for table in self.rebuild:
            rebuild_without_constraints(path, table)
        if self.setup is not None:
            self.setup(path)
        if self.statements:
            alter(path, *self.statements, ignore_checks=self.ignore_checks)
