"""The strike-zone page: segments and their tier, the share of budget and revenue target
inside the zone, segments nothing aims at, and which initiative aims at which segment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from planner import ChangeSet, Currency, Entity, PlanError, Tier
from planner.analysis import strike_zone
from ui.document import PlanDocument
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import STRIKE_ZONE
from ui.pages.strike_zone import edits
from ui.pages.strike_zone.coverage import build_coverage, initiatives_to_reload, with_initiatives
from ui.pages.strike_zone.coverage_model import CoverageModel
from ui.pages.strike_zone.coverage_view import CoverageView
from ui.pages.strike_zone.figures import zone_figures
from ui.pages.strike_zone.headline import ZoneHeadline
from ui.pages.strike_zone.segment_columns import SegmentRow, segment_columns, segment_rows
from ui.pages.strike_zone.segments_view import SegmentsView
from ui.plain_text import plain_label
from ui.tables.rows_model import RowsModel
from ui.widgets.page_header import PageHeader

_SUBTITLE = (
    "Pitch into the strike zone: a few core segments should get most of the budget and the "
    "revenue target."
)
_GRID_HINT = (
    "Which initiatives aim at which segments. Click a cell or press Space to aim an initiative "
    "at a segment or stop aiming it there. Dropped initiatives are dimmed and do not count."
)


class StrikeZonePage(Page):
    """Segments (editable), the zone's headline figures and the coverage grid."""

    title = STRIKE_ZONE.title
    icon_name = STRIKE_ZONE.icon_name
    depends_on = (Entity.SEGMENTS, Entity.INITIATIVES, Entity.SETTINGS)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.header = PageHeader(self.title, _SUBTITLE)
        self.headline = ZoneHeadline()
        self.segments_model: RowsModel[SegmentRow] = RowsModel(
            segment_columns(self._currency), self._edit_segment, self
        )
        self.segments_view = SegmentsView(self.segments_model)
        self.coverage_model = CoverageModel(self)
        self.coverage_view = CoverageView(self.coverage_model)
        self.coverage_view.toggle_requested.connect(self._toggle_aim)

        self.add_action = self._action("add", "&Add segment", self._add_segment)
        self.add_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Insert), QKeySequence("Ctrl+Shift+N")]
        )
        self.add_action.setToolTip("Add a segment (Insert, Ctrl+Shift+N)")
        self.addAction(self.add_action)
        self.delete_action = self._action("delete", "&Delete segment", self._delete_segments)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setToolTip(
            "Delete the selected segments (Delete); initiatives stop aiming at them. Undo "
            "puts them back."
        )
        # Only the segments table listens for Delete: in the grid it would surprise.
        self.segments_view.addAction(self.delete_action)
        self.header.add_action(self.add_action)
        self.header.add_action(self.delete_action)
        self.segments_view.selectionModel().selectionChanged.connect(self._update_actions)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.headline)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(_titled("Segments", None, self.segments_view))
        splitter.addWidget(_titled("Coverage", _GRID_HINT, self.coverage_view))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self._update_actions()

    # -- loading -------------------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload the figures, the segments and the grid from the core."""
        plan = self.plan
        zone = strike_zone(self.analysis)
        self.headline.show_figures(zone_figures(zone, plan.currency, plan.settings.get().stage))
        self.segments_model.set_rows(segment_rows(zone))
        changed = initiatives_to_reload(changes)
        if changed is None:
            coverage = build_coverage(plan.initiatives.list(), [c.segment for c in zone.segments])
        else:
            # Only some initiatives' aims or status changed (a click in the grid): reading
            # those few is much cheaper than listing a large plan's initiatives again.
            coverage = with_initiatives(
                self.coverage_model.coverage, [plan.initiatives.get(i) for i in sorted(changed)]
            )
        self.coverage_model.set_coverage(coverage)
        self._update_actions()

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Plan-level findings about segments or tiers select the segments table (the first
        uncovered core segment); an initiative's "segments" selects its row of the grid."""
        self.ensure_fresh()
        if initiative_id is None and field in ("segments", "tier"):
            return self._reveal_segment(field)
        if initiative_id is not None and field == "segments":
            row = self.coverage_model.coverage.row_of(initiative_id)
            if row is None:
                return False
            view = self.coverage_view
            index = self.coverage_model.index(row, 0)
            view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.scrollTo(index)
            view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def _reveal_segment(self, field: str) -> bool:
        rows = self.segments_model.rows()
        if not rows:
            return False
        core = [r for r in rows if r.segment.tier is Tier.CORE]
        uncovered_core = [r for r in core if r.initiatives == 0]
        target = (uncovered_core or core or rows)[0]
        self.segments_view.select_segment(target.id, "tier" if field == "tier" else "name")
        self.segments_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- editing -------------------------------------------------------------------------

    def _edit_segment(self, row: SegmentRow, key: str, value: Any) -> bool:
        builders = {
            "name": edits.rename_segment,
            "tier": edits.move_segment,
            "notes": edits.edit_segment_notes,
        }
        return self.document.run(builders[key](self.plan, row.segment, value))

    def _add_segment(self) -> None:
        if self.document.read_only:
            return
        name = edits.unique_segment_name(r.segment.name for r in self.segments_model.rows())
        command = edits.AddSegment(self.plan, name)
        if self.document.run(command) and command.segment_id is not None:
            self.ensure_fresh()  # a hidden page only marked itself stale; the row must exist
            if self.segments_view.select_segment(command.segment_id):
                self.segments_view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.segments_view.edit(self.segments_view.currentIndex())

    def _delete_segments(self) -> None:
        chosen = self.segments_view.selected_rows()
        if chosen and not self.document.read_only:
            self.document.run(edits.DeleteSegments(self.plan, [r.segment for r in chosen]))

    def _toggle_aim(self, row: int, column: int) -> None:
        if self.document.read_only:
            return
        coverage = self.coverage_model.coverage
        try:
            # Read both afresh: the command must capture the aims as the plan holds them.
            initiative = self.plan.initiatives.get(coverage.rows[row].initiative_id)
            segment = self.plan.segments.get(coverage.columns[column].segment_id)
        except PlanError as error:  # gone since the grid was drawn
            self.document.refused.emit(str(error))
            self.refresh(None)
            return
        self.document.run(edits.toggle_aim(self.plan, initiative, segment))

    # -- helpers -------------------------------------------------------------------------

    def _currency(self) -> Currency:
        return self.plan.currency

    def _action(self, icon_name: str, text: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def _update_actions(self, *_args: object) -> None:
        writable = not self.document.read_only
        self.add_action.setEnabled(writable)
        self.delete_action.setEnabled(writable and bool(self.segments_view.selected_rows()))
        self.segments_view.set_editable(writable)


def _titled(title: str, hint: str | None, body: QWidget) -> QWidget:
    """``body`` under a bold title and an optional muted hint."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    layout.setSpacing(4)
    label = plain_label(title)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setBuddy(body)
    layout.addWidget(label)
    if hint:
        words = plain_label(hint)
        words.setWordWrap(True)
        words.setEnabled(False)  # the palette's muted text
        layout.addWidget(words)
    layout.addWidget(body, 1)
    return box
