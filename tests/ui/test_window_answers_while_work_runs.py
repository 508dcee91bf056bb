"""What keeps the window answering while the workers (checks, export, import) run Python
beside it: the UI thread waits less for the interpreter, and, with a big plan open, Python's
full collections, which stop every thread, walk only what was made since it was shown."""

from __future__ import annotations

import gc
import shutil
import sys
import weakref

import pytest
from window_support import make_window, open_and_wait

from planner.analysis import engine
from ui.app import make_application
from ui.background import UI_SWITCH_INTERVAL
from ui.pages.dashboard.page import DashboardPage


def test_the_app_shortens_the_interpreters_switch_interval(qapp):
    make_application([])

    assert sys.getswitchinterval() == UI_SWITCH_INTERVAL < 0.005  # Python's own is 5 ms


@pytest.fixture
def big(monkeypatch):
    """The demo plan (150 values) counts as big: its values are held in memory."""
    monkeypatch.setattr(engine, "IN_MEMORY_FROM_ROWS", 100)


def test_a_plan_shown_is_kept_out_of_the_collectors_full_passes(qtbot, tmp_path, demo_path, big):
    window = make_window(qtbot, tmp_path)
    gc.unfreeze()

    open_and_wait(window, demo_path)

    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)


def test_closing_the_plan_gives_what_it_left_back_to_the_collector(qtbot, tmp_path, demo_path, big):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)

    window.close_plan()

    assert gc.get_freeze_count() == 0


def test_a_plan_closed_for_another_is_not_kept_alive(qtbot, tmp_path, demo_path, big):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    window.view.page(DashboardPage).ensure_charts()  # the charts, matplotlib and all
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    closed = [weakref.ref(window.document), weakref.ref(window.document.analysis)]
    other = tmp_path / "other.smplan"
    shutil.copyfile(demo_path, other)

    open_and_wait(window, other)

    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    qtbot.waitUntil(lambda: all(ref() is None for ref in closed))


def test_a_small_plan_shown_leaves_the_collector_as_it_is(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    gc.unfreeze()
    open_and_wait(window, demo_path)

    window.view.page(DashboardPage).ensure_charts()

    assert gc.get_freeze_count() == 0
