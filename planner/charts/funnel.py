"""The funnel chart: planned versus actual at each stage, leads to deals won, with the
conversion from each stage to the next (actual, planned and the plan's assumption).

Leads outnumber deals by two orders of magnitude, so the stages are horizontal bars on a log
scale with each count written at the bar's end; the conversions sit in a column beside them,
level with the gap between the two stages they join.

Both bars of a stage are totals over the chosen months (the whole horizon by default). Actuals
exist only through the latest month with any actual, so an actual bar next to a full-year plan
is short by design: a tick on the actual bar marks what was planned up to that month ("plan to
date"), which is the fair comparison, and the label gives actual as a share of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from planner import months as month_math
from planner.analysis import Dimension, conversions
from planner.analysis.sums import summed
from planner.charts import TITLES
from planner.charts.options import ChartOptions
from planner.charts.redraw import shape
from planner.charts.style import AHEAD, BEHIND, NO_ACTUALS, ChartStyle, new_figure, tag
from planner.domain import FUNNEL_STAGES, Metric

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis

# Short stage names for the conversion labels ("MQL→SAL").
_SHORT = {
    Metric.LEADS: "Lead",
    Metric.MQL: "MQL",
    Metric.SAL: "SAL",
    Metric.SQL: "SQL",
    Metric.OPPORTUNITIES: "Opp",
    Metric.DEALS_WON: "Won",
}
# An actual rate this far (in percentage points) from the plan's is flagged ▲ or ▼.
_FLAG_POINTS = 0.02
_BAR = 0.38  # height of each of a stage's two bars
NO_PLAN = "Nothing planned yet: add initiatives and plan their funnel on Targets & actuals"


@dataclass(frozen=True, slots=True)
class StageStep:
    """The conversion from one stage to the next, as fractions (``None`` without a base)."""

    label: str  # "MQL→SAL"
    planned: float | None
    actual: float | None
    assumed: float


@dataclass(frozen=True, slots=True)
class FunnelData:
    """What the funnel chart shows. ``stages`` are metric values ("leads", "mql", ...) in
    funnel order, ``labels`` their titles; ``planned``/``actual`` the totals over ``months``
    (``actual`` ``None`` where nothing was entered); ``planned_to_date`` what was planned
    through ``actuals_through`` (``None`` when that is the whole range or there are no
    actuals); ``steps`` the conversions between consecutive stages."""

    months: tuple[int, int]
    stages: tuple[str, ...]
    labels: tuple[str, ...]
    planned: tuple[int, ...]
    actual: tuple[int | None, ...]
    planned_to_date: tuple[int, ...] | None
    actuals_through: int | None
    steps: tuple[StageStep, ...]

    @property
    def has_plan(self) -> bool:
        return any(self.planned) or self.has_actuals

    @property
    def has_actuals(self) -> bool:
        return any(value is not None for value in self.actual)


def data(analysis: Analysis, options: ChartOptions) -> FunnelData:
    """Stage totals and conversions over ``options.months`` for ``options.where``.

    While the range is in progress (actuals through a month before its last), one monthly
    roll-up gives both the range's totals and the plan to date; otherwise one total does.
    """
    plan = analysis.plan
    first, last = options.months or (plan.horizon.first, plan.horizon.last)
    months = (first, last)
    latest = analysis.actuals_through()
    through = None if latest is None or latest < first else min(latest, last)
    to_date = None
    if through is not None and through < last:
        monthly = analysis.rollup(Dimension.MONTH, months=months, where=options.where)
        totals = summed(row.totals for row in monthly)
        planned = summed(row.totals for row in monthly if row.key <= through).planned
        to_date = tuple(planned[stage] for stage in FUNNEL_STAGES)
    else:
        totals = analysis.total(months=months, where=options.where)
    steps = tuple(
        StageStep(
            label=f"{_SHORT[step.from_stage]}→{_SHORT[step.to_stage]}",
            planned=step.planned,
            actual=step.actual,
            assumed=step.assumed,
        )
        for step in conversions(totals, plan.funnel.get())
    )
    return FunnelData(
        months=(first, last),
        stages=tuple(stage.value for stage in FUNNEL_STAGES),
        labels=tuple(stage.title for stage in FUNNEL_STAGES),
        planned=tuple(totals.planned[stage] for stage in FUNNEL_STAGES),
        actual=tuple(totals.actual[stage] for stage in FUNNEL_STAGES),
        planned_to_date=to_date,
        actuals_through=through,
        steps=steps,
    )


def draw(data: FunnelData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Stages as horizontal bar pairs (planned hatched, actual solid) on a log scale, with the
    conversions in a column to their right."""
    title = f"{TITLES['funnel']} · {_range_label(data.months)}"
    if not data.has_plan:
        # One sentence across the whole figure, not squeezed into the bars' column.
        figure, grid = new_figure(style, title=title, into=into, shape=shape(data))
        style.empty(grid[0][0], NO_PLAN)
        return figure
    figure, grid = new_figure(
        style, 1, 2, title=title, width_ratios=[5, 2], into=into, shape=shape(data)
    )
    bars, notes = grid[0][0], grid[0][1]
    _draw_bars(bars, data, style)
    _draw_steps(notes, data, style)
    _key_below(figure, bars, style)
    return figure


