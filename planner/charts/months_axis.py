"""Month tick labels shared by the charts drawn over months.

A chart that puts month ``i`` of ``months`` at position ``i`` calls :func:`month_ticks`:
"Jan" / "Feb" / ..., with the year under the first label and under each January (or the first
label of a new year once labels are thinned), so a two-year range reads without a crowd of
"2026"s. Past 12 months every 2nd month is labelled, past 24 every 3rd; and because the app
resizes figures after they are built, the labels are thinned further at draw time whenever
the axes are too narrow for them (a small dashboard tile), so they never overlap.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from matplotlib.ticker import FixedLocator, FuncFormatter, Locator

from planner import months as month_math

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from planner.months import Horizon

_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STEPS = (1, 2, 3, 4, 6, 12)
# Room one label needs along the axis, in inches ("Sep" at 8 pt is about 0.2 in wide, plus a gap; two
# lines, month over year, are about 0.25 in tall).
_ROOM = {"x": 0.25, "y": 0.3}
# Each tick is a costly object to lay out (about 1 ms); past two years the minor ticks of
# unlabelled months would cost a third of a chart's drawing time and add little.
_MINOR_TICKS_UP_TO = 24


def chart_months(horizon: Horizon, months: tuple[int, int] | None) -> list[int]:
    """The months a chart spans: ``months`` (first, last, inclusive) or the whole horizon."""
    if months is None:
        return horizon.months()
    first, last = months
    return [month_math.add(first, n) for n in range(month_math.between(first, last))]


def month_step(count: int, fits: int | None = None) -> int:
    """Label every month up to 12, every 2nd up to 24, every 3rd beyond; more sparsely still
    when only ``fits`` labels fit."""
    step = 3 if count > 24 else 2 if count > 12 else 1
    if fits is not None:
        for candidate in _STEPS:
            if candidate >= step and math.ceil(count / candidate) <= max(fits, 1):
                return candidate
        return _STEPS[-1]
    return step


def month_labels(months: list[int], step: int | None = None) -> dict[int, str]:
    """Position -> label for the months that get one (see the module's note)."""
    labels: dict[int, str] = {}
    step = step or month_step(len(months))
    previous_year: int | None = None
    for position in range(0, len(months), step):
        year, number = divmod(months[position], 100)
        name = _NAMES[number - 1]
        # The year goes under the first label and wherever a new year starts.
        labels[position] = f"{name}\n{year}" if year != previous_year else name
        previous_year = year
    return labels


class MonthLocator(Locator):
    """Major ticks on the labelled months, thinned to what fits the axes when drawn."""

    def __init__(self, months: list[int], which: str = "x") -> None:
        self.months = months
        self.which = which

    def step(self) -> int:
        axes = self.axis.axes
        length = axes.bbox.width if self.which == "x" else axes.bbox.height
        fits = int(length / axes.figure.dpi / _ROOM[self.which])
        return month_step(len(self.months), fits)

    def labels(self) -> dict[int, str]:
        return month_labels(self.months, self.step())

    def __call__(self) -> list[int]:
        return list(self.labels())

    def tick_values(self, vmin: float, vmax: float) -> list[int]:
        return self()


def month_ticks(axes: Axes, months: list[int], which: str = "x") -> None:
    """Label the month axis of ``axes`` (months at positions 0, 1, 2, ...): "Jan\\n2026",
    "Feb", ...; thinned past 12 and 24 months and on narrow axes. Up to two years, every
    month keeps a small tick."""
    axis = axes.xaxis if which == "x" else axes.yaxis
    locator = MonthLocator(months, which)
    axis.set_major_locator(locator)
    axis.set_major_formatter(
        FuncFormatter(lambda value, _pos: locator.labels().get(round(value), ""))
    )
    if len(months) <= _MINOR_TICKS_UP_TO:
        axis.set_minor_locator(FixedLocator(list(range(len(months)))))
    if months:
        low, high = -0.6, len(months) - 0.4
        if which == "x":
            axes.set_xlim(low, high)
        else:
            axes.set_ylim(low, high)
