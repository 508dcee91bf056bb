"""Drawing a chart again into the Figure that shows it, for the app's dashboard.

A chart kind's ``draw(data, style, into=figure)`` redraws into ``figure`` when the record has
the same shape as the one drawn there (as many panels, months and rows, the same series;
see :func:`shape`): its Axes, their ticks and the solved layout are kept, and only what the
record says is drawn anew, with the same code that draws a new Figure, so the picture is the
same. Making Axes and ticks and solving a constrained layout are most of a chart's cost; a
value edited on the dashboard then costs only the drawing of the new values.

The layout (:class:`SettledLayout`) is solved again only when what it makes room for changed:
the size, or the room an Axes' labels, titles and legends need around it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import Bbox

if TYPE_CHECKING:
    from matplotlib.axes import Axes
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
        self._solved_for: Hashable = None
        self._solved_at: Hashable = None  # the size and dots per inch last solved for
        self._placed: list[tuple[Any, tuple[float, float]]] = []

    def execute(self, fig: Any) -> Any:
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

    @staticmethod
    def needs(fig: Any, renderer: RendererBase) -> Hashable:
        """Everything the constrained layout reads, as ``_constrained_layout`` reads it."""
        to_figure = fig.transFigure.inverted()
        needs: list[Any] = [_size(fig)]
        for axes in fig.axes:
            if not axes.get_in_layout():
                continue
            position = axes.get_position(original=True)
            tight = axes.get_tightbbox(renderer, for_layout_only=True)
            box = position if tight is None else tight.transformed(to_figure)
            needs.append((position.bounds, box.bounds))
        for label in _labels(fig):
            needs.append(label.get_tightbbox(renderer).size.tolist())
        for legend in fig.legends:
            needs.append(legend.get_tightbbox(renderer).size.tolist())
        return tuple(needs)


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
