"""What a clicked bar or point stands for: its key ("month:202603", "owner:5", "tier:core",
"segment:3", "channel:4", "team:Sales", "initiative:7", "stage:mql") in words, and the
initiatives behind it within the dashboard's months and filter. Plain functions, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import Metric, PlanError
from planner import months as month_math
from planner.analysis import Dimension
from planner.domain import Channel, Initiative, Person, Segment

from .selection import NO_OWNER, Selection

if TYPE_CHECKING:
    from planner import Plan
    from planner.analysis import Analysis

# The Initiatives page's segment filter "No segment" (its NOWHERE; kept apart so this
# module stays free of Qt, and tested equal).
NO_SEGMENT = -1
NONE = "none"  # the key's value for "no owner", "no team", "no segment"


@dataclass(frozen=True, slots=True)
class DrillDown:
    """The initiatives to list, and the Initiatives page's filters that say why."""

    title: str
    initiative_ids: frozenset[int]
    channel_id: int | None = None
    owner_id: int | None = None  # NO_OWNER: initiatives without one
    segment_id: int | None = None  # NO_SEGMENT: initiatives aimed at none
    tier: str | None = None


def split_key(key: str) -> tuple[str, str]:
    kind, _, value = key.partition(":")
    return kind, value


def stage_metric(value: str) -> Metric | None:
    try:
        return Metric(value)
    except ValueError:
        return Metric.DEALS_WON if value == "won" else None


class KeyNames:
    """Names of what keys stand for, read from the plan once and kept until :meth:`forget`
    (hovering asks on every mouse move)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._people: dict[int, Person] | None = None
        self._segments: dict[int, Segment] | None = None
        self._channels: dict[int, Channel] | None = None
        self._initiatives: dict[int, Initiative] | None = None

    def forget(self) -> None:
        self._people = self._segments = self._channels = self._initiatives = None

    @property
    def people(self) -> dict[int, Person]:
        if self._people is None:
            self._people = {p.id: p for p in self.plan.people.list()}
        return self._people

    @property
    def segments(self) -> dict[int, Segment]:
        if self._segments is None:
            self._segments = {s.id: s for s in self.plan.segments.list()}
        return self._segments

    @property
    def channels(self) -> dict[int, Channel]:
        if self._channels is None:
            self._channels = {c.id: c for c in self.plan.channels.list()}
        return self._channels

    @property
    def initiatives(self) -> dict[int, Initiative]:
        if self._initiatives is None:
            self._initiatives = {i.id: i for i in self.plan.initiatives.list()}
        return self._initiatives

    def describe(self, key: str) -> str:
        """``month:202603`` -> "Mar 2026", ``owner:5`` -> "Ann Lee", ``tier:core`` -> "Core
        segments"; the key itself for one it does not know."""
        kind, value = split_key(key)
        try:
            return self._describe(kind, value) or key
        except (ValueError, KeyError, PlanError):
            return key

    def _describe(self, kind: str, value: str) -> str | None:
        if kind == "month":
            return month_math.label(int(value))
        if kind == "owner":
            return "No owner" if value == NONE else self.people[int(value)].name
        if kind == "team":
            return "No owner's team" if value == NONE else f"{value} team"
        if kind == "tier":
            return "Aimed at no segment" if value == NONE else f"{value.capitalize()} segments"
        if kind == "segment":
            return "Aimed at no segment" if value == NONE else self.segments[int(value)].name
        if kind == "channel":
            return f"{self.channels[int(value)].name} channel"
        if kind == "initiative":
            return self.initiatives[int(value)].name
        if kind == "stage":
            metric = stage_metric(value)
            return metric.title if metric is not None else None
        return None


