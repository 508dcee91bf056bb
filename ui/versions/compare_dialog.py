"""Compare two or three versions of the plan side by side: what changed, told as a leadership
update tells it, the totals of each, the initiatives that differ, and each one's planned
revenue by month.

The versions (the working plan, and any saved version) are chosen at the top; the comparison
(:func:`planner.versions.compare.compare`) is made in a worker, each version opened there
and closed when it is done, and shown when it comes back. The first version is the
reference the others are compared with.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import Plan, PlanError
from planner.charts.style import ChartStyle
from planner.charts.versions import draw_comparison
from planner.versions import VersionInfo
from planner.versions.compare import Comparison, compare
from planner.versions.opened import open_versions
from ui.background import Outcome, TaskRunner, problem_text
from ui.pages.dashboard.chart_view import ChartView
from ui.plain_text import plain_label, window_title
from ui.tables.rows_model import SORT_ROLE, RowsModel
from ui.theme import is_dark
from ui.versions.baseline import offered_order, version_label, working_plan
from ui.versions.compare_tables import (
    change_columns,
    change_rows,
    story_text,
    total_columns,
    total_rows,
)

if TYPE_CHECKING:
    from ui.document import PlanDocument

WORKING = "working"  # the working plan among the choices (a version is its id)
WORKING_NAME = "Working plan"
NO_THIRD = "— none —"
DEFAULT_SIZE, LARGEST_SIZE = (980, 680), (1220, 780)
COMPARE_CHART_SIZE = (5.2, 3.0)  # inches: a small chart, its words as large as the tables'


def compare_versions(working: Plan, chosen: list[object], cancel: threading.Event) -> Comparison:
    """Compare the working plan (:data:`WORKING`) and versions (ids) in ``chosen``, the
    first the reference: each version opened for it and closed after."""
    if cancel.is_set():
        raise PlanError("comparing versions: cancelled")
    ids = [int(choice) for choice in chosen if choice != WORKING]  # type: ignore[call-overload]
    opened = dict(zip(ids, open_versions(working, ids), strict=True))
    try:
        plans = [working if choice == WORKING else opened[int(choice)] for choice in chosen]  # type: ignore[call-overload]
        return compare(*plans)
    finally:
        for version in opened.values():
            version.close()


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CompareDialog(QDialog):
    """Two or three versions side by side; see the module's docstring."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title("Compare versions"))
        self.setObjectName("compareVersions")
        self.comparison: Comparison | None = None
        self._document = document
        self._working = working_plan(document.plan)
        self._runner = TaskRunner(self)
        self._again = False  # chosen anew while a comparison ran: compare again after it
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.recompare)

        versions = offered_order(self._working.versions.list())
        self.sides = [QComboBox(), QComboBox(), QComboBox()]
        for n, (combo, name) in enumerate(
            zip(self.sides, ("Reference", "Compared with", "And with"), strict=True)
        ):
            combo.setAccessibleName(name)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            if n == 2:
                combo.addItem(NO_THIRD, None)
            combo.addItem(WORKING_NAME, WORKING)
            for version in versions:
                combo.addItem(version_label(version), version.id)
        self._choose_defaults(versions)
        self.status = plain_label()
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        for text, combo in zip(("Compare", "with", "and"), self.sides, strict=True):
            label = plain_label(text)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo, 1)

        self.story = QPlainTextEdit()
        self.story.setReadOnly(True)
        self.story.setAccessibleName("What changed")
        self.chart = ChartView(design=COMPARE_CHART_SIZE)
        self.chart.setAccessibleName("Planned revenue won by month")
        self.totals = _table("Totals")
        self.changes = _table("Initiatives that differ")
        self.changes_model = RowsModel(change_columns(lambda: self._working.currency), None, self)
        self.changes_proxy = QSortFilterProxyModel(self)
        self.changes_proxy.setSourceModel(self.changes_model)
        self.changes_proxy.setSortRole(SORT_ROLE)
        self.changes.setModel(self.changes_proxy)
        self.changes.setSortingEnabled(True)
        self.changes.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((160, 95, 60, 60)):
            self.changes.setColumnWidth(column, width)

        # The words on the left (the story, then the initiatives), the figures on the right
        # (the totals side by side, then the months).
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.story)
        left.addWidget(self.changes)
        left.setSizes([260, 340])
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.totals)
        right.addWidget(self.chart)
        right.setSizes([250, 350])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setSizes([450, 530])
        for splitter in (left, right, body):
            splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        for combo in self.sides:
            combo.currentIndexChanged.connect(lambda _index: self._soon.start())
        self._fit_window(parent)
        if not versions:
            for combo in self.sides:
                combo.setEnabled(False)
            self.status.setText(
                "The plan has no saved version yet: save one (a baseline or a scenario) to "
                "compare the plan with it."
            )
        else:
            self._soon.start()

    def _fit_window(self, parent: QWidget | None) -> None:
        """Nearly as large as the window it opens over (three versions' figures want the
        room), no larger than it needs to be on a big screen."""
        width, height = DEFAULT_SIZE
        if parent is not None:
            window = parent.window().size()
            width = max(min(LARGEST_SIZE[0], window.width() - 60), 720)
            height = max(min(LARGEST_SIZE[1], window.height() - 40), 520)
        self.resize(width, height)

    # -- choosing ----------------------------------------------------------------------------

    def _choose_defaults(self, versions: list[VersionInfo]) -> None:
        """The baseline compared with on the Dashboard (or the first locked one) against the
        plan the window shows."""
        shown = self._document.plan.version
        chosen = self._document.baseline.version_id
        reference = chosen if chosen is not None else (versions[0].id if versions else None)
        other = shown.id if shown is not None else WORKING
        if reference is None or reference == other:
            reference = WORKING
        self._show_chosen(reference, other)

    def choose(self, *sides: object) -> None:
        """Compare these (the working plan :data:`WORKING`, or version ids), the first the
        reference; a third left out compares two."""
        self._show_chosen(*sides)
        self._soon.start()

    def _show_chosen(self, *sides: object) -> None:
        wanted = [*sides, None][:3]
        for combo, value in zip(self.sides, wanted, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def chosen(self) -> list[object]:
        return [combo.currentData() for combo in self.sides if combo.currentData() is not None]

    # -- comparing ---------------------------------------------------------------------------

    def busy(self) -> bool:
        """Whether a comparison is being made (or is due)."""
        return self._runner.busy() or self._soon.isActive()

    def recompare(self) -> None:
        """Compare the versions chosen, in a worker; shown when it comes back."""
        chosen = self.chosen()
        if len(set(chosen)) != len(chosen):
            self.status.setText("Choose different versions: one is chosen twice.")
            return
        if self._runner.busy():
            self._again = True
            return
        working = self._working
        self.status.setText("Comparing…")
        self._runner.start(
            lambda _progress, cancel: compare_versions(working, chosen, cancel),
            on_done=self._compared,
        )

    def _compared(self, outcome: Outcome) -> None:
        if self._again:
            self._again = False
            self.recompare()
            return
        if outcome.error is not None:
            self.status.setText(f"Can't compare: {problem_text(outcome.error)}")
            return
        if outcome.result is None:
            return
        self.show_comparison(outcome.result)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.status.setText(
            f"{comparison.reference.name} is the reference: every other version is compared "
            "with it."
        )
        self.story.setPlainText(story_text(comparison))
        totals = RowsModel(total_columns(comparison), None, self.totals)
        totals.set_rows(total_rows(comparison))
        old = self.totals.model()
        self.totals.setModel(totals)
        if old is not None:
            old.deleteLater()
        # The figures' names as wide as they need; the versions share the rest (a long
        # version name is cut short in its title, and whole in the title's tooltip).
        header = self.totals.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, totals.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.changes_model.set_rows(change_rows(comparison))
        # Two versions: every row is of the second.
        self.changes.setColumnHidden(1, len(comparison.sides) == 2)
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        self.chart.currency = comparison.currency
        self.chart.show_figure(draw_comparison(comparison, ChartStyle(comparison.currency, dark)))

    def done(self, result: int) -> None:
        self._soon.stop()
        # Waited for, not let go of: the comparison reads the working plan, which may close
        # next (the versions it opened are its own, closed as it ends).
        self._runner.shut()
        super().done(result)


def show_compare_dialog(parent: QWidget, document: PlanDocument) -> CompareDialog:
    """Open the compare dialog over ``parent`` (it does not block the window)."""
    dialog = CompareDialog(document, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
