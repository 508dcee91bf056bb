"""Copies of a plan: snapshots through SQLite's backup API, and the copy set aside before an
upgrade. Every copy is written to a temporary file beside its target and moved into place, so
a failure never leaves half a file under the target's name."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from planner.errors import PlanFileError
from planner.special_files import BINARY, NOFOLLOW, NOINHERIT


def temporary_sibling(target: Path, purpose: str) -> Path:
    """A new, empty file beside ``target`` for ``purpose`` (``".P.smplan.copy-3f9a1c2e.tmp"``),
    for a writer to fill before it is moved onto ``target``.

    The one way a file is made beside a plan or an export. Its name is fresh and unpredictable
    and it is created with ``O_EXCL`` (which never opens an existing file and never follows a
    symbolic link), so a link or a named pipe planted beside the target under a name the app
    might pick is never written through. Made with the usual permissions (not ``mkstemp``'s,
    private to the user), since it becomes the target. ``OSError`` when it cannot be made.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | NOINHERIT | BINARY
    for _attempt in range(100):
        temporary = target.with_name(f".{target.name}.{purpose}-{os.urandom(4).hex()}.tmp")
        try:
            os.close(os.open(temporary, flags, 0o666))
        except FileExistsError:
            continue
        return temporary
    raise FileExistsError(errno.EEXIST, "no free temporary name beside it", str(target))


def backup_to(
    conn: sqlite3.Connection, target: Path, *, purpose: str = "copy", noun: str = "copy"
) -> None:
    """Write a consistent copy of the live database behind ``conn`` to ``target``, atomically.

    ``purpose`` names the temporary file; ``noun`` is what a refusal calls the file written
    ("the copy could not be written", "the new plan could not be written")."""
    try:
        temporary = temporary_sibling(target, purpose)
    except OSError as error:
        raise PlanFileError(
            f"{target}: the {noun} could not be written ({error.strerror or error})"
        ) from None
    try:
        destination = sqlite3.connect(temporary)
        try:
            conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        os.replace(temporary, target)
    except BaseException as error:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if not isinstance(error, OSError | sqlite3.Error):
            raise
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise PlanFileError(f"{target}: the {noun} could not be written ({reason})") from None


def copy_aside(source: Path, target: Path) -> None:
    """A byte copy of a plan that no connection holds (before an upgrade), atomically."""
    temporary: Path | None = None
    try:
        temporary = temporary_sibling(target, "aside")
        shutil.copy2(source, temporary)
        with open(temporary, "rb+") as handle:  # on disk before it counts as the copy
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise PlanFileError(
            f"{source}: could not copy the plan aside to {target.name} before upgrading it "
            f"({error.strerror or error}); nothing was changed"
        ) from None
