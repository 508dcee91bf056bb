"""The timeline chart: what runs when. The plan's initiatives as bars across its months, in
lanes by channel, owner, team, strike-zone tier or status.

Everything shown is :func:`planner.timeline.build_timeline`'s, the one definition the
Timeline page and the workbook's Timeline sheet read too: the lanes and their order, each
bar's months, status, tier, owner and findings, the quarter and fiscal-year bands, today's
month and the last closed month. This module only lays them out.

Read without colour: a bar's status is its colour, its hatching and a word on its label; its
tier is a word on the label; a finding is a triangle at its start. A bar that runs on past
the months shown ends in an arrowhead.

A chart is read at a glance, so it never grows past :data:`MAX_ROWS` rows (a lane's title
takes a row too). When a plan has more, each lane keeps the same number of its largest
budgets, in the lane's own order, and a last row counts the rest month by month (how many of
them run in each month, shaded by how many); when even one apiece does not fit, the lanes
after those that fit are counted in a row of their own. The figure is a landscape page wide
and grows with its rows, from :data:`MIN_HEIGHT` to ``HEADER + ROW_HEIGHT * MAX_ROWS``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from unicodedata import east_asian_width

from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from planner import months as month_math
from planner.charts import TITLES
from planner.charts.months_axis import chart_months, month_ticks
from planner.charts.style import (
    ACTUAL,
    BASELINE,
    BLUE,
    NO_INITIATIVES,
    SKY,
    VERMILION,
    ChartStyle,
    new_figure,
    tag,
)
from planner.domain import Status, Tier
from planner.timeline import Grouping, build_timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis
    from planner.charts.options import ChartOptions
    from planner.timeline import Band, Bar, Timeline

MAX_ROWS = 60  # rows of the chart: lane titles, bars and "more" rows together
WIDTH = 11.0  # inches: a landscape page's width, as a slide takes it
ROW_HEIGHT = 0.26  # inches a row takes
HEADER = 1.9  # inches above and below the rows: title, bands, month labels, key
MIN_HEIGHT = 4.2
NAME_LENGTH = 42  # characters of an initiative's name in the gutter
NOTHING_SHOWN = "No initiative runs in these months"

# Each status's look: fill, hatching, edge. Planned is the house's planned look (light,
# hatched, outlined); what is running is solid; an idea dotted; done grey; dropped an outline.
_STATUS_LOOKS: dict[Status, dict[str, Any]] = {
    Status.IDEA: {"facecolor": "none", "hatch": "..", "edgecolor": SKY},
    Status.PLANNED: {"facecolor": "#c7e3f5", "hatch": "///", "edgecolor": BLUE},
    Status.ACTIVE: {"facecolor": ACTUAL, "hatch": "", "edgecolor": ACTUAL},
    Status.DONE: {"facecolor": "#a6a6a6", "hatch": "", "edgecolor": "#7a7a7a"},
    Status.DROPPED: {"facecolor": "none", "hatch": "", "edgecolor": "#9a9a9a"},
}
# Text on a bar's fill, in either scheme: white on the dark blue, dark on the light fills.
_INK = {Status.ACTIVE: "#ffffff", Status.PLANNED: "#1f2326", Status.DONE: "#1f2326"}
_TIER_WORDS = {Tier.CORE: "core", Tier.EDGE: "edge", Tier.OUTSIDE: "outside", None: "no segment"}
_BAR_HEIGHT = 0.66
_LABELS_BELOW = 24  # rows past which the month names are repeated under the chart
_LABEL_POINTS = 6.5
_CHARACTER_WIDTH = 0.56  # of a label's font size, in DejaVu Sans on average


@dataclass(frozen=True, slots=True)
class LaneRows:
    """A lane as drawn: ``bars`` in the lane's order, and those there was no room for
    (``hidden``, its smallest budgets)."""

    key: str
    title: str
    bars: tuple[Bar, ...]
    hidden: tuple[Bar, ...] = ()

    @property
    def more(self) -> int:
        return len(self.hidden)

    @property
    def rows(self) -> int:
        return 1 + len(self.bars) + (1 if self.hidden else 0)

    def hidden_by_month(self, months: tuple[int, ...]) -> tuple[int, ...]:
        """How many of the hidden bars run in each of ``months``."""
        return tuple(
            sum(bar.start_month <= month <= bar.end_month for bar in self.hidden)
            for month in months
        )


@dataclass(frozen=True, slots=True)
class TimelineData:
    """What the timeline chart shows: the ``timeline`` as built, the ``months`` shown (the
    chart's range), the lanes drawn with the bars that run in those months, and how many
    lanes (``more_lanes``) and bars in them (``more_lane_bars``) did not fit.
    ``today``: where today falls, in months from the first shown (its month's middle is a
    whole number); ``None`` outside the months shown."""

    timeline: Timeline
    months: tuple[int, ...]
    lanes: tuple[LaneRows, ...]
    more_lanes: int = 0
    more_lane_bars: int = 0
    today: float | None = None

    @property
    def shown(self) -> int:
        return sum(len(lane.bars) for lane in self.lanes)

    @property
    def total(self) -> int:
        return self.shown + sum(lane.more for lane in self.lanes) + self.more_lane_bars

    @property
    def rows(self) -> int:
        return sum(lane.rows for lane in self.lanes) + (1 if self.more_lanes else 0)


def data(analysis: Analysis, options: ChartOptions) -> TimelineData:
    """The timeline of the analysed plan by ``options.grouping`` (by channel when not
    given), of the initiatives ``options.where`` keeps that run in ``options.months``,
    with ``options.baseline``'s dates as ghost bars when one is given."""
    plan = analysis.plan
    timeline = build_timeline(
        plan,
        options.grouping or Grouping.CHANNEL,
        keep=options.where,
        baseline=options.baseline.plan if options.baseline is not None else None,
        analysis=analysis,
        today=analysis.today,
    )
    months = tuple(chart_months(plan.horizon, options.months))
    lanes = [
        (lane.key, lane.title, bars)
        for lane in timeline.lanes
        if (bars := tuple(b for b in lane.bars if _runs_in(b.start_month, b.end_month, months)))
    ]
    rows, more_lanes, more_lane_bars = fit_rows(lanes, MAX_ROWS)
    return TimelineData(
        timeline=timeline,
        months=months,
        lanes=rows,
        more_lanes=more_lanes,
        more_lane_bars=more_lane_bars,
        today=_today_position(timeline, analysis.today, months),
    )


def fit_rows(
    lanes: list[tuple[str, str, tuple[Bar, ...]]], room: int
) -> tuple[tuple[LaneRows, ...], int, int]:
    """The lanes as drawn in ``room`` rows, and how many lanes and bars did not fit (see the
    module's note): each lane keeps the same number of bars, its largest budgets, in the
    lane's order."""
    needed = sum(1 + len(bars) for _key, _title, bars in lanes)
    if needed <= room:
        return tuple(LaneRows(key, title, bars) for key, title, bars in lanes), 0, 0
    # The most bars apiece that fit: a lane cut short takes a row more, saying so.
    for each in range(max(len(bars) for *_, bars in lanes), 0, -1):
        rows = sum(1 + min(len(bars), each) + (len(bars) > each) for *_, bars in lanes)
        if rows <= room:
            return tuple(_cut(key, title, bars, each) for key, title, bars in lanes), 0, 0
    # Not even one apiece: the first lanes, one bar each, then a row counting the rest.
    kept: list[LaneRows] = []
    used = 1
    for key, title, bars in lanes:
        lane = _cut(key, title, bars, 1)
        if used + lane.rows > room:
            break
        kept.append(lane)
        used += lane.rows
    left = lanes[len(kept) :]
    return tuple(kept), len(left), sum(len(bars) for *_, bars in left)


def _cut(key: str, title: str, bars: tuple[Bar, ...], each: int) -> LaneRows:
    if len(bars) <= each:
        return LaneRows(key, title, bars)
    largest = set(sorted(range(len(bars)), key=lambda n: (-bars[n].budget, n))[:each])
    return LaneRows(
        key,
        title,
        tuple(bar for n, bar in enumerate(bars) if n in largest),
        tuple(bar for n, bar in enumerate(bars) if n not in largest),
    )


def _today_position(
    timeline: Timeline, today: datetime.date, months: tuple[int, ...]
) -> float | None:
    """Where ``today`` falls in ``months``: its month's position, less a half at the
    month's first day and plus a half after its last."""
    if timeline.today is None or timeline.today not in months:
        return None
    month_start = datetime.date(today.year, today.month, 1)
    next_start = datetime.date(today.year + today.month // 12, today.month % 12 + 1, 1)
    share = (today - month_start).days / (next_start - month_start).days
    if today.year * 100 + today.month != timeline.today:
        share = 0.5  # a clock other than the timeline's: its month's middle
    return months.index(timeline.today) - 0.5 + share


# -- drawing ------------------------------------------------------------------------------


def draw(data: TimelineData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """The lanes' bars over the months, under the fiscal-year and quarter bands."""
    timeline = data.timeline
    title = (
        f"{TITLES['timeline']} by {timeline.grouping.label.lower()} · "
        f"{month_math.label(data.months[0])} – {month_math.label(data.months[-1])}"
    )
    rows = data.rows
    height = max(MIN_HEIGHT, HEADER + ROW_HEIGHT * rows)
    figure, grid = new_figure(
        style,
        2,
        1,
        title=title,
        into=into,
        shape=("timeline", rows, len(data.months)),
        height_ratios=[0.5, max(1.0, height - HEADER)],
    )
    figure.set_size_inches(WIDTH, height)
    bands, axes = grid[0][0], grid[1][0]
    positions = _row_positions(data)
    _draw_bands(bands, data, style)
    style.dress(axes)
    axes.grid(False, axis="y")
    if not data.lanes:
        style.empty(axes, NO_INITIATIVES if not timeline.lanes else NOTHING_SHOWN)
        return figure
    month_ticks(axes, list(data.months))
    # Month names over the bars, under the bands, and again under a tall chart's last rows.
    axes.tick_params(
        axis="x",
        top=True,
        labeltop=True,
        bottom=rows > _LABELS_BELOW,
        labelbottom=rows > _LABELS_BELOW,
    )
    axes.set_xlim(-0.5, len(data.months) - 0.5)
    axes.set_ylim(max(rows, 1) - 0.5, -0.5)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    _draw_quarter_lines(axes, data, style)
    for lane, (header, bar_rows) in zip(data.lanes, positions, strict=True):
        _draw_lane(axes, lane, header, bar_rows, data, style)
    if data.more_lanes:
        _gutter(
            axes,
            rows - 1,
            f"… and {data.more_lanes:,} more lanes ({data.more_lane_bars:,} initiatives)",
            style.muted,
            style="italic",
        )
    _draw_lines(axes, data, style)
    _key_below(figure, data, style)
    if data.shown < data.total:
        bands.set_title(
            f"{data.shown:,} of {data.total:,} initiatives shown: each lane's largest budgets",
            loc="right",
            fontsize=8,
            color=style.muted,
        )
    return figure


def _row_positions(data: TimelineData) -> list[tuple[int, list[int]]]:
    """Each lane's title row and its bars' rows, top to bottom."""
    positions, row = [], 0
    for lane in data.lanes:
        positions.append((row, list(range(row + 1, row + 1 + len(lane.bars)))))
        row += lane.rows
    return positions


def _draw_bands(axes: Axes, data: TimelineData, style: ChartStyle) -> None:
    """Two rows of bands over the months: fiscal years above, quarters below."""
    axes.set_axis_off()
    axes.set_xlim(-0.5, len(data.months) - 0.5)
    axes.set_ylim(0, 2)
    for row, bands in ((1, data.timeline.years), (0, data.timeline.quarters)):
        for number, (first, last, label) in enumerate(_bands_shown(bands, data.months)):
            axes.broken_barh(
                [(first - 0.5, last - first + 1)],
                (row + 0.08, 0.84),
                facecolors=style.grid if number % 2 == 0 else style.background,
                edgecolors=style.muted,
                linewidth=0.6,
                gid=f"band:{label}",
            )
            axes.text(
                (first + last) / 2,
                row + 0.5,
                label,
                ha="center",
                va="center",
                fontsize=7.5 if row else 7,
                fontweight="bold" if row else "normal",
                color=style.text,
                clip_on=True,
            )


def _bands_shown(bands: tuple[Band, ...], months: tuple[int, ...]) -> list[tuple[int, int, str]]:
    """The bands over ``months`` as (first position, last position, label), cut to them."""
    shown = []
    for band in bands:
        inside = [n for n, month in enumerate(months) if band.first <= month <= band.last]
        if inside:
            shown.append((inside[0], inside[-1], band.label))
    return shown


def _draw_quarter_lines(axes: Axes, data: TimelineData, style: ChartStyle) -> None:
    """A light line where each quarter starts, a darker one where each fiscal year does."""
    year_starts = {first for first, _last, _label in _bands_shown(data.timeline.years, data.months)}
    for first, _last, _label in _bands_shown(data.timeline.quarters, data.months):
        if first == 0:
            continue
        strong = first in year_starts
        axes.axvline(
            first - 0.5,
            color=style.muted if strong else style.grid,
            linewidth=1.0 if strong else 0.8,
            zorder=0.5,
        )


def _draw_lane(
    axes: Axes,
    lane: LaneRows,
    header: int,
    bar_rows: list[int],
    data: TimelineData,
    style: ChartStyle,
) -> None:
    """The lane's title row (a band across the chart), its bars and its "more" row."""
    axes.axhspan(header - 0.5, header + 0.5, color=style.grid, zorder=0.2, gid=f"lane:{lane.key}")
    title = f"{lane.title} ({len(lane.bars) + lane.more:,})"
    _gutter(axes, header, title, style.text, fontsize=8, fontweight="bold")
    count = len(data.months)
    for row, bar in zip(bar_rows, lane.bars, strict=True):
        first, last = _span(bar.start_month, bar.end_month, data.months)
        _gutter(axes, row, short_name(bar.name), style.text)
        if moved(bar) and _runs_in(bar.baseline_start, bar.baseline_end, data.months):
            ghost_first, ghost_last = _span(bar.baseline_start, bar.baseline_end, data.months)
            axes.barh(
                row,
                ghost_last - ghost_first,
                0.9,
                left=ghost_first,
                facecolor="none",
                edgecolor=BASELINE,
                linestyle=(0, (3, 2)),
                linewidth=1.0,
                zorder=1.5,
                gid=f"baseline:{bar.initiative_id}",
            )
        look = _STATUS_LOOKS[bar.status]
        patches = axes.barh(
            row,
            last - first,
            _BAR_HEIGHT,
            left=first,
            linewidth=0.9,
            linestyle="--" if bar.status is Status.DROPPED else "-",
            zorder=2,
            **look,
        )
        tag(patches, [f"initiative:{bar.initiative_id}"])
        _label_bar(axes, bar, row, first, last, count, style)
        if bar.start_month < data.months[0]:
            axes.plot(first + 0.08, row, marker="<", color=style.text, markersize=5, zorder=4)
        if bar.end_month > data.months[-1]:
            axes.plot(last - 0.08, row, marker=">", color=style.text, markersize=5, zorder=4)
        if bar.findings:
            axes.plot(
                first + 0.12,
                row,
                marker="^",
                markersize=5.5,
                color=VERMILION,
                markeredgecolor=style.background,
                markeredgewidth=0.6,
                zorder=4,
                gid=f"finding:{bar.initiative_id}",
            )
    if lane.hidden:
        _draw_hidden(axes, lane, header + len(lane.bars) + 1, data, style)


def _draw_hidden(
    axes: Axes, lane: LaneRows, row: int, data: TimelineData, style: ChartStyle
) -> None:
    """The row of a lane's bars not drawn: how many, and how many run each month, the month
    shaded by how many."""
    _gutter(axes, row, f"… and {lane.more:,} more, by month", style.muted, style="italic")
    counts = lane.hidden_by_month(data.months)
    most = max(counts) or 1
    for position, count in enumerate(counts):
        if not count:
            continue
        axes.barh(
            row,
            1.0,
            _BAR_HEIGHT,
            left=position - 0.5,
            color=to_rgba(SKY, 0.15 + 0.55 * count / most),
            edgecolor=style.background,
            linewidth=0.8,
            zorder=2,
            gid=f"hidden:{lane.key}:{data.months[position]}",
        )
        axes.text(
            position,
            row,
            f"{count / 1000:.1f}k" if count >= 1000 else f"{count}",
            ha="center",
            va="center",
            fontsize=6,
            color=style.text,
            zorder=3,
        )


def moved(bar: Bar) -> bool:
    """Whether the baseline has ``bar`` at other dates (a ghost bar shows them)."""
    if bar.baseline_start is None or bar.baseline_end is None:
        return False
    return (bar.baseline_start, bar.baseline_end) != (bar.start_month, bar.end_month)


def _runs_in(start: int | None, end: int | None, months: tuple[int, ...]) -> bool:
    return start is not None and end is not None and start <= months[-1] and end >= months[0]


def _gutter(axes: Axes, row: float, text: str, colour: str, **look: Any) -> None:
    """``text`` in the gutter left of the chart, at ``row``."""
    look.setdefault("fontsize", 7.5)
    axes.text(
        -0.01,
        row,
        text,
        transform=blended_transform_factory(axes.transAxes, axes.transData),
        ha="right",
        va="center",
        color=colour,
        **look,
    )


def _span(start: int, end: int, months: tuple[int, ...]) -> tuple[float, float]:
    """The left and right edges of a bar from ``start`` to ``end``, cut to ``months``."""
    first = month_math.between(months[0], start) - 1 if start >= months[0] else 0
    last = month_math.between(months[0], end) - 1 if end >= months[0] else -1
    return max(first, 0) - 0.5, min(last, len(months) - 1) + 0.5


def bar_label(bar: Bar, style: ChartStyle) -> str:
    """What a bar says: its owner, status, tier and budget ("Dana Reyes · active · core ·
    $120k")."""
    return " · ".join(
        (
            bar.owner or "no owner",
            bar.status.value,
            _TIER_WORDS[bar.tier],
            style.currency.format_short(bar.budget),
        )
    )


def _label_bar(
    axes: Axes, bar: Bar, row: int, first: float, last: float, count: int, style: ChartStyle
) -> None:
    """The bar's label inside it when it fits, else beside it where there is room."""
    text = bar_label(bar, style)
    month_inches = (axes.get_position().width * axes.figure.get_figwidth()) / max(count, 1)
    needed = (label_points(text, _LABEL_POINTS) / 72 + 0.1) / month_inches
    options: dict[str, Any] = {"va": "center", "fontsize": _LABEL_POINTS, "clip_on": True}
    inset = 0.3 if bar.findings else 0.1  # clear of the finding's triangle
    if last - first >= needed + inset:
        # Backed by the bar's own fill, so neither its hatching nor a line crosses the words.
        fill = _STATUS_LOOKS[bar.status]["facecolor"]
        back = style.background if fill == "none" else fill
        colour = _INK.get(bar.status, style.text)
        place = {"x": first + inset, "ha": "left"}
    else:
        back, colour = style.background, style.text
        beside = count - 0.5 - last >= needed or first + 0.5 < needed
        place = {"x": last + 0.12, "ha": "left"} if beside else {"x": first - 0.12, "ha": "right"}
    axes.text(
        y=row,
        s=text,
        color=colour,
        zorder=3,
        bbox={"boxstyle": "square,pad=0.1", "facecolor": back, "edgecolor": "none"},
        **place,
        **options,
    )


def label_points(text: str, size: float) -> float:
    """About how wide ``text`` is drawn at ``size``, in points, without reading a font (a
    timeline labels hundreds of bars): DejaVu Sans' average width for most characters, a
    full em for the wide ones of Chinese, Japanese and Korean."""
    return size * sum(
        1.0 if east_asian_width(character) in "WF" else _CHARACTER_WIDTH for character in text
    )


def short_name(name: str) -> str:
    """A name on one line, cut to :data:`NAME_LENGTH` characters."""
    name = " ".join(name.split())
    return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1].rstrip() + "…"


def _draw_lines(axes: Axes, data: TimelineData, style: ChartStyle) -> None:
    """Today's line and the last closed month's, over the bars and under their labels."""
    closed = data.timeline.closed_through
    if closed is not None and data.months[0] <= closed <= data.months[-1]:
        axes.axvline(
            data.months.index(closed) + 0.5,
            color=style.text,
            linestyle=(0, (4, 2)),
            linewidth=1.1,
            zorder=2.5,
            label=f"Closed through {month_math.label(closed)}",
        )
    if data.today is not None:
        axes.axvline(
            data.today,
            color=VERMILION,
            linewidth=1.6,
            zorder=2.5,
            label=f"Today ({month_math.label(data.timeline.today)})"
            if data.timeline.today is not None
            else "Today",
        )


def _key_below(figure: Figure, data: TimelineData, style: ChartStyle) -> None:
    """One key under the chart: the statuses shown, the lines, findings and ghost bars."""
    shown = {bar.status for lane in data.lanes for bar in lane.bars}
    handles: list[Any] = [
        Patch(label=status.value.capitalize(), linewidth=0.9, **_STATUS_LOOKS[status])
        for status in Status
        if status in shown
    ]
    handles += _labelled_lines(figure.axes[1])
    if any(bar.findings for lane in data.lanes for bar in lane.bars):
        handles.append(
            Line2D(
                [],
                [],
                marker="^",
                linestyle="none",
                color=VERMILION,
                markersize=6,
                label="Has findings",
            )
        )
    if data.timeline.baseline_name and any(moved(bar) for lane in data.lanes for bar in lane.bars):
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=BASELINE,
                linestyle=(0, (3, 2)),
                label=f"Dates in {data.timeline.baseline_name}",
            )
        )
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=min(len(handles), 8),
        frameon=False,
        fontsize=7.5,
        labelcolor=style.text,
    )


def _labelled_lines(axes: Axes) -> list[Any]:
    """The labelled lines of ``axes`` (today's, the last closed month's)."""
    return [line for line in axes.get_lines() if not line.get_label().startswith("_")]
