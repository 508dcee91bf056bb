"""The controls above the Initiatives table: a search box, a combo box per attribute, and
how many initiatives the filter leaves."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import Channel, Person, Segment, Tier
from ui.icons import icon
from ui.plain_text import plain_label, plain_tooltip
from ui.widgets.combos import channel_choices, refill
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.key_actions import key_action

from .columns import STATUS_TITLES
from .filters import NOBODY, NOWHERE, InitiativeFilter
from .rows import TIER_ORDER


def _combo(name: str, any_label: str, choices: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(plain_tooltip(name))
    # Long segment names would make the bar wider than the window; the list that pops up
    # still shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    combo.setMinimumWidth(80)  # in a narrow window they shrink rather than widen the page
    combo.addItem(any_label, None)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


class OnlyChip(QFrame):
    """ "Showing 4 initiatives: Running in Mar 2026 · Q1 2026  [Show all]": says why the
    table lists only the initiatives behind a Dashboard bar, and offers to list them all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onlyChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = plain_label()
        self.label.setAccessibleName("Drill-down")
        self.show_all = QPushButton("Show all")
        self.show_all.setAccessibleName("Show all initiatives")
        self.show_all.setToolTip("Show every initiative again (clears the filters)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_all)
        self.hide()

    def say(self, count: int, title: str) -> None:
        noun = "initiative" if count == 1 else "initiatives"
        self.label.setText(f"Showing {count} {noun}: {title}")
        self.show()


class FilterBar(QWidget):
    """Emits :attr:`changed` with the new :class:`InitiativeFilter` whenever a control
    changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._only: frozenset[int] | None = None  # see show_only
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search names and stories")
        self.search.setAccessibleName("Search initiatives")
        self.search.setToolTip("Finds initiatives whose name or story holds every word (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(220)  # its placeholder shown whole
        key_action(self.search, "Clear the search", ("Esc",), self.search.clear)

        self.status = _combo(
            "Filter by status", "Any status", [(t, v) for v, t in STATUS_TITLES.items()]
        )
        self.channel = _combo("Filter by channel", "Any channel", [])
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
        self.count = plain_label()
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

        self.chip = OnlyChip()
        self.chip.show_all.clicked.connect(self.clear)

        # In a narrow window the controls wrap onto a second row rather than widen the page.
        controls = FlowLayout(spacing=6)
        controls.addWidget(self.search)
        for combo in self.combos():
            controls.addWidget(combo)
            combo.currentIndexChanged.connect(self._emit)
        controls.addWidget(self.clear_button)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addLayout(controls, 1)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.chip)
        self.search.textChanged.connect(self._emit)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.status, self.channel, self.owner, self.segment, self.tier)

    def filter(self) -> InitiativeFilter:
        """The filter the controls ask for."""
        return InitiativeFilter(
            text=self.search.text(),
            status=self.status.currentData(),
            channel_id=self.channel.currentData(),
            owner_id=self.owner.currentData(),
            segment_id=self.segment.currentData(),
            tier=self.tier.currentData(),
            ids=self._only,
        )

    def clear(self) -> None:
        """Show everything again (one :attr:`changed`, not one per control)."""
        self._set_quietly(text="", choices={})
        self._only = None
        self.chip.hide()
        self._emit()

    def show_only(self, title: str, ids: Collection[int], choices: dict[QComboBox, object]) -> None:
        """List only the initiatives ``ids``, with the combos of ``choices`` set to their
        values (the rest and the search cleared) and a chip saying ``title``: one
        :attr:`changed`. A value a combo does not offer leaves it at "Any"."""
        self._set_quietly(text="", choices=choices)
        self._only = frozenset(ids)
        self.chip.say(len(self._only), title)
        self._emit()

    def _set_quietly(self, *, text: str, choices: dict[QComboBox, object]) -> None:
        widgets = (self.search, *self.combos())
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(text)
            for combo in self.combos():
                value = choices.get(combo)
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def set_people(self, people: Sequence[Person]) -> None:
        """Offer these people in the owner filter."""
        choices = [(p.name if p.active else f"{p.name} (inactive)", p.id) for p in people]
        refill(self.owner, 2, choices)

    def set_channels(self, channels: Sequence[Channel]) -> None:
        """Offer these channels in the channel filter, in the plan's order (retired ones
        too: their initiatives are still there)."""
        refill(self.channel, 1, channel_choices(channels))

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Offer these segments in the segment filter."""
        ordered = sorted(segments, key=lambda s: (TIER_ORDER[s.tier], s.name.casefold()))
        refill(self.segment, 2, [(f"{s.name} ({s.tier.value})", s.id) for s in ordered])

    def show_count(self, shown: int, total: int) -> None:
        active = self.filter().active
        plural = "" if total == 1 else "s"
        self.count.setText(
            f"Showing {shown} of {total}" if active else f"{total} initiative{plural}"
        )
        self.clear_button.setEnabled(active)

    def _emit(self) -> None:
        self.changed.emit(self.filter())
