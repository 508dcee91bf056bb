"""sqlite-utils is loaded without numpy, and numpy still loads for whoever asks for it."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from planner.storage.database import _HiddenFromThisThread


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_opening_a_plan_loads_sqlite_utils_but_not_numpy(tmp_path):
    code = (
        "import sys; from planner import Plan; "
        f"Plan.create({str(tmp_path / 'p.smplan')!r}, name='P', first_month='2026-01').close(); "
        "print('sqlite_utils' in sys.modules, 'numpy' in sys.modules)"
    )
    assert run(code) == "True False"


def test_numpy_imports_after_sqlite_utils_has_loaded():
    code = (
        "import planner.storage.database; planner.storage.database.load_sqlite_utils(); "
        "import sqlite_utils.db as db, numpy; "
        "print(db.np is None, numpy.zeros(2).sum())"
    )
    assert run(code) == "True 0.0"


def test_numpy_is_hidden_only_from_the_thread_loading_sqlite_utils():
    finder = _HiddenFromThisThread()
    with pytest.raises(ModuleNotFoundError, match="numpy"):
        finder.find_spec("numpy")
    assert finder.find_spec("json") is None

    elsewhere: list[object] = []
    thread = threading.Thread(target=lambda: elsewhere.append(finder.find_spec("numpy")))
    thread.start()
    thread.join()
    assert elsewhere == [None]
