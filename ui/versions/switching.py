"""Which plan the window shows: the working plan, or one of its versions opened as a plan of
its own (:func:`planner.versions.opened.open_version`), under a banner naming it.

A version opens in a worker, as a plan does. The working plan stays open while a version is
shown: it keeps the file's lock, its pages and its undo stack, which the window shows again
on the way back, and it is where every version is saved, renamed, locked and promoted. A
version's document is closed when the window leaves it. When the version shown is deleted
or promoted (by an undo, too) the window goes back to the working plan; when it is locked
or unlocked it is opened again, so its pages offer edits or not.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner import ChangeSet, Entity, PlanError
from planner.versions.service import VersionInfo
from ui.background import Outcome, Shown, TaskRunner, keep_loaded, problem_text
from ui.document import PlanDocument
from ui.opening import Opened, with_analysis
from ui.plan_view import PlanView

from .banner import VersionBanner
from .wording import version_title

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class _Showing:
    """A document the window shows or keeps, its view, and the widget that holds the view
    in the window's body (the view itself, or the view under a banner)."""

    document: PlanDocument
    view: PlanView
    holder: QWidget
    banner: VersionBanner | None = None


class VersionSwitcher(QObject):
    # The window shows another version or the working plan again, or one started or
    # stopped opening.
    changed = Signal()
    promote_requested = Signal()  # the banner's Promote…

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._runner = TaskRunner(window)
        self._working: _Showing | None = None  # kept while a version is shown
        self._version: _Showing | None = None
        # Checked once the step that changed the versions is over: it may be the shown
        # version's own edit, which is still saving when the working plan announces it.
        self._follow = QTimer(self, singleShot=True, interval=0)
        self._follow.timeout.connect(self._follow_versions)

    @property
    def working_document(self) -> PlanDocument | None:
        """The working plan's document, shown or kept; ``None`` while no plan is open."""
        return self._working.document if self._working else self._window.document

    @property
    def shown(self) -> VersionInfo | None:
        """The version shown; ``None`` while the working plan is."""
        return self._version.document.plan.version if self._version else None

    @property
    def banner(self) -> VersionBanner | None:
        return self._version.banner if self._version else None

    def busy(self) -> bool:
        """Whether a version is being opened."""
        return self._runner.busy()

    def wait(self) -> None:
        """Block until the version being opened is shown (tests)."""
        self._runner.wait()

    def plan_opened(self, document: PlanDocument) -> None:
        document.changed.connect(self._heard)

    def show_version(self, version_id: int) -> bool:
        """Start opening version ``version_id`` of the working plan; it replaces what the
        window shows once open. ``False`` when nothing started (the user is told why)."""
        working = self.working_document
        if working is None or self._runner.busy():
            return False
        plan = working.plan
        try:
            info = plan.versions.get(version_id)
        except PlanError as error:
            self._window.show_problem("Can't show the version", str(error))
            return False
        from planner.versions.opened import open_version  # loaded when first shown

        # The worker copies the file through the working plan's connection, which SQLite
        # serialises with the UI thread's use of it; the copy is the version's own.
        started = self._runner.start(
            lambda _progress, cancel: with_analysis(open_version(plan, version_id), cancel),
            on_done=lambda outcome: self._opened(working, info, outcome),
            shown=Shown("Opening version", f"Opening the {version_title(info)}…"),
            discard=Opened.close,
        )
        self.changed.emit()
        return started

    def go_back(self) -> None:
        """Show the working plan again (the banner's button, the menu): a notice about the
        last action goes, as it does when another page is shown."""
        self._runner.cancel()  # a version still opening is not wanted now
        if self._version is not None:
            self.show_working()
            self._window.notice.clear_transient()

    def close(self) -> None:
        """Close the version shown, if any, and stop one opening (the plan is closing)."""
        self._runner.shut()
        self._follow.stop()
        self.show_working(keep_loaded_after=False)

    def refresh_banner(self) -> None:
        version, working = self._version, self.working_document
        if version is None or version.banner is None or working is None:
            return
        plan = version.document.plan
        assert plan.version is not None
        version.banner.show_version(
            plan.version, read_only=plan.read_only, can_promote=not working.read_only
        )

    # -- switching ---------------------------------------------------------------------------

    def _opened(self, working: PlanDocument, info: VersionInfo, outcome: Outcome) -> None:
        try:
            self._show_opened(working, info, outcome)
        finally:
            self.changed.emit()

    def _show_opened(self, working: PlanDocument, info: VersionInfo, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._window.show_problem(
                f"Can't show the {version_title(info)}", problem_text(outcome.error)
            )
            return
        if outcome.cancelled:
            return
        opened: Opened = outcome.result
        if working is not self.working_document:  # the plan was closed meanwhile
            opened.close()
            return
        window = self._window
        before = self._version
        shown_view = window.view
        assert shown_view is not None
        document = window.make_document(opened.plan, opened.analysis)
        view = window.make_view(document)
        banner = VersionBanner()
        banner.promote_requested.connect(self.promote_requested)
        banner.back_requested.connect(self.go_back)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(view, 1)
        window.body.addWidget(holder)
        _same_page(shown_view, view)
        if self._working is None:
            self._working = _Showing(working, shown_view, shown_view)
        self._version = _Showing(document, view, holder, banner)
        window.show_document(document, view, holder)
        self.refresh_banner()
        if before is not None:
            self._drop(before)

    def show_working(self, *, keep_loaded_after: bool = True) -> None:
        """Show the working plan again, keeping the notice shown (it may be about the step
        that brought the window back: a promotion)."""
        version, working = self._version, self._working
        if version is None or working is None:
            return
        self._version = self._working = None
        _same_page(version.view, working.view)
        self._window.show_document(working.document, working.view, working.holder)
        self._drop(version)
        if keep_loaded_after:
            keep_loaded(working.document.analysis)
        self.changed.emit()

    def _drop(self, version: _Showing) -> None:
        self._window.drop(version.document, version.view, version.holder)
        gc.unfreeze()  # the version's values can be collected (see keep_loaded)

    # -- following what happens to the versions ----------------------------------------------

    def _heard(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.VERSIONS) and self._version is not None:
            self._follow.start()

    def _follow_versions(self) -> None:
        version, working = self._version, self.working_document
        if version is None or working is None:
            return
        plan = version.document.plan
        was = plan.version
        assert was is not None
        now = next((info for info in working.plan.versions.list() if info.id == was.id), None)
        if now is None:
            self.show_working()
            self._window.statusBar().showMessage(
                f"The {version_title(was)} is no longer in the plan: showing the working plan",
                8000,
            )
        elif now.locked != was.locked:
            self.show_version(now.id)  # its pages are built for editing or for reading
        elif now != was:
            # Renamed: the core names the version in what it says of its edits.
            plan.version = now
            self.refresh_banner()
            self._window.show_title()


def _same_page(shown: PlanView, view: PlanView) -> None:
    """Show in ``view`` the page (and the splitter's sizes) that ``shown`` shows."""
    view.splitter.restoreState(shown.splitter.saveState())
    view.sidebar.setCurrentRow(shown.sidebar.currentRow())
