"""The hand-off chart: is the marketing-sales agreement kept, month by month?

Three small panels over one month axis: MQLs delivered (bars) against the MQLs marketing
committed (dashed line); the share sales accepted (SAL ÷ MQL, solid line) against the agreed
rate (dashed); sales' follow-up hours against the agreed hours (lower is better). A month that
missed a part of the agreement carries a cross on that panel: shape, not colour alone.

The agreement is the plan's, one for the whole company. With a filter, delivered MQLs and the
acceptance rate count the filtered initiatives only (the chart says so); their MQLs are not
judged against the plan-wide commitment, which part of the plan cannot be held to; the
follow-up hours stay the plan-wide figures entered on Plan settings. Months after the latest
actuals are on the axis, empty, so the chart shows how far into the period the plan is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from planner.analysis import Dimension, handoff_by_month
from planner.charts import TITLES
from planner.charts.months_axis import chart_months, month_ticks
from planner.charts.options import ChartOptions
from planner.charts.redraw import shape
from planner.charts.style import (
    ACTUAL,
    BEHIND,
    NO_ACTUALS,
    NO_INITIATIVES,
    ChartStyle,
    new_figure,
    tag,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis

_LEGEND_ORDER = ("Delivered", "Actual", "Committed", "Agreed", "Missed")


@dataclass(frozen=True, slots=True)
class HandoffData:
    """The agreement and its actuals for each month of ``months``. Actual series are ``None``
    for months with nothing entered (and after ``actuals_through``); ``*_met`` say whether
    each part was kept (``None``: not judged). ``filtered``: MQLs and acceptance count only
    the initiatives of a filter."""

    months: tuple[int, ...]
    mqls_committed: int
    acceptance_agreed: float
    followup_agreed: float
    mqls_delivered: tuple[int | None, ...]
    acceptance_actual: tuple[float | None, ...]
    followup_actual: tuple[float | None, ...]
    mqls_met: tuple[bool | None, ...]
    acceptance_met: tuple[bool | None, ...]
    followup_met: tuple[bool | None, ...]
    actuals_through: int | None
    filtered: bool
    initiatives: int = 0  # in the whole plan: none at all gets its own empty state

    @property
    def has_actuals(self) -> bool:
        return any(
            value is not None
            for series in (self.mqls_delivered, self.acceptance_actual, self.followup_actual)
            for value in series
        )

    @property
    def missed(self) -> tuple[int, ...]:
        """The months that missed any part of the agreement."""
        return tuple(month for month, *parts in _parts(self) if False in parts)


def _parts(data: HandoffData) -> zip[tuple[int, bool | None, bool | None, bool | None]]:
    """(month, MQLs met, acceptance met, follow-up met) for each month."""
    return zip(data.months, data.mqls_met, data.acceptance_met, data.followup_met, strict=True)


def data(analysis: Analysis, options: ChartOptions) -> HandoffData:
    """The agreement against actuals for each month of ``options.months``; MQLs and SALs come
    from one monthly roll-up of the initiatives ``options.where`` keeps."""
    plan = analysis.plan
    months = chart_months(plan.horizon, options.months)
    agreement = plan.handoff.get()
    through = analysis.actuals_through()
    judged = {}
    if months and through is not None and through >= months[0]:
        last = min(months[-1], through)
        monthly = {  # up to the latest actuals only
            row.key: row.totals
            for row in analysis.rollup(
                Dimension.MONTH, months=(months[0], last), where=options.where
            )
        }
        judged = {entry.month: entry for entry in handoff_by_month(analysis, monthly=monthly)}
    entries = [judged.get(month) for month in months]
    return HandoffData(
        months=tuple(months),
        mqls_committed=agreement.mqls_per_month,
        acceptance_agreed=agreement.acceptance_rate,
        followup_agreed=agreement.followup_hours,
        mqls_delivered=tuple(e.mqls_delivered if e else None for e in entries),
        acceptance_actual=tuple(e.acceptance_actual if e else None for e in entries),
        followup_actual=tuple(e.followup_actual if e else None for e in entries),
        # Part of the initiatives cannot be held to the whole plan's MQL commitment.
        mqls_met=tuple(e.mqls_met if e and options.where is None else None for e in entries),
        acceptance_met=tuple(e.acceptance_met if e else None for e in entries),
        followup_met=tuple(e.followup_met if e else None for e in entries),
        actuals_through=through,
        filtered=options.where is not None,
        initiatives=plan.initiatives.count(),
    )


def draw(data: HandoffData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Three panels over the months: MQLs, acceptance rate, follow-up hours."""
    # The month axis shows the period; the title gives the verdict.
    title = TITLES["handoff"]
    if not data.initiatives:
        figure, grid = new_figure(style, title=title, into=into, shape=shape(data))
        style.empty(grid[0][0], NO_INITIATIVES)
        return figure
    judged = [month for month, *parts in _parts(data) if any(p is not None for p in parts)]
    if judged:
        missed = len(data.missed)
        title += (
            f": agreement missed in {missed} of {len(judged)} months"
            if missed
            else f": agreement kept in all {len(judged)} months"
        )
    figure, grid = new_figure(style, 3, 1, title=title, into=into, shape=shape(data))
    mqls, acceptance, followup = grid[0][0], grid[1][0], grid[2][0]
    for axes in (acceptance, followup):
        if not axes.get_shared_x_axes().joined(axes, mqls):  # not yet (a new figure)
            axes.sharex(mqls)
    _draw_mqls(mqls, data, style)
    _draw_rate(
        acceptance,
        data,
        style,
        values=data.acceptance_actual,
        met=data.acceptance_met,
        agreed=data.acceptance_agreed,
        heading=f"Accepted by sales (SAL ÷ MQL) vs agreed {data.acceptance_agreed:.0%}",
        formatter=PercentFormatter(1.0, decimals=0),
    )
    _draw_rate(
        followup,
        data,
        style,
        values=data.followup_actual,
        met=data.followup_met,
        agreed=data.followup_agreed,
        heading=f"Follow-up hours vs agreed {data.followup_agreed:g} h (lower is better)",
        formatter=FuncFormatter(lambda value, _pos: f"{value:g} h"),
    )
    month_ticks(followup, list(data.months))
    for axes in (mqls, acceptance):
        axes.tick_params(axis="x", labelbottom=False)
        # The month ticks between labels stay on the bottom panel only: the same months,
        # and ticks are most of the render time on a three-year plan.
        axes.tick_params(axis="x", which="minor", bottom=False)
    if not data.has_actuals:
        acceptance.text(
            0.5,
            0.5,
            NO_ACTUALS,
            transform=acceptance.transAxes,
            ha="center",
            va="center",
            fontsize=9,
            color=style.muted,
        )
    return figure


