"""Running the `smarketing` command line as a real process, the way a user does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def smarketing(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``smarketing ARGS...`` run with this Python; its exit status and both outputs."""
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
