"""Running the `smarketing` command line as a real process, the way a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def smarketing(
    *args: str | Path, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``smarketing ARGS...`` run with this Python (and ``env`` added to this process's
    environment); its exit status and both outputs."""
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=None if env is None else {**os.environ, **env},
    )


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], *said: str) -> None:
    """The command refused in one line on stderr, exit status 2, saying each of ``said``."""
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("smarketing: ")
    for words in said:
        assert words in result.stderr
