"""Opening and creating plan files: every check in order, and the upgrade of older formats.

Order matters: the header is read before any connection (refusing foreign files untouched),
the lock is taken before any write, an older plan is upgraded on a copy that replaces the
original only when the upgrade succeeded, and the connected file is verified before use.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from planner.errors import PlanFileError
from planner.storage import connection
from planner.storage.copies import copy_aside, temporary_sibling
from planner.storage.header import check_plan_header
from planner.storage.lock import PlanLock
from planner.storage.schema import SCHEMA_VERSION


@dataclass
class OpenedFile:
    db: Database
    path: Path
    lock: PlanLock | None
    read_only_reason: str | None  # None when open for editing
    upgraded_from: int | None  # the old format's version, after an upgrade


def open_file(path: Path, *, read_only: bool = False) -> OpenedFile:
    """Open an existing plan file; see :meth:`planner.Plan.open`."""
    path = Path(path).expanduser().absolute()
    header = check_plan_header(path, schema_version=SCHEMA_VERSION)
    reason = "opened read-only on request" if read_only else _why_not_writable(path)
    if reason is not None:
        return _open_read_only(path, reason, header.user_version)

    lock = PlanLock(path)
    lock.acquire()
    try:
        upgraded_from = None
        if header.user_version < SCHEMA_VERSION:
            upgrade_in_place(path, from_version=header.user_version)
            upgraded_from = header.user_version
        db = connection.connect(path)
        try:
            connection.verify(db, where=str(path))
        except BaseException:
            db.close()
            raise
    except BaseException:
        lock.release()
        raise
    return OpenedFile(db, path, lock, None, upgraded_from)


def _why_not_writable(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return "the file is write-protected"
    if not os.access(path.parent, os.W_OK):
        return "its folder is write-protected"
    return None


def _open_read_only(path: Path, reason: str, version: int) -> OpenedFile:
    db = connection.connect(path, read_only=True)
    try:
        connection.verify(db, where=str(path))
        if version < SCHEMA_VERSION:
            # An older plan that may not be written: upgrade a copy in memory to read it.
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            db.conn.backup(memory)
            db.close()
            db = connection.prepare(memory, read_only=False, where=str(path))
            connection.apply_migrations(db)
    except BaseException:
        db.close()
        raise
    return OpenedFile(db, path, None, reason, None)


def backup_name(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.format{version}.bak")


def upgrade_in_place(path: Path, *, from_version: int) -> Path:
    """Upgrade an older plan: set the original aside, upgrade a copy, swap it in.

    The original file is replaced only by a fully upgraded, verified copy; if anything fails
    the original is left exactly as it was and the aside copy is removed again.
    Returns the path of the copy set aside.
    """
    aside = backup_name(path, from_version)
    copy_aside(path, aside)
    working = temporary_sibling(path, "upgrade")
    try:
        copy_aside(path, working)
        db = connection.connect(working)
        try:
            connection.verify(db, where=str(path))
            connection.apply_migrations(db)
        finally:
            db.close()
        os.replace(working, path)
    except BaseException as error:
        for leftover in (working, aside):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(error, PlanFileError):
            raise
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        raise PlanFileError(
            f"{path}: the plan could not be upgraded to this version's format ({error}); "
            "the file is unchanged"
        ) from error
    return aside


def create_file(path: Path, *, overwrite: bool = False) -> tuple[Database, Path]:
    """A new, empty plan file of the current format at ``path``, written atomically.

    The caller fills the settings inside the returned, still-temporary database; see
    :func:`finish_create`.
    """
    path = Path(path).expanduser().absolute()
    if path.exists() and not overwrite:
        raise PlanFileError(f"{path}: a file of that name exists already")
    if not path.parent.is_dir():
        raise PlanFileError(f"{path}: the folder {path.parent} does not exist")
    working = temporary_sibling(path, "new")
    with contextlib.suppress(FileNotFoundError):
        working.unlink()
    try:
        db = connection.connect(working, create=True)
        connection.initialise(db)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            working.unlink()
        raise PlanFileError(f"{path}: the plan could not be created ({error})") from None
    return db, working


def finish_create(db: Database, working: Path, path: Path) -> None:
    """Close the filled temporary plan and move it into place under its real name."""
    try:
        db.close()
        os.replace(working, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            working.unlink()
        raise PlanFileError(f"{path}: the plan could not be written ({error.strerror})") from None


def abandon_create(db: Database, working: Path) -> None:
    with contextlib.suppress(Exception):
        db.close()
    with contextlib.suppress(OSError):
        working.unlink()
