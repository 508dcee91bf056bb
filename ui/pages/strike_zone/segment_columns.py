"""The segments table: one row per segment with its tier and what the plan aims at it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner import Currency, Segment
from planner.analysis import StrikeZone
from ui.pages.strike_zone.tiers import TIER_ORDER, TIER_TITLES
from ui.tables.rows_model import Column


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """A segment with the live initiatives, budget and revenue target aimed at it."""

    segment: Segment
    initiatives: int
    budget: int
    revenue_target: int
    budget_share: float | None  # of the plan's live budget; None when the plan has none
    target_share: float | None

    @property
    def id(self) -> int:
        return self.segment.id


def segment_rows(zone: StrikeZone) -> list[SegmentRow]:
    """Rows for the table, in the core's order (tier, then name)."""
    return [
        SegmentRow(
            segment=item.segment,
            initiatives=item.initiatives,
            budget=item.budget,
            revenue_target=item.revenue_target,
            budget_share=item.budget / zone.total_budget if zone.total_budget else None,
            target_share=item.revenue_target / zone.total_target if zone.total_target else None,
        )
        for item in zone.segments
    ]


def _share(share: float | None, of: str) -> str | None:
    return None if share is None else f"{share:.0%} of the plan's {of} (live initiatives)"


def segment_columns(currency: Callable[[], Currency]) -> list[Column[SegmentRow]]:
    """The columns; ``currency`` is asked each time, so a currency change shows at once."""
    return [
        Column(
            "name",
            "Segment",
            show=lambda r: r.segment.name,
            edit=lambda r: r.segment.name,
            sort=lambda r: r.segment.name.casefold(),
        ),
        Column(
            "tier",
            "Tier",
            show=lambda r: TIER_TITLES[r.segment.tier],
            edit=lambda r: r.segment.tier.value,
            sort=lambda r: TIER_ORDER[r.segment.tier],
            header_tip="Core segments are the strike zone: most budget and target should aim there",
        ),
        Column(
            "initiatives",
            "Initiatives",
            show=lambda r: str(r.initiatives),
            sort=lambda r: r.initiatives,
            numeric=True,
            header_tip="Live initiatives aimed at the segment (dropped ones do not count)",
        ),
        Column(
            "budget",
            "Budget",
            show=lambda r: currency().format(r.budget, cents=False),
            sort=lambda r: r.budget,
            tip=lambda r: _share(r.budget_share, "budget"),
            numeric=True,
            header_tip="Budget of the initiatives aimed at it, split evenly between their segments",
        ),
        Column(
            "revenue_target",
            "Revenue target",
            show=lambda r: currency().format(r.revenue_target, cents=False),
            sort=lambda r: r.revenue_target,
            tip=lambda r: _share(r.target_share, "revenue target"),
            numeric=True,
            header_tip="Revenue target of the initiatives aimed at it, split evenly between "
            "their segments",
        ),
        Column(
            "notes",
            "Notes",
            show=lambda r: r.segment.notes,
            edit=lambda r: r.segment.notes,
            tip=lambda r: r.segment.notes or None,
        ),
    ]
