"""The "Scale budgets" dialog: which initiatives (a channel's, an owner's or a segment's) and
by how many percent, and whether their revenue targets follow.

As the person chooses, the dialog says what the core would do ("2 Event initiatives: budgets
$15k → $11k, ..."), or why it would refuse, and offers the button only when it would not.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner import Plan, PlanError, ValidationError
from planner.analysis import Filter
from planner.services.what_if import MAX_PERCENT
from ui.plain_text import plain_label
from ui.widgets.combos import channel_choices, refill
from ui.widgets.inline_message import InlineMessage

from .rows import TIER_ORDER
from .what_if_edits import ScaleRequest, scale, scaled_summary

CHANNEL, OWNER, SEGMENT = "channel", "owner", "segment"
_KINDS = (("A channel", CHANNEL), ("An owner", OWNER), ("A segment", SEGMENT))
NO_OWNER = -1  # the owner list's "No owner"


class PercentBox(QDoubleSpinBox):
    """A change in percent, shown signed ("-30 %", "+15 %") with no needless decimals."""

    def textFromValue(self, value: float) -> str:
        text = f"{value:+.1f}".removesuffix(".0")
        return "0" if text in ("+0", "-0") else text


class ScaleBudgetsDialog(QDialog):
    """Asks what to scale and by how much; once accepted, :meth:`request` says what."""

    def __init__(
        self,
        plan: Plan,
        parent: QWidget | None = None,
        *,
        kind: str = CHANNEL,
        chosen: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scaleBudgets")
        self.setWindowTitle("Scale budgets")
        self._plan = plan

        self.kind = QComboBox()
        self.kind.setAccessibleName("Scale the initiatives of")
        for label, value in _KINDS:
            self.kind.addItem(label, value)
        self.choice = QComboBox()
        self.choice.setAccessibleName("Which one")
        self.choice.setMinimumContentsLength(24)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.percent = PercentBox()
        self.percent.setAccessibleName("Change budgets by (percent)")
        self.percent.setRange(-100, MAX_PERCENT)
        self.percent.setDecimals(1)
        self.percent.setSingleStep(5)
        self.percent.setSuffix(" %")
        self.percent.setValue(0)
        self.targets = QCheckBox("Scale their revenue targets and planned funnel too")
        self.targets.setChecked(True)
        self.targets.setAccessibleName("Scale revenue targets too")
        why = plain_label(
            "Each initiative keeps its return: less money, less revenue expected. Untick it "
            "for “the same results for less”. Planned monthly spend always follows the "
            "budget; actuals never change."
        )
        why.setWordWrap(True)
        why.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        why.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.outcome = InlineMessage("What scaling would do")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Scale budgets")
        self.ok_button.setAccessibleName("Scale budgets")

        form = QFormLayout()
        form.addRow("Scale the initiatives &of:", self.kind)
        form.addRow("&Which:", self.choice)
        form.addRow("&Change budgets by:", self.percent)
        form.addRow("", self.targets)
        form.addRow("", why)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        for before, after in pairwise(
            [self.kind, self.choice, self.percent, self.targets, *self.buttons.buttons()]
        ):
            QWidget.setTabOrder(before, after)

        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._fill_choices()
        if chosen is not None:
            self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choice.currentIndexChanged.connect(self._show_outcome)
        self.percent.valueChanged.connect(self._show_outcome)
        self.targets.toggled.connect(self._show_outcome)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show_outcome()
        self.percent.setFocus()
        self.percent.selectAll()

    def request(self) -> ScaleRequest:
        """What the dialog asks for as it stands."""
        kind, chosen = self.kind.currentData(), self.choice.currentData()
        name = self.choice.currentText().removesuffix(" (retired)")
        if kind == CHANNEL:
            where, words = Filter(channel_ids=[chosen]), f"{name} initiatives"
        elif kind == OWNER and chosen == NO_OWNER:
            where, words = Filter(owner_ids=[None]), "initiatives with no owner"
        elif kind == OWNER:
            where, words = Filter(owner_ids=[chosen]), f"initiatives owned by {name}"
        else:
            where, words = Filter(segment_ids=[chosen]), f"initiatives aimed at {name}"
        return ScaleRequest(
            where=where,
            chosen=words,
            percent=Decimal(str(round(self.percent.value(), 1))),
            revenue_targets=self.targets.isChecked(),
        )

    def _kind_changed(self) -> None:
        self._fill_choices()
        self._show_outcome()

    def _fill_choices(self) -> None:
        kind = self.kind.currentData()
        if kind == CHANNEL:
            choices = channel_choices(self._plan.channels.list())
        elif kind == OWNER:
            people = sorted(self._plan.people.list(), key=lambda p: p.name.casefold())
            choices = [(p.name, p.id) for p in people] + [("No owner", NO_OWNER)]
        else:
            segments = sorted(
                self._plan.segments.list(), key=lambda s: (TIER_ORDER[s.tier], s.name.casefold())
            )
            choices = [(s.name, s.id) for s in segments]
        refill(self.choice, 0, choices)

    def _show_outcome(self) -> None:
        """Say what scaling would do, or why it cannot; offer the button only when it can."""
        if self.choice.currentData() is None:
            self.outcome.say(f"The plan has no {self.kind.currentData()} to choose.")
            self.ok_button.setEnabled(False)
            return
        request = self.request()
        try:
            result = scale(self._plan, request, dry_run=True)
        except PlanError as error:
            # Nothing typed yet is no mistake: that refusal reads as the hint it is.
            zero = isinstance(error, ValidationError) and error.rule == "zero"
            self.outcome.say(str(error), "info" if zero else "warning")
            self.ok_button.setEnabled(False)
            return
        self.outcome.say(scaled_summary(self._plan, result, request.chosen), "info")
        self.ok_button.setEnabled(True)
