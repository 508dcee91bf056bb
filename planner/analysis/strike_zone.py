"""The strike zone: how much of the budget and revenue target aims at core segments, and which
segments nothing aims at. Dropped initiatives do not count. Budgets and targets of initiatives
aimed at several segments are allocated as the roll-ups allocate monthly values
(:func:`planner.analysis.sums.shared`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from planner.analysis.sums import aims_by_initiative, shared
from planner.domain import Segment, Tier

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.plan import Plan


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


_LIVE = "SELECT id, budget, revenue_target FROM initiatives WHERE status != 'dropped'"


def strike_zone(analysis: Analysis) -> StrikeZone:
    plan = analysis.plan
    return zone_of(plan.segments.list(), aims_by_initiative(plan), live_initiatives(plan))


def live_initiatives(plan: Plan) -> list[tuple[int, int, int]]:
    """``(id, budget, revenue target)`` of every initiative not dropped."""
    return plan.query(_LIVE)


def zone_of(
    segments: list[Segment],
    aims: Mapping[int, list[tuple[int, str]]],
    live: Iterable[tuple[int, int, int]],
) -> StrikeZone:
    """The strike zone of ``segments``, the ``aims`` of each initiative (see
    :func:`~planner.analysis.sums.aims_by_initiative`) and the ``live`` initiatives (see
    :func:`live_initiatives`): plain values in, so it can be worked out on any thread."""
    sums = {s.id: (0, 0, 0) for s in segments}  # initiatives, budget, revenue target
    unaimed_budget = unaimed_target = 0
    for initiative, budget, target in live:
        aimed = aims.get(initiative)
        if not aimed:
            unaimed_budget += budget
            unaimed_target += target
            continue
        for (segment, _tier), (part, aim) in zip(
            aimed, shared((budget, target), len(aimed)), strict=True
        ):
            count, budgets, targets = sums[segment]
            sums[segment] = (count + 1, budgets + part, targets + aim)  # type: ignore[operator]
    coverage = [SegmentCoverage(s, *sums[s.id]) for s in segments]
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
