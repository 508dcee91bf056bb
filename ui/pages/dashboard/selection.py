"""What the dashboard is narrowed to: a month range and at most one team, owner, segment,
tier and channel. A plain record, turned into the core's Filter and the charts' options, so
the headline figures, every chart and every drill-down see the same initiatives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import Team, Tier
from planner.analysis import Filter
from planner.charts.options import ChartOptions

if TYPE_CHECKING:
    from planner.versions.baseline import Baseline

NO_OWNER = -1  # the owner filter's "No owner" (the Initiatives page's NOBODY)


@dataclass(frozen=True, slots=True)
class Selection:
    """``months``: first and last (inclusive); ``period``: how they read ("Q2 2026");
    the rest ``None`` for "all"."""

    months: tuple[int, int]
    period: str
    team: str | None = None  # a Team value
    owner_id: int | None = None  # NO_OWNER: initiatives without an Accountable owner
    segment_id: int | None = None
    tier: str | None = None  # a Tier value
    channel_id: int | None = None

    def _owner(self) -> int | None:
        return None if self.owner_id == NO_OWNER else self.owner_id

    @property
    def filtered(self) -> bool:
        """Whether any of team, owner, segment, tier or channel narrows the initiatives."""
        return any(
            value is not None
            for value in (self.team, self.owner_id, self.segment_id, self.tier, self.channel_id)
        )

    @property
    def where(self) -> Filter | None:
        """The core's filter for the chosen team, owner, segment, tier and channel."""
        if not self.filtered:
            return None
        return Filter(
            teams=() if self.team is None else (Team(self.team),),
            owner_ids=() if self.owner_id is None else (self._owner(),),
            segment_ids=() if self.segment_id is None else (self.segment_id,),
            tiers=() if self.tier is None else (Tier(self.tier),),
            channel_ids=() if self.channel_id is None else (self.channel_id,),
        )

    def options(self, *, dark: bool, baseline: Baseline | None = None) -> ChartOptions:
        """What every chart is given: these months and this filter, in the window's scheme,
        with the ``baseline`` compared with."""
        return ChartOptions(months=self.months, where=self.where, dark=dark, baseline=baseline)
