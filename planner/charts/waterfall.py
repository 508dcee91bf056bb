"""The demand waterfall as a chart: for one group (the plan, a channel, an initiative...), what is
planned and what is actual at each stage, as a share of what the revenue target needs there.

Stages run from revenue won down to leads and pipeline, and their figures span several orders
of magnitude and two units (money and counts), so each stage's bars are its planned and actual
figure over its need: the dashed line at 100 % is "what the target needs", a bar short of it
falls short. Planned is hatched and actual solid (as on every chart); each bar's end gives the
figure itself and a shortfall is written in the "behind" colour with its minus sign, so colour
is never the only cue. A stage nothing needs (no target) has no share and says so.

The figures are :func:`planner.analysis.waterfall.waterfall`'s alone: :func:`from_row` takes one
of its rows as it is (the Waterfall page passes the row it shows, what-if included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner.analysis.waterfall import WaterfallRow, waterfall
from planner.charts.attainment import short_name
from planner.charts.redraw import shape
from planner.charts.style import BEHIND, ChartStyle, new_figure, tag

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis
    from planner.charts.options import ChartOptions

NO_TARGET = (
    "No revenue target here, so the funnel needs nothing: set targets on the Initiatives page"
)
_BAR = 0.38  # height of each of a stage's two bars
_NEEDED = 1.0  # the share drawn as the dashed "needed" line


@dataclass(frozen=True, slots=True)
class StageBar:
    """One stage: its metric's name (``"mql"``), title, whether it is money, and its needed,
    planned and actual figures (money in minor units; ``actual`` ``None`` while none is
    entered)."""

    key: str
    title: str
    money: bool
    needed: int
    planned: int
    actual: int | None

    @property
    def planned_share(self) -> float | None:
        return self.planned / self.needed if self.needed else None

    @property
    def actual_share(self) -> float | None:
        if self.actual is None or not self.needed:
            return None
        return self.actual / self.needed


@dataclass(frozen=True, slots=True)
class WaterfallChartData:
    """What the chart shows: the group's ``label`` and its stages in waterfall order."""

    label: str
    stages: tuple[StageBar, ...]

    @property
    def has_target(self) -> bool:
        return any(stage.needed for stage in self.stages)

    @property
    def has_actuals(self) -> bool:
        return any(stage.actual is not None for stage in self.stages)


def from_row(row: WaterfallRow) -> WaterfallChartData:
    """The chart of one row of :func:`~planner.analysis.waterfall.waterfall`."""
    return WaterfallChartData(
        row.label,
        tuple(
            StageBar(
                gap.stage.value,
                gap.stage.title,
                gap.stage.is_money,
                gap.needed,
                gap.planned,
                gap.actual,
            )
            for gap in row.stages
        ),
    )


def data(analysis: Analysis, options: ChartOptions) -> WaterfallChartData:
    """The whole plan's waterfall over the initiatives ``options.where`` keeps (the waterfall
    covers the whole horizon: a target is the whole plan's)."""
    rows = waterfall(analysis, where=options.where)
    if not rows:
        return WaterfallChartData("Total", ())
    return from_row(rows[0])


def draw(chart: WaterfallChartData, style: ChartStyle, into: Figure | None = None) -> Figure:
    title = f"{short_name(chart.label)}: share of what the target needs"
    figure, axes = new_figure(style, title=title, into=into, shape=shape(chart))
    panel = axes[0][0]
    if not chart.has_target:
        style.empty(panel, NO_TARGET)
        return figure
    _bars(panel, chart, style)
    return figure


def _bars(axes: Axes, chart: WaterfallChartData, style: ChartStyle) -> None:
    stages = chart.stages
    rows = range(len(stages))
    planned = [stage.planned_share or 0.0 for stage in stages]
    actual = [stage.actual_share or 0.0 for stage in stages]
    # Without actuals the planned bar sits level with its stage's name.
    up = _BAR / 2 if chart.has_actuals else 0.0
    keys = [f"stage:{stage.key}" for stage in stages]
    tag(axes.barh([n - up for n in rows], planned, height=_BAR, **style.planned_bars()), keys)
    if chart.has_actuals:
        tag(axes.barh([n + up for n in rows], actual, height=_BAR, **style.actual_bars()), keys)
    axes.axvline(_NEEDED, color=style.text, linestyle="--", linewidth=1.2, label="Needed")
    widest = max([*planned, *actual, _NEEDED])
    for n, stage in enumerate(stages):
        if stage.planned_share is None:
            axes.text(0, n, "  nothing needed", va="center", fontsize=7.5, color=style.muted)
            continue
        _label(axes, style, n - up, planned[n], stage, stage.planned)
        if stage.actual is not None:
            _label(axes, style, n + up, actual[n], stage, stage.actual)
    axes.set_yticks(list(rows), [stage.title for stage in stages])
    axes.invert_yaxis()  # revenue won on top, worked back down to leads
    axes.set_xlim(0, widest * 1.45)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.0%}"))
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5))
    style.dress(axes)
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    axes.grid(False, axis="y")
    style.legend(axes, loc="lower right")


def _label(
    axes: Axes, style: ChartStyle, y: float, share: float, stage: StageBar, value: int
) -> None:
    """The figure at a bar's end; a shortfall in the "behind" colour with its gap."""
    text = _figure(style, stage, value)
    gap = value - stage.needed
    if gap < 0:
        text += f"  ({_figure(style, stage, gap)})"
    colour = BEHIND if gap < 0 else style.text
    # On a patch of the background: the "needed" line runs behind the text, not through it.
    backing = {"facecolor": style.background, "edgecolor": "none", "pad": 0.6, "alpha": 0.85}
    axes.text(share, y, f" {text}", va="center", fontsize=7, color=colour, bbox=backing)


def _figure(style: ChartStyle, stage: StageBar, value: int) -> str:
    if stage.money:
        return style.currency.format_short(value)
    return f"{value:,}"
