"""What each dollar returns: one figure (ROMI, cost per MQL, CAC...) planned and actual, by a
grouping (channel, initiative, owner, team, segment or tier).

Horizontal bars, one row per group, the groups with the largest planned spend at the top:
planned (hatched) over the chart's months, actual (solid) over those months through the
last closed month; each bar labelled with its value, "—" where the figure has nothing to
divide by. Every figure is :func:`planner.analysis.returns.returns_by`'s; this module only
picks and draws it. The title gives the figure for all the initiatives kept, planned and
actual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner import months as month_math
from planner.analysis import Dimension
from planner.analysis.returns import ReturnsRow, returns_by
from planner.charts.attainment import short_name
from planner.charts.redraw import shape
from planner.charts.style import NO_INITIATIVES, ChartStyle, new_figure, tag
from planner.returns_figures import (
    DEFAULT_FIGURE,
    GROUPINGS,
    NONE_SHOWN,
    ReturnsFigure,
    Unit,
    figure_named,
    per_dollar_label,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis
    from planner.charts.options import ChartOptions
    from planner.money import Currency

DEFAULT_BY = Dimension.CHANNEL
NOTHING_SPENT = "No spend planned or spent for these months: plan it on Targets & actuals"


@dataclass(frozen=True)
class ReturnsChoice:
    """Which figure the chart shows (a :data:`planner.returns_figures.FIGURES` name) and
    how it groups the initiatives."""

    figure: str = DEFAULT_FIGURE
    by: Dimension = DEFAULT_BY

    def __post_init__(self) -> None:
        figure_named(self.figure)  # refuses an unknown one, naming the figures
        if Dimension(self.by) not in GROUPINGS:
            names = ", ".join(d.value for d in GROUPINGS)
            raise ValueError(f"the returns chart groups by {names}, not {self.by}")


@dataclass(frozen=True)
class ReturnsBar:
    """One group: ``key`` is its click key (``"channel:4"``, ``"owner:none"``); the figure
    planned and actual (``None``: "—"), as :class:`planner.analysis.returns.Returns` gives
    it (money in minor units)."""

    key: str
    label: str
    planned: int | float | None
    actual: int | float | None


@dataclass(frozen=True)
class ReturnsData:
    """What the returns chart shows: ``bars`` (at most ``limit``, the largest planned spend
    first), ``more`` groups left out; ``planned`` / ``actual``: the figure for every
    initiative kept; ``actuals_through``: the last month whose actuals count (``None``:
    none yet in the chart's months)."""

    headline: str
    figure: str
    label: str
    unit: Unit
    higher_is_better: bool
    by: str
    bars: tuple[ReturnsBar, ...]
    more: int
    planned: int | float | None
    actual: int | float | None
    actuals_through: int | None
    initiatives: int
    footnote: str

    @property
    def has_bars(self) -> bool:
        return bool(self.bars)


def data(analysis: Analysis, options: ChartOptions) -> ReturnsData:
    """The chosen figure (``options.returns``, else ROMI by channel) over ``options.months``
    (or the horizon) for the initiatives ``options.where`` keeps."""
    choice = options.returns or ReturnsChoice()
    figure = figure_named(choice.figure)
    by = Dimension(choice.by)
    plan = analysis.plan
    horizon = plan.horizon
    first, last = options.months or (horizon.first, horizon.last)
    rows = returns_by(analysis, by, months=(first, last), where=options.where)
    (total,) = returns_by(analysis, months=(first, last), where=options.where)
    # The last month whose actuals are in and counted, as the Dashboard's cards name it.
    entered = analysis.actuals_through()
    through = None if entered is None else min(entered, last, analysis.closed_through)
    if through is not None and (through < first or total.actual.spend is None):
        through = None
    spent = [row for row in rows if _spent(row)]
    spent.sort(key=lambda row: (-(row.planned.spend or 0), -(row.actual.spend or 0), row.label))
    limit = max(2 * options.top, 1)
    shown = spent[:limit]
    more = len(spent) - len(shown)
    label = per_dollar_label(figure.label, plan.currency)
    planned, actual = figure.of(total.planned), figure.of(total.actual)
    return ReturnsData(
        headline=_headline(label, figure, planned, actual, through, plan.currency),
        figure=figure.name,
        label=label,
        unit=figure.unit,
        higher_is_better=figure.higher_is_better,
        by=by.value,
        bars=tuple(
            ReturnsBar(
                f"{by.value}:{'none' if row.key is None else row.key}",
                row.label,
                figure.of(row.planned),
                figure.of(row.actual),
            )
            for row in shown
        ),
        more=more,
        planned=planned,
        actual=actual,
        actuals_through=through,
        initiatives=plan.initiatives.count(),
        footnote=_footnote(more, by),
    )


def _spent(row: ReturnsRow) -> bool:
    """Whether the group has any spend planned or spent (a group without is no bar)."""
    return bool(row.planned.spend) or bool(row.actual.spend)


def _headline(
    label: str,
    figure: ReturnsFigure,
    planned: int | float | None,
    actual: int | float | None,
    through: int | None,
    currency: Currency,
) -> str:
    """ "ROMI: planned 240%, actual 110% to Apr 2026"."""
    said = f"{label}: planned {figure.text(planned, currency)}"
    if through is None:
        return f"{said}; no actuals yet"
    return f"{said}, actual {figure.text(actual, currency)} to {month_math.label(through)}"


def _footnote(more: int, by: Dimension) -> str:
    if not more:
        return ""
    noun = GROUPINGS[by].lower()
    plural = noun if more == 1 else ("strike-zone tiers" if by is Dimension.TIER else noun + "s")
    return f"{more:,} more {plural} with smaller spend not shown"


def draw(chart: ReturnsData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """One panel of horizontal bars, planned above actual in each group's row."""
    figure, axes = new_figure(style, title=chart.headline, into=into, shape=shape(chart))
    panel = axes[0][0]
    if not chart.has_bars:
        style.empty(panel, NOTHING_SPENT if chart.initiatives else NO_INITIATIVES)
        return figure
    better = "higher" if chart.higher_is_better else "lower"
    by = GROUPINGS[Dimension(chart.by)].lower()
    style.dress(panel, f"{chart.label} by {by} ({better} is better)")
    panel.grid(False, axis="y")
    panel.grid(True, axis="x", color=style.grid, linewidth=0.8)
    keys = [bar.key for bar in chart.bars]
    _bars(panel, chart, style, keys, planned=True)
    _bars(panel, chart, style, keys, planned=False)
    panel.axvline(0, color=style.muted, linewidth=0.8, zorder=2)
    values = [v for bar in chart.bars for v in (bar.planned, bar.actual) if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    # Room beyond the longest bars for their labels, the axis ending on round ticks (as
    # ChartStyle.round_top does): an edit then seldom moves the axis, and the Dashboard
    # paints only the bars and labels again (see planner.charts.redraw.Layers).
    locator = MaxNLocator(nbins=5)
    panel.xaxis.set_major_locator(locator)
    room = 0.04 if style.on_screen else 0.22  # on screen no value is written beyond a bar
    ticks = locator.tick_values(low - (room * span if low < 0 else 0), high + room * span)
    panel.set_xlim(ticks[0], ticks[-1])
    for row, bar in enumerate(chart.bars):
        _value(panel, row - 0.2, bar.planned, chart, style)
        _value(panel, row + 0.2, bar.actual, chart, style)
    positions = list(range(len(chart.bars)))
    panel.set_yticks(positions, labels=[short_name(bar.label) for bar in chart.bars])
    panel.tick_params(axis="y", length=0, labelsize=7.5 if len(chart.bars) > 10 else 8)
    # Largest spend at the top; at least five rows' height, so one or two are not slabs.
    panel.set_ylim(max(len(chart.bars), 5) - 0.5, -0.5)
    panel.xaxis.set_major_formatter(_formatter(chart.unit, style))
    through = (
        f"to {month_math.label(chart.actuals_through)}" if chart.actuals_through else "none yet"
    )
    handles, labels = panel.get_legend_handles_labels()
    labels = [f"Actual ({through})" if text == "Actual" else text for text in labels]
    # Above the panel, right of its title: inside, it would cover a row whatever the corner.
    style.legend(
        panel,
        handles=handles,
        labels=labels,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncols=2,
        borderaxespad=0.2,
    )
    if chart.footnote:
        figure.supxlabel(chart.footnote, x=0.01, ha="left", fontsize=7.5, color=style.muted)
    return figure


def _bars(
    axes: Axes, chart: ReturnsData, style: ChartStyle, keys: list[str], *, planned: bool
) -> None:
    """The planned (above) or actual (below) bars of the groups whose figure is not ``None``;
    a group without one gets "—" in its place (see :func:`_value`)."""
    offset = -0.2 if planned else 0.2
    rows = [
        (n, bar.planned if planned else bar.actual)
        for n, bar in enumerate(chart.bars)
        if (bar.planned if planned else bar.actual) is not None
    ]
    looks = style.planned_bars() if planned else style.actual_bars()
    if not rows:
        # An empty series still names itself in the legend: "Actual (none yet)".
        axes.barh([], [], 0.4, **looks)
        return
    drawn = axes.barh([n + offset for n, _ in rows], [v for _, v in rows], 0.4, **looks)
    tag(drawn, [keys[n] for n, _ in rows])


def _value(
    axes: Axes, y: float, value: int | float | None, chart: ReturnsData, style: ChartStyle
) -> None:
    """The bar's value at its end (left of a negative one), or "—" at zero where nothing
    divides; on screen only the "—" (pointing at a bar shows its value, and writing every
    value again after each edit costs more than all else the chart paints)."""
    if value is not None and style.on_screen:
        return
    text = NONE_SHOWN if value is None else _short(value, chart.unit, style)
    ahead = value is None or value >= 0
    axes.annotate(
        text,
        (0 if value is None else value, y),
        xytext=(3 if ahead else -3, 0),
        textcoords="offset points",
        ha="left" if ahead else "right",
        va="center",
        fontsize=8 if value is None else 7,
        color=style.muted if value is None else style.text,
    )


def _short(value: int | float, unit: Unit, style: ChartStyle) -> str:
    """A value as a bar's label writes it: money short ("$1.2k"), ratios to two places."""
    if unit is Unit.MONEY:
        return style.currency.format_short(round(value))
    if unit is Unit.MULTIPLE:
        return f"{value:,.2f}x"
    if unit is Unit.PERCENT:
        return f"{value:.0%}"
    return f"{value:,.1f} mo"


def _formatter(unit: Unit, style: ChartStyle) -> FuncFormatter:
    if unit is Unit.MONEY:
        return style.money_formatter()
    if unit is Unit.MULTIPLE:
        return FuncFormatter(lambda value, _pos: f"{value:,.1f}x")
    if unit is Unit.PERCENT:
        return FuncFormatter(lambda value, _pos: f"{value:.0%}")
    return FuncFormatter(lambda value, _pos: f"{value:,.0f} mo")
