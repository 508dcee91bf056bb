"""A lock file beside the plan, so two processes never write the same plan.

SQLite's own locks stop two writes from interleaving, but not two editors from working on the
same plan and surprising each other; the lock file also says who holds it, so the second one
gets a useful answer ("already open by alice on studio-mac since 09:12").

Whether the lock is held is decided by the operating system, not by the file's text: the
holder keeps the lock file open with an exclusive lock on it (``flock`` on POSIX, a byte-range
lock on Windows), which the system drops the moment the process ends, however it ends. So a
lock left behind by a crash is taken over at once, even when its process id has meanwhile been
reused by some other program, and two processes racing for the plan cannot both win. The text
(user, host, process id) only names the holder. A lock file written on another computer is
respected, because a network file system may not pass the system lock between computers.

Within one process a registry of held locks refuses a second open of the same plan before the
lock file is touched (an ``fcntl`` lock emulated on a network share is per process, and closing
any descriptor of the file would drop it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from planner.errors import LockFileError, PlanFileError, PlanLockedError, StrangeLockFileError
from planner.special_files import BINARY, NOFOLLOW, NOINHERIT, NONBLOCK, special_kind

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# Windows locks are mandatory: lock one byte far past the text, so others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 30
_MAX_LOCK_TEXT = 4096

# Opening the lock file never follows a link at its name nor waits on a named pipe there.
_OPEN = NOFOLLOW | NONBLOCK | NOINHERIT | BINARY
_CREATE = os.O_RDWR | os.O_CREAT | os.O_EXCL | _OPEN

_held: dict[str, PlanLock] = {}
_held_guard = threading.Lock()


def lock_path_for(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        when = self.since
        with contextlib.suppress(ValueError):
            when = dt.datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        return f"{self.user} on {self.host} (process {self.pid}) since {when}"


def _host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` says it (which is ``uname``'s node
    name where there is one; the socket module is imported only where there is not)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = "someone"
    return LockOwner(
        user=user,
        host=_host_name(),
        pid=os.getpid(),
        since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )


class PlanLock:
    """Held while a plan is open for editing; ``release`` (or closing the plan) frees it."""

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        # Beside the real file, so a symlink or another spelling of the path finds the same lock.
        self.path = lock_path_for(Path(os.path.realpath(plan_path)))
        self._key = os.path.normcase(str(self.path))
        self.owner: LockOwner | None = None
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> None:
        with _held_guard:
            if self.held:
                return
            other = _held.get(self._key)
            if other is not None and other.owner is not None:
                raise PlanLockedError(
                    f"{self.plan_path}: the plan is already open in this app",
                    holder=other.owner.describe(),
                )
            me = _me()
            for _attempt in range(20):
                descriptor, writable, created = self._open_lock_file()
                try:
                    taken = self._take(descriptor, me, writable=writable)
                except PlanLockedError:
                    # Another process locked the file first, even one we created just now:
                    # it is theirs, and removing it would let a third process in beside them.
                    os.close(descriptor)
                    raise
                except BaseException:
                    # Leave no lock file of ours behind; removed before closing, while any
                    # lock on it is still ours, so no one can have taken it meanwhile.
                    if created and self._still_at_path(descriptor):
                        with contextlib.suppress(OSError):
                            self.path.unlink()
                    os.close(descriptor)
                    raise
                if taken:
                    self._descriptor = descriptor
                    self.owner = me
                    _held[self._key] = self
                    return
                os.close(descriptor)  # the holder let go and removed it meanwhile: try again
            raise PlanFileError(
                f"{self.plan_path}: could not take the lock file {self.path.name}; try again"
            )

    def release(self) -> None:
        with _held_guard:
            descriptor = self._descriptor
            if descriptor is None:
                return
            self._descriptor = None
            self.owner = None
            if _held.get(self._key) is self:
                del _held[self._key]
            try:
                if sys.platform != "win32":
                    # Remove the name while still holding the lock; anyone who opened the old
                    # file meanwhile sees it is no longer at the path and starts over.
                    with contextlib.suppress(OSError):
                        if self._still_at_path(descriptor):
                            self.path.unlink()
            finally:
                os.close(descriptor)  # drops the system lock
            if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed
                with contextlib.suppress(OSError):
                    self.path.unlink()

    # -- the steps of acquiring ----------------------------------------------------------

    def _open_lock_file(self) -> tuple[int, bool, bool]:
        """The lock file, open: (descriptor, open for writing, created just now).

        The name beside the plan may hold anything someone put there: it is never followed
        as a link, never waited on as a named pipe, and what was opened must be a regular
        file with no other name (a hard link to another file would be overwritten). Another
        user's lock file is opened only to read and lock it, never written.
        """
        failure: OSError | None = None
        for _attempt in range(20):
            try:
                descriptor = os.open(self.path, _CREATE, 0o644)
            except FileExistsError:
                pass
            except OSError as error:
                failure = error
                break
            else:
                self._check_opened(descriptor, None)
                return descriptor, True, True
            try:
                named = os.lstat(self.path)  # what the name is, before it is opened
            except FileNotFoundError:
                continue  # its holder removed it just now
            except OSError as error:
                failure = error
                break
            self._refuse_if_special(named)
            writable = True
            try:
                descriptor = os.open(self.path, os.O_RDWR | _OPEN)
            except FileNotFoundError:
                continue
            except PermissionError as error:
                # Another user's lock file, say: it can still be read, and locked to learn
                # whether its holder is alive.
                failure = error
                writable = False
                try:
                    descriptor = os.open(self.path, os.O_RDONLY | _OPEN)
                except OSError:
                    break
            except OSError as error:
                failure = error
                self._refuse_if_special(_lstat_or_none(self.path))  # replaced by a link, say
                break
            opened = self._check_opened(descriptor, named)
            if opened is None:
                continue  # replaced between looking and opening: look again
            # Written only when it is ours; another user's is treated as one we may not write.
            return descriptor, writable and _owned_by_me(opened), False
        reason = (failure.strerror or str(failure)) if failure else "it keeps changing"
        raise LockFileError(
            f"{self.plan_path}: cannot create the lock file {self.path.name} "
            f"({reason}); open the plan read-only instead"
        )

    def _check_opened(self, descriptor: int, named: os.stat_result | None) -> os.stat_result | None:
        """The open lock file's status, once it is known to be a regular file with one name;
        None when it is no longer the file ``named`` (the ``lstat`` before opening)."""
        try:
            opened = os.fstat(descriptor)
            self._refuse_if_special(opened)
            if opened.st_nlink != 1:
                raise self._not_a_lock("is a file with other names (hard links)")
        except BaseException:
            os.close(descriptor)
            raise
        if named is not None and not os.path.samestat(named, opened):
            # Where O_NOFOLLOW does not exist (Windows), this is what catches a link.
            os.close(descriptor)
            return None
        return opened

    def _refuse_if_special(self, status: os.stat_result | None) -> None:
        kind = special_kind(status) if status is not None else None
        if kind is not None:
            raise self._not_a_lock(f"is {kind}")

    def _not_a_lock(self, what: str) -> StrangeLockFileError:
        return StrangeLockFileError(
            f"{self.plan_path}: the lock file {self.path.name} {what}, not a lock this app "
            "wrote; remove it and open the plan again"
        )

    def _take(self, descriptor: int, me: LockOwner, *, writable: bool) -> bool:
        """Lock the open lock file and write ``me`` into it; False if it was replaced."""
        try:
            locked = _try_lock(descriptor)
        except OSError as error:
            raise LockFileError(
                f"{self.plan_path}: cannot lock the lock file {self.path.name} "
                f"({error.strerror or error}); open the plan read-only instead"
            ) from None
        if not locked:
            raise self._locked_error(_parse(_read_text(descriptor)))
        if not self._still_at_path(descriptor):
            return False
        holder = _parse(_read_text(descriptor))
        if holder is not None and holder.host != me.host:
            # Written on another computer, whose system lock may not reach this one.
            raise self._locked_error(holder)
        if not writable:
            # A dead holder's file we may not write: remove it (still locked, so no one else
            # takes it meanwhile) and start over with a file of our own.
            try:
                self.path.unlink()
            except OSError as error:
                raise LockFileError(
                    f"{self.plan_path}: cannot replace the left-over lock file "
                    f"{self.path.name} ({error.strerror or error}); open the plan read-only "
                    "instead"
                ) from None
            return False
        _write_text(descriptor, json.dumps(_as_dict(me)))
        return True

    def _still_at_path(self, descriptor: int) -> bool:
        try:
            # lstat: a link to our lock file put in its place is not our lock file.
            return os.path.samestat(os.fstat(descriptor), os.lstat(self.path))
        except OSError:
            return False

    def _locked_error(self, holder: LockOwner | None) -> PlanLockedError:
        if holder is None:
            return PlanLockedError(
                f"{self.plan_path}: the plan is being opened by another program right now; "
                "open it read-only, or try again in a moment",
                holder="another program",
            )
        message = (
            f"{self.plan_path}: the plan is already open by {holder.describe()}; "
            "open it read-only, or close it there first"
        )
        if holder.host != _host_name():
            message += f" (if that computer crashed, delete {self.path.name})"
        return PlanLockedError(message, holder=holder.describe())


def _lstat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _owned_by_me(status: os.stat_result) -> bool:
    if sys.platform == "win32":  # pragma: no cover - ownership is not in st_uid there
        return True
    return status.st_uid == os.geteuid()


def _try_lock(descriptor: int) -> bool:
    """Take the system's exclusive lock on the open file; False if another process has it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_text(descriptor: int) -> str:
    with contextlib.suppress(OSError):
        os.lseek(descriptor, 0, os.SEEK_SET)
        return os.read(descriptor, _MAX_LOCK_TEXT).decode("utf-8", errors="replace")
    return ""


def _write_text(descriptor: int, text: str) -> None:
    data = text.encode("utf-8")
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.ftruncate(descriptor, 0)
    while data:
        data = data[os.write(descriptor, data) :]


def _parse(text: str) -> LockOwner | None:
    """The holder named in a lock file's text; None when it is empty or unreadable."""
    try:
        data = json.loads(text)
        return LockOwner(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _as_dict(owner: LockOwner) -> dict[str, object]:
    return {"user": owner.user, "host": owner.host, "pid": owner.pid, "since": owner.since}
