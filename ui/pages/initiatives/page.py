"""The Initiatives page: a sortable, filterable table of the plan's initiatives, edited in
place, with the selected one's story, segments and people beside it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from planner import ChangeSet, Channel, Entity, Person, PlanError, Segment
from planner.checks import Finding
from ui.commands import PlanCommand
from ui.document import PlanDocument
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import INITIATIVES
from ui.plain_text import plain_tooltip
from ui.tables.rows_model import ROW_ROLE
from ui.widgets.page_header import PageHeader

from . import columns as cols
from . import edits
from .delegates import install_editors
from .detail import STORY_FIELDS, InitiativeDetail
from .filter_bar import FilterBar
from .filters import InitiativesProxy
from .markers import finding_markers
from .model import InitiativesModel
from .rates_box import rates_of
from .returns import ReturnsColumns
from .rows import InitiativeRow, initiative_row, initiative_rows, keep_order, rows_to_reload
from .table import InitiativesTable
from .vs_baseline import BaselineColumn
from .what_if import WhatIfMenu

# Findings about these are fixed in the table's owner column.
_FIELD_COLUMNS = {"roles": cols.OWNER}


class InitiativesPage(Page):
    """Every initiative of the plan: add, duplicate, delete, filter, and edit in place."""

    title = INITIATIVES.title
    icon_name = INITIATIVES.icon_name
    depends_on = (
        Entity.SETTINGS,
        Entity.PEOPLE,
        Entity.SEGMENTS,
        Entity.CHANNELS,
        Entity.INITIATIVES,
        Entity.ROLES,
        Entity.ASSUMPTIONS,  # the plan's rates: the detail pane shows those one takes
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._people: dict[int, Person] = {}  # sorted by name, as the owner editor lists them
        self._segments: list[Segment] = []
        self._segments_by_id: dict[int, Segment] = {}
        self._channels: dict[int, Channel] = {}
        self._offered: list[Channel] = []  # the channels a cell's editor offers
        self._pending_focus: QWidget | None = None  # see _focus
        read_only = document.read_only

        self.columns = cols.initiative_columns(lambda: self.plan.currency)
        self.model = InitiativesModel(self.columns, None if read_only else self._edit_cell, self)
        self.proxy = InitiativesProxy(self)
        self.table = InitiativesTable(self.model, self.proxy)
        self.table.set_widths(cols.WIDTH_SAMPLES[c.key] for c in self.columns)
        self._delegates = install_editors(
            self.table,
            self.columns,
            plan=lambda: self.plan,
            channels=lambda: self._offered,
            people=lambda: self._people.values(),
        )
        self.vs_baseline = BaselineColumn(self)
        self.returns = ReturnsColumns(self)
        self.filters = FilterBar()
        self.detail = InitiativeDetail()
        self.detail.set_read_only(read_only)

        self.add_action = self._action("&Add", "add", "Add an initiative", self.add_initiative)
        self.add_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+N"), QKeySequence(Qt.Key.Key_Insert)]
        )
        self.duplicate_action = self._action(
            "D&uplicate", "duplicate", "Duplicate the selected initiatives", self.duplicate
        )
        self.duplicate_action.setShortcut(QKeySequence("Ctrl+D"))
        self.delete_action = self._action(
            "&Delete",
            "delete",
            "Delete the selected initiatives (undo brings them back)",
            self.delete,
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.find_action = QAction("Find", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_search)
        # Add and Find work anywhere on the page; Duplicate and Delete only while the table
        # has the focus, so the Delete key in a story or the search box edits text instead.
        self.addActions([self.add_action, self.find_action])
        self.what_if = WhatIfMenu(self)
        separator = QAction(self)
        separator.setSeparator(True)
        self.table.addActions([self.add_action, self.duplicate_action, self.delete_action])
        self.table.addActions(
            [
                separator,
                self.what_if.scale_action,
                self.what_if.move_action,
                self.what_if.phase_action,
            ]
        )
        before_columns = QAction(self)
        before_columns.setSeparator(True)
        self.table.addActions([before_columns, self.returns.action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        header = PageHeader(
            "Initiatives",
            "Every campaign tied to revenue: an owner, a budget, a target and the segments "
            "it aims at.",
        )
        for action in (self.add_action, self.duplicate_action, self.delete_action):
            header.add_action(action)
        self.what_if.show_in(header.add_action(self.what_if.action))

        # The pane goes under the table: in the window beside the sidebar and the
        # findings the table needs the page's whole width for its ten columns.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([500, 280])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self.filters.changed.connect(self._filter_changed)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._show_count)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open_elsewhere)
        self.table.activated.connect(self._open_elsewhere)
        self.detail.story_committed.connect(self._commit_story)
        self.detail.segments_chosen.connect(self._choose_segments)
        self.detail.rate_committed.connect(self._set_rate)
        self._update_actions()

    # -- building --------------------------------------------------------------------------

    def _action(self, text: str, icon_name: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setToolTip(plain_tooltip(tip))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload from the core: only the initiatives a change names, or everything."""
        stale = rows_to_reload(changes)
        if stale is None:
            self._reload_all(changes)
        elif stale:
            self._reload_rows(stale)
        self._show_detail()
        self._show_count()

    def _reload_all(self, changes: ChangeSet | None) -> None:
        plan = self.plan
        first_load = self.model.rowCount() == 0
        people, segments = plan.people.list(), plan.segments.list()
        channels = plan.channels.list()
        self._people = {p.id: p for p in sorted(people, key=lambda p: p.name.casefold())}
        self._segments = segments
        self._segments_by_id = {s.id: s for s in segments}
        self._channels = {c.id: c for c in channels}
        self._offered = plan.channels.offered()
        if changes is None or changes.touches(Entity.PEOPLE):
            self.filters.set_people(people)
        if changes is None or changes.touches(Entity.SEGMENTS):
            self.filters.set_segments(segments)
        if changes is None or changes.touches(Entity.CHANNELS):
            self.filters.set_channels(channels)
        rows = self.returns.attach(
            self.vs_baseline.attach(
                initiative_rows(plan.initiatives.list(), people, segments, channels)
            )
        )
        self.set_rows(keep_order(rows, self.model.rows()))
        # A person or segment chosen in a filter may be gone: the bar fell back to "Any".
        self.proxy.set_filter(self.filters.filter())
        # Unchanged rows are not repainted by the model, yet the currency may have changed.
        self.table.viewport().update()
        if first_load and self.proxy.rowCount() and not self.table.selected_ids():
            # Start on the first initiative, so the pane shows what it is for.
            first = self.proxy.index(0, 0).data(ROW_ROLE).id
            self.table.select_ids([first], (first, 0))

    def _reload_rows(self, ids: frozenset[int]) -> None:
        """Re-read just these initiatives: changed ones are replaced, new ones added (last:
        the model inserts them) and deleted ones taken out."""
        fresh: dict[int, InitiativeRow] = {}
        gone: set[int] = set()
        for initiative_id in sorted(ids):
            try:
                initiative = self.plan.initiatives.get(initiative_id)
            except PlanError:  # deleted
                gone.add(initiative_id)
                continue
            fresh[initiative_id] = initiative_row(
                initiative, self._people, self._segments_by_id, self._channels
            )
        attached = self.returns.attach(self.vs_baseline.attach(list(fresh.values()), fresh))
        fresh = {row.id: row for row in attached}
        rows = [fresh.pop(row.id, row) for row in self.model.rows() if row.id not in gone]
        self.set_rows([*rows, *fresh.values()])

    def set_rows(self, rows: Sequence[InitiativeRow]) -> None:
        """Show these rows, the selection kept."""
        # The model keeps the selection through repaints, inserts and removals; only a
        # reset (records in a new order) loses it, and then it is put back by id.
        selected, current = self.table.selected_ids(), self.table.current_cell()
        self.model.set_rows(rows)
        if self.table.selected_ids() != selected or self.table.current_cell() != current:
            self.table.select_ids(selected, current)

    def _show_detail(self) -> None:
        ids = self.table.selected_ids()
        if len(ids) != 1:
            self.detail.show_nothing(len(ids))
            return
        position = self.model.position(ids[0])
        assert position is not None
        self.detail.show_initiative(
            self.model.row(position),
            self._segments,
            self._people,
            self.plan.roles.for_initiative(ids[0]),
            lambda minor: self.plan.currency.format(minor, cents=False),
            rates_of(self.plan, ids[0]),
        )

    def _show_count(self) -> None:
        self.filters.show_count(self.proxy.rowCount(), self.model.rowCount())

    def _update_actions(self) -> None:
        editable = not self.document.read_only
        chosen = bool(self.table.selectionModel().hasSelection())
        self.add_action.setEnabled(editable)
        self.duplicate_action.setEnabled(editable and chosen)
        self.delete_action.setEnabled(editable and chosen)
        self.what_if.set_enabled(editable)

    # -- what the window asks of a page ----------------------------------------------------

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Show the initiative's row (clearing filters that hide it) and put the focus on
        the control for ``field``: its table column, or its story field in the pane."""
        self.ensure_fresh()
        if initiative_id is None or self.model.position(initiative_id) is None:
            return False
        self._make_visible(initiative_id)
        key = _FIELD_COLUMNS.get(field or "", field or "")
        column = cols.column_index(self.columns, key)
        column = 0 if column is None else column
        self.table.select_ids([initiative_id], (initiative_id, column))
        self.table.scrollTo(self.table.proxy_index(initiative_id, column))
        story = self.detail.field_widget(field) if field in STORY_FIELDS else None
        self._focus(story or self.table)
        return True

    def show_only(
        self,
        title: str,
        initiative_ids: Collection[int],
        *,
        channel_id: int | None = None,
        owner_id: int | None = None,
        segment_id: int | None = None,
        tier: str | None = None,
    ) -> int:
        """List only ``initiative_ids`` (the initiatives behind a Dashboard bar) under a chip
        saying ``title``, with the channel, owner (``NOBODY``: none), segment (``NOWHERE``:
        none) and tier filters set to match; "Show all" or clearing the filters lists every
        initiative again. The first one listed is selected; gives how many are listed."""
        self.ensure_fresh()
        bar = self.filters
        choices = {bar.channel: channel_id, bar.owner: owner_id, bar.segment: segment_id}
        bar.show_only(title, initiative_ids, {**choices, bar.tier: tier})
        shown = self.proxy.rowCount()
        if shown and not set(self.table.selected_ids()) & set(initiative_ids):
            first = self.proxy.index(0, 0).data(ROW_ROLE).id
            self.table.select_ids([first], (first, 0))
            self.table.scrollTo(self.table.currentIndex())
        self._focus(self.table)
        return shown

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Mark the rows findings concern with the worst one's icon; the tooltip lists them."""
        markers = finding_markers(findings)
        self.model.set_markers(
            {i: icon(m.severity.value) for i, m in markers.items()},
            {i: m.tip for i, m in markers.items()},
        )

    def _focus(self, widget: QWidget) -> None:
        # The window asks a page to reveal before it shows the page, and a hidden widget
        # cannot take the focus: then it is taken once the page is shown.
        if self.isVisible():
            self._pending_focus = None
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._pending_focus = widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_focus is not None:
            QTimer.singleShot(0, self._take_pending_focus)  # once the children are shown too

    def _take_pending_focus(self) -> None:
        if self._pending_focus is not None:
            self._focus(self._pending_focus)

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # -- actions ---------------------------------------------------------------------------

    def add_initiative(self) -> None:
        """Add "New initiative", select it and start editing its name."""
        if not self.add_action.isEnabled():
            return
        taken = [row.name for row in self.model.rows()]
        command = self._build(lambda: edits.AddInitiative(self.plan, taken))
        if not isinstance(command, edits.AddInitiative) or not self.document.run(command):
            return
        assert command.initiative_id is not None
        self.ensure_fresh()
        self._make_visible(command.initiative_id)
        self.table.select_ids([command.initiative_id], (command.initiative_id, 0))
        index = self.table.proxy_index(command.initiative_id, 0)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def duplicate(self) -> None:
        """Copy the selected initiatives (one undo step) and select the copies."""
        ids = self.table.selected_ids()
        if not ids or not self.duplicate_action.isEnabled():
            return
        command = self._build(lambda: edits.DuplicateInitiatives(self.plan, ids))
        if isinstance(command, edits.DuplicateInitiatives) and self.document.run(command):
            self.ensure_fresh()
            for copy_id in command.copy_ids:
                self._make_visible(copy_id)
            self.table.select_ids(command.copy_ids, (command.copy_ids[0], 0))
            self.table.scrollTo(self.table.currentIndex())

    def delete(self) -> None:
        """Delete every selected initiative as one undo step; the next row is selected."""
        ids = self.table.selected_ids()
        if not ids or not self.delete_action.isEnabled():
            return
        first = self.table.selected_rows()[0]
        column = max(self.table.currentIndex().column(), 0)
        if self.run_command(lambda: edits.DeleteInitiatives(self.plan, ids)):
            self.ensure_fresh()
            remaining = self.proxy.rowCount()
            if remaining:
                row = self.proxy.index(min(first, remaining - 1), column)
                next_id = row.data(ROW_ROLE).id
                self.table.select_ids([next_id], (next_id, column))

    # -- edits -----------------------------------------------------------------------------

    def _build(self, build: Callable[[], PlanCommand]) -> PlanCommand | None:
        """The command ``build`` makes, or ``None`` (announced as refused) when the core
        refuses already while it reads the old values, e.g. a record deleted meanwhile."""
        try:
            return build()
        except PlanError as error:
            self.document.refused.emit(str(error))
            return None

    def run_command(self, build: Callable[[], PlanCommand]) -> bool:
        """Build a command and run it as one undo step; ``False`` if refused."""
        command = self._build(build)
        return command is not None and self.document.run(command)

    def _edit_cell(self, row: InitiativeRow, key: str, value: object) -> bool:
        if key == cols.OWNER and value is None:
            return False  # "Choose an owner…" left as it was
        return self.run_command(lambda: edits.cell_edit(self.plan, row.id, key, value))

    def _commit_story(self, initiative_id: int, field: str, text: str) -> None:
        if not self.run_command(lambda: edits.update_field(self.plan, initiative_id, field, text)):
            self._show_detail()

    def _choose_segments(self, initiative_id: int, segment_ids: tuple[int, ...]) -> None:
        if not self.run_command(lambda: edits.set_segments(self.plan, initiative_id, segment_ids)):
            self._show_detail()  # untick what the plan refused

    def _set_rate(self, initiative_id: int, rate: str, typed: str) -> None:
        if not self.run_command(lambda: edits.set_rate(self.plan, initiative_id, rate, typed)):
            self._show_detail()  # what the plan holds, again

    # -- reactions -------------------------------------------------------------------------

    def _filter_changed(self) -> None:
        self.proxy.set_filter(self.filters.filter())
        self._show_count()

    def _selection_changed(self) -> None:
        self._show_detail()
        self._update_actions()

    def _make_visible(self, initiative_id: int) -> None:
        if not self.table.proxy_index(initiative_id).isValid():
            self.filters.clear()

    def _open_elsewhere(self, index: QModelIndex) -> None:
        """Enter or a double click on the segments column goes to the pane's segment list
        (segments are chosen there, not typed in a cell)."""
        if self.columns[index.column()].key == cols.SEGMENTS:
            self.detail.focus_field("segments")
