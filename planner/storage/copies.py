"""Copies of a plan: snapshots through SQLite's backup API, and the copy set aside before an
upgrade. Every copy is written to a temporary file beside its target and moved into place, so
a failure never leaves half a file under the target's name."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from planner.errors import PlanFileError


def temporary_sibling(target: Path, purpose: str) -> Path:
    return target.with_name(f".{target.name}.{purpose}-{os.getpid()}.tmp")


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of the live database behind ``conn`` to ``target``, atomically."""
    temporary = temporary_sibling(target, "copy")
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
        raise PlanFileError(f"{target}: the copy could not be written ({reason})") from None


def copy_aside(source: Path, target: Path) -> None:
    """A byte copy of a plan that no connection holds (before an upgrade), atomically."""
    temporary = temporary_sibling(target, "aside")
    try:
        shutil.copy2(source, temporary)
        with open(temporary, "rb+") as handle:  # on disk before it counts as the copy
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise PlanFileError(
            f"{source}: could not copy the plan aside to {target.name} before upgrading it "
            f"({error.strerror or error}); nothing was changed"
        ) from None
