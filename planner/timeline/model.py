"""What the timeline shows: initiatives as bars across the plan's months, in swimlanes, with
fiscal quarter and year bands and the lines for today and the last closed month.

Plain immutable records built by :func:`planner.timeline.build_timeline`, the one place that
groups, orders and judges the bars: the Timeline page, the workbook's Timeline sheet and the
``timeline`` chart all draw these and re-derive nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.domain import Status, Tier
from planner.months import Month


class Grouping(StrEnum):
    """What the swimlanes are: the lead's choice."""

    CHANNEL = "channel"
    OWNER = "owner"
    TEAM = "team"
    TIER = "tier"
    STATUS = "status"

    @property
    def label(self) -> str:
        return _GROUPING_LABELS[self]


_GROUPING_LABELS = {
    Grouping.CHANNEL: "Channel",
    Grouping.OWNER: "Owner",
    Grouping.TEAM: "Team",
    Grouping.TIER: "Strike-zone tier",
    Grouping.STATUS: "Status",
}


@dataclass(frozen=True)
class Bar:
    """One initiative on the timeline. Money is in minor units of the plan's currency."""

    initiative_id: int
    name: str
    start_month: Month
    end_month: Month
    status: Status
    owner: str | None  # the Accountable person's name; None: no owner
    channel: str
    tier: Tier | None  # the best strike-zone tier it aims at; None: no segment
    findings: tuple[str, ...]  # the checks' findings about it, a short title each
    budget: int
    revenue_target: int
    # Revenue won to date over revenue won planned to date, as the Dashboard and the workbook
    # count it; None when nothing is planned or nothing is in yet.
    attainment: float | None
    baseline_start: Month | None = None  # its dates in the baseline (None: not in it, or no
    baseline_end: Month | None = None  # baseline chosen)


@dataclass(frozen=True)
class Lane:
    key: str  # stable id of the group: "channel:3", "owner:none", "status:active"
    title: str  # text from the plan: show it as plain text
    bars: tuple[Bar, ...]  # by start, then end, then name


@dataclass(frozen=True)
class Band:
    """A fiscal quarter or year, clipped to the plan's months."""

    label: str
    first: Month
    last: Month


@dataclass(frozen=True)
class Timeline:
    months: tuple[Month, ...]  # the plan's horizon
    quarters: tuple[Band, ...]
    years: tuple[Band, ...]
    today: Month | None  # None when today is outside the horizon
    # The last closed month: the latest holding actuals, which "to date" runs through and
    # whose planned values a move may not change; None before any actual.
    closed_through: Month | None
    grouping: Grouping
    lanes: tuple[Lane, ...]  # empty lanes left out
    baseline_name: str | None = None  # the version the ghost bars show the dates of

    @property
    def bars(self) -> tuple[Bar, ...]:
        """Every bar, lane by lane."""
        return tuple(bar for lane in self.lanes for bar in lane.bars)
