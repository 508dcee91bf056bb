"""Opening and reading a plan need only sqlite3; sqlite-utils is loaded by the first write."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from plan_file_support import older_plan

from planner import Plan
from planner.demo import build_demo
from planner.storage import connection
from planner.storage.schema import MIGRATION_NAMES, migrations

LOADED = "print(sorted(m for m in ('sqlite_utils', 'click', 'pluggy') if m in sys.modules))"


def run(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.smplan")


@pytest.mark.parametrize("read_only", [False, True], ids=["for-editing", "read-only"])
def test_opening_a_plan_and_reading_its_summary_loads_no_sqlite_utils(
    demo: Path, read_only: bool
) -> None:
    code = (
        "import sys\n"
        "from planner import Plan\n"
        "from planner.analysis import Analysis\n"
        "from planner.cli.summary import summary_data\n"
        f"with Plan.open(sys.argv[1], read_only={read_only}) as plan:\n"
        "    assert summary_data(Analysis.in_sql(plan))['revenue_target'] != '0'\n"
        "    plan.initiatives.list()\n"
        f"{LOADED}\n"
    )
    assert run(code, str(demo)) == "[]"


def test_the_first_edit_loads_sqlite_utils_without_numpy(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.smplan"
    copy.write_bytes(demo.read_bytes())
    code = (
        "import sys\n"
        "from planner import Plan\n"
        "with Plan.open(sys.argv[1]) as plan:\n"
        "    first = plan.initiatives.list()[0]\n"
        "    plan.initiatives.update(first.id, notes='Edited')\n"
        "    print('sqlite_utils' in sys.modules, 'numpy' in sys.modules)\n"
    )
    assert run(code, str(copy)) == "True False"


def test_an_edit_is_committed_to_the_file_at_once(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.smplan"
    copy.write_bytes(demo.read_bytes())
    with Plan.open(copy) as plan:
        first = plan.initiatives.list()[0]
        plan.initiatives.update(first.id, budget="12,345")
        edited = plan.initiatives.get(first.id).budget
        other = sqlite3.connect(copy)
        try:
            (budget,) = other.execute(
                "SELECT budget FROM initiatives WHERE id = ?", [first.id]
            ).fetchone()
        finally:
            other.close()
    assert budget == edited != first.budget


def test_the_applied_migrations_read_as_sqlite_utils_reads_them(tmp_path: Path) -> None:
    conn, db = older_plan(tmp_path / "old.smplan", stop_before=MIGRATION_NAMES[2], version=2)
    try:
        applied = connection.applied_migrations(connection.prepare(conn, read_only=True, where=""))
        assert applied == [m.name for m in migrations().applied(db)] == list(MIGRATION_NAMES[:2])
    finally:
        conn.close()


def test_a_file_without_migrations_has_none_applied() -> None:
    db = connection.prepare(sqlite3.connect(":memory:"), read_only=False, where=":memory:")
    assert connection.applied_migrations(db) == [] == migrations().applied(db.database)
