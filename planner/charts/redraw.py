"""Drawing a chart again into the Figure that shows it, for the app's dashboard.

A chart kind's ``draw(data, style, into=figure)`` redraws into ``figure`` when the record has
the same shape as the one drawn there (as many panels, months and rows, the same series;
see :func:`shape`): its Axes, their ticks and the solved layout are kept, and only what the
record says is drawn anew, with the same code that draws a new Figure, so the picture is the
same. Making Axes and ticks and solving a constrained layout are most of a chart's cost; a
value edited on the dashboard then costs only the drawing of the new values.

The layout (:class:`SettledLayout`) is solved again only when what it makes room for changed:
the size, or the room an Axes' labels, titles and legends need around it.

Painted on the screen, a chart is two layers (:class:`Layers`): the still one (the figure's
and the Axes' backgrounds, and the Axes' ticks, tick labels and grid, drawn beneath the rest)
and what is drawn over it. An edit that leaves the limits and ticks as they were paints only
the second over a copy of the first: ticks and their labels are most of what painting costs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.spines import Spine
from matplotlib.transforms import Bbox

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase


def shape(record: Any) -> Hashable:
    """What decides how a record's chart is built, not what it shows: its sequences'
    lengths, which values are missing (``None``), zero or empty, and its flags. Two records
    of the same shape differ only in values, and one redraws into the other's Figure."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return tuple(shape(getattr(record, f.name)) for f in dataclasses.fields(record))
    if isinstance(record, bool) or record is None:
        return record
    if isinstance(record, (int, float, str)):
        return bool(record)  # a zero or an empty text often draws differently ("nothing")
    if isinstance(record, (tuple, list)):
        return tuple(shape(item) for item in record)
    if isinstance(record, dict):
        return tuple((key, shape(value)) for key, value in record.items())
    return repr(record)


class ChartFigure(Figure):
    """A chart's Figure, knowing what it was built for (:attr:`built_for`) and its panels, so
    it can be drawn again in place."""

    built_for: Hashable = None
    panels: Any = None


