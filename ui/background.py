"""Long work off the UI thread: opening a plan, an export, reading and previewing an import,
the findings recheck; one runner for all of it.

The work is a plain function of ``(on_progress, cancel)`` that runs in a worker thread and
touches nothing the UI thread uses (it opens its own plan, or works on data gathered for it).
While it runs, a window-modal progress dialog with Cancel appears if the work takes longer
than a moment (or none at all, for quiet work such as the recheck). What comes back, on the UI
thread, is an :class:`Outcome`: a result, an error, or a cancel; :func:`problem_text` is the
one place an error becomes words for the user. A result no one takes (the work was cancelled,
or let go of by a closing window) is handed to the work's ``discard``, which frees it (closes
the plan it opened, say), whichever thread gets there last.

Views learn what changed from the document (:attr:`ui.document.PlanDocument.changed`): work
that changes the plan hands its result back to the UI thread, which applies it through the
document as one undoable edit.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner import PlanError
from ui.plain_text import plain_label, window_title

if TYPE_CHECKING:
    from planner.analysis import Analysis

Progress = Callable[[int, int], None]
Work = Callable[[Progress, threading.Event], Any]

# The core may report every row; the dialog needs a few updates a second, not 72,000.
_REPORT_EVERY_S = 0.05
SHOW_PROGRESS_AFTER_MS = 400  # quicker work finishes without a dialog flashing up


@dataclass(frozen=True)
class Outcome:
    """How a piece of background work ended: ``result``, or ``error``, or ``cancelled``."""

    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class Shown:
    """The progress dialog of a piece of work: its title, and what it says (naming the file)."""

    title: str
    label: str


def problem_text(error: BaseException, path: Path | None = None) -> str:
    """The one-line message a user sees for ``error``: the core's own words for a
    :class:`~planner.PlanError`, the file (``path`` when the error names none) and the
    system's reason for an :class:`OSError`, the kind of error otherwise."""
    if isinstance(error, PlanError):
        return str(error)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        named = error.filename or path
        return f"{named}: {reason}" if named else reason
    text = f"unexpected {type(error).__name__}: {error}"
    return f"{path}: {text}" if path is not None else text


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work, discard: Callable[[Any], None] | None) -> None:
        super().__init__()
        self.work = work
        self.discard = discard
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self._last_report = 0.0
        self._guard = threading.Lock()
        self._abandoned = False

    def run(self) -> None:
        try:
            self.result = self.work(self._report, self.cancel)
        except Exception as error:  # handed to the UI thread, which words it
            self.error = error
        self._discard_if_abandoned()

    def abandon(self) -> None:
        """No one waits for this work any more: its result is discarded as soon as it is
        there, by whichever thread gets there last."""
        self.cancel.set()
        with self._guard:
            self._abandoned = True
        self._discard_if_abandoned()

    def _discard_if_abandoned(self) -> None:
        with self._guard:
            if not self._abandoned:
                return
            result, self.result = self.result, None
        if result is not None and self.discard is not None:
            self.discard(result)

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_report < _REPORT_EVERY_S:
            return
        self._last_report = now
        self.progressed.emit(done, total)


# Seconds a thread waiting for the interpreter lets the running one go on (Python's default
# is 5 ms): see make_application. The workers' own throughput hardly changes.
UI_SWITCH_INTERVAL = 0.001


def keep_loaded(analysis: Analysis) -> None:
    """For a big plan (its values held in memory), keep what is loaded now (the app's
    modules, matplotlib, the plan's analysis) out of Python's full collections, which stop
    every thread and walk every object: they then walk only what edits made since, and a
    big plan's edits (each check of it makes thousands of findings) cannot stall on them.
    Garbage is collected first, so none is kept (a plan closed before this one); closing the
    plan gives the rest back (``gc.unfreeze``). Called once a plan is shown and once its
    charts are loaded; a small plan's edits make too little for this to pay."""
    if analysis.holds_values:
        gc.collect()
        gc.freeze()


# Work that closing windows let go of: kept until it ends (see wait_for_abandoned_work).
_abandoned: list[_Worker] = []


