"""The Strike zone sheet: each segment's tier, what is aimed at it (budget and revenue target,
and their shares), which segments nothing covers, and the same by tier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import Status, Tier
from planner.workbook.export.cells import Styled
from planner.workbook.export.sheet_setup import Grid, define_name, headers_over, write_grid

if TYPE_CHECKING:
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import ExportFacts
    from planner.workbook.export.styles import Styles

TITLE = "Strike zone"
RANGE_NAME = "Strike_Zone_Data"
TIER_RANGE_NAME = "Strike_Zone_Tiers"
HEADER_ROW = 4
NO_SEGMENT = "(aimed at no segment)"
TIER_LABELS = {Tier.CORE: "Core", Tier.EDGE: "Edge", Tier.OUTSIDE: "Outside", None: NO_SEGMENT}
# How each column's values look, for its header's alignment.
COLUMN_LOOKS = tuple(
    Styled(None, style)
    for style in ("wrap", "text", "count", "money", "percent", "money", "percent", "good", "wrap")
)


def write(ctx: ExportContext) -> None:
    """Add the Strike zone sheet."""
    facts, styles = ctx.facts, ctx.styles
    zone = facts.strike_zone
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("Strike zone: where the budget and the revenue target aim", "title"))
    grid.line(
        Styled(
            f"Live (not dropped) initiatives; money in {facts.currency.code}. An initiative aimed "
            "at several segments is shared equally among them. Shares are of the whole plan.",
            "subtitle",
        )
    )
    grid.blank()
    headers = (
        "Segment",
        "Tier",
        "Initiatives",
        "Budget",
        "Share of budget",
        "Revenue target",
        "Share of target",
        "Covered",
        "Notes",
    )
    rows = [
        [
            Styled(item.segment.name, "wrap"),
            Styled(item.segment.tier.value.capitalize(), "text"),
            Styled(item.initiatives, "count"),
            *_money_and_share(item.budget, zone.total_budget, styles, total=False),
            *_money_and_share(item.revenue_target, zone.total_target, styles, total=False),
            Styled("Yes", "good") if item.initiatives else Styled("No", "bad"),
            Styled(item.segment.notes, "wrap") if item.segment.notes else None,
        ]
        for item in zone.segments
    ]
    grid.add(*headers_over(headers, COLUMN_LOOKS, styles))
    for row in rows:
        grid.add(*row)
    grid.add(
        NO_SEGMENT,
        None,
        Styled(_unaimed(facts), "count"),
        *_money_and_share(zone.budget_by_tier[None], zone.total_budget, styles, total=False),
        *_money_and_share(zone.target_by_tier[None], zone.total_target, styles, total=False),
    )
    last_row = grid.add(
        Styled("Total", "total_label"),
        Styled(None, "total_label"),
        Styled(None, "total_label"),
        *_money_and_share(zone.total_budget, zone.total_budget, styles, total=True),
        *_money_and_share(zone.total_target, zone.total_target, styles, total=True),
    )
    grid.blank()
    tier_header = grid.add(
        *headers_over(
            ("Tier", None, None, "Budget", "Share of budget", "Revenue target", "Share of target"),
            COLUMN_LOOKS,
            styles,
        )
    )
    for tier, label in TIER_LABELS.items():
        grid.add(
            label,
            None,
            None,
            *_money_and_share(zone.budget_by_tier[tier], zone.total_budget, styles, total=False),
            *_money_and_share(zone.target_by_tier[tier], zone.total_target, styles, total=False),
        )
    tier_last = grid.next_row - 1
    grid.blank()
    grid.add(Styled("In the zone", "section"))
    grid.add(
        Styled("Budget on core segments", "label"),
        None,
        None,
        Styled(zone.budget_share_in_zone, "percent"),
    )
    grid.add(
        Styled("Revenue target on core segments", "label"),
        None,
        None,
        Styled(zone.target_share_in_zone, "percent"),
    )
    # Said as the Strike zone page says it (one sentence from the core).
    grid.line(Styled(zone.coverage_statement(), "subtitle"))

    write_grid(
        ctx,
        ws,
        grid,
        freeze=f"A{HEADER_ROW + 1}",
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        title_columns=1,
        caps={1: 28.0, len(headers): 32.0},
    )
    define_name(ctx.wb, RANGE_NAME, ws, 1, HEADER_ROW, len(headers), last_row)
    define_name(ctx.wb, TIER_RANGE_NAME, ws, 1, tier_header, 7, tier_last)


def _money_and_share(
    amount: int, whole: int, styles: Styles, *, total: bool
) -> tuple[Styled, Styled]:
    prefix = "total_" if total else ""
    share = amount / whole if whole else None
    return Styled(styles.money(amount), f"{prefix}money"), Styled(share, f"{prefix}percent")


def _unaimed(facts: ExportFacts) -> int:
    return sum(
        1
        for initiative in facts.initiatives
        if initiative.status is not Status.DROPPED and not initiative.segment_ids
    )
