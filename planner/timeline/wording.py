"""How a move reads in the Edit menu: "move 'Webinar series' to Apr-Jun 2026"."""

from __future__ import annotations

from planner import months as month_math
from planner.months import Month


def describe_move(name: str, start: Month, end: Month) -> str:
    """``move 'Webinar series' to Apr-Jun 2026``; one month reads ``to Apr 2026``, a span
    across years ``to Nov 2026-Feb 2027`` (the undo's text is "Undo " and this)."""
    return f"move '{name}' to {months_span(start, end)}"


def months_span(start: Month, end: Month) -> str:
    """``Apr-Jun 2026``, ``Apr 2026``, ``Nov 2026-Feb 2027``."""
    if start == end:
        return month_math.label(start)
    if start // 100 == end // 100:
        return f"{month_math.label(start).split()[0]}-{month_math.label(end)}"
    return f"{month_math.label(start)}-{month_math.label(end)}"
