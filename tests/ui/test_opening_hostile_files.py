"""Opening a plan in the window when the files around it are not what they seem: a lock file
that links to another file is refused (offering read-only) without touching that file, a plan
that is a named pipe gets its dialog at once, and the window can always be closed, even while
a plan is still opening from a stalled disk."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from window_support import make_window, problem_box

from planner import Plan
from planner.storage.lock import lock_path_for

VICTIM_TEXT = b"a file of the user's that no plan may touch\n"


def read_only_offer(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "openReadOnlyBox")


class StalledOpen:
    """``Plan.open`` held up until :meth:`release` (as on a stalled network disk), or until
    it gives up waiting, which it records: a window that waited for it could not close."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self._released = threading.Event()
        self.gave_up = False
        self.plan: Plan | None = None
        real_open = Plan.open

        def stalled(cls, path, **options):
            self.started.set()
            self.gave_up = not self._released.wait(timeout=20)
            self.plan = real_open(path, **options)
            return self.plan

        monkeypatch.setattr(Plan, "open", classmethod(stalled))

    def release(self) -> None:
        self._released.set()


def test_the_window_closes_while_a_plan_is_still_opening(qtbot, tmp_path, demo_path, monkeypatch):
    stalled = StalledOpen(monkeypatch)
    window = make_window(qtbot, tmp_path)
    window.open_path(demo_path)
    qtbot.waitUntil(stalled.started.is_set)

    window.close()

    assert not window.isVisible()
    assert not stalled.gave_up
    stalled.release()


def test_a_plan_let_go_of_while_opening_is_closed_and_its_lock_freed(
    qtbot, tmp_path, demo_path, monkeypatch
):
    stalled = StalledOpen(monkeypatch)
    window = make_window(qtbot, tmp_path)
    window.open_path(demo_path)
    qtbot.waitUntil(stalled.started.is_set)
    window.close()

    stalled.release()

    qtbot.waitUntil(lambda: stalled.plan is not None and stalled.plan._lock is None)
    assert not lock_path_for(demo_path).exists()
    assert window.document is None


@pytest.fixture
def fifo_plan(tmp_path: Path):
    """A named pipe where a plan is expected; a reader still waiting on it is let go at the
    end, so a test that fails cannot leave a thread stuck."""
    path = tmp_path / "P.smplan"
    os.mkfifo(path)
    yield path
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_plan_that_is_a_named_pipe_gets_its_dialog_at_once(qtbot, tmp_path, fifo_plan):
    window = make_window(qtbot, tmp_path)

    window.open_path(fifo_plan)

    qtbot.waitUntil(lambda: problem_box(window) is not None, timeout=20_000)
    assert problem_box(window).text() == f"{fifo_plan}: is a named pipe (FIFO), not a plan file"
    assert window.document is None


def test_a_lock_file_linked_to_another_file_offers_read_only_and_leaves_that_file_alone(
    qtbot, tmp_path, demo_path
):
    victim = tmp_path / "thesis.txt"
    victim.write_bytes(VICTIM_TEXT)
    os.symlink(victim, lock_path_for(demo_path))
    window = make_window(qtbot, tmp_path)

    window.open_path(demo_path)
    window.opener.wait()

    box = read_only_offer(window)
    assert box is not None
    assert "Tidewater.smplan.lock is a symbolic link" in box.text()
    assert "remove it" in box.text()
    assert victim.read_bytes() == VICTIM_TEXT
    assert window.document is None
