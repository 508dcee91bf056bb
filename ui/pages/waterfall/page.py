"""The Waterfall page: what the revenue target needs at each stage of the funnel (deals,
opportunities, SQLs, SALs, MQLs, leads, pipeline) beside what is planned and what is actual,
for the whole plan and by tier, segment, channel, owner, team or initiative, with the gap at
each stage; and a what-if of the plan's rates and deal size that shows its effect at once.

Every figure comes from :func:`planner.analysis.waterfall.waterfalls`, worked out again when
the plan changes or a what-if field does (``assumptions=``: nothing is written until Keep).
The page's filters are the Dashboard's (team, owner, segment, tier, channel).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import ChangeSet, Entity
from planner.analysis.rates import Rates, read_rates
from planner.analysis.waterfall import WATERFALL_STAGES, WaterfallRow, waterfalls
from planner.domain import FunnelAssumptions
from ui.document import PlanDocument
from ui.page import Page
from ui.pages.catalogue import WATERFALL
from ui.pages.dashboard.filter_bar import DashboardFilters
from ui.pages.dashboard.periods import WHOLE, PeriodChoice
from ui.pages.dashboard.refresh_rules import affects_dashboard, changes_choices
from ui.plain_text import plain_label, plain_tooltip
from ui.widgets.combos import choice_combo, choose
from ui.widgets.page_header import PageHeader, labelled

from .chart import WaterfallChart
from .figures import GroupBy, overrides_note
from .models import GroupsModel, StagesModel
from .what_if import WhatIfPanel, keep_rates

SUBTITLE = (
    "The revenue target worked back through the funnel: what each stage needs at the "
    "conversion rates that apply, against what is planned and what is actual. Negative gaps, "
    "in red, fall short. Double-click an initiative (or press Enter) to open it."
)
# What the waterfall shows none of: versions, the hand-off agreement, import mappings.
_NOT_SHOWN = frozenset({Entity.VERSIONS, Entity.HANDOFF, Entity.IMPORT_MAPPINGS})


def _table(model: GroupsModel | StagesModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(40)  # of a big plan's 2,000 initiatives, the first
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class WaterfallPage(Page):
    """The demand waterfall; :attr:`open_requested` asks the window to show an initiative on
    the Initiatives page."""

    title = WATERFALL.title
    icon_name = WATERFALL.icon_name
    depends_on = tuple(entity for entity in Entity if entity not in _NOT_SHOWN)
    open_requested = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.group_by = GroupBy.PLAN
        self.rows: list[WaterfallRow] = []  # as shown: the total first
        self.rates: Rates | None = None  # as last read from the plan
        self.recomputes = 0  # how often the waterfall was worked out: tests count
        self._selected_key: object = None
        self._totals = 0  # rows of the total (1, or 0 when the filter keeps nothing)
        self._fit_columns = False

        self.header = PageHeader(self.title, SUBTITLE)
        self.group_combo = choice_combo(
            "Group by",
            "One row per group; the plan's total comes first",
            [(each.title, each) for each in GroupBy],
        )
        self.group_combo.activated.connect(lambda _n: self.set_group_by(self._combo_choice()))
        self.header.add_widget(labelled("Group &by", self.group_combo))
        self.filters = DashboardFilters()
        self.filters.changed.connect(lambda _selection: self.recompute())

        self.groups_model = GroupsModel(self)
        self.groups_view = _table(self.groups_model, "Groups")
        self.groups_view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.groups_view.activated.connect(self._open)  # a double click, or Enter
        self.stages_title = plain_label()
        font = QFont(self.stages_title.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.stages_title.setFont(font)
        self.stages_title.setAccessibleName("Stages of")
        self.stages_model = StagesModel(self)
        self.stages_view = _table(self.stages_model, "Stages")
        self.stages_title.setBuddy(self.stages_view)
        self.chart = WaterfallChart()
        self.stage_tabs = QTabWidget()
        self.stage_tabs.setDocumentMode(True)
        self.stage_tabs.addTab(self.stages_view, "&Table")
        self.stage_tabs.addTab(self.chart, "C&hart")
        self.stage_tabs.setTabToolTip(
            1, plain_tooltip("Planned and actual at each stage as a share of what is needed")
        )
        self.what_if = WhatIfPanel(lambda: self.plan.currency)
        self.what_if.edited.connect(self.recompute)
        self.what_if.keep_requested.connect(self.keep)
        self.what_if.discard_requested.connect(self.discard)
        reason = document.plan.read_only_reason or "it cannot change"
        self.what_if.set_writable(
            not document.read_only,
            f"This plan is read-only ({reason}): a what-if can be tried, not kept.",
        )

        # The groups across the page; below them the chosen group's stages beside the
        # what-if, which moves them.
        stages = QWidget()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.stages_title)
        column.addWidget(self.stage_tabs, 1)
        row = QHBoxLayout(stages)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(10)
        row.addLayout(column, 1)
        row.addWidget(self.what_if)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.groups_view)
        self.splitter.addWidget(stages)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._split_by_hand = False  # until the lead drags the splitter it is fitted
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        self.splitter.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    # -- following the plan ----------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Work the waterfall out again (any change it depends on can move a need, a plan or
        an actual), with the filters' choices and the plan's rates as they are now."""
        if not affects_dashboard(changes):
            return  # a story typed, a version saved: no figure of the waterfall moves
        plan = self.plan
        if changes_choices(changes):
            self.filters.set_people(plan.people.list())
            self.filters.set_segments(plan.segments.list())
            self.filters.set_channels(plan.channels.list())
            horizon = plan.horizon
            whole = (horizon.first, horizon.last)
            self.filters.set_periods([PeriodChoice(WHOLE, "Whole plan", whole)], horizon.months())
        # A what-if stays while the lead edits elsewhere (this page then catches up when
        # shown again, with no word of what changed): it goes with Keep or Discard only.
        if changes is None and not self.what_if.is_what_if():
            self.what_if.load(plan.funnel.get())
        elif changes is None or changes.touches(Entity.ASSUMPTIONS):
            self.what_if.follow(plan.funnel.get())
        self.rates = read_rates(plan)
        self.recompute()

    def recompute(self) -> None:
        """Work out the waterfall of the chosen grouping and filter, at the what-if's rates
        while there is one, and show it (the group chosen stays chosen)."""
        if self.rates is None:
            return  # not shown yet: the first refresh works it out
        dimensions = [GroupBy.PLAN.dimension]
        if self.group_by is not GroupBy.PLAN:
            dimensions.append(self.group_by.dimension)
        results = waterfalls(
            self.analysis,
            dimensions,
            where=self.filters.selection().where,
            assumptions=self.what_if.assumptions(),
            rates=self.rates,
        )
        self.recomputes += 1
        total = results[0]
        self.rows = [*total, *(row for rows in results[1:] for row in rows)]
        self._totals = len(total)
        currency = self.plan.currency
        self.groups_model.set_items(self.rows, currency, bold_rows=self._totals)
        if self.recomputes == 1 or self._fit_columns:
            self._fit_columns = False
            self.groups_view.resizeColumnsToContents()
        self._choose(self._selected_key)

    def _fit_stages(self) -> None:
        """As much of the splitter to the groups as the stages (all eight in sight) and the
        what-if leave them."""
        view = self.stages_view
        rows = view.verticalHeader().defaultSectionSize() * len(WATERFALL_STAGES)
        header = view.horizontalHeader().sizeHint().height()
        scroll_bar = view.horizontalScrollBar().sizeHint().height()
        table = rows + header + scroll_bar + 2 * view.frameWidth()
        title = (
            self.stages_title.sizeHint().height() + self.stage_tabs.tabBar().sizeHint().height() + 8
        )
        needed = max(table + title, self.what_if.full_height()) + 4
        total = self.splitter.height() - self.splitter.handleWidth()
        if total > 0:
            self.splitter.setSizes([max(total - needed, 120), needed])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.splitter
            and event.type() == QEvent.Type.Resize
            and not self._split_by_hand
        ):
            self._fit_stages()
        return super().eventFilter(watched, event)

    # -- the lead's choices ----------------------------------------------------------------

    def set_group_by(self, group_by: GroupBy) -> None:
        """One row per ``group_by`` (the total first); the total is chosen."""
        self.group_by = GroupBy(group_by)
        choose(self.group_combo, self.group_by)
        self._selected_key = None
        self._fit_columns = True  # the groups' names are of another kind
        self.recompute()

    def choose_group(self, key: object) -> bool:
        """Show the stages of the group keyed ``key`` (``None``: the total)."""
        return self._choose(key)

    def selected_row(self) -> WaterfallRow | None:
        stages = self.groups_view.currentIndex()
        return self.groups_model.item(stages.row()) if stages.isValid() else None

    def keep(self) -> bool:
        """Write the what-if's rates into the plan as one undo step."""
        what_if = self.what_if.assumptions()
        if what_if is None or self.document.read_only:
            return False
        if not self.document.run(keep_rates(self.plan, what_if)):
            return False
        self.what_if.load(self.plan.funnel.get())
        self.recompute()
        return True

    def discard(self) -> None:
        """Show the plan's rates again (nothing was written)."""
        self.what_if.load(self.plan.funnel.get())
        self.recompute()

    def try_rates(self, **values: float | int) -> FunnelAssumptions | None:
        """Type ``values`` into the what-if's fields as the lead would (rates as fractions,
        the deal size in minor units); the what-if's assumptions after."""
        for name, value in values.items():
            field = self.what_if.fields[name]
            spin = getattr(field, "spin", None)
            if spin is not None:
                spin.setValue(float(value) * 100)
            else:
                field.load(value)
                field.finished.emit()
        return self.what_if.assumptions()

    # -- the tables ------------------------------------------------------------------------

    def _combo_choice(self) -> GroupBy:
        return GroupBy(self.group_combo.currentData())

    def _choose(self, key: object) -> bool:
        row = 0 if key is None else self.groups_model.row_of(key)
        found = row is not None and row < self.groups_model.rowCount()
        if not found:
            row = 0
        view = self.groups_view
        if self.groups_model.rowCount():
            index = self.groups_model.index(row, 0)
            view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.scrollTo(index)  # the rows were reset: _row_chosen shows its stages
        else:
            self._show_stages()
        return found

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = current.row()
            self._selected_key = None if row < self._totals else self.groups_model.item(row).key
        self._show_stages()

    def _show_stages(self) -> None:
        row = self.selected_row()
        currency = self.plan.currency
        if row is None:
            self.stages_title.setText("Nothing to show: the filter keeps no live initiative.")
            self.stages_model.set_items([], currency)
        else:
            self.stages_title.setText(f"Stage by stage: {row.label}")
            self.stages_model.set_items(row.stages, currency)
            self.stages_view.resizeColumnsToContents()
        self.chart.show_row(row, currency)
        if self.rates is not None:  # the note for a group (the total's key is no group's)
            self.what_if.note.setText(overrides_note(self.rates, self.group_by, self._selected_key))
        tip = "Double-click (or Enter) to open this initiative" if self._opens_initiatives() else ""
        self.groups_view.setToolTip(plain_tooltip(tip))

    def shut(self) -> None:
        self.chart.wait()

    def _opens_initiatives(self) -> bool:
        return self.group_by is GroupBy.INITIATIVE

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() < self._totals or not self._opens_initiatives():
            return
        key = self.groups_model.item(index.row()).key
        if isinstance(key, int):
            self.open_requested.emit(key)
