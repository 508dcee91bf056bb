"""Noticing the first time a widget is painted (offscreen Qt paints into its backing store)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, widget: QObject, then: Callable[[float], None]) -> None:
        super().__init__(widget)
        self._then = then
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            # Called once this paint event has been handled, with the time it started.
            when = time.time()
            QTimer.singleShot(0, lambda: self._then(when))
        return False


def on_first_paint(widget: QObject, then: Callable[[float], None]) -> None:
    """Call ``then(when)`` once, just after ``widget`` is first painted; ``when`` is the
    ``time.time()`` at which that paint began."""
    widget.installEventFilter(_FirstPaint(widget, then))
