"""Laying a chart out once per size: a new Figure of the chart on screen, at the same size,
takes the shown figure's laid-out geometry instead of solving its constrained layout again
(about half of what rendering a chart costs); the canvas solves it for real once the user
pauses (see :class:`~ui.pages.dashboard.chart_view.ChartView`).

What matplotlib's constrained layout changes on a figure, and so what is copied:

- each axes' position, original and active, set as the layout sets it (without taking the
  axes out of the layout, as the public ``Axes.set_position`` would);
- the suptitle, supxlabel and supylabel placed automatically: the layout moves each to the
  edge of the figure's padding (the suptitle from y=0.98 to 1 - h_pad, about 6 pixels up).

A figure legend placed "outside" (the funnel and strike-zone keys) keeps its ``loc`` and
``bbox_to_anchor`` (none: the figure's box): the layout only reserves a margin for it. So the
legend lands where a fresh layout puts it by itself, provided the margin is the same: its rows
(entries and columns) are part of the figure's :func:`structure`, as is every axes' place in
its grid, so a figure laid out differently is never given another's geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matplotlib.transforms import Bbox

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import LayoutEngine
    from matplotlib.text import Text

Bounds = tuple[float, float, float, float]  # left, bottom, width, height: figure fractions


def _super_texts(figure: Figure) -> tuple[Text | None, ...]:
    # matplotlib keeps these three only in private attributes (get_suptitle() gives the text).
    return tuple(getattr(figure, name, None) for name in ("_suptitle", "_supxlabel", "_supylabel"))


def structure(figure: Figure) -> tuple[Any, ...]:
    """What a figure's layout depends on besides its labels' sizes: each axes' place in its
    grid (the grid's shape and ratios, the rows and columns it spans), which super titles it
    has, and the figure legends' rows. Two figures alike in these are laid out alike, give or
    take the widths of their tick labels."""
    places = []
    for axes in figure.axes:
        spec = axes.get_subplotspec()
        if spec is None or not axes.get_in_layout():
            places.append(None)
            continue
        grid = spec.get_gridspec()
        ratios = (tuple(grid.get_width_ratios()), tuple(grid.get_height_ratios()))
        rows, columns = spec.rowspan, spec.colspan
        places.append(
            (grid.get_geometry(), ratios, rows.start, rows.stop, columns.start, columns.stop)
        )
    texts = tuple(text is not None for text in _super_texts(figure))
    legends = tuple(
        (getattr(legend, "_outside_loc", None), legend._ncols, len(legend.texts))
        for legend in figure.legends
    )
    return (tuple(places), texts, legends)


def _size(figure: Figure) -> tuple[int, int, float]:
    return (round(figure.bbox.width), round(figure.bbox.height), float(figure.dpi))


@dataclass(frozen=True)
class Geometry:
    """A figure's laid-out geometry, as drawn at ``size`` (pixels wide, high, and dpi)."""

    kind: str
    size: tuple[int, int, float]
    structure: tuple[Any, ...]
    axes: tuple[Bounds, ...]
    texts: tuple[tuple[float, float, str] | None, ...]  # (x, y, vertical alignment)

    def fits(self, kind: str, figure: Figure) -> bool:
        """Whether ``figure`` (sized for its canvas) may take this geometry: the same chart
        kind at the same size and dpi, laid out in the same structure."""
        return (
            kind == self.kind
            and _size(figure) == self.size
            and len(figure.axes) == len(self.axes)
            and structure(figure) == self.structure
        )

    def pixels(self) -> list[Bounds]:
        """Where each axes and super title sits, in pixels (a super title as a point)."""
        width, height = self.size[0], self.size[1]
        found = [(x * width, y * height, w * width, h * height) for x, y, w, h in self.axes]
        found += [(t[0] * width, t[1] * height, 0.0, 0.0) for t in self.texts if t is not None]
        return found


def capture(figure: Figure, kind: str = "") -> Geometry:
    """The geometry of ``figure`` as it was last laid out."""
    axes = tuple(tuple(a.get_position(original=True).bounds) for a in figure.axes)
    texts = tuple(
        None if text is None else (*text.get_position(), text.get_verticalalignment())
        for text in _super_texts(figure)
    )
    return Geometry(kind, _size(figure), structure(figure), axes, texts)  # type: ignore[arg-type]


def apply(geometry: Geometry, figure: Figure) -> None:
    """Give ``figure`` the laid-out ``geometry`` (one that :meth:`Geometry.fits` it)."""
    for axes, bounds in zip(figure.axes, geometry.axes, strict=True):
        axes._set_position(Bbox.from_bounds(*bounds), which="both")
    for text, placed in zip(_super_texts(figure), geometry.texts, strict=True):
        if text is not None and placed is not None and getattr(text, "_autopos", False):
            x, y, alignment = placed
            text.set_position((x, y))
            text.set_verticalalignment(alignment)


def solve(figure: Figure) -> None:
    """Lay ``figure`` out now, with its canvas's renderer, as its next draw would."""
    layout_engine = figure.get_layout_engine()
    if layout_engine is not None:
        layout_engine.execute(figure)


def put_layout_aside(figure: Figure) -> LayoutEngine | None:
    """Switch ``figure``'s layout engine off (drawn as placed); the engine, to restore."""
    engine = figure.get_layout_engine()
    figure.set_layout_engine("none")
    return engine


@contextmanager
def layout_off(figure: Figure) -> Iterator[None]:
    """Draw ``figure`` as it is placed now, without solving its layout, within this block."""
    engine = put_layout_aside(figure)
    try:
        yield
    finally:
        figure.set_layout_engine(engine)


def moved(before: list[Bounds], after: list[Bounds]) -> float:
    """The most any edge moved between two :meth:`Geometry.pixels`, in pixels."""
    if len(before) != len(after):
        return float("inf")
    most = 0.0
    for (x0, y0, w0, h0), (x1, y1, w1, h1) in zip(before, after, strict=True):
        edges = (x1 - x0, y1 - y0, (x1 + w1) - (x0 + w0), (y1 + h1) - (y0 + h0))
        most = max(most, *(abs(edge) for edge in edges))
    return most