def _key_below(figure: Figure, axes: Axes, style: ChartStyle) -> None:
    """The key in one row under the whole figure, as style.legend draws one: under the bars
    alone it would push the conversion column aside, and inside it would cover a count."""
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=len(labels),
        frameon=False,
        fontsize=8,
        labelcolor=style.text,
    )


def _draw_bars(axes: Axes, data: FunnelData, style: ChartStyle) -> None:
    style.dress(axes, "Count at each stage (log scale)")
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    positions = list(range(len(data.stages)))
    keys = [f"stage:{stage}" for stage in data.stages]
    planned = axes.barh(
        [y - _BAR / 2 for y in positions], data.planned, _BAR, **style.planned_bars()
    )
    tag(planned, keys)
    actual_values = [value or 0 for value in data.actual]
    if data.has_actuals:
        share = "% of plan to date" if data.planned_to_date else "% of plan"
        actual = axes.barh(
            [y + _BAR / 2 for y in positions],
            actual_values,
            _BAR,
            **{**style.actual_bars(), "label": f"Actual ({share})"},
        )
        tag(actual, keys)
    if data.planned_to_date is not None and data.has_actuals:
        assert data.actuals_through is not None
        axes.plot(
            data.planned_to_date,
            [y + _BAR / 2 for y in positions],
            linestyle="none",
            marker="|",
            markersize=11,
            markeredgewidth=2,
            color=style.text,
            label=f"Plan to {month_math.label(data.actuals_through)}",
        )
    # Count labels at the end of each bar (or of the plan-to-date tick, when it is longer).
    for y, value in zip(positions, data.planned, strict=True):
        _count_label(axes, value, y - _BAR / 2, f"{value:,}", style)
    if data.has_actuals:
        to_date = data.planned_to_date or data.planned
        for y, value, due in zip(positions, actual_values, to_date, strict=True):
            # The share of plan sits beside the count; the legend says what it is of.
            text = f"{value:,} · {value / due:.0%}" if due else f"{value:,}"
            _count_label(
                axes, max(value, due if data.planned_to_date else 0), y + _BAR / 2, text, style
            )
    axes.set_xscale("log")
    biggest = max(max(data.planned), max(actual_values))
    # Room right of the longest bar for its label (a log scale: a factor, not an offset).
    axes.set_xlim(0.8, max(biggest, 1) * 12)
    # count_axis picks linear steps; a log axis wants its decades, short enough ("10k",
    # "1M") that eight of them fit side by side.
    axes.xaxis.set_major_locator(LogLocator(base=10))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: _short_count(value)))
    # No minor ticks: eight unlabelled ones per decade add clutter and a third of the
    # render time.
    axes.xaxis.set_minor_locator(NullLocator())
    axes.set_yticks(positions, labels=list(data.labels))
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(len(positions) - 0.4, -0.6)  # leads on top


def _short_count(value: float) -> str:
    """1, 10, 100, 1k, 10k, 100k, 1M, ... for the decades of the log axis."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:,.0f}{suffix}"
    return f"{value:,.0f}"


def _count_label(axes: Axes, x: int, y: float, text: str, style: ChartStyle) -> None:
    axes.text(max(x, 1) * 1.15, y, text, va="center", ha="left", fontsize=7, color=style.text)


def _draw_steps(axes: Axes, data: FunnelData, style: ChartStyle) -> None:
    """One entry per conversion, level with the gap between its two stages."""
    axes.set_axis_off()
    axes.set_ylim(len(data.stages) - 0.4, -0.6)
    axes.set_xlim(0, 1)
    style.title(axes, "Conversion rates", fontsize=10, fontweight="bold")
    for position, step in enumerate(data.steps):
        y = position + 0.5
        head = step.label
        if step.actual is not None:
            head += f"  {step.actual:.0%}"
        axes.text(
            0.02, y - 0.13, head, fontsize=8, fontweight="bold", color=style.text, va="center"
        )
        plan = "–" if step.planned is None else f"{step.planned:.0%}"
        detail = f"plan {plan} · assumed {step.assumed:.0%}"
        axes.text(0.02, y + 0.17, detail, fontsize=7, color=style.muted, va="center")
        flag = _flag(step)
        if flag:
            symbol, colour = flag
            axes.text(0.0, y - 0.13, symbol, fontsize=7, color=colour, va="center", ha="right")
    if not data.has_actuals:
        # Above the first conversion, where the actual rates would lead each entry; two
        # lines, as the column is narrow.
        axes.text(
            0.02, -0.2, NO_ACTUALS.replace(": ", ":\n"), fontsize=8, color=style.muted, va="center"
        )


def _flag(step: StageStep) -> tuple[str, str] | None:
    """▼ when the actual rate trails the plan's, ▲ when ahead: shape first, colour second."""
    if step.actual is None or step.planned is None:
        return None
    if step.actual < step.planned - _FLAG_POINTS:
        return "▼", BEHIND
    if step.actual > step.planned + _FLAG_POINTS:
        return "▲", AHEAD
    return None


def _range_label(months: tuple[int, int]) -> str:
    first, last = months
    return (
        month_math.label(first)
        if first == last
        else (f"{month_math.label(first)} – {month_math.label(last)}")
    )
