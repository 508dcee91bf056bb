"""The strike zone: how much of the budget and revenue target aims at core segments, and which
segments nothing aims at. Dropped initiatives do not count. Budgets and targets of initiatives
aimed at several segments are allocated as in :mod:`planner.analysis.engine`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.domain import Segment, Tier

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis


class Coverage(StrEnum):
    """Whether the plan's live initiatives aim at its segments: the strike zone's news."""

    NO_SEGMENTS = "no_segments"  # nothing to aim at yet
    NO_CORE = "no_core"  # segments, but none of them in the zone
    CORE_UNCOVERED = "core_uncovered"  # a core segment nothing aims at
    OTHERS_UNCOVERED = "others_uncovered"  # every core segment aimed at; an edge or outside one not
    ALL_COVERED = "all_covered"


@dataclass(frozen=True, slots=True)
class SegmentCoverage:
    segment: Segment
    initiatives: int
    budget: int
    revenue_target: int


@dataclass(frozen=True, slots=True)
class StrikeZone:
    total_budget: int
    total_target: int
    budget_by_tier: dict[Tier | None, int]
    target_by_tier: dict[Tier | None, int]
    segments: list[SegmentCoverage]

    @property
    def budget_share_in_zone(self) -> float | None:
        return self.budget_by_tier[Tier.CORE] / self.total_budget if self.total_budget else None

    @property
    def target_share_in_zone(self) -> float | None:
        return self.target_by_tier[Tier.CORE] / self.total_target if self.total_target else None

    @property
    def uncovered(self) -> list[Segment]:
        """Segments no (live) initiative is aimed at."""
        return [c.segment for c in self.segments if c.initiatives == 0]

    @property
    def coverage(self) -> Coverage:
        """Whether every segment, and above all every core one, has a live initiative."""
        if not self.segments:
            return Coverage.NO_SEGMENTS
        if not any(c.segment.tier is Tier.CORE for c in self.segments):
            return Coverage.NO_CORE
        uncovered = self.uncovered
        if any(s.tier is Tier.CORE for s in uncovered):
            return Coverage.CORE_UNCOVERED
        return Coverage.OTHERS_UNCOVERED if uncovered else Coverage.ALL_COVERED

    def coverage_statement(self) -> str:
        """The coverage in one sentence, naming the segments nothing aims at (core first)."""
        tiers = list(Tier)
        uncovered = sorted(self.uncovered, key=lambda s: tiers.index(s.tier))  # stable
        names = ", ".join(f"{s.name} ({s.tier.value})" for s in uncovered)
        return {
            Coverage.NO_SEGMENTS: "No segments yet: add the segments you sell to",
            Coverage.NO_CORE: ("No segment is core yet: put the few you focus on in the core tier"),
            Coverage.CORE_UNCOVERED: f"Nothing aims at {names}",
            Coverage.OTHERS_UNCOVERED: (
                f"Every core segment has a live initiative; nothing aims at {names}"
            ),
            Coverage.ALL_COVERED: "Every segment has a live initiative aimed at it",
        }[self.coverage]


_LIVE = "i.status != 'dropped'"
_SHARE = "(i.{c} / a.n + (a.rn <= i.{c} % a.n))"
_BY_SEGMENT = f"""
WITH aims AS (
    SELECT a.initiative_id, a.segment_id,
           ROW_NUMBER() OVER (PARTITION BY a.initiative_id ORDER BY a.segment_id) AS rn,
           COUNT(*) OVER (PARTITION BY a.initiative_id) AS n
    FROM initiative_segments a JOIN initiatives i ON i.id = a.initiative_id WHERE {_LIVE}
)
SELECT s.id, count(i.id), coalesce(SUM({_SHARE.format(c="budget")}), 0),
       coalesce(SUM({_SHARE.format(c="revenue_target")}), 0)
FROM segments s
LEFT JOIN aims a ON a.segment_id = s.id
LEFT JOIN initiatives i ON i.id = a.initiative_id
GROUP BY s.id
"""


def strike_zone(analysis: Analysis) -> StrikeZone:
    plan = analysis.plan
    segments = plan.segments.list()
    rows = {row[0]: row[1:] for row in plan.query(_BY_SEGMENT)}
    coverage = [SegmentCoverage(s, *rows[s.id]) for s in segments]
    unaimed_budget, unaimed_target = plan.query(
        f"SELECT coalesce(SUM(budget), 0), coalesce(SUM(revenue_target), 0) FROM initiatives i "
        f"WHERE {_LIVE} AND NOT EXISTS "
        "(SELECT 1 FROM initiative_segments a WHERE a.initiative_id = i.id)"
    )[0]
    budget_by_tier: dict[Tier | None, int] = {tier: 0 for tier in Tier}
    target_by_tier: dict[Tier | None, int] = {tier: 0 for tier in Tier}
    for item in coverage:
        budget_by_tier[item.segment.tier] += item.budget
        target_by_tier[item.segment.tier] += item.revenue_target
    budget_by_tier[None] = unaimed_budget
    target_by_tier[None] = unaimed_target
    return StrikeZone(
        total_budget=sum(budget_by_tier.values()),
        total_target=sum(target_by_tier.values()),
        budget_by_tier=budget_by_tier,
        target_by_tier=target_by_tier,
        segments=coverage,
    )