class SettledLayout(ConstrainedLayoutEngine):
    """The constrained layout, solved again only when the room it makes changed.

    The layout depends on the figure's size and on the margins each Axes' decorations
    (tick labels, titles, legends, labels beyond the axes) need around it, the figure's
    title and key. When those are the ones it was last solved for, solving again would place
    everything where it is: the solve is skipped. Measuring the margins costs half a solve."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._live = False  # see remember
        self._held = False  # see held
        self._axis_rooms: dict[Axes, tuple[Hashable, Hashable]] = {}  # see _rooms
        self._solved_for: Hashable = None
        self._solved_at: Hashable = None  # the size and dots per inch last solved for
        self._placed: list[tuple[Any, tuple[float, float]]] = []

    def execute(self, fig: Any) -> Any:
        if self._held:
            return None
        renderer = fig._get_renderer()  # the renderer the layout itself measures with
        if self._solved_for is not None and self._solved_for == self.needs(fig, renderer):
            # The figure's title and footnote were set again with the rest: back where the
            # layout put them.
            for label, place in self._placed:
                label.set_position(place)
            return None
        # Solved from where a new Figure's Axes start, as the layout of one drawn anew is: it
        # runs its passes from there, and tick counts following the Axes' width (a narrow
        # tile's) could settle elsewhere from another start.
        for axes in fig.axes:
            spec = axes.get_subplotspec()
            if spec is not None:
                axes._set_position(spec.get_position(fig))
        solved = super().execute(fig)
        self._solved_at = _size(fig)
        self._placed = [(label, label.get_position()) for label in _labels(fig)]
        # Measured only for a figure drawn again in place: a Figure drawn once (a file, a
        # picture in a workbook) would pay for it and never use it.
        self._solved_for = self.needs(fig, renderer) if self._live else None
        return solved

    def remember(self, fig: Figure) -> None:
        """Keep, from now on, what the layout of ``fig`` was solved for, starting with the
        figure as drawn now (before its contents are replaced)."""
        self._live = True
        if self._solved_for is None and self._solved_at == _size(fig):
            self._solved_for = self.needs(fig, fig._get_renderer())

    @contextmanager
    def held(self) -> Iterator[None]:
        """Leave the layout as it is meanwhile (:class:`Layers` runs it before a draw)."""
        self._held = True
        try:
            yield
        finally:
            self._held = False

    def needs(self, fig: Any, renderer: RendererBase) -> Hashable:
        """Everything the constrained layout reads, as ``_constrained_layout`` reads it."""
        to_figure = fig.transFigure.inverted()
        needs: list[Any] = [_size(fig)]
        for axes in fig.axes:
            if not axes.get_in_layout():
                continue
            position = axes.get_position(original=True)
            needs.append((position.bounds, *self._rooms(axes, renderer, to_figure)))
        for label in _labels(fig):
            needs.append(label.get_tightbbox(renderer).size.tolist())
        for legend in fig.legends:
            needs.append(legend.get_tightbbox(renderer).size.tolist())
        return tuple(needs)

    def _rooms(self, axes: Axes, renderer: RendererBase, to_figure: Any) -> Hashable:
        """The room around ``axes`` its axes (ticks and their labels) take, and the rest
        (titles, legends, labels beyond the Axes). Measuring tick labels is most of the
        cost: they are measured again only when what they show, or where, changed."""
        shown = (_size(axes.figure), axes.get_position().bounds, *map(_looks, _axes_of(axes)))
        kept = self._axis_rooms.get(axes)
        if kept is None or kept[0] != shown:
            boxes = [axis.get_tightbbox(renderer, for_layout_only=True) for axis in _axes_of(axes)]
            rooms = tuple(
                None if box is None else box.transformed(to_figure).bounds for box in boxes
            )
            kept = self._axis_rooms[axes] = (shown, rooms)
        axison, axes.axison = axes.axison, False  # the rest alone (set_axis_off marks stale)
        try:
            rest = axes.get_tightbbox(renderer, for_layout_only=True)
        finally:
            axes.axison = axison
        return kept[1], None if rest is None else rest.transformed(to_figure).bounds


def _axes_of(axes: Axes) -> list[Axis]:
    """The axes (x, y) of ``axes`` whose ticks it draws."""
    return [axis for axis in (axes.xaxis, axes.yaxis) if axes.axison and axis.get_visible()]


def _size(fig: Any) -> Hashable:
    return (*fig.get_size_inches().tolist(), fig.dpi)


def _labels(fig: Any) -> list[Any]:
    """The figure's title and labels that the layout makes room for and places."""
    labels = (fig._suptitle, fig._supxlabel, fig._supylabel)
    return [label for label in labels if label is not None and label.get_in_layout()]


def reused(into: Figure | None, built_for: Hashable) -> ChartFigure | None:
    """``into``, emptied of what it shows, when it was built for ``built_for``; else
    ``None`` (a new Figure is due)."""
    if not isinstance(into, ChartFigure) or into.built_for != built_for:
        return None
    engine = into.get_layout_engine()
    if isinstance(engine, SettledLayout):
        engine.remember(into)
    for legend in list(into.legends):
        legend.remove()
    for axes in into.axes:
        _empty(axes)
    return into


def _empty(axes: Axes) -> None:
    """Take away what was drawn on ``axes`` and its limits, keeping the Axes and its ticks
    (their look is set again by the drawing)."""
    for artist in [*axes.lines, *axes.patches, *axes.texts, *axes.collections, *axes.images]:
        artist.remove()
    axes.containers.clear()
    legend = axes.get_legend()
    if legend is not None:
        legend.remove()
    for loc in ("left", "center", "right"):
        axes.set_title("", loc=loc)
    for scale, set_scale in (
        (axes.get_xscale(), axes.set_xscale),
        (axes.get_yscale(), axes.set_yscale),
    ):
        if scale != "linear":
            set_scale("linear")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.dataLim.set_points(Bbox.null().get_points())
    axes.ignore_existing_data_limits = True
    axes.set_autoscale_on(True)
    axes.set_xmargin(matplotlib.rcParams["axes.xmargin"])
    axes.set_ymargin(matplotlib.rcParams["axes.ymargin"])


