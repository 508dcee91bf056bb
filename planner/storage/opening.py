"""Opening and creating plan files: every check in order, and the upgrade of older formats.

Order matters: the header is read before any connection (refusing foreign files untouched),
the lock is taken before any write, an older plan is upgraded on a copy that replaces the
original only when the upgrade succeeded, and the connected file is verified before use.

A plan whose editor crashed mid-commit has a "hot" journal beside it: the file itself may be
half written until SQLite rolls the journal back. A plan another tool switched to WAL keeps
committed changes in a ``-wal`` file beside it. Opened for editing, either is settled into the
file first (before the header's size check and before any byte copy is made for an upgrade).
Opened read-only, the plan may not be written and no file may appear beside it, so that is
done on a private copy in a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError
from planner.storage import connection
from planner.storage.content import check_content
from planner.storage.copies import copy_aside, temporary_sibling
from planner.storage.database import PlanConnection
from planner.storage.header import check_plan_header, journal_of, wal_of
from planner.storage.lock import PlanLock
from planner.storage.schema import SCHEMA_VERSION


@dataclass
class OpenedFile:
    db: PlanConnection
    path: Path
    lock: PlanLock | None
    read_only_reason: str | None  # why, as a clause ("as asked"); None when open for editing
    upgraded_from: int | None  # the old format's version, after an upgrade
    upgrade_backup: Path | None = None  # the original set aside by that upgrade


def open_file(path: Path, *, read_only: bool = False, lock: PlanLock | None = None) -> OpenedFile:
    """Open an existing plan file; see :meth:`planner.Plan.open`.

    ``lock``, when given, is the plan's lock already held by the caller (a new plan is locked
    before it is written); it is released again if the plan cannot be opened.
    """
    path = Path(path).expanduser().absolute()
    try:
        header = check_plan_header(path, schema_version=SCHEMA_VERSION)
        reason = "as asked" if read_only else _why_not_writable(path)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if reason is not None:
        if lock is not None:
            lock.release()
        return _open_read_only(path, reason, header.user_version, wal=header.wal_mode)

    if lock is None:
        lock = PlanLock(path)
    lock.acquire()
    try:
        if header.wal_mode or journal_of(path).exists():
            _settle(path)
            header = check_plan_header(path, schema_version=SCHEMA_VERSION)
            if header.wal_mode:
                raise PlanFileError(
                    f"{path}: the plan is in use by another program (it keeps a write-ahead "
                    "log beside it); close it there, or open the plan read-only"
                )
        upgraded_from = aside = None
        if header.user_version < SCHEMA_VERSION:
            # Through a symlink, upgrade the file it points to (and keep the link).
            real = Path(os.path.realpath(path))
            aside = upgrade_in_place(real, from_version=header.user_version)
            upgraded_from = header.user_version
        db = connection.connect(path)
        try:
            connection.verify(db, where=str(path), content_check_follows=True)
            check_content(db, where=str(path))
        except BaseException:
            db.close()
            raise
    except BaseException:
        lock.release()
        raise
    return OpenedFile(db, path, lock, None, upgraded_from, aside)


def _why_not_writable(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return "the file is write-protected"
    if not os.access(path.parent, os.W_OK):
        return "its folder is write-protected"
    return None


def _settle(path: Path) -> None:
    """Let SQLite roll back a journal a crash left beside the plan, and fold a WAL file into it
    (back to the rollback journal), so the file alone is the plan. We hold the plan's lock."""
    db = connection.connect(path)
    try:
        db.read("SELECT count(*) FROM sqlite_master").fetchone()
        _remove_cold_journal(db, path)
    except sqlite3.DatabaseError as error:
        raise connection.damaged(str(path), error) from None
    finally:
        db.close()


def _remove_cold_journal(db: PlanConnection, path: Path) -> None:
    """Remove a journal SQLite did not roll back: a crash came while it was being written,
    before the commit touched the plan (its header is still blank), so it holds nothing to
    undo. SQLite would keep it until the next edit, and until then every read-only open would
    take it for a crash to repair. Removed under the write lock, so no one's live transaction
    owns it."""
    journal = journal_of(path)
    if not journal.exists():
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return  # another program is writing the plan: the journal may be its own
    try:
        with contextlib.suppress(OSError):
            journal.unlink()
    finally:
        db.conn.execute("ROLLBACK")


# SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection may not roll back.
_READONLY_ROLLBACK = 776


