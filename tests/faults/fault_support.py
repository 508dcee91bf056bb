"""What the fault tests share: a second Python process to kill, and the checks made after
every fault (the plan opens, SQLite finds it sound, nothing stray is left beside it)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def start_python(*args: str) -> subprocess.Popen[str]:
    """``python ARGS`` with this checkout's ``planner`` importable (``-c SCRIPT`` or ``-m``)."""
    return subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUTF8": "1"},
        cwd=REPO,
    )


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m planner ARGS`` to the end: the command line exactly as a user runs it."""
    process = start_python("-m", "planner", *args)
    output, errors = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, output, errors)


def quickest_run(run: Callable[[], subprocess.CompletedProcess[str]], times: int = 3) -> float:
    """Seconds the quickest of ``times`` whole runs of ``run`` took (each must succeed): what
    a kill's moment is chosen against. Not the first run alone, which reads everything from
    a cold disk and would place the kills after most runs have ended."""
    took = []
    for _ in range(times):
        started = time.monotonic()
        done = run()
        assert done.returncode == 0, done.stderr
        took.append(time.monotonic() - started)
    return min(took)


def kill_9_after(process: subprocess.Popen[str], seconds: float) -> str:
    """``kill -9`` the process ``seconds`` from now (unless it ended first); its output."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    output, _errors = process.communicate(timeout=30)
    return output


def command_killed_after(seconds: float, *args: str) -> int:
    """``smarketing ARGS`` (``python -m planner``) killed with ``kill -9`` ``seconds`` after
    it starts; its exit status: negative when killed, else 0 (it must have succeeded)."""
    process = start_python("-m", "planner", *args)
    kill_9_after(process, seconds)
    if process.returncode >= 0:
        assert process.returncode == 0, process.stderr
    return process.returncode


def integrity(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of the plan, read without writing to it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def files_in(folder: Path) -> set[str]:
    return {item.name for item in folder.iterdir()}
