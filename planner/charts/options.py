"""What every chart can be narrowed to: a range of months and a filter of initiatives, and
a baseline to draw beside the plan; and how the timeline groups its lanes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.filters import Filter

if TYPE_CHECKING:
    from planner.charts.returns import ReturnsChoice
    from planner.domain import Metric
    from planner.timeline import Grouping
    from planner.versions.baseline import Baseline


@dataclass(frozen=True)
class ChartOptions:
    """``months``: first and last month (``YYYYMM``, inclusive), ``None`` for the whole plan;
    ``where``: which initiatives count; ``top``: how many initiatives a ranking shows at each
    end; ``dark``: colours for a dark background; ``baseline``: another version of the plan
    whose plan the revenue and budget charts draw beside this one's (over the same filter),
    and whose dates the timeline draws behind its bars; ``grouping``: the timeline's lanes
    (``None``: by channel); ``returns``: the returns chart's figure and grouping (``None``:
    ROMI by channel)."""

    months: tuple[int, int] | None = None
    where: Filter | None = None
    top: int = 8
    dark: bool = False
    baseline: Baseline | None = None
    grouping: Grouping | None = None
    returns: ReturnsChoice | None = None

    def baseline_planned(self, metric: Metric, months: Sequence[int]) -> tuple[int, ...]:
        """The baseline's planned ``metric`` in each of ``months``, over :attr:`where`;
        empty without a baseline. Read once per filter (see :class:`Baseline`), so an edit
        of the plan costs nothing more for it."""
        if self.baseline is None:
            return ()
        planned = self.baseline.figures(self.where).planned_by_month[metric]
        return tuple(planned.get(month, 0) for month in months)
