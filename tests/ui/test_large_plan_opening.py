"""The large demo plan (2,000 initiatives, 1.3 million values) opens off the UI thread: the
window keeps handling events while the file is checked, and the plan then shows."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from window_support import make_window

from planner.demo import build_demo


@pytest.mark.slow
def test_the_window_keeps_handling_events_while_a_large_plan_opens(qtbot, tmp_path):
    large = build_demo(tmp_path / "large.smplan", size="large")
    window = make_window(qtbot, tmp_path)
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    started = time.perf_counter()
    with qtbot.waitSignal(window.opener.opened, timeout=30_000):
        window.open_path(large)
    opened = time.perf_counter()
    timer.stop()
    QApplication.processEvents()

    assert window.document is not None
    assert len(window.document.plan.initiatives.list()) == 2000
    during = [t for t in ticks if started <= t <= opened]
    assert len(during) >= 3, "the event loop stood still while the plan opened"
