"""Writing a document file whole or not at all, and refusing one that is open elsewhere.

A writer gets a temporary file in the target's own folder (so the final move is a rename on
one file system, never a copy) and the file is moved into place only once it is complete. On
any failure or cancellation the temporary file goes and the old target stays as it was.

An office program that has the target open shows it in two ways: Excel and LibreOffice leave
an owner file beside it (``~$<name>``, ``.~lock.<name>#``), and on Windows Excel's lock makes
the final rename fail with a permission error. Both become one message that says so.
"""

from __future__ import annotations

import contextlib
import glob
import os
import time
from collections.abc import Callable
from pathlib import Path

from planner.errors import PlanFileError
from planner.storage.copies import temporary_sibling

# A temporary file this old was left by a writer that died: no export takes an hour.
ABANDONED_AFTER_SECONDS = 3600


def open_elsewhere_message(target: Path, program: str = "Excel?") -> str:
    """What a user reads when ``target`` is held by another program."""
    return f"{target} is open in another program ({program}); close it there and export again"


def owner_files(target: Path) -> list[tuple[Path, str]]:
    """The owner files an office program keeps beside ``target`` while it is open, each
    with the program that writes it."""
    return [
        (target.with_name(f"~${target.name}"), "Excel?"),
        (target.with_name(f".~lock.{target.name}#"), "LibreOffice?"),
    ]


def refuse_if_open_elsewhere(target: Path) -> None:
    """A :class:`PlanFileError` when an office program has ``target`` open."""
    for owner, program in owner_files(target):
        if owner.exists():
            raise PlanFileError(open_elsewhere_message(target, program))


def check_target(target: str | Path, *, suffix: str, kind: str) -> Path:
    """``target`` as an absolute path, once it is known to be writable in principle: it has
    ``suffix``, it is not a folder, its folder exists, and no office program holds it.

    ``kind`` names the document in messages (``"a workbook"``).
    """
    path = Path(target).expanduser().absolute()
    if path.suffix.lower() != suffix.lower():
        found = path.suffix or "a name without an extension"
        raise PlanFileError(f"{path}: {kind} is saved as a {suffix} file, not {found}")
    if path.is_dir():
        raise PlanFileError(f"{path}: is a folder; choose a file name")
    if not path.parent.is_dir():
        raise PlanFileError(f"{path}: cannot be written (the folder {path.parent} does not exist)")
    refuse_if_open_elsewhere(path)
    return path


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary)`` to produce the file, then move it onto ``target``.

    Nothing is left behind when ``write`` raises (whatever it raises, cancellation included)
    or the move fails, and ``target`` keeps its old content. An ``OSError``, from the file
    system or from ``write``, becomes a :class:`PlanFileError` naming ``target``; anything
    else ``write`` raises passes through as it is.
    """
    refuse_if_open_elsewhere(target)
    _remove_abandoned_temporaries(target)
    temporary = _temporary_beside(target)
    try:
        write(temporary)
        _flush_to_disk(temporary)
        _replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise PlanFileError(_not_written(target, error)) from None
        raise
    return target


def _remove_abandoned_temporaries(target: Path) -> None:
    """Remove the temporary files of earlier writes of ``target`` that were killed before they
    could clean up (a crash, a power cut). Only old ones: a young one may belong to a second
    window writing the same target right now."""
    stale_before = time.time() - ABANDONED_AFTER_SECONDS
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < stale_before:
                leftover.unlink()


def _temporary_beside(target: Path) -> Path:
    # A unique name, so two writers of one target (two windows) never share a temporary file.
    try:
        return temporary_sibling(target, "export")
    except OSError as error:
        raise PlanFileError(_not_written(target, error)) from None


def _flush_to_disk(path: Path) -> None:
    # The new file must be on disk before it replaces the old one, or a power cut could
    # leave an empty file under the target's name.
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _replace(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except PermissionError:
        # Windows refuses to replace a file another program holds open (Excel does).
        raise PlanFileError(open_elsewhere_message(target)) from None


def _not_written(target: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        reason = f"no permission to write in {target.parent}"
    kept = "; it was not changed" if target.exists() else ""
    return f"{target}: cannot be written ({reason}){kept}"