def _draw_mqls(axes: Axes, data: HandoffData, style: ChartStyle) -> None:
    if data.filtered:
        heading = (
            f"MQLs of the filtered initiatives (the {data.mqls_committed:,}/month "
            "commitment is plan-wide)"
        )
    elif data.mqls_committed:
        heading = f"MQLs delivered vs committed {data.mqls_committed:,}/month"
    else:
        heading = "MQLs delivered (no monthly commitment set on Plan settings)"
    _dress(axes, style, heading)
    delivered = [
        (position, value) for position, value in enumerate(data.mqls_delivered) if value is not None
    ]
    if delivered:
        bars = axes.bar(
            [position for position, _value in delivered],
            [value for _position, value in delivered],
            0.6,
            **{**style.actual_bars(), "label": "Delivered"},
        )
        tag(bars, [_key(data.months[position]) for position, _value in delivered])
    if data.mqls_committed:
        axes.axhline(data.mqls_committed, **_reference(style, "Committed"))
    missed = [
        (position, value) for position, value in delivered if data.mqls_met[position] is False
    ]
    _mark_missed(axes, data, missed, style)
    top = max([data.mqls_committed, *(value for _position, value in delivered)])
    axes.set_ylim(0, max(top, 1) * 1.25)
    style.count_axis(axes)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    _legend(axes, style)


def _draw_rate(
    axes: Axes,
    data: HandoffData,
    style: ChartStyle,
    *,
    values: tuple[float | None, ...],
    met: tuple[bool | None, ...],
    agreed: float,
    heading: str,
    formatter: Any,
) -> None:
    """An actual line with a point per month (a cross where the month missed) over the
    agreed value as a dashed line."""
    _dress(axes, style, heading)
    points = [(position, value) for position, value in enumerate(values) if value is not None]
    if points:
        line = {**style.actual_line(), "marker": "none", "label": "Actual"}
        axes.plot([p for p, _v in points], [v for _p, v in points], **line)
        # One marker per month, each clickable on its own.
        markers = [
            axes.plot([position], [value], **_point(style, met[position] is False))[0]
            for position, value in points
        ]
        tag(markers, [_key(data.months[position]) for position, _value in points])
    axes.axhline(agreed, **_reference(style, "Agreed"))
    top = max([agreed, *(value for _position, value in points)])
    axes.set_ylim(0, max(top, 1e-9) * 1.3)
    axes.yaxis.set_major_formatter(formatter)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=3))
    if any(met[position] is False for position, _value in points):
        axes.plot([], [], label="Missed", **_missed(style))
    _legend(axes, style)


def _mark_missed(
    axes: Axes, data: HandoffData, missed: list[tuple[int, int]], style: ChartStyle
) -> None:
    """A cross over each bar of a month that fell short of the commitment."""
    if not missed:
        return
    crosses = [
        axes.plot([position], [value], label="Missed" if index == 0 else "_", **_missed(style))[0]
        for index, (position, value) in enumerate(missed)
    ]
    tag(crosses, [_key(data.months[position]) for position, _value in missed])


def _point(style: ChartStyle, missed: bool) -> dict[str, Any]:
    if missed:
        return _missed(style)
    return {
        "marker": "s",
        "markersize": 4,
        "color": ACTUAL,
        "linestyle": "none",
        "zorder": 3,
    }


def _missed(style: ChartStyle) -> dict[str, Any]:
    """A cross, outlined in the background colour so it stands clear of a bar or line."""
    return {
        "marker": "X",
        "markersize": 7,
        "color": BEHIND,
        "markeredgecolor": style.background,
        "markeredgewidth": 0.8,
        "linestyle": "none",
        "zorder": 3,
    }


def _reference(style: ChartStyle, label: str) -> dict[str, Any]:
    """The agreed value: the planned line's dash, without its markers."""
    line = style.planned_line()
    return {
        "color": line["color"],
        "linestyle": line["linestyle"],
        "linewidth": 1.3,
        "label": label,
    }


def _dress(axes: Axes, style: ChartStyle, heading: str) -> None:
    style.dress(axes)
    style.title(axes, heading, fontsize=8, pad=3)
    axes.tick_params(labelsize=7)


def _legend(axes: Axes, style: ChartStyle) -> None:
    """Right of the panel, so it never covers a month."""
    handles, labels = axes.get_legend_handles_labels()
    if not handles:
        return  # nothing drawn to name (no commitment and no actuals)
    # What was delivered first, then what was agreed, then the misses.
    order = sorted(range(len(labels)), key=lambda i: _LEGEND_ORDER.index(labels[i]))
    style.legend(
        axes,
        handles=[handles[i] for i in order],
        labels=[labels[i] for i in order],
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
    )


def _key(month: int) -> str:
    return f"month:{month}"
