"""Reruns the alignment checks shortly after the plan changes, off the UI thread.

A burst of edits (typing through a column, undoing five steps) costs one run of the checks,
not five: the run waits until the edits pause. It then reads what the checks judge on the UI
thread, which edits the plan (only what the edits since the last run can have moved: after a
typed value, that initiative's sums and the hand-off), and judges it in a worker on those
plain values alone, so an edit committed meanwhile can never be half seen. Every change the
plan announces starts a new generation; findings judged for an older one are dropped, and the
newer state is checked in turn.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from planner import checks
from planner.changes import ChangeSet
from planner.checks import Finding
from ui.background import Outcome, TaskRunner
from ui.document import PlanDocument

PAUSE_MS = 300


class FindingsWatcher(QObject):
    updated = Signal(list)  # list[Finding], sorted worst first

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        # Made at the first run, which loads the rules: the window shows a plan before that.
        self._inputs: checks.InputsInStep | None = None
        self._watching = True
        self._runner = TaskRunner()
        self._generation = 0  # how many changes the plan has announced
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.recheck)
        self._document = document
        document.changed.connect(self._heard)

    def recheck(self) -> None:
        """Read what the checks judge now and judge it in a worker; :attr:`updated` follows
        unless the plan changes meanwhile (a check still running starts the next itself)."""
        self._timer.stop()
        if self._runner.busy() or not self._watching:
            return
        if self._inputs is None:
            self._inputs = checks.InputsInStep(self._document.analysis, None)
        inputs = self._inputs.gather()
        generation = self._generation
        self._runner.start(
            lambda _progress, _cancel: checks.judge(inputs),
            on_done=lambda outcome: self._judged(generation, outcome),
        )

    def check_soon(self) -> None:
        """Check the plan once the event loop has handled what is waiting (the rest of the
        frame that showed the plan)."""
        QTimer.singleShot(0, self, self.recheck)

    def run_now(self) -> None:
        """Check the plan at once and wait for the findings (tests, the benchmark)."""
        while self._runner.busy():
            self._runner.wait()
        self.recheck()
        self._runner.wait()

    def checking(self) -> bool:
        """Whether a check is running in the worker."""
        return self._runner.busy()

    def pending(self) -> bool:
        """Whether a run is waiting for the edits to pause."""
        return self._timer.isActive()

    def stop(self) -> None:
        """Forget any pending run and let go of a running one (the plan is closing): the
        worker holds none of the plan, so it ends on its own and its findings are dropped."""
        self._watching = False
        self._timer.stop()
        self._timer.timeout.disconnect(self.recheck)
        self._document.changed.disconnect(self._heard)
        self._runner.abandon()

    def _heard(self, changes: ChangeSet) -> None:
        self._generation += 1
        if self._inputs is not None:  # else the first run reads everything anyway
            self._inputs.heard(changes)
        self._timer.start()

    def _judged(self, generation: int, outcome: Outcome) -> None:
        if outcome.error is not None:
            raise outcome.error  # a fault in a rule: the app's error report, as on any slot
        if generation == self._generation:
            self.findings = outcome.result
            self.updated.emit(self.findings)
        elif not self._timer.isActive():
            self.recheck()  # the plan changed while this ran, and the edits have paused
