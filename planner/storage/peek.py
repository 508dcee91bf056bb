"""A plan file's company and name, read without opening the plan: for lists of plans (the app's
Open Recent) that must say which plan a file holds, cheaply, whatever the file is.

Nothing is written, locked or upgraded: the header is checked first (a named pipe, another
app's database, a newer plan are refused untouched), then one query of the settings table on a
read-only connection that does not wait for a writer. A file from someone else is untrusted:
the settings must be the app's own table (a view of the same name could run anything), and
the text read is cut to a length a menu can show.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanError
from planner.storage.connection import connect, one_line
from planner.storage.header import check_plan_header
from planner.storage.schema import SCHEMA_VERSION

LONGEST = 120  # characters kept of a name or company: a menu line, not a document


@dataclass(frozen=True, slots=True)
class PlanTitle:
    """Which plan a file holds: its company and name, or why they cannot be read."""

    path: Path
    company: str = ""
    name: str = ""
    problem: str = ""  # one line, the path left out; "" when the names were read


def read_title(path: Path) -> PlanTitle:
    """The company and name of the plan at ``path``; never raises for a bad file."""
    try:
        header = check_plan_header(path, schema_version=SCHEMA_VERSION)
        # A plan another program switched to WAL cannot be read without writing beside it.
        if header.wal_mode:
            return PlanTitle(path, problem="in use by another program")
        db = connect(path, read_only=True)
    except PlanError as error:
        return PlanTitle(path, problem=_without_path(path, str(error)))
    try:
        # Waiting for a writer would hold the menu: a busy plan says so instead.
        db.read("PRAGMA busy_timeout = 0")
        kind = db.read("SELECT type FROM sqlite_master WHERE name = 'plan_settings'").fetchone()
        if kind is None or kind[0] != "table":
            return PlanTitle(path, problem="not a plan (it has no plan settings)")
        # As bytes: Python decodes them below, where text that is not UTF-8 is told apart.
        row = db.read(
            "SELECT typeof(company) = 'text' AND typeof(name) = 'text', "
            "CAST(substr(company, 1, ?) AS BLOB), CAST(substr(name, 1, ?) AS BLOB) "
            "FROM plan_settings WHERE id = 1",
            (LONGEST, LONGEST),
        ).fetchone()
    except sqlite3.Error as error:
        return PlanTitle(path, problem=_why(error))
    finally:
        db.close()
    if row is None:
        return PlanTitle(path, problem="not a plan (its settings are missing)")
    if not row[0]:
        return PlanTitle(path, problem="damaged (its company or name is not text)")
    try:
        company, name = (" ".join(bytes(value).decode("utf-8").split()) for value in row[1:])
    except UnicodeDecodeError:
        return PlanTitle(path, problem="damaged (its text is not UTF-8)")
    return PlanTitle(path, company=company, name=name)


def _why(error: BaseException) -> str:
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return "busy: another program is writing it"
    return f"damaged ({one_line(error)})"


def _without_path(path: Path, message: str) -> str:
    """The core's message without the path it starts with: the list shows the file already."""
    for prefix in (f"{path}: ", f"{path.absolute()}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
