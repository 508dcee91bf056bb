"""The "Phase Targets" dialog: how to spread the chosen initiatives' revenue targets, funnel
and budgets over their months, with a preview of what it would do.

What phasing reads from the plan is gathered once when the dialog opens (it is window-modal:
the plan cannot change under it); each choice then works the preview out again from that,
in a worker when the plan is big (:mod:`ui.background`), so the dialog never stalls. Apply
writes the preview shown, as one undo step (:mod:`.phase_edits`).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import Plan, PlanError
from planner import months as month_math
from planner.phasing import MAX_LAG, MAX_WEIGHT, Part, Shape, StageLags
from planner.services.phasing import Gathered, Phased
from planner.version import PLAN_SUFFIX
from planner.versions import Kind
from ui.background import Outcome, TaskRunner, problem_text
from ui.plain_text import plain_label
from ui.tables.rows_model import Column, RowsModel
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.inline_message import InlineMessage

from .phase_edits import PhaseRequest, PreviewRow, preview, preview_rows, summary

# More initiatives than this are previewed in a worker: a whole large plan takes a second.
BACKGROUND_FROM = 200
PAUSE_MS = 120  # a burst of spin-box steps makes one preview
_ASK_FILE = "ask for a file"  # the last-year choice that asks for last year's plan file
MONTH_NAMES = tuple(month_math.label(month_math.month(2000, n)).split()[0] for n in range(1, 13))
_STAGE_LABELS = ("Leads → MQL", "MQL → SAL", "SAL → SQL", "SQL → Opp.", "Opp. → Won")
_PARTS = (
    (Part.REVENUE, "&Revenue target (as revenue won)"),
    (Part.FUNNEL, "&Funnel it needs (leads to deals, and pipeline)"),
    (Part.SPEND, "&Budget (as spend)"),
)
_COLUMNS: list[Column[PreviewRow]] = [
    Column("name", "Initiative", lambda r: r.name),
    Column("months", "Months", lambda r: r.months),
    Column("target", "Target", lambda r: r.target, numeric=True),
    Column("revenue", "Revenue phased", lambda r: r.revenue, numeric=True),
    Column("leads", "Leads", lambda r: r.leads, numeric=True),
    Column("spend", "Spend", lambda r: r.spend, numeric=True),
    Column("notes", "Notes", lambda r: r.notes, tip=lambda r: r.notes or None),
]


class PhaseTargetsDialog(QDialog):
    """Asks how to phase; :meth:`request` says what, :meth:`phased` what the preview shows
    for it (``None`` until worked out)."""

    def __init__(
        self,
        plan: Plan,
        parent: QWidget | None = None,
        *,
        ids: tuple[int, ...] | None = None,
        chosen: str = "the whole plan",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phaseTargets")
        self.setWindowTitle("Phase targets")
        self._plan = plan
        self._ids = ids
        self._chosen = chosen
        self._shown: tuple[PhaseRequest, Phased] | None = None
        self._stale = False
        self._runner = TaskRunner(self)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self._work_out)
        choices = plan.phasing.choices()
        self._gathered: Gathered = plan.phasing.gather(None if ids is None else list(ids))
        self._last_year_of: int | None = None

        count = len(self._gathered.targets) + len(self._gathered.skipped)
        heading = plain_label(
            f"Spread the revenue target of {chosen} ({count} initiative"
            f"{'' if count == 1 else 's'}) over each one's months, with the funnel it needs "
            "at its conversion rates and its budget as spend."
        )
        heading.setWordWrap(True)

        self.shape = QComboBox()
        self.shape.setAccessibleName("Shape")
        for shape in Shape:
            self.shape.addItem(shape.title, shape.value)
        self.last_year = QComboBox()
        self.last_year.setAccessibleName("Last year from")
        self._fill_last_year()
        self.profile = [self._spin(0, MAX_WEIGHT, f"Weight of {name}") for name in MONTH_NAMES]
        for spin, weight in zip(self.profile, choices.profile, strict=True):
            spin.setValue(weight)
        profile_box = QWidget()
        profile_grid = QGridLayout(profile_box)
        profile_grid.setContentsMargins(0, 0, 0, 0)
        for n, (name, spin) in enumerate(zip(MONTH_NAMES, self.profile, strict=True)):
            row, column = divmod(n, 6)
            profile_grid.addWidget(plain_label(name), row * 2, column)
            profile_grid.addWidget(spin, row * 2 + 1, column)
        profile_grid.setColumnStretch(6, 1)
        self.profile_box = profile_box

        self.lags = [self._spin(0, MAX_LAG, f"Months from {words}") for words in _STAGE_LABELS]
        for spin, months in zip(self.lags, choices.lags.as_tuple(), strict=True):
            spin.setValue(months)
        lags_box = QWidget()
        lags_grid = QGridLayout(lags_box)
        lags_grid.setContentsMargins(0, 0, 0, 0)
        for n, (words, spin) in enumerate(zip(_STAGE_LABELS, self.lags, strict=True)):
            lags_grid.addWidget(plain_label(words), 0, n)
            lags_grid.addWidget(spin, 1, n)
        lags_grid.setColumnStretch(len(self.lags), 1)
        lag_hint = self._hint(
            "MQLs in March become revenue in May with 2 months from MQL to won. What would "
            "land before an initiative starts lands in its first month."
        )

        self.parts = {part: QCheckBox(text) for part, text in _PARTS}
        for box in self.parts.values():
            box.setChecked(True)
        parts_box = QWidget()
        # The three wrap onto lines of their own in a narrow dialog rather than cut a label.
        parts_row = FlowLayout(parts_box, spacing=16)
        parts_row.setContentsMargins(0, 0, 0, 0)
        for box in self.parts.values():
            parts_row.addWidget(box)
        self.overwrite = QCheckBox("&Overwrite months that have actuals")
        self.overwrite.setAccessibleName("Overwrite months that have actuals")

        form = QFormLayout()
        form.addRow("&Shape:", self.shape)
        form.addRow("Last &year from:", self.last_year)
        form.addRow("Seasonal &profile:", self.profile_box)
        form.addRow("&Lags (months):", lags_box)
        form.addRow("", lag_hint)
        form.addRow("Phase:", parts_box)
        form.addRow("", self.overwrite)
        self._form = form
        choose = QGroupBox("How")
        choose.setLayout(form)

        self.model: RowsModel[PreviewRow] = RowsModel(_COLUMNS, parent=self)
        self.table = QTableView()
        self.table.setObjectName("phasePreview")
        self.table.setAccessibleName("Preview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((160, 135, 60, 110, 105, 100)):
            self.table.setColumnWidth(column, width)
        self.outcome = InlineMessage("What phasing would do")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Phase targets")
        self.ok_button.setAccessibleName("Phase targets")

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(choose)
        layout.addWidget(plain_label("Preview:"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumSize(760, 560)
        order = [
            self.shape,
            self.last_year,
            *self.profile,
            *self.lags,
            *self.parts.values(),
            self.overwrite,
            self.table,
            *self.buttons.buttons(),
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

        self.shape.currentIndexChanged.connect(self._shape_changed)
        self.last_year.currentIndexChanged.connect(self._last_year_chosen)
        for spin in (*self.profile, *self.lags):
            spin.valueChanged.connect(self._changed)
        for box in (*self.parts.values(), self.overwrite):
            box.toggled.connect(self._changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _code: self._runner.shut())
        self._shape_changed()
        self.shape.setFocus()

    # -- what is asked ---------------------------------------------------------------------

    def request(self) -> PhaseRequest:
        """What the dialog asks for as it stands."""
        shape = Shape(self.shape.currentData())
        return PhaseRequest(
            ids=self._ids,
            chosen=self._chosen,
            shape=shape,
            lags=StageLags(*(spin.value() for spin in self.lags)),
            profile=tuple(spin.value() for spin in self.profile)
            if shape is Shape.SEASONAL
            else None,
            parts=tuple(part for part, box in self.parts.items() if box.isChecked()),
            overwrite_actuals=self.overwrite.isChecked(),
            last_year=self.last_year.currentData() if shape is Shape.LAST_YEAR else None,
        )

    def phased(self) -> Phased | None:
        """What the preview shows, when it is for what the dialog asks now."""
        if self._shown is None or self._stale or self._shown[0] != self.request():
            return None
        return self._shown[1]

    def wait_for_preview(self) -> None:
        """Work the preview out now, if it is due (tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._work_out()
        while self._runner.busy():
            self._runner.wait()

    # -- building --------------------------------------------------------------------------

    def _spin(self, lowest: int, highest: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lowest, highest)
        spin.setAccessibleName(name)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0000") + 48)
        return spin

    def _hint(self, text: str) -> QLabel:
        hint = plain_label(text)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return hint

    def _fill_last_year(self) -> None:
        versions = self._plan.versions.list()
        baselines = [v for v in versions if v.kind is Kind.BASELINE]
        for version in reversed(versions):
            self.last_year.addItem(version.name, version.id)
        if not versions:
            self.last_year.addItem("No version in the plan: phased evenly", None)
        elif baselines:
            self.last_year.setCurrentIndex(self.last_year.findData(baselines[-1].id))
        self.last_year.addItem("Last year's plan file (its actuals)…", _ASK_FILE)
        self._last_year_index = self.last_year.currentIndex()

    def _last_year_chosen(self, index: int) -> None:
        """Ask for last year's plan file when that is chosen; keep the choice before if the
        person cancels."""
        if self.last_year.itemData(index) != _ASK_FILE:
            self._last_year_index = index
            self._changed()
            return
        path = self.ask_last_year_file()
        with QSignalBlocker(self.last_year):
            if path is None:
                self.last_year.setCurrentIndex(self._last_year_index)
                return
            self.last_year.insertItem(index, f"{path.name} (actuals)", path)
            self.last_year.setItemData(index, str(path), Qt.ItemDataRole.ToolTipRole)
            self.last_year.setCurrentIndex(index)
        self._last_year_index = index
        self._changed()

    def ask_last_year_file(self) -> Path | None:
        """Last year's plan file, as the person picks it (``None``: cancelled)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Last year's plan", "", f"Smarketing plans (*{PLAN_SUFFIX});;All files (*)"
        )
        return Path(chosen) if chosen else None

    # -- the preview -----------------------------------------------------------------------

    def _shape_changed(self) -> None:
        shape = Shape(self.shape.currentData())
        self._form.setRowVisible(self.profile_box, shape is Shape.SEASONAL)
        self._form.setRowVisible(self.last_year, shape is Shape.LAST_YEAR)
        self._changed()

    def _changed(self) -> None:
        self._stale = True
        self.ok_button.setEnabled(False)
        self._timer.start()

    def _work_out(self) -> None:
        if self._runner.busy():
            self._timer.start()  # the running one's result is stale: ask again after it
            return
        request = self.request()
        try:
            gathered = self._with_last_year(request)
        except PlanError as error:
            self._refused(str(error))
            return
        if len(gathered.targets) < BACKGROUND_FROM:
            try:
                self._show(request, preview(gathered, request))
            except PlanError as error:
                self._refused(str(error))
            return
        self.outcome.say("Working out the preview…", "info")
        self._runner.start(
            lambda _progress, _cancel: preview(gathered, request),
            on_done=lambda outcome: self._worked_out(request, outcome),
        )

    def _with_last_year(self, request: PhaseRequest) -> Gathered:
        """What was gathered, with last year read from the version chosen when the shape
        asks for it (read on this thread, from the plan: once per version chosen)."""
        if request.shape is not Shape.LAST_YEAR:
            return self._gathered
        if self._gathered.last_year is None or self._last_year_of != request.last_year:
            self._gathered = self._plan.phasing.gather(
                None if self._ids is None else list(self._ids),
                last_year=request.last_year,
                read_last_year=True,
            )
            self._last_year_of = request.last_year
        return self._gathered

    def _worked_out(self, request: PhaseRequest, outcome: Outcome) -> None:
        if outcome.error is not None:
            self._refused(problem_text(outcome.error))
        elif outcome.result is not None:
            self._show(request, outcome.result)

    def _show(self, request: PhaseRequest, phased: Phased) -> None:
        self._shown = (request, phased)
        self._stale = request != self.request()
        self.model.set_rows(preview_rows(self._plan, phased))
        if phased.initiatives:
            self.outcome.say(summary(self._plan, phased), "info")
        else:
            self.outcome.say("Nothing to phase: see why beside each initiative.", "warning")
        self.ok_button.setEnabled(not self._stale and bool(phased.initiatives))

    def _refused(self, message: str) -> None:
        self._shown = None
        self.model.set_rows([])
        self.outcome.say(message, "warning")
        self.ok_button.setEnabled(False)
