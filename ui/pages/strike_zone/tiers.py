"""How the strike-zone tiers read on screen: their titles, their order and their tint."""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner import Tier

TIER_TITLES: dict[Tier, str] = {
    Tier.CORE: "Core (in the zone)",
    Tier.EDGE: "Edge",
    Tier.OUTSIDE: "Outside",
}
TIER_SHORT: dict[Tier, str] = {Tier.CORE: "Core", Tier.EDGE: "Edge", Tier.OUTSIDE: "Outside"}
TIER_ORDER: dict[Tier, int] = {tier: n for n, tier in enumerate(Tier)}  # core, edge, outside

# (label, value) pairs for a ChoiceDelegate: the stored value is the tier's own value.
TIER_CHOICES: list[tuple[str, str]] = [(title, tier.value) for tier, title in TIER_TITLES.items()]

# Green for the zone, amber for the edge, grey outside. Used with transparency so the same
# colour tints a light or a dark background without hiding the text on it.
_TIER_COLOURS: dict[Tier, tuple[int, int, int]] = {
    Tier.CORE: (46, 160, 90),
    Tier.EDGE: (222, 150, 20),
    Tier.OUTSIDE: (128, 134, 145),
}


def tier_tint(tier: Tier, alpha: int) -> QColor:
    """The tier's colour with ``alpha`` (0-255) opacity."""
    red, green, blue = _TIER_COLOURS[tier]
    return QColor(red, green, blue, alpha)