class TaskRunner(QObject):
    """Runs one piece of work at a time in a worker thread and hands its :class:`Outcome` to
    the ``on_done`` given to :meth:`start`, on the UI thread."""

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._worker: _Worker | None = None
        self._progress: QProgressDialog | None = None
        self._on_done: Callable[[Outcome], None] | None = None

    def busy(self) -> bool:
        return self._worker is not None

    def start(
        self,
        work: Work,
        *,
        on_done: Callable[[Outcome], None],
        shown: Shown | None = None,
        discard: Callable[[Any], None] | None = None,
    ) -> bool:
        """Run ``work(on_progress, cancel)`` in a worker thread, behind the progress dialog
        ``shown`` (none when not given); ``discard(result)`` frees a result that a cancel or
        :meth:`abandon` leaves untaken. ``False`` (and nothing started) while other work is
        still running."""
        if self._worker is not None:
            return False
        self._on_done = on_done
        worker = self._worker = _Worker(work, discard)
        worker.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        worker.finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        if shown is not None:
            self._progress = self._progress_dialog(shown)
        worker.start()
        return True

    def cancel(self) -> None:
        """Ask the running work to stop. It ends as cancelled if it stops with an error, or if
        it has a ``discard`` (its result is then freed); work that finished before it saw the
        Cancel and has nothing to free ends with its result, since it is done."""
        if self._worker is not None:
            self._worker.cancel.set()

    def wait(self) -> None:
        """Block until the work finishes and its outcome is handed over (tests, shut-down)."""
        worker = self._worker
        if worker is not None:
            worker.wait()
            self._done()

    def shut(self) -> None:
        """Cancel any running work and wait for it, so no thread outlives the window."""
        self.cancel()
        self.wait()

    def abandon(self) -> None:
        """Let go of the work under way without waiting for it (the window is closing, and a
        file on a stalled disk must not hold it open): it ends in the background, its result
        is discarded, and no ``on_done`` follows."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        self._on_done = None
        worker.finished.disconnect(self._done)
        worker.abandon()
        _abandoned[:] = [w for w in _abandoned if not w.isFinished()]
        _abandoned.append(worker)
        self._close_progress()

    def _progress_dialog(self, shown: Shown) -> QProgressDialog:
        """Window-modal, with Cancel; a busy bar until the work reports a range. It appears
        only after :data:`SHOW_PROGRESS_AFTER_MS`."""
        progress = QProgressDialog(self._parent_widget)
        progress.setObjectName("backgroundProgress")
        progress.setLabel(plain_label())  # the label names a file, which may hold anything
        progress.setLabelText(shown.label)
        progress.setMinimumWidth(420)
        progress.setCancelButtonText("Cancel")
        progress.setRange(0, 0)
        progress.setWindowTitle(window_title(shown.title))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)  # starts the minimum-duration clock
        return progress

    def _progressed(self, done: int, total: int) -> None:
        progress = self._progress
        if progress is None or progress.wasCanceled() or total <= 0:
            return
        progress.setMaximum(total)
        progress.setValue(min(done, total))

    def _done(self) -> None:
        # Called by the worker's `finished` (queued) or by wait(): a late `finished` of work
        # already handed over must not end the next piece of work.
        sender = self.sender()
        if self._worker is None or (sender is not None and sender is not self._worker):
            return
        worker, self._worker = self._worker, None
        self._close_progress()
        worker.wait()
        worker.deleteLater()
        on_done, self._on_done = self._on_done, None
        cancelled = worker.cancel.is_set()
        if worker.error is not None:
            # The core stops with its own "cancelled" error; any error after Cancel is one.
            outcome = Outcome(error=None if cancelled else worker.error, cancelled=cancelled)
        elif cancelled and worker.discard is not None:
            worker.abandon()  # frees the result no one wants
            outcome = Outcome(cancelled=True)
        else:
            outcome = Outcome(result=worker.result)
        if on_done is not None:
            on_done(outcome)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None


def wait_for_abandoned_work() -> None:
    """Wait for the work that closing windows let go of (before the app exits: a thread still
    running when the process ends would abort it); each frees its own result."""
    while _abandoned:
        _abandoned.pop().wait()
