"""The conversion rates of the selected initiative, in the detail pane: its own override of
each stage rate, typed as a percentage; blank, it takes its channel's or the plan's, shown
greyed in the field with where it comes from ("20% from the channel").

It shows what the page hands it and reports an edit as a signal; the page turns it into one
undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from planner import Plan, PlanError
from planner.analysis.rates import Rates, read_initiative_rates
from planner.domain import STAGE_RATES
from planner.rate_words import (
    BY_SOURCE,
    BY_SOURCE_RATES,
    LEVEL_WORDS,
    RATE_TITLES,
    inherited_text,
    percent_text,
)
from ui.plain_text import plain_label, plain_tooltip

# The widest greyed rate a field shows: a field asks for room for it.
_WIDEST = inherited_text(1.0, max(LEVEL_WORDS, key=lambda level: len(LEVEL_WORDS[level])))


class _RateEdit(QLineEdit):
    """A rate field that asks for room for the greyed rate it may show."""

    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.inherited = ("", "")  # the greyed rate in words, and in fewer

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(_WIDEST) + 24, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def fits(self, text: str) -> bool:
        # The frame and the text margins; the clear button shows only over typed text.
        return self.fontMetrics().horizontalAdvance(text) <= self.width() - 14


# Short titles: the pane shares its width with the story, segments and people.
_SHORT = dict(
    zip(
        STAGE_RATES,
        ("Lead → MQL", "MQL → SAL", "SAL → SQL", "SQL → opp.", "Opp. → won"),
        strict=True,
    )
)
_HINT = "Blank: its channel's or the plan's rate (greyed). Type one to override it."


def rates_of(plan: Plan, initiative_id: int) -> Rates | None:
    """The rates the pane shows for an initiative; ``None`` for one deleted while the page
    has not yet been told."""
    try:
        return read_initiative_rates(plan, initiative_id)
    except PlanError:
        return None


class RatesBox(QWidget):
    """The five stage rates of one initiative."""

    committed = Signal(str, str)  # rate name, the text typed (blank: inherit again)

    def __init__(self, heading: QWidget, hint: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, _RateEdit] = {}
        self._shown: dict[str, str] = {}  # what each field showed when loaded
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        for row, rate in enumerate(STAGE_RATES):
            edit = _RateEdit()
            edit.setObjectName(f"rate_{rate}")
            edit.setAccessibleName(f"{RATE_TITLES[rate]} rate")
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(lambda r=rate: self._finished(r))
            edit.resized.connect(self._fit_placeholders)
            label = plain_label(_SHORT[rate])
            label.setToolTip(plain_tooltip(f"{RATE_TITLES[rate]} rate"))
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            self.fields[rate] = edit
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_rates(self, rates: Rates, initiative_id: int) -> None:
        """Show the initiative's own rates, and greyed in each blank field the one it
        takes instead and where from."""
        own = rates.initiatives.get(initiative_id)
        for rate, edit in self.fields.items():
            value = None if own is None else getattr(own, rate)
            inherited, level = rates.inherited(initiative_id, rate)
            text = percent_text(value)
            blocked = edit.blockSignals(True)
            try:
                if edit.text() != text:
                    edit.setText(text)
                edit.inherited = (
                    inherited_text(inherited, level),
                    f"{percent_text(inherited)} · {level.value}",
                )
            finally:
                edit.blockSignals(blocked)
            self._shown[rate] = text
            if value is None:
                tip = f"{RATE_TITLES[rate]}: {inherited_text(inherited, level)}."
            else:
                tip = (
                    f"{RATE_TITLES[rate]}: {text}, {LEVEL_WORDS[rates.level(initiative_id, rate)]}"
                    f" (blank: {inherited_text(inherited, level)})."
                )
            if rate in BY_SOURCE_RATES:
                tip += f"\n{BY_SOURCE} (MQL → SAL × SAL → SQL)."
            edit.setToolTip(plain_tooltip(tip))

        self._fit_placeholders()

    def _fit_placeholders(self) -> None:
        """The greyed rates in words where every one fits, else all in fewer ("45% ·
        channel"), so the five read alike; the tooltips have them in words."""
        fits = all(edit.fits(edit.inherited[0]) for edit in self.fields.values())
        for edit in self.fields.values():
            edit.setPlaceholderText(edit.inherited[0 if fits else 1])

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.fields.values():
            edit.setReadOnly(read_only)
            edit.setClearButtonEnabled(not read_only)

    def _finished(self, rate: str) -> None:
        edit = self.fields[rate]
        if edit.isReadOnly() or edit.text().strip() == self._shown.get(rate, ""):
            return
        self._shown[rate] = edit.text().strip()  # Return then focus leaving: one edit
        self.committed.emit(rate, edit.text())


HINT = _HINT
