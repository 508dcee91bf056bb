"""How the Waterfall page words the figures of :mod:`planner.analysis.waterfall`: each stage's
need, plan, actual and gaps as text (money in the plan's currency, counts with thousands
separators, "—" where there is no actual), which gaps fall short, and the groupings offered.

Plain functions, no Qt: the figures themselves come from :func:`~planner.analysis.waterfall.waterfall`
only; nothing here works one out.
"""

from __future__ import annotations

from enum import StrEnum

from planner import Currency, Metric
from planner.analysis import Dimension
from planner.analysis.rates import RateLevel, Rates
from planner.analysis.waterfall import StageGap, WaterfallRow
from planner.domain import STAGE_RATES

NO_DATA = "—"
MINUS = "-"


class GroupBy(StrEnum):
    """The groupings the page offers, in the order the lead reads them."""

    PLAN = "plan"
    TIER = "tier"
    SEGMENT = "segment"
    CHANNEL = "channel"
    OWNER = "owner"
    TEAM = "team"
    INITIATIVE = "initiative"

    @property
    def title(self) -> str:
        return self.value.capitalize()

    @property
    def dimension(self) -> Dimension:
        return Dimension.TOTAL if self is GroupBy.PLAN else Dimension(self.value)


# The five plan-wide rates, in funnel order, as the Plan settings page names them.
RATE_TITLES: dict[str, str] = dict(
    zip(
        STAGE_RATES,
        ("Lead → MQL", "MQL → SAL", "SAL → SQL", "SQL → opportunity", "Opportunity → won"),
        strict=True,
    )
)


def count_or_money(metric: Metric, value: int, currency: Currency) -> str:
    """A stage's figure: money in the plan's currency (whole units), a count with separators."""
    if metric.is_money:
        return currency.format(value, cents=False)
    return f"{value:,}"


def shown(metric: Metric, value: int | None, currency: Currency) -> str:
    """A figure, or "—" for none (no actual entered)."""
    return NO_DATA if value is None else count_or_money(metric, value, currency)


def gap_text(metric: Metric, gap: int | None, currency: Currency) -> str:
    """A gap with its sign: "+1,200", "-340", "-$12,000"; "0" when it meets the need
    exactly, "—" when there is no actual to compare."""
    if gap is None:
        return NO_DATA
    magnitude = count_or_money(metric, abs(gap), currency)
    if gap > 0:
        return f"+{magnitude}"
    return f"{MINUS}{magnitude}" if gap < 0 else magnitude


def short(gap: int | None) -> bool:
    """Whether a gap is a shortfall (below what the target needs)."""
    return gap is not None and gap < 0


def short_stages(row: WaterfallRow) -> list[StageGap]:
    """The stages whose plan falls short of what the target needs, in waterfall order."""
    return [stage for stage in row.stages if short(stage.planned_gap)]


def short_summary(row: WaterfallRow) -> str:
    """ "3 of 8", or "None" when the plan meets the need at every stage."""
    count = len(short_stages(row))
    return f"{count} of {len(row.stages)}" if count else "None"


def short_tip(row: WaterfallRow) -> str:
    stages = short_stages(row)
    if not stages:
        return "The plan meets what the target needs at every stage."
    return "Planned short of the need at: " + ", ".join(s.stage.title for s in stages)


def overrides_note(rates: Rates, by: GroupBy, key: object) -> str:
    """Where a channel's or an initiative's own rates win over the plan's, so a what-if on
    the plan's rates does not move them: for the chosen row, and how many do in all."""
    lines = []
    if by is GroupBy.INITIATIVE and isinstance(key, int):
        own = _levels(rates, key)
        for level, words in (
            (RateLevel.INITIATIVE, "its own"),
            (RateLevel.CHANNEL, "its channel's"),
        ):
            names = own.get(level, [])
            if names:
                lines.append(f"This initiative uses {words} {', '.join(names)}.")
    elif by is GroupBy.CHANNEL and isinstance(key, int) and key in rates.channels:
        names = [RATE_TITLES[name] for name in rates.channels[key].given]
        lines.append(f"This channel sets its own {', '.join(names)}.")
    channels, initiatives = len(rates.channels), len(rates.initiatives)
    if channels or initiatives:
        parts = [
            _counted(channels, "channel"),
            _counted(initiatives, "initiative"),
        ]
        who = " and ".join(part for part in parts if part)
        lines.append(
            f"{who} set rates of their own: those win over the plan's, so the what-if "
            "does not move them."
        )
    return "\n".join(lines)


def _levels(rates: Rates, initiative_id: int) -> dict[RateLevel, list[str]]:
    levels: dict[RateLevel, list[str]] = {}
    for name in STAGE_RATES:
        levels.setdefault(rates.level(initiative_id, name), []).append(RATE_TITLES[name])
    return levels


def _counted(count: int, noun: str) -> str:
    if not count:
        return ""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
