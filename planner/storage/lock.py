"""A lock file beside the plan, so two processes never write the same plan.

SQLite's own locks stop two writes from interleaving, but not two editors from working on the
same plan and surprising each other; the lock file also says who holds it, so the second one
gets a useful answer ("already open by alice on studio-mac since 09:12"). A lock left behind
by a process that died on this computer is taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from planner.errors import PlanFileError, PlanLockedError


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


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = "someone"
    return LockOwner(
        user=user,
        host=socket.gethostname(),
        pid=os.getpid(),
        since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PlanLock:
    """Held while a plan is open for editing; ``release`` (or closing the plan) frees it."""

    def __init__(self, plan_path: Path) -> None:
        self.plan_path = plan_path
        self.path = lock_path_for(plan_path)
        self.owner: LockOwner | None = None

    def acquire(self) -> None:
        me = _me()
        for _attempt in range(2):
            try:
                descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._read_holder()
                if holder is not None and not self._is_stale(holder):
                    raise self._locked_error(holder) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                continue
            except OSError as error:
                raise PlanFileError(
                    f"{self.plan_path}: cannot create the lock file {self.path.name} "
                    f"({error.strerror or error}); open the plan read-only instead"
                ) from None
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(_as_dict(me), handle)
            self.owner = me
            return
        raise PlanFileError(f"{self.plan_path}: could not take the lock file {self.path.name}")

    def release(self) -> None:
        if self.owner is None:
            return
        holder = self._read_holder()
        if holder is not None and holder.pid == self.owner.pid and holder.host == self.owner.host:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.owner = None

    def _read_holder(self) -> LockOwner | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockOwner(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=str(data["since"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # Unreadable or half-written by a process that died mid-write: not a live holder
            # we could name, and no live process writes a lock that slowly.
            return None

    @staticmethod
    def _is_stale(holder: LockOwner) -> bool:
        if holder.host != socket.gethostname():
            return False  # another computer's process: we cannot tell, so we respect it
        if holder.pid == os.getpid():
            return False  # this very process has the plan open (another window)
        return not _process_alive(holder.pid)

    def _locked_error(self, holder: LockOwner) -> PlanLockedError:
        if holder.pid == os.getpid() and holder.host == socket.gethostname():
            message = f"{self.plan_path}: the plan is already open in this app"
        else:
            message = (
                f"{self.plan_path}: the plan is already open by {holder.describe()}; "
                "open it read-only, or close it there first"
            )
            if holder.host != socket.gethostname():
                message += f" (if that computer crashed, delete {self.path.name})"
        return PlanLockedError(message, holder=holder.describe())


def _as_dict(owner: LockOwner) -> dict[str, object]:
    return {"user": owner.user, "host": owner.host, "pid": owner.pid, "since": owner.since}
