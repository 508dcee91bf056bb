"""The strike-zone page: segments, their tier, coverage by initiatives and the zone's share."""

from ui.pages.strike_zone.page import StrikeZonePage

__all__ = ["StrikeZonePage"]
