"""Two or three versions of a plan side by side: one metric's plan by month, a line each
(:class:`~planner.versions.compare.Comparison`'s months, as its totals count them).

    figure = draw_comparison(compare(baseline_plan, plan), ChartStyle(plan.currency))

The reference (the first version) is the solid line the others are read against; each other
version has a colour, a dash pattern and a marker of its own, so the lines are told apart in
print and by readers with colour blindness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.charts.attainment import short_name
from planner.charts.months_axis import month_ticks
from planner.charts.style import ACTUAL, BASELINE, GREEN, ChartStyle, new_figure
from planner.domain import Metric

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.versions.compare import Comparison

# The reference, then the others: colour, dashes, marker.
_LOOKS: tuple[tuple[str, Any, str], ...] = (
    (ACTUAL, "-", "o"),
    (BASELINE, (0, (6, 2, 1.5, 2)), "D"),
    (GREEN, (0, (3, 2)), "s"),
)


@dataclass(frozen=True)
class ComparisonData:
    """One metric planned by month in each version (``names``, reference first)."""

    metric: Metric
    months: tuple[int, ...]
    names: tuple[str, ...]
    planned: tuple[tuple[int, ...], ...]  # per version, per month

    @property
    def title(self) -> str:
        return f"Planned {self.metric.title.lower()} by month"


def comparison_data(comparison: Comparison, metric: Metric = Metric.REVENUE_WON) -> ComparisonData:
    """What :func:`draw_comparison` draws of ``comparison``."""
    months = comparison.months
    return ComparisonData(
        metric,
        months,
        tuple(side.name for side in comparison.sides),
        tuple(
            tuple(side.planned_by_month[metric].get(month, 0) for month in months)
            for side in comparison.sides
        ),
    )


def draw_comparison(
    comparison: Comparison, style: ChartStyle, metric: Metric = Metric.REVENUE_WON
) -> Figure:
    """A line per version of ``metric`` planned by month."""
    chart = comparison_data(comparison, metric)
    figure, axes = new_figure(style)
    panel = axes[0][0]
    style.dress(panel, chart.title)
    positions = range(len(chart.months))
    for (colour, dashes, marker), name, planned in zip(
        _LOOKS, chart.names, chart.planned, strict=False
    ):
        panel.plot(
            positions,
            planned,
            color=colour,
            linestyle=dashes,
            linewidth=1.8,
            marker=marker,
            markersize=3.5,
            markerfacecolor=style.background,
            label=short_name(name),
        )
    if metric.is_money:
        style.money_axis(panel)
    else:
        style.count_axis(panel)
    month_ticks(panel, list(chart.months))
    style.legend(panel, loc="upper left", ncols=len(chart.names))
    style.round_top(panel, room=0.2)
    return figure
