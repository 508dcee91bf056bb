"""Attainment to date: revenue won actual ÷ planned, by initiative (the top and bottom N), by
owner and by team.

"To date" is the chart's months up to the plan's actuals-through month, so a month nobody
could have reported yet never drags anyone down. Bars are green at or above 100% and
vermilion below, each labelled with its percentage (colour is never the only cue), against
a dashed 100% line. Initiatives with no revenue planned to date have no attainment; they are
left out and a footnote counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner import months as month_math
from planner.analysis import Dimension
from planner.charts.months_axis import chart_months
from planner.charts.redraw import shape
from planner.charts.style import AHEAD, BEHIND, NO_INITIATIVES, ChartStyle, new_figure, tag
from planner.domain import Metric

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis, RollupRow
    from planner.charts.options import ChartOptions

REVENUE = Metric.REVENUE_WON
NO_OWNER = "(no owner)"  # as rollup() labels initiatives without an Accountable
NAME_LENGTH = 24  # longer names are cut there and end in "…"
NO_ACTUALS = "No actuals yet: enter them on Targets & actuals to see attainment against the plan"
NOTHING_PLANNED = "No revenue won planned to date, so there is no attainment to show"


@dataclass(frozen=True)
class AttainmentBar:
    """One bar: ``key`` is its click key (``"initiative:17"``, ``"owner:5"``, ``"team:Sales"``,
    ``"owner:none"`` / ``"team:none"`` for initiatives without an owner); revenue won to
    date in minor units, ``planned`` always above 0."""

    key: str
    label: str
    planned: int
    actual: int

    @property
    def attainment(self) -> float:
        return self.actual / self.planned

    @property
    def ahead(self) -> bool:
        return self.actual >= self.planned


@dataclass(frozen=True)
class AttainmentData:
    """What the attainment chart shows.

    ``to_date``: the months compared (the chart's months up to ``actuals_through``), ``None``
    when none has actuals. ``initiatives``: the best ``top_count`` then the worst, best
    first; ``initiatives_between`` more rank between them and are not drawn. ``owners``
    likewise (best first, ``owners_between`` not drawn); ``teams``: all of them.
    ``not_planned``: initiatives kept by the filter with no revenue won planned to date,
    left out (the ``footnote`` says so). ``planned`` / ``actual``: the totals to date.
    """

    headline: str
    to_date: tuple[int, int] | None
    actuals_through: int | None
    initiatives: tuple[AttainmentBar, ...]
    top_count: int
    initiatives_between: int
    owners: tuple[AttainmentBar, ...]
    owner_top_count: int
    owners_between: int
    teams: tuple[AttainmentBar, ...]
    not_planned: int
    planned: int
    actual: int
    plan_initiatives: int
    footnote: str

    @property
    def ranked(self) -> int:
        """Initiatives with revenue planned to date."""
        return len(self.initiatives) + self.initiatives_between


def data(analysis: Analysis, options: ChartOptions) -> AttainmentData:
    """Attainment to date over ``options.months`` (or the horizon) of the initiatives
    ``options.where`` keeps; ``options.top`` initiatives at each end."""
    plan = analysis.plan
    months = chart_months(plan.horizon, options.months)
    through = analysis.actuals_through()
    plan_initiatives = plan.initiatives.count()
    if through is None or through < months[0]:
        ids = options.where.kept(plan) if options.where is not None else None
        count = plan_initiatives if ids is None else len(ids)
        return _nothing(plan_initiatives, through, count)
    to_date = (months[0], min(months[-1], through))

    rows, by_owner, by_team = analysis.rollups(
        (Dimension.INITIATIVE, Dimension.OWNER, Dimension.TEAM),
        months=to_date,
        where=options.where,
    )
    kept = len(rows)
    initiatives = _ranked(
        AttainmentBar(f"initiative:{row.key}", row.label, *_revenue(row)) for row in rows
    )
    shown, top_count, between = _ends(initiatives, options.top)
    owners_by = [_bar("owner", row) for row in by_owner]
    teams_by = [_bar("team", row) for row in by_team]
    # Owners share a smaller panel: half as many at each end as initiatives.
    owners, owner_top, owners_between = _ends(_ranked(owners_by), (options.top + 1) // 2)
    teams = _ranked(teams_by)
    # Overall, as the revenue chart's headline: every initiative's revenue to date, also
    # revenue won where none was planned.
    planned = sum(_revenue(row)[0] for row in rows)
    actual = sum(_revenue(row)[1] for row in rows)
    not_planned = kept - len(initiatives)
    return AttainmentData(
        headline=_headline(initiatives, planned, actual, to_date),
        to_date=to_date,
        actuals_through=through,
        initiatives=tuple(shown),
        top_count=top_count,
        initiatives_between=between,
        owners=tuple(owners),
        owner_top_count=owner_top,
        owners_between=owners_between,
        teams=tuple(teams),
        not_planned=not_planned,
        planned=planned,
        actual=actual,
        plan_initiatives=plan_initiatives,
        footnote=_footnote(not_planned),
    )


def _nothing(plan_initiatives: int, through: int | None, kept: int) -> AttainmentData:
    return AttainmentData(
        headline="Attainment: no actuals to date",
        to_date=None,
        actuals_through=through,
        initiatives=(),
        top_count=0,
        initiatives_between=0,
        owners=(),
        owner_top_count=0,
        owners_between=0,
        teams=(),
        not_planned=kept,
        planned=0,
        actual=0,
        plan_initiatives=plan_initiatives,
        footnote="",
    )


def _revenue(row: RollupRow) -> tuple[int, int]:
    """Revenue won planned and actual; nothing entered to date is nothing won."""
    return row.totals.planned[REVENUE], row.totals.actual[REVENUE] or 0


def _ranked(bars: Iterable[AttainmentBar]) -> list[AttainmentBar]:
    """The bars with revenue planned, best first; equal attainment in name order, so the
    order never flickers."""
    found = [bar for bar in bars if bar.planned > 0]
    return sorted(found, key=lambda bar: (-bar.attainment, bar.label.casefold()))


def _bar(kind: str, row: RollupRow) -> AttainmentBar:
    return AttainmentBar(f"{kind}:{row.key or 'none'}", row.label, *_revenue(row))


def _ends(ranked: list[AttainmentBar], top: int) -> tuple[list[AttainmentBar], int, int]:
    """The best ``top`` and the worst ``top`` (all of them when that is no fewer): the bars,
    how many are the best, how many rank between and are left out."""
    top = max(top, 1)
    if len(ranked) <= 2 * top:
        return ranked, len(ranked), 0
    return ranked[:top] + ranked[-top:], top, len(ranked) - 2 * top


def _headline(
    initiatives: list[AttainmentBar], planned: int, actual: int, to_date: tuple[int, int]
) -> str:
    """The title: "7 of 12 initiatives at or above plan to Apr 2026 (101% overall)"."""
    if not initiatives:
        return f"Attainment to {month_math.label(to_date[1])}: no revenue won planned"
    ahead = sum(bar.ahead for bar in initiatives)
    overall = round(100 * actual / planned)
    return (
        f"{ahead:,} of {len(initiatives):,} initiatives at or above plan to "
        f"{month_math.label(to_date[1])} ({overall}% overall)"
    )


def _footnote(not_planned: int) -> str:
    if not not_planned:
        return ""
    noun = "initiative" if not_planned == 1 else "initiatives"
    return f"{not_planned} {noun} with no revenue planned to date not shown"


def short_name(name: str) -> str:
    """``name``, cut to 24 characters and "…" when longer."""
    return name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH].rstrip() + "…"


def draw(chart: AttainmentData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Initiatives on the left (full height); owners and teams stacked on the right."""
    if not chart.initiatives:
        figure, axes = new_figure(style, title=chart.headline, into=into, shape=shape(chart))
        if not chart.plan_initiatives:
            message = NO_INITIATIVES
        else:
            message = NO_ACTUALS if chart.to_date is None else NOTHING_PLANNED
        style.empty(axes[0][0], message)
        return figure
    rows = len(chart.initiatives) + (1 if chart.initiatives_between else 0)
    # The initiatives panel spans both rows of the left column.
    figure, axes = new_figure(
        style,
        2,
        2,
        title=chart.headline,
        into=into,
        shape=shape(chart),
        span_first_column=True,
        width_ratios=[1.45, 1],
        height_ratios=[max(len(chart.owners), 1) + 1.5, max(len(chart.teams), 1) + 1.5],
    )
    initiatives = axes[0][0]
    through = month_math.label(chart.to_date[1]) if chart.to_date else ""
    _ranking(
        initiatives,
        chart.initiatives,
        style,
        title=f"By initiative, to {through}",
        split=(chart.top_count, chart.initiatives_between),
        rows=rows,
    )
    if chart.footnote:  # at the foot of the figure, where the layout keeps room for it
        figure.supxlabel(chart.footnote, x=0.01, ha="left", fontsize=7.5, color=style.muted)
    _legend(initiatives, style)
    owners, teams = axes[0][1], axes[1][1]
    if chart.owners:
        _ranking(
            owners,
            chart.owners,
            style,
            title="By owner",
            split=(chart.owner_top_count, chart.owners_between),
            rows=len(chart.owners) + (1 if chart.owners_between else 0),
        )
    else:
        style.empty(owners, "No owners with revenue planned to date")
    if chart.teams:
        _ranking(teams, chart.teams, style, title="By team", split=(len(chart.teams), 0))
    else:
        style.empty(teams, "No teams with revenue planned to date")
    return figure


def _ranking(
    axes: Axes,
    bars: tuple[AttainmentBar, ...],
    style: ChartStyle,
    *,
    title: str,
    split: tuple[int, int],
    rows: int | None = None,
) -> None:
    """Horizontal bars, best at the top, each labelled with its percentage; a gap row with
    "… N more …" between the best and the worst when some are left out."""
    style.dress(axes, title)
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    top_count, between = split
    positions = [n if n < top_count or not between else n + 1 for n in range(len(bars))]
    values = [bar.attainment for bar in bars]
    drawn = axes.barh(
        positions,
        values,
        0.7,
        color=[AHEAD if bar.ahead else BEHIND for bar in bars],
        edgecolor=style.background,
        linewidth=0.5,
    )
    tag(drawn, [bar.key for bar in bars])
    axes.axvline(1.0, color=style.text, linestyle="--", linewidth=1.0, zorder=3)
    limit = max([*values, 1.0]) * 1.2
    for position, bar in zip(positions, bars, strict=True):
        _percent(axes, bar, position, limit, style)
    if between:
        axes.text(
            0.02,
            top_count,
            f"… {between:,} more …",
            transform=axes.get_yaxis_transform(),
            va="center",
            fontsize=7,
            color=style.muted,
        )
    # At least three rows' height, so a lone bar is not a slab.
    rows = max(rows or len(bars), 3)
    labels = [short_name(bar.label) for bar in bars]
    axes.set_yticks(positions, labels=labels)
    axes.tick_params(axis="y", labelsize=7.5 if rows > 10 else 8, length=0)
    axes.set_ylim(rows - 0.5, -0.5)  # best at the top
    # Room right of the longest bar for its label, and always the 100% line in view.
    axes.set_xlim(0, limit)
    # At most four ticks, fewer when the panel is narrow (a small dashboard tile).
    axes.xaxis.set_major_locator(_FewTicks())
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.0%}"))


