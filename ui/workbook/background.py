"""Long workbook work off the UI thread: an export, reading a CSV, an import's preview.

The worker opens its own read-only :class:`~planner.Plan` from the document's file, because a
SQLite connection belongs to the thread that made it. A progress dialog appears when the work
takes longer than a moment; its Cancel sets the :class:`threading.Event` the core watches.
What comes back is an :class:`Outcome`: a result, an error to show, or a quiet cancel; never a
traceback.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planner import Plan, PlanError
from ui.widgets.progress import delayed_progress

Progress = Callable[[int, int], None]
Work = Callable[[Plan, Progress, threading.Event], Any]

# The core may report every row; the dialog needs a few updates a second, not 72,000.
_REPORT_EVERY_S = 0.05


@dataclass(frozen=True)
class Outcome:
    """How a piece of background work ended: ``result``, or ``error``, or ``cancelled``."""

    result: Any = None
    error: BaseException | None = None
    cancelled: bool = False


def problem_text(error: BaseException) -> str:
    """The one-line message a user sees for ``error``: the core's own words for a
    :class:`~planner.PlanError`, the file and the system's reason for an :class:`OSError`."""
    if isinstance(error, PlanError):
        return str(error)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return f"{error.filename}: {reason}" if error.filename else reason
    return f"unexpected {type(error).__name__}: {error}"


class _WorkThread(QThread):
    progressed = Signal(int, int)

    def __init__(self, path: Path, work: Work) -> None:
        super().__init__()
        self.path = path
        self.work = work
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self._last_report = 0.0

    def run(self) -> None:
        try:
            plan = Plan.open(self.path, read_only=True)
        except Exception as error:  # handed to the UI thread, which shows a message
            self.error = error
            return
        try:
            self.result = self.work(plan, self._report, self.cancel)
        except Exception as error:
            self.error = error
        finally:
            # A read-only connection: nothing is lost if closing it fails.
            with contextlib.suppress(Exception):
                plan.close()

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_report < _REPORT_EVERY_S:
            return
        self._last_report = now
        self.progressed.emit(done, total)


class BackgroundTask(QObject):
    """Runs one piece of work at a time in a worker thread; hands its :class:`Outcome` to
    the ``on_done`` given to :meth:`start`, on the UI thread."""

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._thread: _WorkThread | None = None
        self._progress: QProgressDialog | None = None
        self._on_done: Callable[[Outcome], None] | None = None

    def busy(self) -> bool:
        return self._thread is not None

    def start(
        self,
        path: Path,
        work: Work,
        *,
        title: str,
        label: str,
        on_done: Callable[[Outcome], None],
    ) -> bool:
        """Run ``work(plan, on_progress, cancel)`` on a read-only plan opened from ``path``;
        ``False`` (and nothing started) while other work is still running."""
        if self._thread is not None:
            return False
        self._on_done = on_done
        self._thread = _WorkThread(path, work)
        self._thread.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._thread.finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        progress = delayed_progress(self._parent_widget, title, label, self.cancel)
        progress.setObjectName("workbookProgress")
        progress.setMinimumWidth(420)
        self._progress = progress
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Ask the running work to stop; it ends as cancelled unless it had already finished."""
        if self._thread is not None:
            self._thread.cancel.set()

    def wait(self) -> None:
        """Block until the work finishes and its outcome is handed over (tests, shut-down)."""
        thread = self._thread
        if thread is not None:
            thread.wait()
            self._done()

    def shut(self) -> None:
        """Cancel any running work and wait for it, so no thread outlives the window."""
        self.cancel()
        self.wait()

    def _progressed(self, done: int, total: int) -> None:
        progress = self._progress
        if progress is None or progress.wasCanceled() or total <= 0:
            return
        progress.setMaximum(total)
        progress.setValue(min(done, total))

    def _done(self) -> None:
        # Called by the thread's `finished` (queued) or by wait(): a late `finished` of work
        # already handed over must not end the next piece of work.
        sender = self.sender()
        if self._thread is None or (sender is not None and sender is not self._thread):
            return
        thread, self._thread = self._thread, None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        thread.wait()
        thread.deleteLater()
        on_done, self._on_done = self._on_done, None
        if thread.error is not None:
            # The core stops with its own "cancelled" error; any error after Cancel is one.
            cancelled = thread.cancel.is_set()
            outcome = Outcome(error=None if cancelled else thread.error, cancelled=cancelled)
        else:
            # Finished before it saw the Cancel: the work is done, so say what it did.
            outcome = Outcome(result=thread.result)
        if on_done is not None:
            on_done(outcome)
