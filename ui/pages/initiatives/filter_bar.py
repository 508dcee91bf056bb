"""The controls above the Initiatives table: a search box, a combo box per attribute, and
how many initiatives the filter leaves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from planner import Person, Segment, Tier
from ui.icons import icon

from .columns import CHANNEL_TITLES, STATUS_TITLES
from .filters import NOBODY, NOWHERE, InitiativeFilter
from .rows import TIER_ORDER


def _combo(name: str, any_label: str, choices: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    # Long segment names would make the bar wider than the window; the list that pops up
    # still shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.setMinimumWidth(80)  # in a narrow window they shrink rather than widen the page
    combo.addItem(any_label, None)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _refill(combo: QComboBox, fixed: int, choices: Sequence[tuple[str, object]]) -> None:
    """Replace the choices after the first ``fixed`` entries, keeping the chosen one if it
    is still offered ("Any ..." otherwise)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > fixed:
            combo.removeItem(combo.count() - 1)
        for label, value in choices:
            combo.addItem(label, value)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(found, 0))
    finally:
        combo.blockSignals(False)


class FilterBar(QWidget):
    """Emits :attr:`changed` with the new :class:`InitiativeFilter` whenever a control
    changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search names and stories")
        self.search.setAccessibleName("Search initiatives")
        self.search.setToolTip("Finds initiatives whose name or story holds every word (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(140)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)

        self.status = _combo(
            "Filter by status", "Any status", [(t, v) for v, t in STATUS_TITLES.items()]
        )
        self.channel = _combo(
            "Filter by channel", "Any channel", [(t, v) for v, t in CHANNEL_TITLES.items()]
        )
        self.owner = _combo("Filter by owner", "Any owner", [("No owner", NOBODY)])
        self.segment = _combo("Filter by segment", "Any segment", [("No segment", NOWHERE)])
        self.tier = _combo(
            "Filter by strike-zone tier",
            "Any tier",
            [
                (f"{t.value.capitalize()} segments", t.value)
                for t in sorted(Tier, key=TIER_ORDER.get)
            ],
        )
        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setAccessibleName("Initiatives shown")
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("close"))
        self.clear_button.setText("Clear filters")
        self.clear_button.setToolTip("Clear filters: show every initiative")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search, 2)
        for combo in self.combos():
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._emit)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.status, self.channel, self.owner, self.segment, self.tier)

    def filter(self) -> InitiativeFilter:
        """The filter the controls ask for."""
        return InitiativeFilter(
            text=self.search.text(),
            status=self.status.currentData(),
            channel=self.channel.currentData(),
            owner_id=self.owner.currentData(),
            segment_id=self.segment.currentData(),
            tier=self.tier.currentData(),
        )

    def clear(self) -> None:
        """Show everything again (one :attr:`changed`, not one per control)."""
        for widget in (self.search, *self.combos()):
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in self.combos():
                combo.setCurrentIndex(0)
        finally:
            for widget in (self.search, *self.combos()):
                widget.blockSignals(False)
        self._emit()

    def set_people(self, people: Sequence[Person]) -> None:
        """Offer these people in the owner filter."""
        choices = [(p.name if p.active else f"{p.name} (inactive)", p.id) for p in people]
        _refill(self.owner, 2, choices)

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Offer these segments in the segment filter."""
        ordered = sorted(segments, key=lambda s: (TIER_ORDER[s.tier], s.name.casefold()))
        _refill(self.segment, 2, [(f"{s.name} ({s.tier.value})", s.id) for s in ordered])

    def show_count(self, shown: int, total: int) -> None:
        active = self.filter().active
        plural = "" if total == 1 else "s"
        self.count.setText(
            f"Showing {shown} of {total}" if active else f"{total} initiative{plural}"
        )
        self.clear_button.setEnabled(active)

    def _emit(self) -> None:
        self.changed.emit(self.filter())