def _open_read_only(path: Path, reason: str, version: int, *, wal: bool) -> OpenedFile:
    # A WAL plan read in place would get -wal and -shm files beside it: read a private copy.
    db = _private_copy_in_memory(path) if wal else connection.connect(path, read_only=True)
    try:
        try:
            db.read("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) != _READONLY_ROLLBACK:
                raise connection.damaged(str(path), error) from None
            db.close()
            db = _private_copy_in_memory(path)
        connection.verify(db, where=str(path), content_check_follows=version == SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            # An older plan that may not be written: upgrade a copy in memory to read it.
            if db.conn.execute("PRAGMA database_list").fetchone()[2]:  # a file, not memory
                memory = sqlite3.connect(":memory:", check_same_thread=False)
                db.conn.backup(memory)
                db.close()
                db = connection.prepare(memory, read_only=False, where=str(path))
            # Verified again in memory, where SQLite checks CHECK constraints too (it does
            # not on a read-only file), as a writable plan is before its upgrade.
            connection.verify(db, where=str(path))
            try:
                connection.apply_migrations(db)
            except Exception as error:
                raise _not_upgraded(path, error) from error
        check_content(db, where=str(path))
    except BaseException:
        db.close()
        raise
    return OpenedFile(db, path, None, reason, None)


def _private_copy_in_memory(path: Path) -> PlanConnection:
    """The plan as of its last commit, read from a private copy of it and its journal or WAL.

    The plan itself is not written: copies of the file and the journal or WAL beside it are
    settled by SQLite in a temporary folder, loaded into memory, and deleted.
    """
    for _attempt in range(3):
        with tempfile.TemporaryDirectory(prefix="smarketing-recover-") as folder:
            copy = Path(folder) / path.name
            try:
                before = os.stat(path)
                shutil.copyfile(path, copy)
                for companion, copied in (
                    (journal_of(path), journal_of(copy)),
                    (wal_of(path), wal_of(copy)),
                ):
                    with contextlib.suppress(FileNotFoundError):
                        shutil.copyfile(companion, copied)
                after = os.stat(path)
            except OSError as error:
                raise PlanFileError(
                    f"{path}: the plan was not closed properly and cannot be read "
                    f"({error.strerror or error}); open it for editing once to repair it"
                ) from None
            if (before.st_mtime_ns, before.st_size) != (after.st_mtime_ns, after.st_size):
                continue  # its editor repaired it while we copied: copy again
            scratch = sqlite3.connect(copy)
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            try:
                scratch.execute("PRAGMA trusted_schema = OFF")
                scratch.execute("SELECT count(*) FROM sqlite_master").fetchone()
                scratch.backup(memory)
            except sqlite3.DatabaseError as error:
                memory.close()
                raise connection.damaged(str(path), error) from None
            finally:
                scratch.close()
            return connection.prepare(memory, read_only=True, where=str(path))
    raise PlanFileError(f"{path}: the plan kept changing while it was read; try again")


def backup_name(path: Path, version: int) -> Path:
    """Where the upgrade from ``version`` sets the original aside (a free name: an earlier
    copy is never replaced)."""
    candidate = path.with_name(f"{path.name}.format{version}.bak")
    number = 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.name}.format{version}-{number}.bak")
    return candidate


def upgrade_in_place(path: Path, *, from_version: int) -> Path:
    """Upgrade an older plan: set the original aside, upgrade a copy, swap it in.

    The original file is replaced only by a fully upgraded, verified copy; if anything fails
    the original is left exactly as it was and the aside copy is removed again (a copy set
    aside by an earlier upgrade is never touched). Returns the path of the copy set aside.
    """
    aside = backup_name(path, from_version)
    copy_aside(path, aside)
    working: Path | None = None
    try:
        working = temporary_sibling(path, "upgrade")
        copy_aside(path, working)
        db = connection.connect(working)
        try:
            connection.verify(db, where=str(path))
            connection.apply_migrations(db)
            check_content(db, where=str(path))
        finally:
            db.close()
        os.replace(working, path)
    except BaseException as error:
        for leftover in (working, aside):
            with contextlib.suppress(OSError):
                if leftover is not None:
                    leftover.unlink()
        if isinstance(error, PlanFileError):
            raise
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        raise _not_upgraded(path, error) from error
    return aside


def _not_upgraded(path: Path, error: BaseException) -> PlanFileError:
    if isinstance(error, PlanFileError):
        return error
    return PlanFileError(
        f"{path}: the plan could not be upgraded to this version's format "
        f"({connection.one_line(error) or type(error).__name__}); the file is unchanged"
    )


def check_creatable(path: Path, *, overwrite: bool = False) -> None:
    """Refuse a new plan's name that is taken (unless ``overwrite``) or whose folder is missing."""
    if path.is_dir():
        raise PlanFileError(f"{path}: is a folder; choose a file name for the plan")
    if path.exists() and not overwrite:
        raise PlanFileError(f"{path}: a file of that name exists already")
    if not path.parent.is_dir():
        raise PlanFileError(f"{path}: the folder {path.parent} does not exist")


def create_file(path: Path, *, overwrite: bool = False) -> tuple[PlanConnection, Path]:
    """A new, empty plan file of the current format at ``path``, written atomically.

    The caller holds the plan's lock (so no one has a plan of that name open), fills the
    settings inside the returned, still-temporary database, then calls :func:`finish_create`.
    """
    path = Path(path).expanduser().absolute()
    check_creatable(path, overwrite=overwrite)
    working: Path | None = None
    try:
        working = temporary_sibling(path, "new")
        db = connection.connect(working, create=True)
        connection.initialise(db)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            if working is not None:
                working.unlink()
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise PlanFileError(f"{path}: the plan could not be created ({reason})") from None
    return db, working


def finish_create(db: PlanConnection, working: Path, path: Path) -> None:
    """Close the filled temporary plan and move it into place under its real name."""
    try:
        db.close()
        os.replace(working, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            working.unlink()
        raise PlanFileError(f"{path}: the plan could not be written ({error.strerror})") from None


def abandon_create(db: PlanConnection, working: Path) -> None:
    with contextlib.suppress(Exception):
        db.close()
    with contextlib.suppress(OSError):
        working.unlink()
