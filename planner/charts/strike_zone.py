"""The strike-zone chart: are we pitching into the zone?

Left, the share of the budget and of the revenue target going to core, edge and outside
segments and to initiatives aimed at no segment, as two 100% bars. Right, revenue by segment,
planned versus actual, core segments first.

The shares on the left are the strike zone's one definition,
:func:`planner.analysis.strike_zone` (the live initiatives' budgets and revenue targets by
tier), for the initiatives the filter keeps: the same figures as the Strike zone page, the
workbook and the checks. Budgets and targets are not by month, so the period does not narrow
them. The revenue on the right is the segment roll-up of revenue won, planned and actual, over
the chosen months and filter. An initiative aimed at several segments is split between them
exactly as the roll-up allocates it, so the tiers add up to the whole. Segments no live
initiative aims at are listed too (unfiltered view only), since an empty core segment is the
finding this chart exists for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.ticker import MaxNLocator, PercentFormatter

from planner import months as month_math
from planner.analysis import Dimension, strike_zone
from planner.charts import TITLES
from planner.charts.options import ChartOptions
from planner.charts.redraw import shape
from planner.charts.style import NO_ACTUALS, TIER_COLOURS, ChartStyle, new_figure, tag
from planner.domain import Metric, Tier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from planner.analysis import Analysis

# Tiers in strike-zone order; None is "aimed at no segment".
TIERS: tuple[str | None, ...] = (Tier.CORE.value, Tier.EDGE.value, Tier.OUTSIDE.value, None)
_TIER_LABELS = {"core": "Core", "edge": "Edge", "outside": "Outside", None: "No segment"}
# Hatching per tier, so the shares read in grey print and without colour vision.
_HATCHES = {"core": "", "edge": "///", "outside": "...", None: "xx"}
# Text on a tier's fill: white on the dark green, dark on the light fills.
_INK = {"core": "#ffffff", "edge": "#1f2326", "outside": "#1f2326", None: "#1f2326"}
MAX_SEGMENTS = 10  # rows on the right panel; the rest are counted in a note
_NAME_LENGTH = 24
_SHOW_SHARE = 0.12  # a share narrower than this has no room for its label inside
NO_PLAN = "Nothing planned yet: add initiatives, aim them at segments and plan their spend"


@dataclass(frozen=True, slots=True)
class TierShare:
    """A tier's part of the live initiatives' budgets (``budget``) and revenue targets
    (``target``), minor units, as :func:`planner.analysis.strike_zone` allocates them."""

    tier: str | None  # "core", "edge", "outside", or None for "aimed at no segment"
    label: str
    budget: int
    target: int


@dataclass(frozen=True, slots=True)
class SegmentRevenue:
    """Revenue won of one segment (``segment`` None: initiatives aimed at no segment)."""

    segment: int | None
    name: str
    tier: str | None
    planned: int
    actual: int | None
    aimed: bool  # False: no live initiative aims at this segment


@dataclass(frozen=True, slots=True)
class StrikeZoneData:
    """What the strike-zone chart shows: ``tiers`` in order core, edge, outside, none;
    ``segments`` (at most MAX_SEGMENTS, the largest, ordered by tier) and how many smaller
    ones were left out (``hidden``); ``actuals_through`` the latest month with actuals."""

    months: tuple[int, int]
    tiers: tuple[TierShare, ...]
    segments: tuple[SegmentRevenue, ...]
    hidden: int
    actuals_through: int | None

    @property
    def total_budget(self) -> int:
        return sum(share.budget for share in self.tiers)

    @property
    def total_target(self) -> int:
        return sum(share.target for share in self.tiers)

    @property
    def has_actuals(self) -> bool:
        return any(row.actual is not None for row in self.segments)


def data(analysis: Analysis, options: ChartOptions) -> StrikeZoneData:
    """Tier shares of the strike zone for ``options.where``, and segment revenue over
    ``options.months`` from one segment roll-up."""
    plan = analysis.plan
    first, last = options.months or (plan.horizon.first, plan.horizon.last)
    segments = {segment.id: segment for segment in plan.segments.list()}
    rows = analysis.rollup(Dimension.SEGMENT, months=(first, last), where=options.where)
    zone = strike_zone(analysis, options.where)
    through = analysis.actuals_through()
    actual = _actual_to_date(analysis, (first, last), through, options)
    revenue = []
    for row in rows:
        if row.totals.empty:  # aimed at, but nothing planned or entered in these months
            continue
        tier = None if row.key is None else segments[row.key].tier.value
        revenue.append(
            SegmentRevenue(
                segment=row.key,  # type: ignore[arg-type]
                name=row.label,
                tier=tier,
                planned=row.totals.planned[Metric.REVENUE_WON],
                actual=row.totals.actual[Metric.REVENUE_WON] if actual is None else actual[row.key],
                aimed=True,
            )
        )
    if options.where is None:
        shown = {row.segment for row in revenue}
        revenue += [
            SegmentRevenue(segment.id, segment.name, segment.tier.value, 0, None, aimed=False)
            for segment in zone.uncovered
            if segment.id not in shown
        ]
    kept = sorted(revenue, key=lambda row: max(row.planned, row.actual or 0), reverse=True)
    kept = kept[:MAX_SEGMENTS]
    order = {segment_id: position for position, segment_id in enumerate(segments)}
    kept.sort(key=lambda row: (TIERS.index(row.tier), order.get(row.segment, len(order))))
    return StrikeZoneData(
        months=(first, last),
        tiers=tuple(
            TierShare(
                tier,
                _TIER_LABELS[tier],
                zone.budget_by_tier[_tier(tier)],
                zone.target_by_tier[_tier(tier)],
            )
            for tier in TIERS
        ),
        segments=tuple(kept),
        hidden=len(revenue) - len(kept),
        actuals_through=through,
    )


def draw(data: StrikeZoneData, style: ChartStyle, into: Figure | None = None) -> Figure:
    """Tier shares (left) and segment revenue (right) side by side."""
    first, last = data.months
    title = f"{TITLES['strike-zone']} · {month_math.label(first)} – {month_math.label(last)}"
    if not data.total_budget and not data.total_target and not data.segments:
        # One sentence across the whole figure, not squeezed into the left panel.
        figure, grid = new_figure(style, title=title, into=into, shape=shape(data))
        style.empty(grid[0][0], NO_PLAN)
        return figure
    figure, grid = new_figure(
        style, 1, 2, title=title, width_ratios=[2, 3], into=into, shape=shape(data)
    )
    shares, revenue = grid[0][0], grid[0][1]
    _draw_shares(shares, data, style)
    _draw_revenue(revenue, data, style)
    _key_below(figure, (shares, revenue), style)
    return figure


def _key_below(figure: Figure, panels: tuple[Axes, Axes], style: ChartStyle) -> None:
    """One key for both panels under the whole figure, as style.legend draws one: the tiers,
    then planned and actual. Under each panel the two keys would crowd a small tile."""
    handles, labels = [], []
    for axes in panels:
        more_handles, more_labels = axes.get_legend_handles_labels()
        handles += more_handles
        labels += more_labels
    figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=min(len(labels), 3),
        frameon=False,
        fontsize=8,
        labelcolor=style.text,
    )


def _draw_shares(axes: Axes, data: StrikeZoneData, style: ChartStyle) -> None:
    """Two 100% bars: budget on top, revenue target below, split by tier."""
    style.dress(axes, "Share by tier")
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    totals = (data.total_budget, data.total_target)
    rows = (1, 0)
    starts = [0.0, 0.0]
    small: list[list[str]] = [[], []]
    for share in data.tiers:
        values = (share.budget, share.target)
        if not any(values):
            continue
        widths = [
            value / whole if whole else 0.0 for value, whole in zip(values, totals, strict=True)
        ]
        bars = axes.barh(
            rows,
            widths,
            0.62,
            left=starts,
            color=TIER_COLOURS[share.tier],
            hatch=_HATCHES[share.tier],
            edgecolor=style.background,
            linewidth=1.0,
            label=share.label,
        )
        tag(bars, [_tier_key(share.tier)] * 2)
        for y, start, width in zip(rows, starts, widths, strict=True):
            if width >= _SHOW_SHARE:
                axes.text(
                    start + width / 2,
                    y,
                    _percent(width),
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    fontweight="bold",
                    color=_INK[share.tier],
                    # A backing in the tier's colour keeps the figure clear of the hatching.
                    bbox={
                        "boxstyle": "round,pad=0.15",
                        "facecolor": TIER_COLOURS[share.tier],
                        "edgecolor": "none",
                    },
                )
        for index, width in enumerate(widths):
            if 0 < width < _SHOW_SHARE:
                small[index].append(f"{share.label} {_percent(width)}")
        starts = [start + width for start, width in zip(starts, widths, strict=True)]
    # Shares too narrow to hold their figure are spelled out under their bar.
    for y, names in zip(rows, small, strict=True):
        if names:
            axes.text(0, y - 0.38, " · ".join(names), va="top", fontsize=7, color=style.muted)
    axes.set_xlim(0, 1)
    axes.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.set_xticks([0, 0.5, 1])  # three fit a small dashboard tile
    axes.set_yticks(rows, labels=["Budget", "Revenue\ntarget"])
    axes.tick_params(axis="y", length=0)
    axes.set_ylim(-0.6, 1.6)
    for y, whole in zip(rows, totals, strict=True):
        if not whole:
            axes.text(0.02, y, "nothing planned", va="center", fontsize=8, color=style.muted)


def _draw_revenue(axes: Axes, data: StrikeZoneData, style: ChartStyle) -> None:
    """Planned and actual revenue per segment, core segments on top."""
    heading = "Revenue by segment"
    if data.hidden:
        heading = (
            f"Revenue: top {len(data.segments)} of {len(data.segments) + data.hidden} segments"
        )
    style.dress(axes, heading)
    if not data.segments:
        style.empty(axes, NO_PLAN)
        return
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color=style.grid, linewidth=0.8)
    height = 0.38
    positions = list(range(len(data.segments)))
    keys = [_segment_key(row.segment) for row in data.segments]
    planned = axes.barh(
        [y - height / 2 for y in positions],
        [row.planned for row in data.segments],
        height,
        **style.planned_bars(),
    )
    tag(planned, keys)
    measured = [(y, row, key) for y, row, key in zip(positions, data.segments, keys, strict=True)]
    measured = [item for item in measured if item[1].actual is not None]
    if measured:
        actual = axes.barh(
            [y + height / 2 for y, _row, _key in measured],
            [row.actual for _y, row, _key in measured],
            height,
            **_actual_bars(data, style),
        )
        tag(actual, [key for _y, _row, key in measured])
    for y, row in zip(positions, data.segments, strict=True):
        if not row.aimed:
            axes.text(
                0,
                y,
                "  nothing aims here",
                va="center",
                fontsize=7,
                color=style.muted,
                style="italic",
            )
    axes.set_yticks(positions, labels=[_segment_label(row) for row in data.segments])
    axes.tick_params(axis="y", length=0, labelsize=7)
    axes.set_ylim(len(positions) - 0.4, -0.6)
    style.money_axis(axes, "x")
    # Segment names take half the panel; three money ticks fit what is left on a small tile.
    axes.xaxis.set_major_locator(MaxNLocator(nbins=3))
    axes.set_xlim(left=0)
    if not data.has_actuals:
        # Bottom right, where the smallest segments' bars end; backed so a bar never shows
        # through the words.
        axes.text(
            0.99,
            0.02,
            NO_ACTUALS,
            transform=axes.transAxes,
            ha="right",
            va="bottom",
            fontsize=8,
            color=style.muted,
            bbox={"facecolor": style.background, "edgecolor": "none", "pad": 2},
        )


def _actual_bars(data: StrikeZoneData, style: ChartStyle) -> dict[str, object]:
    """Actual bars, labelled with the month actuals run to: they cover only that far."""
    bars = style.actual_bars()
    if data.actuals_through is not None:
        bars["label"] = f"Actual (to {month_math.label(data.actuals_through)})"
    return bars


def _segment_label(row: SegmentRevenue) -> str:
    """The segment's name cut to 24 characters, and its tier: "Mid-market SaaS… · core"."""
    name = row.name if len(row.name) <= _NAME_LENGTH else row.name[:_NAME_LENGTH].rstrip() + "…"
    return name if row.tier is None else f"{name} · {row.tier}"


def _percent(share: float) -> str:
    """Whole percent, but never "0%" for a share that is there."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _actual_to_date(
    analysis: Analysis, months: tuple[int, int], through: int | None, options: ChartOptions
) -> dict[int | None, int | None] | None:
    """Revenue won by segment through ``through`` when the chart's months hold actuals after
    it (typed ahead into months not closed: not counted, as everywhere); ``None`` when the
    chart's own roll-up holds no such actual, so its actuals serve as they are."""
    first, last = months
    latest = analysis.sums.latest_actual(first, last)
    if latest is None or (through is not None and latest <= through):
        return None
    if through is None or through < first:
        return defaultdict(lambda: None)
    rows = analysis.rollup(Dimension.SEGMENT, months=(first, through), where=options.where)
    return defaultdict(
        lambda: None, {row.key: row.totals.actual[Metric.REVENUE_WON] for row in rows}
    )


def _tier(tier: str | None) -> Tier | None:
    return None if tier is None else Tier(tier)


def _tier_key(tier: str | None) -> str:
    return f"tier:{tier or 'none'}"


def _segment_key(segment: int | None) -> str:
    return f"segment:{'none' if segment is None else segment}"
