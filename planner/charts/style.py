"""One look for every chart: a colour-blind-safe palette, planned told from actual without
colour (planned is hatched and outlined, actual solid; planned lines dashed), money in the
plan's currency on axes, light and dark backgrounds, and a sentence instead of blank axes.

Artists a user can click carry a ``gid`` such as ``"month:202603"`` or ``"owner:7"``: what
the app opens when that bar or point is clicked (see :func:`tag`).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure, SubFigure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from planner.charts.fonts import use_fallback_fonts
from planner.charts.redraw import ChartFigure, SettledLayout, reused
from planner.money import Currency

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from planner.plan import Plan

# The charts are drawn with matplotlib's own settings, never those of a matplotlibrc the user
# keeps for their own work: one with `text.usetex: True` made every chart fail where LaTeX is
# not installed, and its sizes and colours restyled the app's charts.
matplotlib.rcdefaults()
# Every string on a chart is drawn as written. Names, notes and headlines come from the plan
# file and may hold "$", which would start matplotlib's maths mode ("$x^2$" drawn as x²).
# No chart uses maths, so it is off for all text (tick labels made at draw time included).
matplotlib.rcParams["text.parse_math"] = False

# Okabe & Ito's palette, distinguishable with the common kinds of colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILION = "#D55E00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
SERIES = (BLUE, ORANGE, GREEN, VERMILION, SKY, PURPLE, YELLOW)

PLANNED = SKY  # with hatching and an outline in BLUE
ACTUAL = BLUE
FORECAST = ORANGE
BEHIND = VERMILION
# Another version's plan: vermilion is told from the blues and the orange with every common
# kind of colour blindness, and prints darker than they do; its dash-dot line and diamonds
# tell it without colour.
BASELINE = VERMILION
AHEAD = GREEN
TIER_COLOURS = {"core": GREEN, "edge": ORANGE, "outside": "#9a9a9a", None: "#c8c8c8"}

# What an empty chart says instead of showing blank axes.
NO_ACTUALS = "No actuals yet: enter them on Targets & actuals"
NO_INITIATIVES = "No initiatives yet: add them on the Initiatives page"

FIGURE_SIZE = (8.0, 4.2)  # inches; the app scales to its widget, files use this at 150 dpi
DPI = 150


@dataclass(frozen=True)
class ChartStyle:
    currency: Currency
    dark: bool = False
    # Drawn in the app's window, where pointing at a bar shows its value: a bar needs no
    # value written beside it (a file or a copy, read without a pointer, gets them).
    on_screen: bool = False

    @classmethod
    def for_plan(cls, plan: Plan, *, dark: bool = False, on_screen: bool = False) -> ChartStyle:
        return cls(plan.currency, dark, on_screen)

    @property
    def background(self) -> str:
        return "#16191b" if self.dark else "#ffffff"

    @property
    def text(self) -> str:
        return "#e6e8ea" if self.dark else "#1f2326"

    @property
    def muted(self) -> str:
        return "#8a9196" if self.dark else "#6b7280"

    @property
    def grid(self) -> str:
        return "#2f3539" if self.dark else "#e5e7eb"

    # -- series ------------------------------------------------------------------------

    def planned_bars(self) -> dict[str, Any]:
        """Planned bars: light fill, hatched, outlined: readable without colour. The hatch
        takes the edge colour, so no alpha (it would fade the hatch too)."""
        return {
            "color": to_rgba(PLANNED, 0.3),
            "hatch": "///",
            "edgecolor": PLANNED if self.dark else ACTUAL,
            "linewidth": 0.8,
            "label": "Planned",
        }

    def actual_bars(self) -> dict[str, Any]:
        return {"color": ACTUAL, "edgecolor": ACTUAL, "linewidth": 0.8, "label": "Actual"}

    def planned_line(self) -> dict[str, Any]:
        return {
            "color": ACTUAL,
            "linestyle": "--",
            "linewidth": 1.6,
            "marker": "o",
            "markersize": 3.5,
            "markerfacecolor": self.background,
            "label": "Planned",
        }

    def actual_line(self) -> dict[str, Any]:
        return {
            "color": ACTUAL,
            "linestyle": "-",
            "linewidth": 2.2,
            "marker": "s",
            "markersize": 3.5,
            "label": "Actual",
        }

    def forecast_line(self) -> dict[str, Any]:
        return {
            "color": FORECAST,
            "linestyle": ":",
            "linewidth": 2.0,
            "marker": "^",
            "markersize": 3.5,
            "label": "Forecast (run rate)",
        }

    def baseline_line(self, name: str = "") -> dict[str, Any]:
        """Another version's plan (``name``, when the legend names it): a dash-dot line
        with open diamonds."""
        return {
            "color": BASELINE,
            "linestyle": (0, (6, 2, 1.5, 2)),
            "linewidth": 1.8,
            "marker": "D",
            "markersize": 3.2,
            "markerfacecolor": self.background,
            "label": f"Baseline: {name}" if name else "Baseline",
            "zorder": 4,
        }

    # -- axes --------------------------------------------------------------------------

    def money_formatter(self) -> FuncFormatter:
        return FuncFormatter(lambda value, _pos: self.currency.format_short(round(value)))

    def money_axis(self, axes: Axes, which: str = "y") -> None:
        """Tick labels in the plan's currency, short ("$1.2M"), on a few round values."""
        axis = axes.yaxis if which == "y" else axes.xaxis
        axis.set_major_formatter(self.money_formatter())
        axis.set_major_locator(MaxNLocator(nbins=5))

    def round_top(self, axes: Axes, room: float) -> None:
        """Run the value axis from 0 to the first of its ticks at least ``room`` (a share)
        above the largest value, as a spreadsheet's does. An edit then seldom moves the
        axis or its ticks, and the dashboard repaints only what changed (see
        :class:`planner.charts.redraw.Layers`)."""
        needed = max(axes.dataLim.y1, 0.0) * (1 + room) or 1.0
        axes.set_ylim(0, axes.yaxis.get_major_locator().tick_values(0, needed)[-1])

    def count_axis(self, axes: Axes, which: str = "y") -> None:
        axis = axes.yaxis if which == "y" else axes.xaxis
        axis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))
        axis.set_major_locator(MaxNLocator(nbins=5, integer=True))

    def dress(self, axes: Axes, title: str = "") -> None:
        """Quiet axes: a light grid behind, no top or right spine, the theme's colours."""
        axes.set_facecolor(self.background)
        axes.grid(True, axis="y", color=self.grid, linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color(self.muted)
        axes.tick_params(colors=self.text, labelsize=8)
        # No chart names its axes, and its titles sit on the axes' top edge, where no tick
        # labels are: placed once here, instead of matplotlib measuring every tick label
        # again, at each draw, to place a label that has no text and titles that stay put.
        axes.xaxis.set_label_coords(0.5, 0)
        axes.yaxis.set_label_coords(0, 0.5)
        if title:
            self.title(axes, title, fontsize=10, fontweight="bold")

    def title(self, axes: Axes, title: str, **options: Any) -> None:
        """A panel's title, left, on the axes' top edge (see :meth:`dress`)."""
        axes.set_title(title, loc="left", y=1.0, color=self.text, **options)

    def legend(self, axes: Axes, *, baseline_last: bool = False, **options: Any) -> None:
        """The panel's legend; ``baseline_last``: a baseline's line after the bars it is
        compared with (a line is listed before bars otherwise)."""
        if baseline_last:
            handles, labels = axes.get_legend_handles_labels()
            order = sorted(range(len(labels)), key=lambda n: labels[n].startswith("Baseline"))
            options["handles"] = [handles[n] for n in order]
            options["labels"] = [labels[n] for n in order]
        legend = axes.legend(frameon=False, fontsize=8, labelcolor=self.text, **options)
        legend.set_zorder(5)

    def empty(self, axes: Axes, message: str) -> None:
        """A sentence where the chart would be ("No actuals yet"), not blank axes."""
        axes.set_axis_off()
        axes.text(
            0.5,
            0.5,
            message,
            ha="center",
            va="center",
            wrap=True,
            fontsize=10,
            color=self.muted,
            transform=axes.transAxes,
        )


def new_figure(
    style: ChartStyle,
    rows: int = 1,
    columns: int = 1,
    *,
    title: str = "",
    into: Figure | SubFigure | None = None,
    shape: Hashable = None,
    span_first_column: bool = False,
    **grid: Any,
) -> tuple[Figure, Any]:
    """A Figure with ``rows`` x ``columns`` axes, laid out so labels never overlap; with
    ``span_first_column``, the first column is one Axes over every row (at each of its
    places in the grid returned).

    ``into``: the Figure this chart was drawn in before, emptied and returned with its Axes
    when it was built alike for a record of the same ``shape`` (see :mod:`planner.charts.redraw`);
    or an empty SubFigure of a page (the one-page plan) that the chart is drawn into, laid out by
    that page's Figure."""
    use_fallback_fonts()  # names in any script; chosen at the first chart, not at start
    built_for = (style, rows, columns, span_first_column, repr(sorted(grid.items())), shape)
    figure = reused(into, built_for)
    if figure is None:
        if isinstance(into, SubFigure) and not into.axes:
            figure = into  # type: ignore[assignment]
        else:
            figure = ChartFigure(
                figsize=FIGURE_SIZE, dpi=DPI, layout=SettledLayout(), facecolor=style.background
            )
        figure.built_for = built_for
        figure.panels = figure.subplots(rows, columns, squeeze=False, gridspec_kw=grid or None)
        if span_first_column:
            first = figure.add_subplot(figure.panels[0][0].get_subplotspec().get_gridspec()[:, 0])
            for row in figure.panels:
                row[0].remove()
                row[0] = first
    if title:
        figure.suptitle(title, x=0.01, ha="left", fontsize=11, color=style.text, fontweight="bold")
    return figure, figure.panels


def tag(artists: Any, keys: list[str]) -> None:
    """Name what each artist stands for (``"month:202603"``, ``"initiative:7"``) so the app
    can open the initiatives behind a clicked bar or point."""
    for artist, key in zip(artists, keys, strict=True):
        artist.set_gid(key)
