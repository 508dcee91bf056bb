"""The "Move budget" dialog: from which initiative, to which others, how much (an amount, or
all that is unspent) and how it is split.

It shows what the source has unspent (its budget less its spend to date, as every figure to
date counts it) and, as the person chooses, what the core would do or why it would refuse;
the button is offered only when it would not.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner import Initiative, Plan, PlanError, Status
from planner.analysis import Analysis
from planner.services.what_if import Split
from ui.plain_text import plain_label
from ui.widgets.delegates import typed_amount
from ui.widgets.inline_message import InlineMessage

from .what_if_edits import MoveRequest, move, moved_summary

_ID = Qt.ItemDataRole.UserRole


class MoveBudgetDialog(QDialog):
    """Asks what budget to move where; once accepted, :meth:`request` says what."""

    def __init__(
        self,
        plan: Plan,
        analysis: Analysis,
        parent: QWidget | None = None,
        *,
        source_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveBudget")
        self.setWindowTitle("Move budget")
        self._plan = plan
        self._analysis = analysis
        self._initiatives: list[Initiative] = plan.initiatives.list()  # by name

        self.source = QComboBox()
        self.source.setAccessibleName("Move budget from")
        self.source.setMinimumContentsLength(28)
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for initiative in self._initiatives:
            dropped = " (dropped)" if initiative.status is Status.DROPPED else ""
            self.source.addItem(initiative.name + dropped, initiative.id)
        self.source.setCurrentIndex(max(self.source.findData(source_id), 0))
        self.source.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.unspent = plain_label()
        self.unspent.setAccessibleName("Unspent budget")
        self.unspent.setWordWrap(True)
        self.unspent.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.unspent.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.find = QLineEdit()
        self.find.setPlaceholderText("Find initiatives")
        self.find.setAccessibleName("Find initiatives to move budget to")
        self.find.setClearButtonEnabled(True)
        self.recipients = QListWidget()
        self.recipients.setAccessibleName("Move budget to (tick one or more; Space ticks)")
        self.recipients.setMinimumHeight(140)

        self.all_unspent = QRadioButton("All that is &unspent")
        self.some = QRadioButton("&This amount:")
        self.amount = QLineEdit()
        self.amount.setAccessibleName(f"Amount to move ({plan.currency.code})")
        self.amount.setPlaceholderText(f"e.g. 2,500 ({plan.currency.code})")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.all_unspent.setChecked(True)
        self.amount.setEnabled(False)
        amounts = QButtonGroup(self)
        amounts.addButton(self.all_unspent)
        amounts.addButton(self.some)
        self.evenly = QRadioButton("&Evenly")
        self.by_budget = QRadioButton("In proportion to their &budgets")
        self.evenly.setChecked(True)
        splits = QButtonGroup(self)
        splits.addButton(self.evenly)
        splits.addButton(self.by_budget)

        self.outcome = InlineMessage("What moving would do")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Move budget")
        self.ok_button.setAccessibleName("Move budget")
        self._lay_out()
        self._connect()
        self._source_changed()
        self.source.setFocus()

    def _lay_out(self) -> None:
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.all_unspent)
        amount_row.addSpacing(12)
        amount_row.addWidget(self.some)
        amount_row.addWidget(self.amount, 1)
        split_row = QHBoxLayout()
        split_row.addWidget(self.evenly)
        split_row.addSpacing(12)
        split_row.addWidget(self.by_budget)
        split_row.addStretch(1)
        to_column = QVBoxLayout()
        to_column.addWidget(self.find)
        to_column.addWidget(self.recipients, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Move budget &from:", self.source)
        form.addRow("", self.unspent)
        to_label = plain_label("T&o:")
        to_label.setBuddy(self.find)
        form.addRow(to_label, to_column)
        form.addRow("Amount:", amount_row)
        form.addRow("Split:", split_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        order = [
            self.source,
            self.find,
            self.recipients,
            self.all_unspent,
            self.some,
            self.amount,
            self.evenly,
            self.by_budget,
            *self.buttons.buttons(),
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.source.currentIndexChanged.connect(self._source_changed)
        self.find.textChanged.connect(self._find)
        self.recipients.itemChanged.connect(self._show_outcome)
        self.all_unspent.toggled.connect(self._amount_chosen)
        self.amount.textChanged.connect(self._show_outcome)
        self.evenly.toggled.connect(self._show_outcome)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def request(self) -> MoveRequest:
        """What the dialog asks for as it stands."""
        text = self.amount.text()
        return MoveRequest(
            source_id=self.source.currentData(),
            recipient_ids=self.chosen_recipients(),
            amount=None
            if self.all_unspent.isChecked()
            else typed_amount(self._plan.currency, text),
            split=Split.EVENLY if self.evenly.isChecked() else Split.BY_BUDGET,
        )

    def chosen_recipients(self) -> tuple[int, ...]:
        """The ids of the ticked initiatives, in the list's order."""
        items = (self.recipients.item(n) for n in range(self.recipients.count()))
        return tuple(item.data(_ID) for item in items if item.checkState() == Qt.CheckState.Checked)

    def tick(self, initiative_id: int, ticked: bool = True) -> None:
        """Tick (or untick) an initiative in the list, as a click on its box does."""
        for n in range(self.recipients.count()):
            item = self.recipients.item(n)
            if item.data(_ID) == initiative_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _source_changed(self) -> None:
        """List every live initiative but the source, keeping the ticks still offered."""
        source = self.source.currentData()
        ticked = set(self.chosen_recipients())
        money = self._plan.currency.format_short
        self.recipients.blockSignals(True)
        try:
            self.recipients.clear()
            for initiative in self._initiatives:
                if initiative.id == source or initiative.status is Status.DROPPED:
                    continue
                item = QListWidgetItem(f"{initiative.name}  ·  {money(initiative.budget)}")
                item.setData(_ID, initiative.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = initiative.id in ticked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.recipients.addItem(item)
        finally:
            self.recipients.blockSignals(False)
        self._find()
        self._show_unspent()
        self._show_outcome()

    def _find(self) -> None:
        words = self.find.text().casefold().split()
        for n in range(self.recipients.count()):
            item = self.recipients.item(n)
            shown = all(word in item.text().casefold() for word in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def _show_unspent(self) -> None:
        source = self.source.currentData()
        if source is None:
            self.unspent.setText("")
            return
        money = self._plan.currency.format
        left = self._plan.what_if.unspent(source, self._analysis)
        if left.spent is None:
            self.unspent.setText(f"Unspent: {money(left.amount)} (nothing spent to date)")
        else:
            self.unspent.setText(
                f"Unspent: {money(left.amount)} (budget {money(left.budget)} less "
                f"{money(left.spent)} spent to date)"
            )

    def _amount_chosen(self) -> None:
        self.amount.setEnabled(self.some.isChecked())
        if self.some.isChecked():
            self.amount.setFocus()
        self._show_outcome()

    def _show_outcome(self) -> None:
        """Say what moving would do, or why it cannot; offer the button only when it can."""
        request = self.request()
        if request.source_id is None:
            self.outcome.say("The plan has no initiative to move budget from.")
        elif not request.recipient_ids:
            self.outcome.say("Tick the initiatives to move the budget to.", "info")
        elif request.amount == "":
            self.outcome.say("Type the amount to move.", "info")
        else:
            try:
                result = move(self._plan, self._analysis, request, dry_run=True)
            except PlanError as error:
                self.outcome.say(str(error))
            else:
                money = self._plan.currency.format
                summary = moved_summary(self._plan, result)
                self.outcome.say(f"Moves {money(result.amount)} to {summary}.", "info")
                self.ok_button.setEnabled(True)
                return
        self.ok_button.setEnabled(False)
