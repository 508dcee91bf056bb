"""Where the app may write a whole new plan file (a copy of the plan, next year's plan): the
refusals every such target goes through, and the lock held on it while it is written.

A new plan file is written whole beside its target and moved into place
(:func:`planner.storage.copies.backup_to`); these are the checks made before, in the order a
person would want to hear about them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.errors import PlanFileError, PlanLockedError, StrangeLockFileError
from planner.storage.lock import PlanLock


def same_file(one: Path, other: Path) -> bool:
    """Whether two spellings of a path (a symbolic link, "..") name one file."""
    if os.path.realpath(one) == os.path.realpath(other):
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def check_target(destination: Path, *, open_plan: Path | None, noun: str) -> None:
    """Refuse writing the plan file ``noun`` ("copy", "new plan") at ``destination``: the
    open plan itself, a lock file's name, a folder, or a file in a folder that is missing."""
    if open_plan is not None and same_file(destination, open_plan):
        raise PlanFileError(f"{destination}: a {noun} cannot replace the open plan itself")
    if destination.suffix == ".lock":
        raise PlanFileError(f"{destination}: choose a plan file name, not a lock file")
    if destination.is_dir():
        raise PlanFileError(f"{destination}: is a folder; choose a file name for the {noun}")
    if not destination.parent.is_dir():
        raise PlanFileError(
            f"{destination}: the {noun} could not be written (the folder "
            f"{destination.parent} does not exist)"
        )


@contextmanager
def target_locked(destination: Path, *, noun: str) -> Iterator[None]:
    """Hold the lock of a plan file about to be written at ``destination``: a plan of that
    name open elsewhere must not be replaced under its editor's feet."""
    lock = PlanLock(destination)
    try:
        lock.acquire()
    except PlanLockedError as error:
        raise PlanLockedError(
            f"{destination}: a {noun} cannot replace a plan that is open "
            f"({error.holder}); choose another name",
            holder=error.holder,
        ) from None
    except StrangeLockFileError:
        raise
    except PlanFileError:
        raise PlanFileError(
            f"{destination}: the {noun} could not be written (no files can be created in "
            f"{destination.parent})"
        ) from None
    try:
        yield
    finally:
        lock.release()
