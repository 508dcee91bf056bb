"""Opening a plan file off the UI thread, with a progress dialog for big plans.

The window stays responsive while SQLite checks and (if needed) upgrades the file; what comes
back is an open :class:`~planner.Plan` or a message for the user, never a traceback. A plan
open for editing elsewhere can still be opened read-only: the refusal offers just that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from planner import Plan, PlanError, PlanLockedError, ReadOnlyWouldOpenError
from planner.analysis import Analysis
from planner.checks import Finding, run_checks
from ui.document import PlanDocument
from ui.plain_text import message_box
from ui.widgets.progress import delayed_progress


@dataclass(frozen=True)
class OpenFailure:
    """Why a plan did not open: a title and a message for a dialog, and whether opening it
    read-only would work (it is open for editing elsewhere, or no lock can be taken)."""

    path: Path
    title: str
    message: str
    read_only_would_open: bool = False


def describe_failure(path: Path, error: BaseException) -> OpenFailure:
    """The words shown when ``path`` could not be opened."""
    if isinstance(error, PlanLockedError):
        return OpenFailure(
            path, "The plan is open elsewhere", str(error), read_only_would_open=True
        )
    if isinstance(error, ReadOnlyWouldOpenError):
        return OpenFailure(
            path, f"Can't open {path.name} for editing", str(error), read_only_would_open=True
        )
    if isinstance(error, PlanError):
        return OpenFailure(path, f"Can't open {path.name}", str(error))
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return OpenFailure(path, f"Can't open {path.name}", f"{path}: {reason}")
    return OpenFailure(
        path,
        f"Can't open {path.name}",
        f"{path}: unexpected {type(error).__name__}: {error}",
    )


def offer_read_only(
    parent: QWidget, failure: OpenFailure, open_read_only: Callable[[], None]
) -> QMessageBox:
    """Tell why the plan cannot be opened for editing (open elsewhere, or no lock file can be
    made beside it), offering to open it read-only (``open_read_only``) or not at all;
    window-modal, opened not exec'd."""
    # The message names who holds the plan, as the lock file says: shown as written.
    box = message_box(QMessageBox.Icon.Warning, failure.title, failure.message, parent=parent)
    box.setObjectName("openReadOnlyBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    read_only = box.addButton("Open &Read-Only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    read_only.clicked.connect(open_read_only)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


# Opens a closing window let go of: kept until they end (see wait_for_abandoned_opens).
_abandoned: list[_OpenThread] = []


class _OpenThread(QThread):
    def __init__(
        self, path: Path, prepare: Callable[[Path], None] | None, *, read_only: bool
    ) -> None:
        super().__init__()
        self.path = path
        self.prepare = prepare
        self.read_only = read_only
        self.plan: Plan | None = None
        self.analysis: Analysis | None = None
        self.findings: list[Finding] | None = None
        self.error: BaseException | None = None
        self._guard = threading.Lock()
        self._abandoned = False

    def run(self) -> None:
        try:
            if self.prepare is not None:
                self.prepare(self.path)
            self.plan = Plan.open(self.path, read_only=self.read_only)
            if self._close_if_abandoned():
                return
            # The app asks for roll-ups after every edit: a big plan's values are read into
            # memory here, off the UI thread, once.
            self.analysis = PlanDocument.analysis_for(self.plan)
        except Exception as error:  # handed to the UI thread, which shows a message
            self.error = error
            return
        if self._close_if_abandoned():
            return
        try:
            # The first check of a big plan takes a moment: done here, the window shows the
            # plan with its findings without standing still.
            self.findings = run_checks(self.analysis)
        except Exception:
            self.findings = None  # the window checks again itself
        self._close_if_abandoned()

    def abandon(self) -> None:
        """No one waits for this open any more: the plan it opens is closed (and its lock
        freed) as soon as it is open, by whichever thread gets there last."""
        with self._guard:
            self._abandoned = True
        self._close_if_abandoned()

    def _close_if_abandoned(self) -> bool:
        with self._guard:
            if not self._abandoned:
                return False
            plan, self.plan = self.plan, None
        if plan is not None:
            plan.close()
        return True


class PlanOpener(QObject):
    """Opens one plan at a time in a worker thread; emits :attr:`opened` or :attr:`failed`,
    between :attr:`started` and :attr:`ended` (which also follows a cancelled open)."""

    started = Signal(object)  # the Path being opened
    # The Analysis of the plan opened (its plan at .plan), and its findings (None: not
    # checked yet).
    opened = Signal(object, object)
    failed = Signal(object)  # OpenFailure
    ended = Signal()

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._thread: _OpenThread | None = None
        self._progress: QProgressDialog | None = None
        self._cancelled = False

    def busy(self) -> bool:
        return self._thread is not None

    def open(
        self,
        path: Path,
        prepare: Callable[[Path], None] | None = None,
        *,
        read_only: bool = False,
    ) -> bool:
        """Start opening ``path`` (after ``prepare(path)``, e.g. writing the demo plan), for
        editing unless ``read_only``; ``False`` if another open is still running."""
        if self._thread is not None:
            return False
        self._cancelled = False
        self._thread = _OpenThread(path, prepare, read_only=read_only)
        self._thread.finished.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._progress = delayed_progress(
            self._parent_widget, "Opening plan", f"Opening {path.name}…", self.cancel
        )
        self._thread.start()
        self.started.emit(path)
        return True

    def wait(self) -> None:
        """Block until the open finishes and its signal is sent (for tests and shut-down)."""
        thread = self._thread
        if thread is not None:
            thread.wait()
            self._done()

    def cancel(self) -> None:
        """Drop the open under way (the progress dialog's Cancel): no plan replaces the
        window's when it finishes."""
        self._cancelled = True

    def abandon(self) -> None:
        """Let go of the open under way without waiting for it (the window is closing, and
        a file on a stalled disk must not keep it open): it ends in the background, and the
        plan it opens is closed again at once. :attr:`ended` follows."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._cancelled = True
        thread.finished.disconnect(self._done)
        thread.abandon()
        _abandoned.append(thread)
        self._close_progress()
        self.ended.emit()

    def _done(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._close_progress()
        thread.wait()
        thread.deleteLater()
        if thread.analysis is not None and not self._cancelled:
            self.opened.emit(thread.analysis, thread.findings)
        elif thread.plan is not None:
            thread.plan.close()  # cancelled, or its values could not be read
        if thread.analysis is None and thread.error is not None and not self._cancelled:
            self.failed.emit(describe_failure(thread.path, thread.error))
        self.ended.emit()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None


def wait_for_abandoned_opens() -> None:
    """Wait for the opens that closing windows let go of (before the app exits: a thread
    still running when the process ends would abort it); each closes its plan itself."""
    while _abandoned:
        _abandoned.pop().wait()