class Layers:
    """Paints a chart's Figure on its Agg canvas, keeping the still layer between paints.

    The still layer is the figure's background and, in each Axes, its background and what
    matplotlib draws before the Axes' first other artist: its axes (ticks, tick labels, grid,
    axis labels; beneath the data, see :meth:`ChartStyle.dress`) and any spines below it.
    The rest is drawn over it in matplotlib's own order, so the picture is the one a full
    draw makes. When the still layer would come out as it was (the same Figure, size, places,
    limits, ticks and labels), it is copied back instead of drawn.
    """

    def __init__(self) -> None:
        self._figure: Figure | None = None
        self._still: Any = None  # the canvas region holding the still layer
        self._still_for: Hashable = None

    def paint(self, canvas: FigureCanvasAgg) -> None:
        """Paint ``canvas.figure`` into ``canvas``'s buffer, as ``FigureCanvasAgg.draw``."""
        figure = canvas.figure
        engine = figure.get_layout_engine()
        if not isinstance(engine, SettledLayout) or _has_images(figure):
            self._figure = None
            FigureCanvasAgg.draw(canvas)
            return
        engine.execute(figure)
        moving, still_for = _layers(figure)
        if figure is self._figure and still_for == self._still_for:
            canvas.restore_region(self._still)
        else:
            with engine.held(), _left_out(moving):
                FigureCanvasAgg.draw(canvas)
            self._figure, self._still_for = figure, still_for
            self._still = canvas.copy_from_bbox(figure.bbox)
        renderer = canvas.get_renderer()
        for artist in moving:
            artist.draw(renderer)
        figure.stale = False
        canvas.callbacks.process("draw_event", DrawEvent("draw_event", canvas, renderer))


def _has_images(figure: Figure) -> bool:
    return bool(figure.images) or any(axes.images for axes in figure.axes)


@contextmanager
def _left_out(artists: list[Artist]) -> Iterator[None]:
    """Leave ``artists`` out of a draw (matplotlib skips animated artists), meanwhile."""
    for artist in artists:
        artist.set_animated(True)
    try:
        yield
    finally:
        for artist in artists:
            artist.set_animated(False)


def _layers(figure: Figure) -> tuple[list[Artist], Hashable]:
    """What is drawn over the still layer, in the order ``Figure.draw`` draws it, and what
    the still layer looks like (equal when it would be drawn the same)."""
    moving: list[Artist] = []
    still: list[Hashable] = [
        (*figure.get_size_inches().tolist(), figure.dpi),
        (figure.patch.get_visible(), figure.patch.get_facecolor()),
    ]
    children = [artist for artist in figure.get_children() if artist is not figure.patch]
    for artist in sorted(children, key=lambda artist: artist.get_zorder()):
        if isinstance(artist, Axes):
            below, above = _axes_layers(artist)
            moving.extend(above)
            still.append(
                (
                    artist.get_visible(),
                    artist.get_position().bounds,
                    (artist.patch.get_visible(), artist.patch.get_facecolor()),
                    tuple(_looks(part) for part in below),
                )
            )
        else:  # the figure's title and legends, drawn after its Axes
            moving.append(artist)
    return moving, tuple(still)


def _axes_layers(axes: Axes) -> tuple[list[Artist], list[Artist]]:
    """What ``Axes.draw`` draws of ``axes`` (after its background), split where the first
    artist that is neither an axis nor a spine comes."""
    children = [child for child in axes.get_children() if child is not axes.patch]
    if not (axes.axison and axes.get_frame_on()):
        children = [child for child in children if not isinstance(child, Spine)]
    if not axes.axison:
        children = [child for child in children if not isinstance(child, Axis)]
    children.sort(key=lambda child: child.get_zorder())
    split = next(
        (n for n, child in enumerate(children) if not isinstance(child, (Axis, Spine))),
        len(children),
    )
    return children[:split], children[split:]


def _looks(part: Artist) -> Hashable:
    if isinstance(part, Axis):
        major, minor = part.get_major_locator()(), part.get_minor_locator()()
        formatter = part.get_major_formatter()
        return (
            part.get_visible(),
            part.get_scale(),
            tuple(part.get_view_interval()),
            tuple(major),
            tuple(formatter.format_ticks(major)),
            formatter.get_offset(),
            tuple(minor),
            tuple(part.get_minor_formatter().format_ticks(minor)),
            part.label.get_text(),
        )
    assert isinstance(part, Spine)
    return (part.get_visible(), part.spine_type)
