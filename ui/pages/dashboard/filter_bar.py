"""The dashboard's controls: which months (a period, or two month pickers for "Months…")
and which initiatives (a team, owner, segment, tier and channel). Together they make the
one :class:`Selection` every figure, chart and drill-down of the page follows.

The period controls sit in the page's header (:attr:`DashboardFilters.period_box`); the
five filters and "Clear filters" form the bar itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QToolButton, QWidget

from planner import Channel, Person, Segment, Team, Tier
from planner import months as month_math
from ui.icons import icon
from ui.plain_text import plain_label
from ui.widgets.combos import channel_choices, choice_combo, choose, refill
from ui.widgets.flow_layout import FlowLayout

from .periods import CUSTOM, PeriodChoice, describe_months, ordered
from .selection import NO_OWNER, Selection

_TIER_ORDER = {Tier.CORE: 0, Tier.EDGE: 1, Tier.OUTSIDE: 2}


def _combo(name: str, tip: str, choices: Sequence[tuple[str, object]] = ()) -> QComboBox:
    # Long names would widen the bar past the window; the list that pops up shows them whole.
    return choice_combo(name, tip, choices, shortest=9)


def _entries(combo: QComboBox) -> list[tuple[str, object]]:
    return [(combo.itemText(n), combo.itemData(n)) for n in range(combo.count())]


class DashboardFilters(QWidget):
    """Emits :attr:`changed` with the new :class:`Selection` when the user changes a
    control; refilling choices (:meth:`set_periods`, :meth:`set_people`,
    :meth:`set_segments`, :meth:`set_channels`) emits nothing: the caller reads
    :meth:`selection` after."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._periods: dict[str, PeriodChoice] = {}
        self._shown_months: tuple[int, int] | None = None  # where "Months…" starts from

        self.period = _combo("Period", "The months every figure and chart covers")
        self.first_month = _combo("First month", "From this month")
        self.last_month = _combo("Last month", "To this month (inclusive)")
        self.to_label = plain_label("to")
        self.period_box = QWidget()
        box = QHBoxLayout(self.period_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        for widget in (self.period, self.first_month, self.to_label, self.last_month):
            box.addWidget(widget)
        self._show_months(False)

        self.team = _combo(
            "Filter by team",
            "Initiatives owned by someone of this team",
            [("All teams", None), *((t.value, t.value) for t in Team)],
        )
        self.owner = _combo(
            "Filter by owner",
            "Initiatives this person owns",
            [("All owners", None), ("No owner", NO_OWNER)],
        )
        self.segment = _combo(
            "Filter by segment", "Initiatives aimed at this segment", [("All segments", None)]
        )
        self.tier = _combo(
            "Filter by strike-zone tier",
            "Initiatives aimed at a segment of this tier",
            [
                ("All tiers", None),
                *((f"{t.value.capitalize()} segments", t.value) for t in _TIER_ORDER),
            ],
        )
        self.channel = _combo(
            "Filter by channel",
            "Initiatives of this channel",
            [("All channels", None)],
        )
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("close"))
        self.clear_button.setText("Clear filters")
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setToolTip("Clear filters: count every initiative again")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.hide()

        # In a narrow window the filters wrap onto a second row rather than widen the page.
        layout = FlowLayout(self, spacing=6)
        for combo in self.filter_combos():
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.clear_button)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.first_month.currentIndexChanged.connect(self._months_chosen)
        self.last_month.currentIndexChanged.connect(self._months_chosen)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.team, self.owner, self.segment, self.tier, self.channel)

    def focus_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [
            self.period,
            self.first_month,
            self.last_month,
            *self.filter_combos(),
            self.clear_button,
        ]

    # -- what is chosen ----------------------------------------------------------------------

    def selection(self) -> Selection:
        """The months and filters the controls ask for."""
        key = self.period.currentData()
        choice = self._periods.get(key)
        if choice is None or choice.months is None:
            months = ordered(self.first_month.currentData(), self.last_month.currentData())
            period = describe_months(months)
        else:
            months, period = choice.months, choice.label
        return Selection(
            months=months,
            period=period,
            team=self.team.currentData(),
            owner_id=self.owner.currentData(),
            segment_id=self.segment.currentData(),
            tier=self.tier.currentData(),
            channel_id=self.channel.currentData(),
        )

    def choose_period(self, key: str) -> None:
        """Choose the period of ``key`` ("year", "q2", "custom"...) as the user would."""
        self.period.setCurrentIndex(self.period.findData(key))

    def choose_months(self, first: int, last: int) -> None:
        """Choose "Months…" from ``first`` to ``last`` as the user would (one signal)."""
        choose(self.period, CUSTOM)
        self._show_months(True)
        choose(self.first_month, first)
        choose(self.last_month, last)
        self._months_chosen()

    def clear(self) -> None:
        """Count every initiative again (the period stays): one :attr:`changed`."""
        for combo in self.filter_combos():
            choose(combo, None)
        self._emit()

    # -- choices ---------------------------------------------------------------------------

    def set_periods(self, choices: Sequence[PeriodChoice], months: Sequence[int]) -> None:
        """Offer these periods and, for "Months…", these months; the chosen period stays
        when still offered (the first otherwise), chosen months stay inside ``months``."""
        self._periods = {choice.key: choice for choice in choices}
        wanted = [(choice.label, choice.key) for choice in choices]
        # Refilled only when different: the usual edit leaves the choices as they were.
        if _entries(self.period) != wanted:
            refill(self.period, 0, wanted)
        labels = [(month_math.label(m), m) for m in months]
        if _entries(self.first_month) != labels:
            first, last = self.first_month.currentData(), self.last_month.currentData()
            refill(self.first_month, 0, labels)
            refill(self.last_month, 0, labels)
            if first is None or self.first_month.findData(first) < 0:
                choose(self.first_month, months[0])
            if last is None or self.last_month.findData(last) < 0:
                choose(self.last_month, months[-1])
        self._show_months(self.period.currentData() == CUSTOM)
        self._shown_months = self.selection().months

    def set_people(self, people: Sequence[Person]) -> None:
        """Offer these people in the owner filter, by name; inactive ones say so."""
        ordered_people = sorted(people, key=lambda p: p.name.casefold())
        refill(
            self.owner,
            2,
            [(p.name if p.active else f"{p.name} (inactive)", p.id) for p in ordered_people],
        )
        self._show_clear()

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Offer these segments in the segment filter, core first."""
        chosen = sorted(segments, key=lambda s: (_TIER_ORDER[s.tier], s.name.casefold()))
        refill(self.segment, 1, [(f"{s.name} ({s.tier.value})", s.id) for s in chosen])
        self._show_clear()

    def set_channels(self, channels: Sequence[Channel]) -> None:
        """Offer these channels in the channel filter, in the plan's order."""
        refill(self.channel, 1, channel_choices(channels))
        self._show_clear()

    # -- reactions -------------------------------------------------------------------------

    def _period_chosen(self) -> None:
        custom = self.period.currentData() == CUSTOM
        if custom and self._shown_months is not None:
            # "Months…" starts from the period shown until now.
            choose(self.first_month, self._shown_months[0])
            choose(self.last_month, self._shown_months[1])
        self._show_months(custom)
        self._emit()

    def _months_chosen(self) -> None:
        first, last = self.first_month.currentData(), self.last_month.currentData()
        if first is not None and last is not None and first > last:
            # Picked the wrong way round: show them in order, as they are counted.
            choose(self.first_month, last)
            choose(self.last_month, first)
        self._emit()

    def _show_months(self, shown: bool) -> None:
        for widget in (self.first_month, self.to_label, self.last_month):
            widget.setVisible(shown)

    def _show_clear(self) -> None:
        filtered = any(combo.currentData() is not None for combo in self.filter_combos())
        self.clear_button.setVisible(filtered)

    def _emit(self) -> None:
        selection = self.selection()
        self._shown_months = selection.months
        self.clear_button.setVisible(selection.filtered)
        self.changed.emit(selection)
