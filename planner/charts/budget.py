"""Spend, planned versus actual: by month, and by channel to date.

Left panel: each month's planned (hatched) and actual (solid) spend side by side. Right
panel: the channels as horizontal bars, largest planned spend at the top, planned to date
against spent to date (while no actual is in, the planned spend of the chart's months).
The title says how much of the budget is used: "Spent $230k of $805k budget (29%)", the
budget being that of the initiatives not dropped, as on the Dashboard's headline figures.
Given a baseline (another version of the plan), its planned spend by month is a dash-dot
line over the monthly bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Dimension, progress
from planner.analysis.headline import budget_and_target
from planner.charts.attainment import short_name
from planner.charts.months_axis import chart_months, month_ticks
from planner.charts.redraw import shape
from planner.charts.style import NO_INITIATIVES, ChartStyle, new_figure, tag
from planner.domain import Metric

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis, Filter, Totals
    from planner.charts.options import ChartOptions
    from planner.money import Currency

SPEND = Metric.SPEND
NOTHING_PLANNED = "No spend planned for these months: plan it on Targets & actuals"


@dataclass(frozen=True)
class BudgetData:
    """What the budget chart shows; money in minor units of the plan's currency.

    ``planned`` / ``actual``: spend per month of ``months``; ``actual`` is 0 for a month up
    to ``actuals_through`` with nothing entered and ``None`` after it. ``channels`` (channel
    ids as text, ``"4"``) with ``channel_labels`` (their names), ``channel_planned`` and
    ``channel_actual``: spend by channel over the chart's months up to ``actuals_through``
    (all of them while no actual is in, when ``channel_actual`` holds ``None``s), largest
    planned first. ``budget``: the
    budgets of the initiatives kept that are not dropped; ``spent``: actual spend to date in the
    chart's months (``None`` while none is entered there).
    """

    headline: str
    months: tuple[int, ...]
    planned: tuple[int, ...]
    actual: tuple[int | None, ...]
    channels: tuple[str, ...]
    channel_labels: tuple[str, ...]
    channel_planned: tuple[int, ...]
    channel_actual: tuple[int | None, ...]
    actuals_through: int | None
    budget: int
    spent: int | None
    planned_spend: int
    initiatives: int
    baseline_name: str = ""
    baseline: tuple[int, ...] = ()

    @property
    def has_plan(self) -> bool:
        return any(self.planned) or any(value for value in self.actual)

    @property
    def channels_to_date(self) -> bool:
        """Whether the channel panel compares to date (actuals are in) or shows plans only."""
        return any(value is not None for value in self.channel_actual)


def data(analysis: Analysis, options: ChartOptions) -> BudgetData:
    """Spend by month and by channel over ``options.months`` (or the horizon), for the
    initiatives ``options.where`` keeps."""
    plan = analysis.plan
    months = chart_months(plan.horizon, options.months)
    first, last = months[0], months[-1]
    by_month = {
        row.key: row.totals for row in analysis.rollup(Dimension.MONTH, where=options.where)
    }
    # Spend to date is the core's figure over the chart's months, as the Dashboard's card.
    status = progress(analysis, months=(first, last), where=options.where, monthly=by_month)
    through = status.actuals_through
    planned = tuple(by_month[m].planned[SPEND] if m in by_month else 0 for m in months)
    actual = tuple(
        None if through is None or m > through else _actual(by_month.get(m)) for m in months
    )
    # Channels compare like with like: plan and spend to date once actuals are in.
    to_date = through is not None and through >= first
    channel_range = (first, min(last, through)) if to_date and through else (first, last)
    channel_rows = sorted(
        analysis.rollup(Dimension.CHANNEL, months=channel_range, where=options.where),
        key=lambda row: (-row.totals.planned[SPEND], row.label),
    )
    channel_rows = [r for r in channel_rows if r.totals.planned[SPEND] or r.totals.actual[SPEND]]
    spent = status.metrics[SPEND].actual_to_date
    budget, count = _budget(analysis, options.where)
    return BudgetData(
        headline=headline(plan.currency, spent, budget, sum(planned), started=bool(status.to_date)),
        months=tuple(months),
        planned=planned,
        actual=actual,
        channels=tuple(str(row.key) for row in channel_rows),
        channel_labels=tuple(row.label for row in channel_rows),
        channel_planned=tuple(row.totals.planned[SPEND] for row in channel_rows),
        channel_actual=tuple(
            (row.totals.actual[SPEND] or 0) if to_date else None for row in channel_rows
        ),
        actuals_through=through,
        budget=budget,
        spent=spent,
        planned_spend=sum(planned),
        initiatives=count,
        baseline_name=options.baseline.name if options.baseline is not None else "",
        baseline=options.baseline_planned(SPEND, months),
    )


def _actual(totals: Totals | None) -> int:
    return (totals.actual[SPEND] or 0) if totals is not None else 0


def _budget(analysis: Analysis, where: Filter | None) -> tuple[int, int]:
    """The budget of the kept initiatives that are not dropped, and how many initiatives the
    plan has (to tell "no initiatives" from "nothing planned")."""
    return budget_and_target(analysis, where)[0], analysis.plan.initiatives.count()


def headline(
    currency: Currency, spent: int | None, budget: int, planned: int, *, started: bool = False
) -> str:
    """The chart's title: "Spent $230k of $805k budget (29%)", or what stands in for it
    (``started``: actuals are in for the chart's months, but no spend among them)."""
    short = currency.format_short
    if spent is not None and budget:
        return f"Spent {short(spent)} of {short(budget)} budget ({spent / budget:.0%})"
    if spent is not None:
        return f"Spent {short(spent)}; no budget set"
    if planned:
        of_budget = f" of {short(budget)} budget" if budget else ""
        missing = "no spend entered" if started else "no actuals yet"
        return f"{short(planned)} spend planned{of_budget}; {missing}"
    return "No spend planned yet"


def draw(chart: BudgetData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Monthly bars on the left, channels on the right."""
    if not chart.has_plan:
        figure, axes = new_figure(style, title=chart.headline, into=into, shape=shape(chart))
        style.empty(axes[0][0], NOTHING_PLANNED if chart.initiatives else NO_INITIATIVES)
        return figure
    figure, axes = new_figure(
        style, 1, 2, title=chart.headline, width_ratios=[1.3, 1], into=into, shape=shape(chart)
    )
    by_month, by_channel = axes[0]
    _draw_months(by_month, chart, style)
    _draw_channels(by_channel, chart, style)
    return figure


def _draw_months(axes: Axes, chart: BudgetData, style: ChartStyle) -> None:
    style.dress(axes, "Spend by month")
    keys = [f"month:{m}" for m in chart.months]
    planned = axes.bar(
        [x - 0.2 for x in range(len(chart.months))], chart.planned, 0.4, **style.planned_bars()
    )
    tag(planned, keys)
    shown = [i for i, value in enumerate(chart.actual) if value is not None]
    if shown:
        actual = axes.bar(
            [i + 0.2 for i in shown], [chart.actual[i] for i in shown], 0.4, **style.actual_bars()
        )
        tag(actual, [keys[i] for i in shown])
    if chart.baseline:
        # Over the planned bars, which it is compared with.
        axes.plot(
            [x - 0.2 for x in range(len(chart.months))],
            chart.baseline,
            **style.baseline_line(short_name(chart.baseline_name)),
        )
    style.money_axis(axes)
    month_ticks(axes, list(chart.months))
    style.legend(axes, loc="upper left", ncols=2, baseline_last=bool(chart.baseline))
    # Room above the tallest bar for the legend (two rows of it with a baseline).
    axes.margins(y=0.3 if chart.baseline else 0.18)


def _draw_channels(axes: Axes, chart: BudgetData, style: ChartStyle) -> None:
    if chart.channels_to_date and chart.actuals_through is not None:
        title = f"By channel, to {month_math.label(chart.actuals_through)}"
    else:
        title = "By channel, planned"
    style.dress(axes, title)
    axes.grid(False, axis="y")  # horizontal bars: the grid runs along the money axis
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    keys = [f"channel:{c}" for c in chart.channels]
    positions = range(len(chart.channels))
    planned = axes.barh(
        [y - 0.2 for y in positions], chart.channel_planned, 0.4, **style.planned_bars()
    )
    tag(planned, keys)
    if chart.channels_to_date:
        actual = axes.barh(
            [y + 0.2 for y in positions],
            [value or 0 for value in chart.channel_actual],
            0.4,
            **style.actual_bars(),
        )
        tag(actual, keys)
    else:
        axes.text(
            0.98,
            0.04,
            "No actuals yet: enter them on Targets & actuals",
            transform=axes.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color=style.muted,
            bbox={"facecolor": style.background, "edgecolor": "none", "alpha": 0.9, "pad": 2},
        )
    # A channel's name is the lead's own text: shown as written, and cut when long.
    labels = [short_name(label) for label in chart.channel_labels]
    axes.set_yticks(list(positions), labels=labels)
    # Largest at the top; at least five rows' height, so one or two channels are not slabs.
    axes.set_ylim(max(len(chart.channels), 5) - 0.5, -0.5)
    style.money_axis(axes, which="x")
