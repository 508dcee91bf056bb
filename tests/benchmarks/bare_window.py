"""The floor of the cold-start figure: a bare PySide6 window holding an empty table view,
started the way the app is, reporting when it was first painted.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bare_window.py STARTED

``STARTED`` is ``time.time()`` in the parent just before it started this process.
"""

from __future__ import annotations

import sys

from child import report
from first_paint import on_first_paint
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

started = float(sys.argv[1])
app = QApplication(sys.argv[:1])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
window.resize(1400, 860)


def painted(when: float) -> None:
    report(first_paint=when - started)
    app.quit()


on_first_paint(table.viewport(), painted)
window.show()
app.exec()
