"""Connecting to a plan file: the pragmas every connection needs and the checks after connecting.

This is the one place that opens a SQLite connection on a plan. A plan from someone else is
untrusted input, so ``trusted_schema`` is off and any trigger or view (the app creates none)
is refused before a single query of the plan's own tables runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from planner.errors import PlanFileError
from planner.storage.database import PlanConnection
from planner.storage.schema import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE, migrations
from planner.version import APP_NAME, APPLICATION_ID

# Objects the app itself creates besides tables and indexes: none. Anything else is foreign.
_FOREIGN_OBJECT_TYPES = ("trigger", "view")
# What the quick check reports of a value that breaks a CHECK or NOT NULL constraint: content,
# not damage, which the content check can name by row and field (and reads the same on a
# read-only connection, where SQLite checks no CHECK constraint).
_CONTENT_PROBLEMS = ("CHECK constraint failed in ", "NULL value in ")


def connect(path: Path, *, read_only: bool = False, create: bool = False) -> PlanConnection:
    """A connection to ``path`` with foreign keys on and untrusted schema off."""
    mode = "ro" if read_only else ("rwc" if create else "rw")
    uri = f"file:{quote(str(path))}?mode={mode}"
    try:
        # check_same_thread=False: a big plan is opened on a worker thread and then used on
        # the UI thread; the Plan object serialises its use.
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise PlanFileError(f"{path}: cannot be opened ({error})") from None
    return prepare(conn, read_only=read_only, where=str(path))


def prepare(conn: sqlite3.Connection, *, read_only: bool, where: str) -> PlanConnection:
    """Apply the pragmas every plan connection needs (also used for in-memory copies)."""
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            # Rollback journal, never WAL: a plan is copied, e-mailed and kept in synced
            # folders, where WAL's -wal/-shm files and network-FS caveats bite.
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise damaged(where, error) from None
    return PlanConnection(conn)


def damaged(where: str, error: BaseException | str) -> PlanFileError:
    return PlanFileError(
        f"{where}: the plan is damaged ({one_line(error)}); restore it from a copy"
    )


def one_line(error: BaseException | str) -> str:
    """SQLite's own text on one line (integrity reports come as several)."""
    text = str(error).replace("*** in database main ***", " ")
    return " ".join(text.split())


def verify(db: PlanConnection, *, where: str, content_check_follows: bool = False) -> None:
    """Refuse a connected file that is not a sound plan of a version this app knows.

    ``content_check_follows``: a value breaking a CHECK or NOT NULL constraint is left to
    :func:`planner.storage.content.check_content`, which the caller runs next on this schema.
    """
    try:
        (application_id,) = db.read("PRAGMA application_id").fetchone()
        if application_id != APPLICATION_ID:
            raise PlanFileError(f"{where}: a SQLite database of another application, not a plan")
        foreign = db.read(
            "SELECT type, name FROM sqlite_master WHERE type IN (?, ?) ORDER BY type, name",
            _FOREIGN_OBJECT_TYPES,
        ).fetchall()
        if foreign:
            listed = ", ".join(f"{kind} {name!r}" for kind, name in foreign)
            raise PlanFileError(
                f"{where}: the plan holds objects {APP_NAME} did not create ({listed}); "
                "it was altered outside the app and is not opened"
            )
        problems = [row[0] for row in db.read("PRAGMA quick_check(5)").fetchall()]
        content = content_check_follows and all(p.startswith(_CONTENT_PROBLEMS) for p in problems)
        if problems != ["ok"] and not content:
            raise damaged(where, "; ".join(one_line(problem) for problem in problems))
        unknown = [name for name in applied_migrations(db) if name not in MIGRATION_NAMES]
        if unknown:
            raise PlanFileError(
                f"{where}: written by a newer version of {APP_NAME} (it has changes "
                f"{', '.join(unknown)} this version does not know); update the app to open it"
            )
    except sqlite3.DatabaseError as error:
        raise damaged(where, error) from None


def applied_migrations(db: PlanConnection) -> list[str]:
    """The names of the migrations applied, in the order applied (read as sqlite-utils'
    ``Migrations.applied`` reads them, without loading it)."""
    if not db.read(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone():
        return []
    return [
        name
        for (name,) in db.read(
            f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]


def apply_migrations(db: PlanConnection) -> None:
    """Bring the schema up to date and mirror its version into the header's user_version."""
    migrations().apply(db.database)
    count = db.read(
        f"SELECT count(*) FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchone()[0]
    db.database.execute(f"PRAGMA user_version = {int(count)}")


def initialise(db: PlanConnection) -> None:
    """Make an empty database a plan file of the current format."""
    db.database.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    apply_migrations(db)