def _percent(
    axes: Axes, bar: AttainmentBar, position: float, limit: float, style: ChartStyle
) -> None:
    """The bar's percentage where no line runs through it: inside the end of a bar below
    plan that is long enough, else just right of the bar, or right of the 100% line when
    the bar ends just short of it."""
    value = bar.attainment
    inside = not bar.ahead and value >= 0.2 * limit
    if inside:
        x, offset, align, colour = value, -3, "right", "white"
    else:
        near_line = not bar.ahead and value > 1.0 - 0.12 * limit
        x, offset, align, colour = (1.0 if near_line else value), 3, "left", style.text
    axes.annotate(
        f"{round(100 * value)}%",
        (x, position),
        xytext=(offset, 0),
        textcoords="offset points",
        ha=align,
        va="center",
        fontsize=7,
        color=colour,
    )


class _FewTicks(MaxNLocator):
    """Round ticks, as many as fit the axis' width (two an inch), two to four."""

    def __init__(self) -> None:
        super().__init__(nbins=4, steps=[1, 2, 2.5, 5, 10])

    def __call__(self):  # type: ignore[no-untyped-def]
        axes = self.axis.axes
        inches = axes.bbox.width / axes.figure.dpi
        self.set_params(nbins=min(4, max(2, int(inches * 2))))
        return super().__call__()


def _legend(axes: Axes, style: ChartStyle) -> None:
    handles = [
        Patch(color=AHEAD, label="At or above plan"),
        Patch(color=BEHIND, label="Below plan"),
        axes.get_lines()[0],
    ]
    handles[2].set_label("Plan (100%)")
    # Below the panel: inside it, it would cover bars whatever the corner.
    style.legend(axes, handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncols=3)
