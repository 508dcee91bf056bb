"""The Waterfall page's what-if: the plan's five stage rates and its average deal size in fields
the lead can change to see the waterfall worked out again at once, nothing written; "Keep"
writes them into the plan as one undo step, "Discard" shows the plan's again.

The fields are the Plan settings page's own (:mod:`ui.pages.settings.fields`), each with the
cited source of its default in its tooltip (:data:`planner.assumptions.SOURCES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import Currency, Plan
from planner.assumptions import SOURCES
from planner.domain import STAGE_RATES, FunnelAssumptions
from ui.commands import Overwrite
from ui.pages.settings.fields import Field, MoneyField, percent_field
from ui.plain_text import plain_label, plain_tooltip

from .figures import RATE_TITLES

WHAT_IF_FIELDS = (*STAGE_RATES, "average_deal_size")
FIELD_WIDTH = 96  # "100.0 %" and a deal size of millions, with the room a narrow page has
LOWEST_RATE_PERCENT = 0.1  # a rate of nought would need infinitely many leads
BANNER = "What-if: rates changed. The figures use them; nothing is saved until you Keep them."


def changed_fields(plan: FunnelAssumptions, what_if: FunnelAssumptions) -> dict[str, Any]:
    """The what-if's fields that differ from the plan's."""
    return {
        name: getattr(what_if, name)
        for name in WHAT_IF_FIELDS
        if getattr(what_if, name) != getattr(plan, name)
    }


def keep_rates(plan: Plan, what_if: FunnelAssumptions) -> Overwrite:
    """Write the what-if's rates and deal size into the plan as one change; undo puts back
    what the plan held just before."""
    fields = changed_fields(plan.funnel.get(), what_if)
    return Overwrite(
        "keep what-if funnel rates",
        lambda: plan.funnel.update(**fields),
        read=plan.funnel.get,
        restore=lambda old: plan.funnel.update(**{name: getattr(old, name) for name in fields}),
    )


class WhatIfPanel(QFrame):
    """The fields, a banner with Keep and Discard while they differ from the plan, and a note
    on the rates channels and initiatives set of their own.

    :attr:`edited` fires when the lead changes a field (read :meth:`assumptions`);
    :attr:`keep_requested` and :attr:`discard_requested` when a banner button is pressed."""

    edited = Signal()
    keep_requested = Signal()
    discard_requested = Signal()

    def __init__(self, currency: Callable[[], Currency], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self.setObjectName("whatIfPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields: dict[str, Field] = {}
        self._plan: FunnelAssumptions | None = None
        self._writable = True
        title = plain_label("What if the rates were…")
        font = QFont(title.font())
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        hint = plain_label("Change a rate or the deal size: the waterfall follows at once.")
        hint.setWordWrap(True)
        hint.setEnabled(False)  # the palette's muted text

        form = QFormLayout()
        for name in STAGE_RATES:
            field = percent_field(name, f"{RATE_TITLES[name]} rate (what-if)")
            field.spin.setMinimum(LOWEST_RATE_PERCENT)
            field.spin.valueChanged.connect(self._changed)
            self._add(form, field, RATE_TITLES[name])
        deal = MoneyField("average_deal_size", "Average deal size (what-if)", currency)
        deal.finished.connect(self._changed)
        self._add(form, deal, "Deal size")

        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What-if problem")
        self.problem.hide()

        self.banner = QFrame()
        self.banner.setObjectName("whatIfBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_label = plain_label(BANNER)
        self.banner_label.setWordWrap(True)
        self.banner_label.setAccessibleName("What-if")
        self.keep_button = QPushButton("&Keep")
        self.keep_button.setToolTip(
            plain_tooltip("Write these rates into the plan (one step: Undo takes it back)")
        )
        self.discard_button = QPushButton("Disc&ard")
        self.discard_button.setToolTip(plain_tooltip("Put the plan's rates back in the fields"))
        self.keep_button.clicked.connect(self.keep_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        banner = QVBoxLayout(self.banner)
        banner.setContentsMargins(8, 6, 8, 6)
        banner.addWidget(self.banner_label)
        banner.addLayout(buttons)
        self.banner.hide()

        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Rates of their own")
        self.note.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.banner)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setMaximumWidth(240)

    def _add(self, form: QFormLayout, field: Field, label: str) -> None:
        self.fields[field.name] = field
        field.widget.setMaximumWidth(FIELD_WIDTH)
        field.widget.setToolTip(plain_tooltip(SOURCES[field.name]))
        text = plain_label(label)
        text.setBuddy(field.widget)
        text.setToolTip(plain_tooltip(SOURCES[field.name]))
        form.addRow(text, field.widget)

    # -- the values ------------------------------------------------------------------------

    def load(self, plan: FunnelAssumptions) -> None:
        """Show the plan's rates and deal size (no :attr:`edited`); any what-if goes."""
        self._plan = plan
        for name, field in self.fields.items():
            field.load(getattr(plan, name))
        self.problem.hide()
        self.banner.hide()
        self.keep_button.setEnabled(self._writable)
        self._mark_changed()

    def follow(self, plan: FunnelAssumptions) -> None:
        """The plan's own values changed (an edit elsewhere, an undo): fields the lead has
        not changed follow them; the ones changed keep the what-if."""
        before, self._plan = self._plan, plan
        if before is None:
            self.load(plan)
            return
        for name, field in self.fields.items():
            if field.unchanged(getattr(before, name)):
                field.load(getattr(plan, name))
        self.banner.setVisible(self.assumptions() is not None)
        self._mark_changed()

    def assumptions(self) -> FunnelAssumptions | None:
        """The plan's assumptions with the fields' values, or ``None`` while they are the
        plan's own (no what-if). A deal size that is not an amount counts as the plan's
        (:meth:`deal_size_problem` says why)."""
        if self._plan is None:
            return None
        values = {}
        for name, field in self.fields.items():
            if field.unchanged(getattr(self._plan, name)):
                continue
            value = field.value()
            if isinstance(value, int | float) and value > 0:
                values[name] = value
        return dataclasses.replace(self._plan, **values) if values else None

    def deal_size_problem(self) -> str | None:
        """What is wrong with the deal size typed, if anything (in the field's words)."""
        value = self.fields["average_deal_size"].value()
        if isinstance(value, str):
            return f"Deal size: {value.strip()!r} is not an amount in {self._currency().code}."
        if value <= 0:
            return "Deal size: must be above zero."
        return None

    def set_writable(self, writable: bool, why: str) -> None:
        self._writable = writable
        self.keep_button.setEnabled(writable)
        self.keep_button.setToolTip(
            plain_tooltip(
                "Write these rates into the plan (one step: Undo takes it back)"
                if writable
                else why
            )
        )

    def _mark_changed(self) -> None:
        """The fields that differ from the plan's in bold: what the what-if changed."""
        for name, field in self.fields.items():
            font = field.widget.font()
            changed = self._plan is not None and not field.unchanged(getattr(self._plan, name))
            if font.bold() != changed:
                font.setBold(changed)
                field.widget.setFont(font)

    def _changed(self, *_args: object) -> None:
        self._mark_changed()
        problem = self.deal_size_problem()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.banner.setVisible(self.assumptions() is not None)
        self.keep_button.setEnabled(self._writable and problem is None)
        self.edited.emit()

    def full_height(self) -> int:
        """The height it needs with the banner shown."""
        banner = self.banner.sizeHint().height() if self.banner.isHidden() else 0
        return self.sizeHint().height() + banner

    def is_what_if(self) -> bool:
        return not self.banner.isHidden()
