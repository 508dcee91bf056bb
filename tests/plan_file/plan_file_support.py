"""Helpers the plan-file tests share: the state of a folder, and a second Python process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: compares contents and stray files at once."""
    return {
        str(item.relative_to(folder)): item.read_bytes()
        for item in sorted(folder.rglob("*"))
        if item.is_file()
    }


def python(script: str, *args: str) -> subprocess.Popen[str]:
    """Run ``script`` in a second Python process that imports this checkout's ``planner``."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )
