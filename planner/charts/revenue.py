"""Revenue won, planned versus actual, by month; the cumulative totals; and where the run rate
takes the fiscal year.

Left panel: each month's planned (hatched) and actual (solid) revenue won side by side.
Right panel: the same months added up (planned dashed, actual solid) and the run-rate
forecast (dotted) from the last month with actuals to the fiscal year's end. The title is
the headline: "Won $1.6M of $2.1M planned to date (76%)". Given a baseline (another version
of the plan), its planned revenue won is a third series on both panels (dash-dot).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Dimension, progress
from planner.analysis.progress import run_rate
from planner.charts.attainment import short_name
from planner.charts.months_axis import chart_months, month_ticks
from planner.charts.redraw import shape
from planner.charts.style import NO_ACTUALS, NO_INITIATIVES, ChartStyle, new_figure, tag
from planner.domain import Metric

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis, Progress, Totals
    from planner.charts.options import ChartOptions
    from planner.money import Currency

REVENUE = Metric.REVENUE_WON
NOTHING_PLANNED = "No revenue won planned for these months: plan it on Targets & actuals"
FORECAST_METHOD = (
    "Run-rate forecast: the fiscal year's revenue won so far, plus its average per month "
    "(so far) for each month left in the year; rounded half up to the cent as in "
    "planner.analysis.progress, whose forecast_year the line ends on when the chart starts "
    "at the fiscal year's first month."
)


@dataclass(frozen=True)
class RevenueData:
    """What the revenue chart shows; money in minor units of the plan's currency.

    ``planned`` / ``actual``: revenue won per month of ``months``; ``actual`` is 0 for a month
    up to ``actuals_through`` with nothing entered and ``None`` after it. The cumulative
    series add up from the chart's first month; ``cumulative_actual`` stops at
    ``actuals_through``. ``forecast_months`` / ``forecast``: the run-rate line, from the last
    month with actuals (when it is on the chart) to the fiscal year's end or the chart's last
    month, whichever comes first (see ``forecast_method``). ``forecast_year`` is the whole
    fiscal year's forecast from :func:`planner.analysis.progress`.
    """

    headline: str
    months: tuple[int, ...]
    planned: tuple[int, ...]
    actual: tuple[int | None, ...]
    cumulative_planned: tuple[int, ...]
    cumulative_actual: tuple[int, ...]
    forecast_months: tuple[int, ...]
    forecast: tuple[int, ...]
    actuals_through: int | None
    fiscal_year: int
    year_months: tuple[int, int]
    planned_to_date: int
    actual_to_date: int | None
    planned_year: int
    forecast_year: int | None
    run_rate: int | None
    initiatives: int
    forecast_method: str = FORECAST_METHOD
    baseline_name: str = ""
    baseline: tuple[int, ...] = ()
    cumulative_baseline: tuple[int, ...] = ()

    @property
    def has_plan(self) -> bool:
        return any(self.planned) or self.has_actuals

    @property
    def has_actuals(self) -> bool:
        return any(value is not None for value in self.actual)


def data(analysis: Analysis, options: ChartOptions) -> RevenueData:
    """Revenue won by month over ``options.months`` (or the horizon) for ``options.where``."""
    plan = analysis.plan
    months = chart_months(plan.horizon, options.months)
    # One roll-up over the plan serves the chart's months and the fiscal year.
    by_month = {
        row.key: row.totals for row in analysis.rollup(Dimension.MONTH, where=options.where)
    }
    # To date and the forecast are the core's figures over the chart's months (the
    # Dashboard's cards say the same); the bars only draw them.
    status = progress(
        analysis, months=(months[0], months[-1]), where=options.where, monthly=by_month
    )
    through = status.actuals_through
    planned = tuple(by_month[m].planned[REVENUE] if m in by_month else 0 for m in months)
    # Up to the actuals-through month a month with nothing entered won nothing; after it,
    # nothing is known yet.
    actual = tuple(
        None if through is None or m > through else _actual(by_month.get(m)) for m in months
    )
    cumulative_planned = tuple(accumulate(planned))
    known = [value for value in actual if value is not None]
    cumulative_actual = tuple(accumulate(known))
    forecast_months, forecast = _forecast(months, cumulative_actual, status)
    year = status.metrics[REVENUE]
    planned_to_date, actual_to_date = year.planned_to_date, year.actual_to_date
    elapsed = status.months_elapsed
    run = None
    if year.actual_year is not None and elapsed:
        run = run_rate(year.actual_year, elapsed, 1)
    baseline = options.baseline_planned(REVENUE, months)
    return RevenueData(
        headline=headline(plan.currency, planned_to_date, actual_to_date, sum(planned)),
        months=tuple(months),
        planned=planned,
        actual=actual,
        cumulative_planned=cumulative_planned,
        cumulative_actual=cumulative_actual,
        forecast_months=forecast_months,
        forecast=forecast,
        actuals_through=through,
        fiscal_year=status.fiscal_year,
        year_months=status.year_months,
        planned_to_date=planned_to_date,
        actual_to_date=actual_to_date,
        planned_year=year.planned_year,
        forecast_year=year.forecast_year,
        run_rate=run,
        initiatives=plan.initiatives.count(),
        baseline_name=options.baseline.name if options.baseline is not None else "",
        baseline=baseline,
        cumulative_baseline=tuple(accumulate(baseline)),
    )


def _actual(totals: Totals | None) -> int:
    return (totals.actual[REVENUE] or 0) if totals is not None else 0


def _forecast(
    months: list[int], cumulative_actual: tuple[int, ...], status: Progress
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The run-rate line: ``(months, cumulative values)``, empty when there is none to draw."""
    through = status.actuals_through
    year_to_date = status.metrics[REVENUE].actual_year
    elapsed = status.months_elapsed
    if through is None or year_to_date is None or not elapsed:
        return (), ()
    year_end = status.year_months[1]
    later = [m for m in months if through < m <= year_end]
    if not later:
        return (), ()
    line_months, values = [], []
    baseline = cumulative_actual[-1] if cumulative_actual else 0
    if cumulative_actual:  # the line starts on the last actual point
        line_months.append(through)
        values.append(baseline)
    for steps, month in enumerate(later, start=1):
        line_months.append(month)
        values.append(baseline + run_rate(year_to_date, elapsed, steps))
    return tuple(line_months), tuple(values)


