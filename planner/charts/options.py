"""What every chart can be narrowed to: a range of months and a filter of initiatives."""

from __future__ import annotations

from dataclasses import dataclass

from planner.analysis.filters import Filter


@dataclass(frozen=True)
class ChartOptions:
    """``months``: first and last month (``YYYYMM``, inclusive), ``None`` for the whole plan;
    ``where``: which initiatives count; ``top``: how many initiatives a ranking shows at each
    end; ``dark``: colours for a dark background."""

    months: tuple[int, int] | None = None
    where: Filter | None = None
    top: int = 8
    dark: bool = False
