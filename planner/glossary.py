"""The glossary: what the plan's terms mean, in one place. The app's Help > Glossary and its
F1 help on a field both read it; the wording follows the product brief.

:func:`term_in` finds the term a caption or column header speaks of, so a field can be
explained from the words it already shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One entry: ``key`` (an anchor, stable), the term as written, and what it means."""

    key: str
    name: str
    definition: str
    # Other ways captions and headers write it ("MQLs", "Accountable"), matched as words.
    aliases: tuple[str, ...] = ()


GLOSSARY: tuple[Term, ...] = (
    Term(
        "lead",
        "Lead",
        "An inquiry: someone who raised a hand (filled in a form, came to the stand, replied). "
        "The top of the funnel; most leads are not ready to buy.",
        ("Leads", "inquiry", "inquiries"),
    ),
    Term(
        "mql",
        "MQL (marketing qualified lead)",
        "A lead marketing judges worth sales' time, by the quality bar both teams agreed. "
        "Published B2B ranges put 10-25 % of inquiries through to MQL.",
        ("MQL", "MQLs"),
    ),
    Term(
        "sal",
        "SAL (sales accepted lead)",
        "An MQL sales has looked at and accepted to work. The share accepted is the first test "
        "of the hand-off: 40-60 % of MQLs is a common range.",
        ("SAL", "SALs"),
    ),
    Term(
        "sql",
        "SQL (sales qualified lead)",
        "A lead sales has qualified as a real buyer (need, budget, timing). Typically 50-70 % "
        "of SALs; MQL to SQL runs at a median of about 13-15 % in B2B SaaS, far higher for "
        "demo requests than for content downloads.",
        ("SQL", "SQLs"),
    ),
    Term(
        "opportunity",
        "Opportunity",
        "A qualified deal in the sales pipeline, with an amount and a stage. SQL to won runs "
        "at 20-30 % in published B2B ranges.",
        ("Opportunities", "opp."),  # short rate titles: "SQL → opp.", "Opp. → won"
    ),
    Term(
        "pipeline",
        "Pipeline",
        "The value of the open opportunities: what could be won. Pipeline per dollar of "
        "spend is one of the returns the app shows.",
    ),
    Term(
        "strike_zone",
        "Strike zone",
        "The few customer segments the plan aims at on purpose. Each segment has a tier: core "
        "(in the zone), edge (adjacent, opportunistic) or outside. Pitch into the zone: most "
        "of the budget and the revenue target should aim at core segments, not spread thin.",
        ("core", "tier"),
    ),
    Term(
        "raci",
        "RACI",
        "Who does what on an initiative, marketing and sales on one grid: Accountable (the "
        "owner, exactly one), Responsible (does the work), Consulted (asked before), Informed "
        "(told after). Every initiative needs its owner and someone from sales on it.",
        ("Accountable", "Responsible", "Consulted", "Informed", "owner", "roles"),
    ),
    Term(
        "handoff",
        "Hand-off agreement (SLA)",
        "What marketing and sales promise each other: marketing delivers so many MQLs a "
        "month at an agreed quality bar; sales accepts a share of them and follows up within "
        "so many hours (24 hours is the common B2B standard, 4 for high-intent leads). "
        "Tracked against the actuals each month.",
        ("hand-off", "handoff", "SLA"),
    ),
    Term(
        "random_act",
        "Random act of marketing",
        "An initiative that fails the alignment checks: no revenue target, no accountable "
        "owner, no sales person on it, aimed at no segment or only outside the strike zone, a "
        "budget with no planned funnel, dates outside the plan, or a revenue target too small "
        "for its budget. The findings panel (F9) lists them.",
    ),
    Term(
        "romi",
        "ROMI (return on marketing investment)",
        "(Revenue won - spend) / spend. 1.0 means each dollar spent brought two back; below "
        "0 the initiative cost more than it won.",
        ("ROMI",),
    ),
    Term(
        "cac",
        "CAC (customer acquisition cost)",
        "What winning one customer costs. The app's marketing CAC is spend per deal won; "
        "marketing is about 30 % of the whole CAC at the median private SaaS company.",
        ("CAC",),
    ),
)

_BY_KEY = {term.key: term for term in GLOSSARY}


def term(key: str) -> Term:
    """The entry ``key``; ``KeyError`` for a key no entry has (a programming error)."""
    return _BY_KEY[key]


def _pattern(term: Term) -> re.Pattern[str]:
    words = sorted({term.key.replace("_", " "), term.name, *term.aliases}, key=len, reverse=True)
    # Abbreviations match in capitals only ("SAL", not "sales"); words in any case.
    parts = [re.escape(word) if word.isupper() else f"(?i:{re.escape(word)})" for word in words]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


_PATTERNS = [(term, _pattern(term)) for term in GLOSSARY]


def term_in(text: str) -> Term | None:
    """The term ``text`` (a caption, a column header) speaks of: the one named last, so a
    conversion rate such as "Lead → MQL" explains the stage it converts into; ``None``
    when it names none."""
    found = [
        (match.start(), term) for term, pattern in _PATTERNS for match in pattern.finditer(text)
    ]
    return max(found, key=lambda hit: hit[0])[1] if found else None
