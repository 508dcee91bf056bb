"""What the mouse is over on a chart: the tagged bar or point (its ``gid`` key), the series
it belongs to and its value, written as the tooltip shows it.

Imported with matplotlib, when the dashboard first draws a chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ui.plain_text import rich

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axis import Axis
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.figure import Figure

    from planner.money import Currency

# A count shortened for an axis ("1.2k", "3M"): the tooltip spells it out.
_SHORT_COUNT = re.compile(r"^[\d.,]+\s?[kMB]$")


@dataclass(frozen=True, slots=True)
class Target:
    """A clickable artist and what it shows."""

    artist: Artist
    key: str
    series: str  # "Planned", "Actual", "Core"...; "" when the chart names none
    panel: str  # the title of its axes
    category: str  # a horizontal bar's row label ("Budget"), else ""
    value: float | None
    axis: Axis | None  # the axis the value is read on, for its formatting


def _public(label: object) -> str:
    text = str(label or "")
    return "" if text.startswith("_") else text


def targets(figure: Figure) -> list[Target]:
    """Every artist of ``figure`` with a key, topmost (last drawn) first."""
    found: list[Target] = []
    for axes in figure.axes:
        bars: dict[int, tuple[BarContainer, int]] = {}
        for container in axes.containers:
            if isinstance(container, BarContainer):
                for n, patch in enumerate(container.patches):
                    bars[id(patch)] = (container, n)
        for artist in axes.get_children():
            key = artist.get_gid()
            if not key:
                continue
            found.append(_target(artist, str(key), bars.get(id(artist)), axes))
    found.reverse()
    return found


def _target(artist: Any, key: str, bar: tuple[BarContainer, int] | None, axes: Any) -> Target:
    panel = axes.get_title(loc="left") or axes.get_title()
    if isinstance(artist, Rectangle) and bar is not None:
        container, n = bar
        horizontal = container.orientation == "horizontal"
        values = getattr(container, "datavalues", None)
        value = float(values[n]) if values is not None else None
        if value is None:
            value = artist.get_width() if horizontal else artist.get_height()
        category = _row_label(axes, artist.get_y() + artist.get_height() / 2) if horizontal else ""
        axis = axes.xaxis if horizontal else axes.yaxis
        return Target(artist, key, _public(container.get_label()), panel, category, value, axis)
    if isinstance(artist, Line2D):
        ys = list(artist.get_ydata())
        value = float(ys[0]) if len(ys) == 1 else None
        return Target(artist, key, _public(artist.get_label()), panel, "", value, axes.yaxis)
    if isinstance(artist, PathCollection) and len(artist.get_offsets()) == 1:
        value = float(artist.get_offsets()[0][1])
        return Target(artist, key, _public(artist.get_label()), panel, "", value, axes.yaxis)
    return Target(artist, key, _public(artist.get_label()), panel, "", None, None)


def _row_label(axes: Any, y: float) -> str:
    """The label of the row a horizontal bar sits on (the nearest tick within half a row)."""
    best, distance = "", 0.5
    for tick in axes.get_yticklabels():
        gap = abs(tick.get_position()[1] - y)
        if gap < distance:
            best, distance = tick.get_text().replace("\n", " "), gap
    return best


def hit(found: list[Target], event: MouseEvent) -> Target | None:
    """The topmost target under the mouse, if any."""
    for target in found:
        if target.artist.axes is not event.inaxes:
            continue
        inside, details = target.artist.contains(event)
        if not inside:
            continue
        if isinstance(target.artist, Line2D) and target.value is None:
            points = details.get("ind", [])
            if len(points):
                value = float(target.artist.get_ydata()[points[0]])
                return Target(**{**_fields(target), "value": value})
        return target
    return None


def _fields(target: Target) -> dict[str, Any]:
    return {name: getattr(target, name) for name in Target.__slots__}


def value_text(target: Target, currency: Currency) -> str:
    """The value as its axis writes it, in full: money to the whole unit, counts unshortened."""
    if target.value is None:
        return ""
    value = target.value
    text = ""
    if target.axis is not None:
        try:
            text = str(target.axis.get_major_formatter()(value, 0))
        except (TypeError, ValueError, AttributeError):
            text = ""
    if text == currency.format_short(round(value)):
        return currency.format(round(value), cents=False)
    if not text or _SHORT_COUNT.match(text):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return text


def _same(one: str, other: str) -> bool:
    a, b = one.casefold().rstrip("…").strip(), other.casefold().rstrip("…").strip()
    return bool(a) and (a in b or b in a)


def series_name(label: str) -> str:
    """A legend entry as a tooltip names the series: "Actual (% of plan to date)" says what
    the bar's label adds, not what the bar is, so such a note in brackets goes."""
    name, bracket, note = label.partition(" (")
    return name if bracket and "%" in note else label


def tip_html(
    target: Target, what: str, currency: Currency, *, clickable: bool, measure: str = ""
) -> str:
    """The tooltip: what the bar stands for, its series (else ``measure``, what the chart
    measures) and value, and what a click does."""
    value = value_text(target, currency)
    series = series_name(target.series)
    name = series or ("" if _same(target.category, what) else target.category)
    if target.category and series and not _same(target.category, what):
        name = f"{target.category} · {series}"
    name = name or measure
    line = rich("{}: <b>{}</b>", name, value) if name and value else ""
    if value and not line:
        line = rich("<b>{}</b>", value)
    parts = [rich("<b>{}</b>", what)]
    if line:
        parts.append(line)
    if target.panel:
        parts.append(rich("<span style='color:gray'>{}</span>", target.panel))
    if clickable:
        parts.append("<i>Click to list its initiatives</i>")
    return "<br>".join(parts)
