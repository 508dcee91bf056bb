"""The strike zone's headline in words: shares inside the zone and uncovered segments."""

from __future__ import annotations

from dataclasses import dataclass

from planner import Currency, Stage, Tier
from planner.analysis import StrikeZone
from planner.analysis.strike_zone import Coverage
from planner.checks.thresholds import MIN_ZONE_SHARE

NO_SHARE = "—"  # a share of nothing: the plan has no (live) budget or target yet


@dataclass(frozen=True, slots=True)
class ZoneFigures:
    budget_share: str
    budget_caption: str
    budget_detail: str
    budget_low: bool  # below the share the alignment checks ask of the company's stage
    target_share: str
    target_caption: str
    target_detail: str
    uncovered: str  # the core's sentence on which segments nothing aims at
    coverage: Coverage  # what that sentence says, for its icon


def share_text(share: float | None) -> str:
    """``83%``, or a dash when there is nothing to take a share of."""
    return NO_SHARE if share is None else f"{share:.0%}"


def zone_figures(zone: StrikeZone, currency: Currency, stage: Stage) -> ZoneFigures:
    """The words and numbers above the tables, for a company at ``stage``."""

    def detail(what: str, inside: int, total: int) -> str:
        if not total:
            return f"No {what} on live initiatives yet"
        return f"{currency.format_short(inside)} of {currency.format_short(total)}"

    floor = MIN_ZONE_SHARE[stage]
    budget_share = zone.budget_share_in_zone
    return ZoneFigures(
        budget_share=share_text(budget_share),
        budget_caption="of the budget aims inside the zone",
        budget_detail=(
            f"{detail('budget', zone.budget_by_tier[Tier.CORE], zone.total_budget)} · "
            f"{_article(stage.value)} {stage.value} company should aim for {floor:.0%} or more"
        ),
        budget_low=budget_share is not None and budget_share < floor,
        target_share=share_text(zone.target_share_in_zone),
        target_caption="of the revenue target aims inside the zone",
        target_detail=detail("revenue target", zone.target_by_tier[Tier.CORE], zone.total_target),
        uncovered=zone.coverage_statement(),
        coverage=zone.coverage,
    )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
