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

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from planner import Plan, PlanLockedError, ReadOnlyWouldOpenError
from planner.analysis import Analysis
from ui.background import Outcome, Shown, TaskRunner, problem_text
from ui.document import PlanDocument
from ui.plain_text import message_box


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
        return OpenFailure(path, "The plan is open elsewhere", str(error), True)
    if isinstance(error, ReadOnlyWouldOpenError):
        return OpenFailure(path, f"Can't open {path.name} for editing", str(error), True)
    return OpenFailure(path, f"Can't open {path.name}", problem_text(error, path))


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


@dataclass(frozen=True)
class Opened:
    """An open plan and its analysis (``None``: not made yet)."""

    plan: Plan
    analysis: Analysis | None

    def close(self) -> None:
        if self.analysis is not None:
            self.analysis.close()
        self.plan.close()


def _open(
    path: Path, prepare: Callable[[Path], None] | None, read_only: bool, cancel: threading.Event
) -> Opened:
    if prepare is not None:
        prepare(path)
    return with_analysis(Plan.open(path, read_only=read_only), cancel)


def with_analysis(plan: Plan, cancel: threading.Event) -> Opened:
    """``plan`` opened in a worker, with the analysis its document will read through (the
    plan alone once cancelled: the runner lets go of it and closes it)."""
    if cancel.is_set():
        return Opened(plan, None)
    try:
        # The app asks for roll-ups after every edit: a big plan's values are read into
        # memory here, off the UI thread, once.
        analysis = PlanDocument.analysis_for(plan)
    except BaseException:
        plan.close()
        raise
    # The plan is shown before it is checked: the window's findings follow its first paint.
    return Opened(plan, analysis)


class PlanOpener(QObject):
    """Opens one plan at a time in a worker thread; emits :attr:`opened` or :attr:`failed`,
    between :attr:`started` and :attr:`ended` (which also follows a cancelled open)."""

    started = Signal(object)  # the Path being opened
    opened = Signal(object)  # the Analysis of the plan opened (its plan at .plan)
    failed = Signal(object)  # OpenFailure
    ended = Signal()

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._runner = TaskRunner(parent_widget)

    def busy(self) -> bool:
        return self._runner.busy()

    def open(
        self,
        path: Path,
        prepare: Callable[[Path], None] | None = None,
        *,
        read_only: bool = False,
    ) -> bool:
        """Start opening ``path`` (after ``prepare(path)``, e.g. writing the demo plan), for
        editing unless ``read_only``; ``False`` if another open is still running."""
        started = self._runner.start(
            lambda _progress, cancel: _open(path, prepare, read_only, cancel),
            on_done=lambda outcome: self._done(path, outcome),
            shown=Shown("Opening plan", f"Opening {path.name}…"),
            discard=Opened.close,
        )
        if started:
            self.started.emit(path)
        return started

    def wait(self) -> None:
        """Block until the open finishes and its signal is sent (for tests and shut-down)."""
        self._runner.wait()

    def cancel(self) -> None:
        """Drop the open under way (the progress dialog's Cancel): no plan replaces the
        window's when it finishes."""
        self._runner.cancel()

    def abandon(self) -> None:
        """Let go of the open under way without waiting for it (the window is closing, and
        a file on a stalled disk must not keep it open): it ends in the background, and the
        plan it opens is closed again at once. :attr:`ended` follows."""
        if self._runner.busy():
            self._runner.abandon()
            self.ended.emit()

    def _done(self, path: Path, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.failed.emit(describe_failure(path, outcome.error))
        elif not outcome.cancelled:
            self.opened.emit(outcome.result.analysis)
        self.ended.emit()
