"""How the stage conversion rates read on every surface: their short titles, a rate as a
percentage, and where a rate in use comes from ("20% from the channel").

One wording for the settings page, the initiative's detail, a version comparison and the
workbook, so a rate reads the same wherever it is shown.
"""

from __future__ import annotations

from planner.analysis.rates import RateLevel, Rates
from planner.assumptions import MQL_TO_SQL_BY_SOURCE
from planner.domain import STAGE_RATES

# The five stage rates, in funnel order, as a column or a field is titled.
RATE_TITLES: dict[str, str] = dict(
    zip(
        STAGE_RATES,
        ("Lead → MQL", "MQL → SAL", "SAL → SQL", "SQL → opportunity", "Opportunity → won"),
        strict=True,
    )
)

# The published MQL-to-SQL medians by lead source, for picking a channel's or an initiative's
# MQL → SAL and SAL → SQL (MQL to SQL spans both).
BY_SOURCE = "MQL → SQL by lead source (published medians): " + ", ".join(
    f"{source.lower()} {round(rate * 100):g}%" for source, rate in MQL_TO_SQL_BY_SOURCE.items()
)
BY_SOURCE_RATES = ("mql_to_sal", "sal_to_sql")

# Where an initiative's rate comes from, as the words after its value.
LEVEL_WORDS: dict[RateLevel, str] = {
    RateLevel.INITIATIVE: "its own",
    RateLevel.CHANNEL: "from the channel",
    RateLevel.PLAN: "from the plan",
}


def percent_text(rate: float | None, empty: str = "") -> str:
    """A rate (a fraction) as people write it: ``0.15`` is "15%", ``0.125`` "12.5%";
    ``None`` (not set) is ``empty``."""
    if rate is None:
        return empty
    return f"{round(rate * 100, 2):g}%"


def typed_percent(text: str) -> str | None:
    """What a person typed in a percentage field, for the core to check: blank is ``None``
    (not set), a bare number is a percentage ("45" is "45%"); anything else goes to the
    core as typed, which refuses it naming the field."""
    typed = text.strip()
    if not typed:
        return None
    if typed.endswith("%") or not any(c.isdigit() for c in typed):
        return typed
    return f"{typed}%"


def inherited_text(rate: float, level: RateLevel) -> str:
    """The rate an override would replace, and where it comes from: "20% from the
    channel"."""
    return f"{percent_text(rate)} {LEVEL_WORDS[level]}"


def where_from(rates: Rates, initiative_id: int) -> str:
    """Where an initiative's rates come from, in a line: "the plan", or "Lead → MQL its
    own; MQL → SAL, SAL → SQL from the channel; the rest from the plan"."""
    by_level: dict[RateLevel, list[str]] = {}
    for rate in STAGE_RATES:
        by_level.setdefault(rates.level(initiative_id, rate), []).append(RATE_TITLES[rate])
    if set(by_level) == {RateLevel.PLAN}:
        return "the plan"
    parts = [
        f"{', '.join(by_level[level])} {LEVEL_WORDS[level]}"
        for level in (RateLevel.INITIATIVE, RateLevel.CHANNEL)
        if level in by_level
    ]
    if RateLevel.PLAN in by_level:
        parts.append(f"the rest {LEVEL_WORDS[RateLevel.PLAN]}")
    return "; ".join(parts)
