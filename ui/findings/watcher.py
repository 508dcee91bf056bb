"""Reruns the alignment checks shortly after the plan changes.

A burst of edits (typing through a column, undoing five steps) costs one run of the checks,
not five: the run waits until the edits pause.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from planner.checks import Finding, run_checks
from ui.document import PlanDocument

PAUSE_MS = 300


class FindingsWatcher(QObject):
    updated = Signal(list)  # list[Finding], sorted worst first

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.findings: list[Finding] = []
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run_now)
        document.changed.connect(lambda _changes: self._timer.start())

    def run_now(self) -> None:
        """Check the plan at once and announce the findings."""
        self._timer.stop()
        self.findings = run_checks(self._document.analysis)
        self.updated.emit(self.findings)

    def stop(self) -> None:
        """Forget any pending run (the plan is closing)."""
        self._timer.stop()
        self._timer.timeout.disconnect(self.run_now)

    def pending(self) -> bool:
        """Whether a run is waiting for the edits to pause."""
        return self._timer.isActive()
