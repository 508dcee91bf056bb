"""The Timeline page: the plan's initiatives as bars across its months, in swimlanes by the
lead's choice, filtered as the Initiatives page filters, with a baseline's dates as ghost
bars; a bar is moved by dragging it (or its ends) or with the arrow keys, one undo step each.

What the page shows comes from :func:`planner.timeline.build_timeline` only, built again when
the plan changes and filtered here by the Initiatives page's own filter.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from planner import ChangeSet, Entity, PlanError
from planner.checks import Finding
from planner.checks.findings import finding_title
from planner.months import Month
from planner.timeline import Bar, Grouping, Timeline, ValuesOnMove, build_timeline
from ui.document import PlanDocument
from ui.page import Page
from ui.pages.catalogue import TIMELINE
from ui.pages.dashboard.baseline_box import BaselineBox
from ui.pages.initiatives.filter_bar import FilterBar
from ui.pages.initiatives.filters import InitiativeFilter
from ui.pages.initiatives.rows import InitiativeRow, initiative_rows
from ui.widgets.page_header import PageHeader

from .canvas import TimelineCanvas
from .controls import Legend, TimelineControls
from .edits import MoveInitiative, choose_values_on_move
from .layout import BarLabel, Zoom
from .texts import bar_text, bar_tooltip
from .values_dialog import ValuesOnMoveDialog

SUBTITLE = (
    "What runs when. Drag a bar to move it, or an end to change its months; from the keyboard, "
    "←/→ move the chosen bar (Shift: its end, Ctrl+Shift: its start). Double-click or Enter "
    "opens it."
)

# What a timeline shows none of: a version saved or renamed (the baseline's choice follows
# those), the funnel assumptions, the hand-off agreement.
_NOT_SHOWN = frozenset({Entity.VERSIONS, Entity.ASSUMPTIONS, Entity.HANDOFF})
# What the filter bar's rows (names, owners, segments, stories) are read from.
_ROW_SOURCES = (
    Entity.INITIATIVES,
    Entity.PEOPLE,
    Entity.SEGMENTS,
    Entity.CHANNELS,
    Entity.ROLES,
)


@contextmanager
def collections_paused() -> Iterator[None]:
    """No full garbage collection while the timeline is built: a build makes tens of
    thousands of objects (a big plan's bars and what they are read from), none of them
    garbage cycles, and each collection their making sets off walks every object alive,
    thousands of findings included; the rest of the heap is kept out of the walks by
    :func:`ui.background.keep_loaded`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _shown_on_bars(findings: Sequence[Finding]) -> tuple[tuple[int, str], ...]:
    """What bars show of ``findings``: each one about an initiative, by its title, in order."""
    return tuple(
        (finding.initiative_id, finding_title(finding))
        for finding in findings
        if finding.initiative_id is not None
    )


def keep_only(timeline: Timeline, ids: frozenset[int] | None) -> Timeline:
    """``timeline`` with only the bars of ``ids`` (``None``: all), empty lanes left out."""
    if ids is None:
        return timeline
    lanes = []
    for lane in timeline.lanes:
        bars = tuple(bar for bar in lane.bars if bar.initiative_id in ids)
        if bars:
            lanes.append(dataclasses.replace(lane, bars=bars))
    return dataclasses.replace(timeline, lanes=tuple(lanes))


class TimelinePage(Page):
    """The timeline of the plan; :attr:`open_requested` asks the window to show an
    initiative on the Initiatives page."""

    title = TIMELINE.title
    icon_name = TIMELINE.icon_name
    depends_on = tuple(entity for entity in Entity if entity not in _NOT_SHOWN)
    open_requested = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.timeline: Timeline | None = None  # as built, before the filter
        self.shown: Timeline | None = None  # as drawn
        self.grouping = Grouping.CHANNEL
        self.bar_label = BarLabel.BUDGET
        self._findings: list[Finding] = []
        self._rows: list[InitiativeRow] | None = None  # for the filter; read when first needed
        self.rebuilds = 0  # how often the timeline was built: tests count

        self.header = PageHeader(self.title, SUBTITLE)
        self.controls = TimelineControls(self)
        self.baseline_box = BaselineBox()
        for control in (
            self.controls.lanes,
            self.controls.labels,
            self.controls.zooms,
            self.baseline_box,
        ):
            self.header.add_widget(control)
        self.filters = FilterBar()
        self.legend = Legend(then=self.controls.choice)
        self.canvas = TimelineCanvas()
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.filters)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.legend)

        reason = document.plan.read_only_reason or "it cannot change"
        self.canvas.set_editable(
            not document.read_only,
            f"This plan is read-only ({reason}): its initiatives can't be moved.",
        )
        self.controls.grouping_chosen.connect(self.set_grouping)
        self.controls.label_chosen.connect(self.set_bar_label)
        self.controls.zoom_chosen.connect(self.canvas.set_zoom)
        self.controls.values_chosen.connect(self.choose_values)
        self.filters.changed.connect(lambda _filter: self._show())
        self.canvas.open_requested.connect(self.open_requested)
        self.canvas.move_requested.connect(self.move)
        self.canvas.refused.connect(self.document.refused)
        choice = document.baseline
        self.baseline_box.chosen.connect(choice.choose)
        choice.changed.connect(self._baseline_changed)
        choice.versions_changed.connect(self._offer_versions)

    # -- following the plan ----------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Build the timeline again (any change it depends on can move a bar, a lane, a
        figure or a finding) and refill the filters' choices that may have changed."""
        plan = self.plan
        if changes is None:
            self._offer_versions()
        if changes is None or changes.touches(*_ROW_SOURCES):
            self._rows = None
        if changes is None or changes.touches(Entity.PEOPLE):
            self.filters.set_people(plan.people.list())
        if changes is None or changes.touches(Entity.SEGMENTS):
            self.filters.set_segments(plan.segments.list())
        if changes is None or changes.touches(Entity.CHANNELS):
            self.filters.set_channels(plan.channels.list())
        if changes is None or changes.touches(Entity.SETTINGS):
            self._show_values()
        self._rebuild()

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """The plan's findings (the findings panel's): bars they concern carry a marker.
        The timeline is built again only when what its bars say of them changed (most
        edits leave every bar's findings as they were)."""
        before, self._findings = self._findings, list(findings)
        if self.timeline is None:
            return  # built with them when first shown
        if _shown_on_bars(self._findings) == _shown_on_bars(before):
            return
        if self.isVisible():
            self._rebuild()
        else:
            self._stale = True

    def _rebuild(self) -> None:
        baseline = self.document.baseline.baseline
        with collections_paused():
            self.timeline = build_timeline(
                self.plan,
                self.grouping,
                baseline=baseline.plan if baseline is not None else None,
                analysis=self.analysis,
                findings=self._findings,
            )
            self.rebuilds += 1
            self._show()

    def _show(self) -> None:
        """Draw the timeline built, filtered by the filter bar."""
        timeline = self.timeline
        if timeline is None:
            return
        wanted = self.filters.filter()
        self.shown = keep_only(timeline, self._kept(wanted))
        currency = self.plan.currency
        label = self.bar_label
        baseline_name = timeline.baseline_name
        self.canvas.set_timeline(
            self.shown,
            text_of=lambda bar: bar_text(bar, label, currency),
            tip_of=lambda bar: bar_tooltip(bar, currency, baseline_name),
            today=self.analysis.today,
        )
        total = sum(len(lane.bars) for lane in timeline.lanes)
        self.filters.show_count(sum(len(lane.bars) for lane in self.shown.lanes), total)

    def _kept(self, wanted: InitiativeFilter) -> frozenset[int] | None:
        if not wanted.active:
            return None
        if self._rows is None:
            plan = self.plan
            self._rows = initiative_rows(
                plan.initiatives.list(),
                plan.people.list(),
                plan.segments.list(),
                plan.channels.list(),
            )
        return frozenset(row.id for row in self._rows if wanted.matches(row))

    # -- the lead's choices ----------------------------------------------------------------

    def set_grouping(self, grouping: Grouping) -> None:
        """Lanes by ``grouping``."""
        self.grouping = Grouping(grouping)
        index = self.controls.grouping.findData(self.grouping)
        self.controls.grouping.setCurrentIndex(index)
        self._rebuild()

    def set_bar_label(self, label: BarLabel) -> None:
        """Bars labelled with their budget or their revenue target."""
        self.bar_label = BarLabel(label)
        self.controls.label.setCurrentIndex(self.controls.label.findData(self.bar_label))
        currency = self.plan.currency
        self.canvas.set_labels(lambda bar: bar_text(bar, self.bar_label, currency))

    def set_zoom(self, zoom: Zoom) -> None:
        self.controls.show_zoom(zoom)
        self.canvas.set_zoom(zoom)

    def choose_values(self, values: ValuesOnMove) -> bool:
        """What a move does to planned values from now on (one undo step)."""
        if values == self.plan.settings.get().values_on_move:
            return True  # chosen already (a first choice of "shift" is still written)
        done = self.document.run(choose_values_on_move(self.plan, ValuesOnMove(values)))
        if not done:  # the control goes back to what the plan holds
            self._show_values()
        return done

    def values_choosable(self) -> bool:
        """Whether the lead can choose here what a move does to planned values: in the
        working plan, not in a version (the plan's settings are shared by its versions)."""
        return not self.document.read_only and self.plan.version is None

    def _show_values(self) -> None:
        self.controls.show_values(
            self.plan.settings.get().move_values, editable=self.values_choosable()
        )

    # -- moving ----------------------------------------------------------------------------

    def move(self, initiative_id: int, start: Month, end: Month) -> None:
        """Move an initiative to ``start``-``end`` as one undo step; the first time, the
        lead is asked what that does to planned values. A refusal is said in the notice
        bar and the bar goes back."""
        # Asked once per plan: the choice is kept in it (and a version shares the plan's).
        if self.plan.settings.get().values_on_move is not None or not self.values_choosable():
            self._move(initiative_id, start, end)
            return
        dialog = ValuesOnMoveDialog(self.plan.settings.get().move_values, self)
        dialog.finished.connect(
            lambda result: self._answered(dialog, result, initiative_id, start, end)
        )
        dialog.open()

    def _answered(
        self, dialog: ValuesOnMoveDialog, result: int, initiative_id: int, start: Month, end: Month
    ) -> None:
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or not self.choose_values(dialog.choice()):
            self.canvas.settle()
            return
        self._show_values()
        self._move(initiative_id, start, end)

    def _move(self, initiative_id: int, start: Month, end: Month) -> None:
        try:
            command = MoveInitiative(self.plan, self.analysis, initiative_id, start, end)
        except PlanError as error:  # deleted meanwhile (an undo elsewhere)
            self.document.refused.emit(str(error))
        else:
            self.document.run(command)
        self.canvas.settle()

    # -- the baseline ----------------------------------------------------------------------

    def _offer_versions(self) -> None:
        choice = self.document.baseline
        offered = choice.offered()
        self.baseline_box.set_versions(offered, choice.version_id, comparable=False)
        self.baseline_box.set_opening(choice.opening())

    def _baseline_changed(self) -> None:
        self._offer_versions()
        if self.timeline is None:
            return
        if self.isVisible():
            self._rebuild()  # at once: the baseline shown before is closed next
        else:
            self._stale = True

    # -- what the tests and the window read --------------------------------------------------

    def selected_bar(self) -> Bar | None:
        layout = self.canvas.layout_
        selected = self.canvas.selected
        return None if layout is None or selected is None else layout.bar(selected)

    def focus_canvas(self) -> None:
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)