def drill_down(analysis: Analysis, key: str, selection: Selection) -> DrillDown | None:
    """The initiatives behind ``key`` among those the dashboard shows (its filter, and
    running at some point in its months); ``None`` for a key it cannot open."""
    names = KeyNames(analysis.plan)
    kind, value = split_key(key)
    first, last = selection.months
    shown = [
        i
        for i in names.initiatives.values()
        if i.start_month <= last and i.end_month >= first and matches(i, selection, names)
    ]
    carried = {
        "channel_id": selection.channel_id,
        "owner_id": selection.owner_id,
        "segment_id": selection.segment_id,
        "tier": selection.tier,
    }
    what = names.describe(key)
    try:
        found = _drill(analysis, kind, value, shown, selection, names)
    except (ValueError, KeyError):
        return None
    if found is None:
        return None
    ids, title, narrowed = found
    return DrillDown(
        title=f"{title or what} · {selection.period}",
        initiative_ids=frozenset(ids),
        **{**carried, **narrowed},
    )


def _drill(
    analysis: Analysis,
    kind: str,
    value: str,
    shown: list[Initiative],
    selection: Selection,
    names: KeyNames,
) -> tuple[Iterable[int], str, dict[str, object]] | None:
    """(ids, title, filters of the Initiatives page) for one kind of key."""
    if kind == "month":
        month = int(value)
        ids = [i.id for i in shown if i.start_month <= month <= i.end_month]
        return ids, f"Running in {month_math.label(month)}", {}
    if kind == "owner":
        owner = None if value == NONE else int(value)
        ids = [i.id for i in shown if i.owner_id == owner]
        title = "Without an owner" if owner is None else f"Owned by {names.people[owner].name}"
        return ids, title, {"owner_id": NO_OWNER if owner is None else owner}
    if kind == "team":
        team = None if value == NONE else value
        ids = [i.id for i in shown if _team(i, names) == team]
        return ids, "Without an owner" if team is None else f"Owned by the {team} team", {}
    if kind == "tier":
        if value == NONE:
            ids = [i.id for i in shown if not i.segment_ids]
            return ids, "Aimed at no segment", {"segment_id": NO_SEGMENT, "tier": None}
        ids = [i.id for i in shown if value in _tiers(i, names)]
        return ids, f"Aimed at {value} segments", {"tier": value}
    if kind == "segment":
        if value == NONE:
            ids = [i.id for i in shown if not i.segment_ids]
            return ids, "Aimed at no segment", {"segment_id": NO_SEGMENT}
        segment = int(value)
        ids = [i.id for i in shown if segment in i.segment_ids]
        return ids, f"Aimed at {names.segments[segment].name}", {"segment_id": segment}
    if kind == "channel":
        channel = int(value)
        ids = [i.id for i in shown if i.channel_id == channel]
        return ids, f"{names.channels[channel].name} channel", {"channel_id": channel}
    if kind == "initiative":
        initiative = int(value)
        return [initiative], names.initiatives[initiative].name, {}
    if kind == "stage":
        metric = stage_metric(value)
        if metric is None:
            return None
        rows = analysis.rollup(Dimension.INITIATIVE, months=selection.months, where=selection.where)
        ids = [row.key for row in rows if row.totals.planned[metric] or row.totals.actual[metric]]
        return [i for i in ids if isinstance(i, int)], f"Contributing {metric.title}", {}
    return None


def _team(initiative: Initiative, names: KeyNames) -> str | None:
    owner = names.people.get(initiative.owner_id) if initiative.owner_id is not None else None
    return None if owner is None else owner.team.value


def _tiers(initiative: Initiative, names: KeyNames) -> set[str]:
    return {names.segments[s].tier.value for s in initiative.segment_ids if s in names.segments}


def matches(initiative: Initiative, selection: Selection, names: KeyNames) -> bool:
    """Whether the dashboard's filter keeps ``initiative`` (the rules of
    :class:`planner.analysis.Filter`, applied to records the plan has already given)."""
    if selection.channel_id is not None and initiative.channel_id != selection.channel_id:
        return False
    if selection.owner_id is not None:
        wanted = None if selection.owner_id == NO_OWNER else selection.owner_id
        if initiative.owner_id != wanted:
            return False
    if selection.team is not None and _team(initiative, names) != selection.team:
        return False
    if selection.segment_id is not None and selection.segment_id not in initiative.segment_ids:
        return False
    return selection.tier is None or selection.tier in _tiers(initiative, names)
