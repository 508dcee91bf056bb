"""The Targets & actuals page: pick a funnel metric and see it planned and actual for every
initiative, month by month, with totals; type over cells, paste a block from a spreadsheet,
fill right or down, clear. Every edit is one undoable command through the core."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from planner import ChangeSet, Entity, Metric
from ui.document import PlanDocument
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import TARGETS
from ui.pages.targets import edits
from ui.pages.targets.cells import Area, CellRef, Rect, bounds
from ui.pages.targets.clipboard import parse_block, plan_paste, selection_tsv
from ui.pages.targets.column_widths import fit_columns
from ui.pages.targets.fill import clear, fill_down, fill_right
from ui.pages.targets.formatting import plain
from ui.pages.targets.grid_data import (
    Grid,
    View,
    build_grid,
    with_metric,
    with_rows,
    with_view,
)
from ui.pages.targets.grid_model import TargetsGridModel
from ui.pages.targets.grid_style import GridStyle
from ui.pages.targets.grid_view import GridView
from ui.pages.targets.selection import positions, select_cells, selected_rects
from ui.pages.targets.updates import changed_initiatives, fresh_cells, reshapes, rows_changed
from ui.pages.targets.view_state import remember, restore
from ui.plain_text import plain_label
from ui.widgets.page_header import PageHeader, labelled

# Above this many initiatives in one change, asking the core for the whole metric at once is
# quicker than asking for one initiative at a time.
TARGETED_LIMIT = 60


class TargetsPage(Page):
    """Initiatives x months of one metric, planned and/or actual, with totals."""

    title = TARGETS.title
    icon_name = TARGETS.icon_name
    depends_on = (Entity.SETTINGS, Entity.INITIATIVES, Entity.VALUES)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._icon_names: dict[QAction, str] = {}
        self.model = TargetsGridModel(on_edit=self._edit_cell, parent=self)
        self.table = GridView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Targets and actuals grid")
        self._set_up_headers()

        self.metric_box = QComboBox(self)
        for metric in Metric:  # the enum is in funnel order
            self.metric_box.addItem(metric.title, metric)
        self.metric_box.setCurrentIndex(self.metric_box.findData(Metric.MQL))
        self.metric_box.setAccessibleName("Metric")
        self.metric_box.setToolTip("The funnel metric the grid shows")
        self.view_box = QComboBox(self)
        for view in View:
            self.view_box.addItem(view.title, view)
        self.view_box.setCurrentIndex(self.view_box.findData(View.BOTH))
        self.view_box.setAccessibleName("Show planned, actual or both")
        self.view_box.setToolTip("Planned values, actual values, or both side by side")

        self.copy_action = self._action("&Copy", None, [QKeySequence.StandardKey.Copy], self.copy)
        self.paste_action = self._action(
            "&Paste", "paste", [QKeySequence.StandardKey.Paste], self.paste
        )
        self.fill_right_action = self._action(
            "Fill &right", "fill-right", [QKeySequence("Ctrl+R")], self.fill_right
        )
        self.fill_down_action = self._action(
            "Fill &down", "fill-down", [QKeySequence("Ctrl+D")], self.fill_down
        )
        self.clear_action = self._action(
            "C&lear",
            "delete",
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)],
            self.clear_selection,
        )
        self.paste_action.setToolTip("Paste a block copied from a spreadsheet at the current cell")
        self.fill_right_action.setToolTip("Copy the first column of the selection across it")
        self.fill_down_action.setToolTip("Copy the first row of the selection down it")
        self.clear_action.setToolTip("Empty the selected cells")

        header = PageHeader(
            self.title,
            "Each initiative's planned and actual funnel, month by month",
        )
        header.add_widget(labelled("&Metric", self.metric_box))
        header.add_widget(labelled("&Show", self.view_box))
        for action in (
            self.paste_action,
            self.fill_right_action,
            self.fill_down_action,
            self.clear_action,
        ):
            header.add_action(action)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(
            [
                self.copy_action,
                self.paste_action,
                _separator(self),
                self.fill_right_action,
                self.fill_down_action,
                _separator(self),
                self.clear_action,
            ]
        )
        legend = plain_label(
            "Shaded: a month outside the initiative's run (still editable) · Greyed: a "
            "dropped initiative · Bold: totals, worked out from the cells"
        )
        legend.setEnabled(False)  # the palette's muted text
        legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)

        self.metric_box.currentIndexChanged.connect(self._metric_chosen)
        self.view_box.currentIndexChanged.connect(self._view_chosen)
        self._update_actions()

    # -- what is shown -------------------------------------------------------------------

    @property
    def metric(self) -> Metric:
        return Metric(self.metric_box.currentData())

    @property
    def view(self) -> View:
        return View(self.view_box.currentData())

    def set_metric(self, metric: Metric) -> None:
        self.metric_box.setCurrentIndex(self.metric_box.findData(metric))

    def set_view(self, view: View) -> None:
        self.view_box.setCurrentIndex(self.view_box.findData(view))

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload from the core. A change to a few initiatives' values of this metric
        updates just those cells and their totals; anything else reloads the grid."""
        self._stale = False
        grid = self.model.grid
        if changes is None or grid is None or reshapes(changes):
            self._reload()
            return
        if rows_changed(changes):
            # Renamed, re-dated or dropped: the same values under fresh rows.
            self._show(with_rows(grid, self.plan.initiatives.list()))
        ids = changed_initiatives(changes, self.metric, TARGETED_LIMIT)
        if ids is None:
            self._reload()
        elif ids:
            self._update_initiatives(ids)

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Select the initiative's first month (its start, or the plan's first month) in
        the metric ``field`` names, if it names one; False for an unknown initiative or a
        field this page does not show."""
        if initiative_id is None:
            return False
        named = _metric_named(field)
        if field not in (None, "values") and named is None:
            return False
        self.ensure_fresh()
        if named is not None and named is not self.metric:
            self.set_metric(named)
        if named is not None and field == named.planned_column and self.view is View.ACTUAL:
            self.set_view(View.BOTH)  # a finding about a planned cell: show it
        row = self.model.row_of(initiative_id)
        source = self.model.grid_row(row) if row is not None else None
        if row is None or source is None:
            return False
        horizon = self.plan.horizon
        month = source.start_month if source.start_month in horizon else horizon.first
        column = self.model.column_of(month, self.view.kinds[0]) or 0
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        return True

    # -- actions -------------------------------------------------------------------------

    def copy(self) -> str:
        """Put the selection on the clipboard as tab-separated plain numbers (no currency
        symbols or separators, so a spreadsheet reads them as numbers); returns the text."""
        grid = self.model.grid
        if grid is None:
            return ""
        model = self.model

        def text_at(row: int, column: int) -> str:
            return plain(grid.metric, grid.currency, model.value(row, column))

        text = selection_tsv(selected_rects(self.table), text_at)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self) -> bool:
        """Paste the clipboard's text at the current cell (see :meth:`paste_text`)."""
        return self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Write a tab-separated block into the grid from the top-left selected cell, as one
        undoable command. One value onto a selection of many cells fills them all. A block
        that does not fit, or a value the core refuses, changes nothing and says why."""
        grid = self.model.grid
        if grid is None or not self._editable():
            return False
        writes = plan_paste(
            parse_block(text),
            self._area(),
            selected_rects(self.table),
            columns_are_months=len(grid.view.kinds) == 1,
        )
        if isinstance(writes, str):
            return self._notice(writes)
        done = self.document.run(edits.paste_cells(self.plan, grid.metric, writes))
        if done and len(writes) > 1:
            select_cells(self.table, self.model, [cell for cell, _value in writes])
        return done

    def fill_right(self) -> bool:
        """Ctrl+R: copy the selection's first column across it (one undoable command)."""
        return self._fill("right", fill_right)

    def fill_down(self) -> bool:
        """Ctrl+D: copy the selection's first row down it (one undoable command)."""
        return self._fill("down", fill_down)

    def clear_selection(self) -> bool:
        """Delete: empty the selected cells that hold a value (one undoable command)."""
        grid = self.model.grid
        if grid is None or not self._editable():
            return False
        writes = clear(self._area(), positions(selected_rects(self.table)))
        if not writes:
            return False
        cells = [cell for cell, _value in writes]
        return self.document.run(edits.clear_cells(self.plan, grid.metric, cells))

    # -- loading -------------------------------------------------------------------------

    def _reload(self) -> None:
        plan = self.plan
        self._show(
            build_grid(
                self.metric,
                plan.currency,
                self.view,
                plan.initiatives.list(),
                plan.horizon.months(),
                plan.values.grid(self.metric),
            )
        )

    def _show(self, grid: Grid) -> None:
        memo = remember(self.table, self.model) if self.model.grid is not None else None
        if self.model.set_grid(grid, editable=not self.document.read_only) and memo:
            restore(self.table, self.model, memo)
        self._size_columns()
        self._update_actions()

    def _update_initiatives(self, ids: Iterable[int]) -> None:
        cells = fresh_cells(self.plan, ids, self.metric)
        if self.model.update_cells(cells):
            self._size_columns()

    def _metric_chosen(self) -> None:
        grid = self.model.grid
        if grid is not None:
            # Same initiatives and months: only the values are asked of the core again.
            self._show(with_metric(grid, self.metric, self.plan.values.grid(self.metric)))

    def _view_chosen(self) -> None:
        grid = self.model.grid
        if grid is not None:
            self._show(with_view(grid, self.view))

    # -- looks ---------------------------------------------------------------------------

    def _set_up_headers(self) -> None:
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 2,000 rows: never measure
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns = self.table.horizontalHeader()
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        columns.setHighlightSections(True)
        columns.setSortIndicatorClearable(True)  # a third click gives back the order by name
        columns.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def _size_columns(self) -> None:
        fit_columns(self.table, self.model)

    def changeEvent(self, event: QEvent) -> None:
        # Light <-> dark scheme: the grid's tints and the icons are drawn from the palette.
        # (Qt may send this while the page is still being built: hence getattr.)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "model"):
            self.model.set_style(GridStyle.from_palette(self.palette(), self.table.font()))
            for action, name in getattr(self, "_icon_names", {}).items():
                action.setIcon(icon(name))
        super().changeEvent(event)

    # -- helpers -------------------------------------------------------------------------

    def _editable(self) -> bool:
        return not self.document.read_only

    def _update_actions(self) -> None:
        editable = self._editable() and self.model.grid is not None
        for action in (
            self.paste_action,
            self.fill_right_action,
            self.fill_down_action,
            self.clear_action,
        ):
            action.setEnabled(editable)

    def _action(
        self,
        text: str,
        icon_name: str | None,
        shortcuts: list[QKeySequence | QKeySequence.StandardKey],
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
            self._icon_names[action] = icon_name
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _notice(self, message: str) -> bool:
        """Say why nothing happened, where the window shows refusals; returns False."""
        self.document.refused.emit(message)
        return False

    def _edit_cell(self, cell: CellRef, text: str) -> bool:
        grid = self.model.grid
        assert grid is not None
        return self.document.run(edits.set_value(self.plan, grid.metric, cell, text))

    def _fill(self, direction: str, rule: Callable[[Area, Rect], list | None]) -> bool:
        grid = self.model.grid
        rect = bounds(selected_rects(self.table))
        if grid is None or rect is None or not self._editable():
            return False
        writes = rule(self._area(), rect)
        if writes is None:
            line, source = (
                ("column", "the one to its left")
                if direction == "right"
                else (
                    "row",
                    "the one above",
                )
            )
            return self._notice(
                f"Nothing to fill {direction} from: select the cells to fill with the values "
                f"to copy in their first {line}, or a single {line} to fill from {source}."
            )
        if not writes:
            return False  # every cell already holds its value
        command = edits.fill_cells(self.plan, grid.metric, direction, writes)
        return self.document.run(command)

    def _area(self) -> Area:
        grid = self.model.grid
        assert grid is not None
        kinds = [column.kind for column in grid.columns[: self.model.month_columns]]
        return Area(self.model.footer_row, kinds, self.model.cell, self.model.value)


def _metric_named(field: str | None) -> Metric | None:
    """The metric ``field`` names: its value, its name, or its planned column (a finding
    about its planned cells)."""
    for metric in Metric:
        if field in (metric.value, metric.name.lower(), metric.planned_column):
            return metric
    return None


def _separator(parent: QWidget) -> QAction:
    action = QAction(parent)
    action.setSeparator(True)
    return action
