"""The benchmark's own measuring instruments, put into the app from the benchmark's process:
the app's code keeps no counters or timings for it.

:class:`RefreshParts` wraps what a Dashboard refresh calls (the headline figures, each chart
kind's ``data`` and ``draw``, the chart canvas' ``draw``) to time each part;
:class:`BlockMonitor` is a heartbeat timer on the UI thread, whose longest gap between beats
is the longest the UI thread was blocked.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer


class RefreshParts:
    """Seconds each part of the Dashboard's refreshes took since :meth:`take` was last called:
    ``figures`` (the headline roll-ups), ``data`` (the shown chart's record), ``draw`` (its
    Figure built or drawn into) and ``render`` (painted by the canvas), summed when a part
    ran more than once."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}

    def install(self) -> RefreshParts:
        from planner.charts import KINDS, chart_module
        from ui.pages.dashboard import chart_view, page

        self._wrap(page, "headline_figures", "figures")
        for kind in KINDS:
            module = chart_module(kind)
            self._wrap(module, "data", "data")
            self._wrap(module, "draw", "draw")
        self._wrap(chart_view._Canvas, "draw", "render")
        return self

    def take(self) -> dict[str, float]:
        """The parts timed since the last call, and start afresh."""
        parts, self.parts = self.parts, {}
        return parts

    def _wrap(self, owner: Any, name: str, part: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)  # fails loudly if it moved

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                took = time.perf_counter() - started
                self.parts[part] = self.parts.get(part, 0.0) + took

        setattr(owner, name, timed)


class BlockMonitor(QObject):
    """The longest stretch, between :meth:`start` and :meth:`stop`, in which the UI thread
    turned no event loop: a timer beats every ``interval_ms`` on it, and a beat comes late
    by as long as the thread was busy with anything else."""

    def __init__(self, interval_ms: int = 2) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Seconds of the longest block since :meth:`start` (up to now included)."""
        self._beat()
        self._timer.stop()
        return self.longest

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
