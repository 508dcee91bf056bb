"""Helpers the plan-file tests share: the state of a folder, a second Python process, and a
plan of an older format."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.storage import connection
from planner.storage.schema import migrations
from planner.version import APPLICATION_ID

if TYPE_CHECKING:
    from planner.storage.database import Database

REPO = Path(__file__).resolve().parents[2]


def older_plan(
    path: Path, *, stop_before: str, version: int
) -> tuple[sqlite3.Connection, Database]:
    """A plan file as an older version of the app wrote it: the application id, the
    migrations before ``stop_before``, ``user_version`` ``version``, and its settings, funnel
    assumptions, hand-off agreement and one person (Ann, id 1). The caller writes the rest
    with plain SQL and closes the connection."""
    conn = sqlite3.connect(path)
    db = connection.prepare(conn, read_only=False, where=str(path)).database
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations().apply(db, stop_before=stop_before)
    db.execute(f"PRAGMA user_version = {version}")
    with db.atomic():
        db.execute(
            "INSERT INTO plan_settings VALUES (1, 'Old plan', 'Acme', 'USD', 1, 202601, 12, "
            "'scaling')"
        )
        db.execute(
            "INSERT INTO funnel_assumptions VALUES (1, 0.3, 0.7, 0.5, 0.6, 0.25, 2500000, 3.0)"
        )
        db.execute("INSERT INTO handoff_agreement VALUES (1, 40, 0.8, 24.0, 'BANT')")
        db.execute(
            "INSERT INTO people (id, name, name_key, team) VALUES (1, 'Ann', 'ann', 'Marketing')"
        )
    return conn, db


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
