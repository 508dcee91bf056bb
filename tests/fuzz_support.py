"""How each plan of the content property is run and judged (issue 15, item 4): the number of
examples, the plan every example starts from, the command line run in this process with a
hang limit and a watchdog, and what must hold of the plan's file afterwards.

``SMARKETING_FUZZ_EXAMPLES=N`` turns the suite's bounded, derandomised run into a random run
of N examples (see :func:`fuzz_settings`).
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import hashlib
import io
import os
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings

from planner.storage import connection
from planner.storage.database import PlanConnection
from planner.storage.lock import lock_path_for

# -- how long and how hard -------------------------------------------------------------------

_LONG_RUN = os.environ.get("SMARKETING_FUZZ_EXAMPLES")


def fuzz_settings(suite_examples: int) -> settings:
    """The suite's run: ``suite_examples`` examples, the same ones every run (derandomised, no
    example database), so CI is deterministic and bounded. With SMARKETING_FUZZ_EXAMPLES=N: N
    random examples, for the long run."""
    common = {
        "deadline": None,
        "database": None,
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
        "print_blob": True,
    }
    if _LONG_RUN:
        return settings(max_examples=int(_LONG_RUN), derandomize=False, **common)
    return settings(max_examples=suite_examples, derandomize=True, **common)


# A command still running after this long is taken for a hang; the watchdog ends the whole
# process, with every thread's traceback, when a hang cannot even be left behind.
COMMAND_TIMEOUT = 30.0
WATCHDOG_TIMEOUT = 120.0


# -- the plan to start from --------------------------------------------------------------------


@functools.cache
def base_plan() -> bytes:
    """The small demo plan's bytes, built once per process."""
    from planner.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="content-fuzz-") as folder:
        path = Path(folder) / "demo.smplan"
        build_demo(path)
        return path.read_bytes()


@functools.cache
def plan_tables() -> dict[str, tuple[str, ...]]:
    """The plan's own tables and their columns, read from a plan of the current format (so the
    strategies follow planner/storage/schema.py as it changes)."""
    db = PlanConnection(sqlite3.connect(":memory:"))
    connection.initialise(db)
    names = [
        row[0]
        for row in db.read(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    tables = {
        name: tuple(row[1] for row in db.read(f'PRAGMA table_info("{name}")')) for name in names
    }
    db.close()
    return tables


# -- what must hold after a command --------------------------------------------------------


@dataclass(frozen=True)
class FileState:
    digest: str
    beside: tuple[str, ...]  # every name in the plan's folder

    @classmethod
    def of(cls, path: Path) -> FileState:
        return cls(
            hashlib.sha256(path.read_bytes()).hexdigest(),
            tuple(sorted(entry.name for entry in path.parent.iterdir())),
        )


def assert_left_alone(path: Path, before: FileState, what: str) -> None:
    after = FileState.of(path)
    assert not lock_path_for(path).exists(), f"{what} left its lock file beside the plan"
    assert after.beside == before.beside, f"{what} left files beside the plan: {after.beside}"
    assert after.digest == before.digest, f"{what} changed the plan file"


# -- the command line, in this process -------------------------------------------------------


@contextlib.contextmanager
def watchdog() -> Iterator[None]:
    """End the process, printing every thread's traceback, if the block is still running after
    :data:`WATCHDOG_TIMEOUT`: a hang that holds the GIL or the UI thread cannot be left behind
    by a timeout, and a suite that stands still forever reports nothing."""
    faulthandler.dump_traceback_later(WATCHDOG_TIMEOUT, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@dataclass(frozen=True)
class CommandResult:
    code: int
    out: str
    err: str


def run_cli(args: Sequence[str | Path], *, timeout: float = COMMAND_TIMEOUT) -> CommandResult:
    """``smarketing ARGS`` through :func:`planner.cli.main.main` in this process, its output
    captured. A command still running after ``timeout`` seconds fails the test as a hang; one
    that holds the GIL so long that even that cannot happen ends the process with every
    thread's traceback (faulthandler)."""
    from planner.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    outcome: list[int | BaseException] = []

    def command() -> None:
        try:
            outcome.append(main([str(arg) for arg in args]))
        except BaseException as error:  # reported by the caller
            outcome.append(error)

    worker = threading.Thread(target=command, daemon=True, name=f"smarketing {args[0]}")
    with watchdog(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        worker.start()
        worker.join(timeout)
    assert not worker.is_alive(), f"smarketing {args[0]} still running after {timeout:.0f} s"
    (result,) = outcome
    if isinstance(result, BaseException):
        raise AssertionError(f"smarketing {args[0]} raised {result!r}") from result
    return CommandResult(result, out.getvalue(), err.getvalue())


def assert_worked_or_refused_in_one_line(result: CommandResult, what: str) -> None:
    """Exit 0 (or 1 for ``check`` with errors found), or 2 with one line that says why; never
    the catch-all's "unexpected error"."""
    assert "unexpected error" not in result.err, f"{what}: {result.err.strip()}"
    assert "Traceback" not in result.out + result.err, f"{what}: {result.err.strip()}"
    if result.code == 2:
        lines = result.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("smarketing: "), (
            f"{what} refused without one clear line: {result.err!r}"
        )
    else:
        assert result.code in (0, 1), f"{what} exited {result.code}: {result.err!r}"
