"""The Qt binding the app runs on keeps Python's reference counts straight.

PySide6 6.12.0 under Python 3.11 loses a reference to ``None`` on every Qt call that
returns nothing; after some tens of thousands of calls (a few seconds of scrolling a grid)
the process aborts. The project pins a version without the fault; this catches it coming back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor


def test_qt_calls_that_return_nothing_leave_nones_count_alone():
    colour = QColor("red")
    before = sys.getrefcount(None)
    for _ in range(2000):
        colour.setAlpha(3)
        QModelIndex().data()
    assert sys.getrefcount(None) >= before - 50