def headline(
    currency: Currency, planned_to_date: int, actual_to_date: int | None, planned: int
) -> str:
    """The chart's title: "Won $1.6M of $2.1M planned to date (76%)", or what stands in for
    it before any actual is in."""
    short = currency.format_short
    if actual_to_date is not None:
        text = f"Won {short(actual_to_date)} of {short(planned_to_date)} planned to date"
        if planned_to_date:
            text += f" ({round(100 * actual_to_date / planned_to_date)}%)"
        return text
    if planned:
        return f"{short(planned)} revenue won planned; no actuals yet"
    return "No revenue won planned yet"


def draw(chart: RevenueData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Monthly bars on the left, cumulative lines and the forecast on the right."""
    if not chart.has_plan:
        figure, axes = new_figure(style, title=chart.headline, into=into, shape=shape(chart))
        style.empty(axes[0][0], NOTHING_PLANNED if chart.initiatives else NO_INITIATIVES)
        return figure
    figure, axes = new_figure(
        style, 1, 2, title=chart.headline, width_ratios=[1.2, 1], into=into, shape=shape(chart)
    )
    by_month, cumulative = axes[0]
    _draw_months(by_month, chart, style)
    _draw_cumulative(cumulative, chart, style)
    return figure


def _draw_months(axes: Axes, chart: RevenueData, style: ChartStyle) -> None:
    style.dress(axes, "Revenue won by month")
    positions = range(len(chart.months))
    keys = [f"month:{m}" for m in chart.months]
    planned = axes.bar([x - 0.2 for x in positions], chart.planned, 0.4, **style.planned_bars())
    tag(planned, keys)
    shown = [i for i, value in enumerate(chart.actual) if value is not None]
    if shown:
        actual = axes.bar(
            [i + 0.2 for i in shown], [chart.actual[i] for i in shown], 0.4, **style.actual_bars()
        )
        tag(actual, [keys[i] for i in shown])
    if chart.baseline:
        # Over the planned bars, which it is compared with; named here, where there is room.
        axes.plot(
            [x - 0.2 for x in positions],
            chart.baseline,
            **style.baseline_line(short_name(chart.baseline_name)),
        )
    # With no actuals, the headline and the cumulative panel say so; once is enough.
    style.money_axis(axes)
    month_ticks(axes, list(chart.months))
    if chart.baseline:
        style.legend(axes, loc="upper left", ncols=2, baseline_last=True)
        style.round_top(axes, room=0.3)  # room above the tallest bar for two legend rows
    else:
        style.legend(axes, loc="upper left", ncols=2)
        style.round_top(axes, room=0.18)  # room above the tallest bar for the legend


def _draw_cumulative(axes: Axes, chart: RevenueData, style: ChartStyle) -> None:
    style.dress(axes, "Cumulative and forecast" if chart.forecast else "Cumulative")
    months = list(chart.months)
    axes.plot(range(len(months)), chart.cumulative_planned, **style.planned_line())
    if chart.cumulative_actual:
        axes.plot(
            range(len(chart.cumulative_actual)), chart.cumulative_actual, **style.actual_line()
        )
    else:
        _note(axes, NO_ACTUALS, style)
    if chart.cumulative_baseline:
        axes.plot(range(len(months)), chart.cumulative_baseline, **style.baseline_line())
    ends = [(len(months) - 1, chart.cumulative_planned[-1], "Plan")]
    if chart.cumulative_actual and not chart.forecast:
        ends.append((len(chart.cumulative_actual) - 1, chart.cumulative_actual[-1], "Actual"))
    if chart.forecast:
        positions = [
            month_math.index(m) - month_math.index(months[0]) for m in chart.forecast_months
        ]
        axes.plot(positions, chart.forecast, **style.forecast_line())
        ends.append((positions[-1], chart.forecast[-1], "Forecast"))
    style.money_axis(axes)
    month_ticks(axes, months)
    _label_ends(axes, ends, len(months), style)
    style.legend(axes, loc="upper left")
    style.round_top(axes, room=0.05)


def _label_ends(
    axes: Axes, ends: list[tuple[int, int, str]], count: int, style: ChartStyle
) -> None:
    """The final plan and forecast figures beside the lines' ends, the lower one nudged down
    when the two are close so they never overlap."""
    top = max(value for _x, value, _name in ends) or 1
    close = len(ends) == 2 and abs(ends[0][1] - ends[1][1]) < 0.1 * top
    nudges = {}
    if close:
        lower = min(range(2), key=lambda n: ends[n][1])
        nudges = {lower: -10, 1 - lower: 10}
    for number, (x, value, name) in enumerate(ends):
        edge = x == count - 1
        axes.annotate(
            f"{name}\n{style.currency.format_short(value)}",
            (x, value),
            # Right of the last month; above and left of a line that ends earlier.
            xytext=(6, nudges.get(number, 0)) if edge else (-4, 6),
            textcoords="offset points",
            ha="left" if edge else "right",
            va="center" if edge else "bottom",
            fontsize=7.5,
            linespacing=1.0,
            color=style.text,
            # Drawn beyond the axes, where the constrained layout makes room for it.
            annotation_clip=False,
        )


def _note(axes: Axes, message: str, style: ChartStyle) -> None:
    """A sentence on axes that still show planned values, for the part with nothing in it:
    bottom right, below the rising cumulative line, on the background colour."""
    axes.text(
        0.98,
        0.04,
        message,
        transform=axes.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
        color=style.muted,
        zorder=6,
        bbox={"facecolor": style.background, "edgecolor": "none", "alpha": 0.9, "pad": 2},
    )
