"""The baseline a window compares its plan with: one choice per document, shared by its pages
(the Dashboard draws it beside the plan, the Initiatives table shows each budget against it).

The chosen version is opened in a worker (a copy of the file in memory, analysed as the app
analyses a plan of its size: :func:`planner.versions.baseline.open_baseline`) and closed
when another is chosen or the document closes. The working plan's edits are followed: a
baseline deleted (or promoted to be the working plan) is no longer chosen; one renamed keeps
its place; one whose content changed (a scenario's edits saved into the file) or whose
shared records changed (settings, people, segments, channels, actuals) is opened again once
the edits pause, the one opened before shown until then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from planner import ChangeSet, Entity, Plan
from planner.versions import Kind, VersionInfo
from ui.background import Outcome, TaskRunner, problem_text

if TYPE_CHECKING:
    from planner.versions.baseline import Baseline
    from ui.document import PlanDocument

REOPEN_AFTER_MS = 1000  # a pause in the edits that changed what the baseline holds


def working_plan(plan: Plan) -> Plan:
    """The working plan of ``plan``: itself, or the plan a version opened from belongs to."""
    working = getattr(plan, "working", None)
    return working if plan.version is not None and isinstance(working, Plan) else plan


def offered_order(versions: list[VersionInfo]) -> list[VersionInfo]:
    """Locked baselines first, then the other versions; oldest first in each."""
    return sorted(versions, key=lambda v: (not (v.kind is Kind.BASELINE and v.locked), v.id))


def version_label(version: VersionInfo) -> str:
    """ "Board-approved (locked baseline)", "Cut events (scenario)"."""
    kind = "locked baseline" if version.kind is Kind.BASELINE and version.locked else version.kind
    return f"{version.name} ({kind})"


class BaselineChoice(QObject):
    """Which version the document's pages compare with (:attr:`version_id`, ``None``: none)
    and that version, opened (:attr:`baseline`, ``None`` while it opens)."""

    changed = Signal()  # chosen, opened, renamed, opened again, or no longer there
    versions_changed = Signal()  # a version saved, renamed or deleted: the offer differs

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self._document = document
        self.version_id: int | None = None
        self.baseline: Baseline | None = None
        self._runner = TaskRunner()
        self._heard_changes: list[ChangeSet] = []
        self._follow = QTimer(self, singleShot=True, interval=0)
        self._follow.timeout.connect(self._follow_changes)
        self._reopen = QTimer(self, singleShot=True, interval=REOPEN_AFTER_MS)
        self._reopen.timeout.connect(self._open)
        self._working = working_plan(document.plan)
        self._unsubscribe = self._working.subscribe(self._heard)

    # -- what is chosen --------------------------------------------------------------------

    def offered(self) -> list[VersionInfo]:
        """Every version but the one the document shows, locked baselines first."""
        shown = self._document.plan.version
        versions = [v for v in self._working.versions.list() if shown is None or v.id != shown.id]
        return offered_order(versions)

    def opening(self) -> bool:
        """Whether the chosen version is being opened (a first time or again)."""
        return self._runner.busy()

    def choose(self, version_id: int | None) -> None:
        """Compare with version ``version_id`` (``None``: with none); :attr:`changed`
        follows now and again once it is open."""
        if version_id == self.version_id:
            return
        self._reopen.stop()
        self._runner.abandon()
        self.version_id = version_id
        self._set(None)
        if version_id is not None:
            self._open()

    def close(self) -> None:
        """Let go of the baseline and stop following the plan (the document closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._follow.stop()
        self._reopen.stop()
        # Waited for, not let go of: the opening reads the working plan, about to close.
        self._runner.shut()
        self.version_id = None
        if self.baseline is not None:
            self.baseline.close()
            self.baseline = None

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> None:
        version_id = self.version_id
        if version_id is None:
            return
        working, today = self._working, self._document.analysis.today

        def work(_progress: object, _cancel: object) -> Baseline:
            from planner.versions.baseline import open_baseline

            return open_baseline(working, version_id, today=today)

        def discard(baseline: Baseline) -> None:
            baseline.close()

        self._runner.abandon()  # opened again: the opening under way is out of date
        self._runner.start(
            work, on_done=lambda outcome: self._opened(version_id, outcome), discard=discard
        )

    def _opened(self, version_id: int, outcome: Outcome) -> None:
        baseline = outcome.result
        if version_id != self.version_id or self._unsubscribe is None:
            if baseline is not None:
                baseline.close()
            return
        if outcome.error is not None:
            self.version_id = None
            self._set(None)
            self._document.refused.emit(
                f"Can't compare with that version: {problem_text(outcome.error)}"
            )
            return
        if baseline is not None:
            self._set(baseline)

    def _set(self, baseline: Baseline | None) -> None:
        """Show ``baseline`` instead of the one before, which is closed once every page has
        let go of it (they take the new one as :attr:`changed` is emitted)."""
        old, self.baseline = self.baseline, baseline
        self.changed.emit()
        if old is not None:
            old.close()

    # -- following the working plan ----------------------------------------------------------

    def _heard(self, changes: ChangeSet) -> None:
        # Called inside the plan's announcement: what it means is worked out after it.
        self._heard_changes.append(changes)
        self._follow.start()

    def _follow_changes(self) -> None:
        from planner.versions.baseline import gone, renamed, to_reopen

        heard, self._heard_changes = self._heard_changes, []
        if any(changes.touches(Entity.VERSIONS) for changes in heard):
            self.versions_changed.emit()
        version_id = self.version_id
        if version_id is None:
            return
        if any(gone(changes, version_id) for changes in heard):
            self.version_id = None
            self._reopen.stop()
            self._runner.abandon()
            self._set(None)
            return
        if any(renamed(changes, version_id) for changes in heard):
            if self.baseline is None:
                self._open()  # what is opening may carry the name it had
            else:
                self.baseline.renamed(self._working.versions.get(version_id))
                self.changed.emit()
        if any(to_reopen(changes, version_id) for changes in heard):
            self._reopen.start()
