"""Checks of the plan as a whole: focus on the strike zone and the hand-off agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Dimension, handoff_by_month, strike_zone
from planner.checks.findings import Finding, Severity
from planner.checks.thresholds import MAX_CORE_SEGMENTS, MIN_ZONE_SHARE
from planner.domain import Metric, Tier

if TYPE_CHECKING:
    from planner.analysis import Analysis


def _months(months: list[int]) -> str:
    shown = ", ".join(month_math.label(m) for m in months[:4])
    return shown + (f" and {len(months) - 4} more" if len(months) > 4 else "")


def strike_zone_findings(analysis: Analysis) -> Iterator[Finding]:
    stage = analysis.plan.settings.get().stage
    zone = strike_zone(analysis)
    for segment in zone.uncovered:
        if segment.tier is Tier.CORE:
            yield Finding(
                Severity.WARNING,
                "uncovered_core_segment",
                f"No initiative aims at the core segment {segment.name!r}. Aim one at it, or move "
                "it out of the strike zone.",
                field="segments",
            )
    share = zone.budget_share_in_zone
    floor = MIN_ZONE_SHARE[stage]
    if share is not None and share < floor:
        yield Finding(
            Severity.WARNING,
            "spread_thin",
            f"Only {share:.0%} of the budget aims at core segments; a {stage.value} company should "
            f"put at least {floor:.0%} into its strike zone. Move budget to core segments.",
            field="segments",
        )
    core = sum(1 for item in zone.segments if item.segment.tier is Tier.CORE)
    if core > MAX_CORE_SEGMENTS[stage]:
        yield Finding(
            Severity.INFO,
            "too_many_core_segments",
            f"{core} core segments is a wide strike zone for a {stage.value} company. Pick the "
            f"{MAX_CORE_SEGMENTS[stage]} that matter most and move the rest to the edge.",
            field="tier",
        )


def handoff_findings(analysis: Analysis) -> Iterator[Finding]:
    plan = analysis.plan
    agreement = plan.handoff.get()
    if agreement.mqls_per_month == 0:
        yield Finding(
            Severity.INFO,
            "handoff_not_agreed",
            "Marketing has not committed a number of MQLs per month. Agree the hand-off with "
            "sales: MQLs per month, acceptance rate and follow-up time.",
            field="mqls_per_month",
        )
        return
    monthly = {row.key: row.totals for row in analysis.rollup(Dimension.MONTH)}
    planned = {month: totals.planned[Metric.MQL] for month, totals in monthly.items()}
    short = [m for m in plan.horizon.months() if planned.get(m, 0) < agreement.mqls_per_month]
    if short:
        yield Finding(
            Severity.WARNING,
            "plan_below_handoff",
            f"The plan's MQLs fall short of the {agreement.mqls_per_month:,} a month marketing "
            f"committed to sales in {_months(short)}. Plan more MQLs or revise the "
            "agreement.",
            field="mqls_per_month",
        )
    missed = [row.month for row in handoff_by_month(analysis, monthly=monthly) if row.met is False]
    if missed:
        yield Finding(
            Severity.WARNING,
            "handoff_missed",
            f"The hand-off agreement was missed in {_months(missed)}. Review it with sales: MQL "
            "volume, acceptance and follow-up time.",
            field="handoff",
        )
