"""The one thread that draws the Dashboard's charts: it builds a chart's Figure from its
record, fits it to the canvas, lays it out (or borrows the layout of the figure on screen, see
:mod:`.layout_reuse`), renders it with Agg into an image and hands figure and image to the
UI thread, which paints the image and keeps the figure only to tell what the mouse is over.

Building and rendering a chart takes 150-350 ms on the large plan on a two-core machine; off
the UI thread, the window keeps answering the keyboard and mouse meanwhile. A newer request
of a canvas supersedes its older one: one not started is dropped, one being drawn is drawn
and thrown away.

Matplotlib is not thread-safe, so a figure belongs to one thread at a time: to this one while
it is built and drawn, to the UI thread once handed over (this one never touches it again). A
record and a style are frozen dataclasses, read by both. Fonts are cached per thread by
matplotlib itself, so "Save chart as" and "Copy chart", which draw a figure of their own on
the UI thread, do not share one with this thread.
"""

from __future__ import annotations

import atexit
import itertools
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtGui import QImage

from planner.charts import chart_module
from planner.charts.style import FIGURE_SIZE

from . import layout_reuse
from .hover import Target, targets

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.charts.style import ChartStyle

MIN_DPI, MAX_DPI = 60.0, 150.0


def fitting_dpi(width: int, height: int) -> float:
    """Dots per inch that fit the chart's design size into ``width`` x ``height`` pixels."""
    if width <= 0 or height <= 0:
        return 100.0
    fit = min(width / FIGURE_SIZE[0], height / FIGURE_SIZE[1])
    return max(MIN_DPI, min(MAX_DPI, fit))


def fit(figure: Figure, width: int, height: int, ratio: float) -> None:
    """Size ``figure`` to a canvas ``width`` x ``height`` widget pixels on a screen of pixel
    ``ratio``, at the dpi that keeps the chart's design proportions."""
    dpi = fitting_dpi(width, height)
    # matplotlib scales a figure's dpi by the screen's pixel ratio from _original_dpi (the
    # attribute its canvas sets itself); keep it in step or a high-DPI screen halves it.
    figure._original_dpi = dpi  # type: ignore[attr-defined]
    figure.set_dpi(dpi * ratio)
    if width > 0 and height > 0:
        figure.set_size_inches(width / dpi, height / dpi, forward=False)


@dataclass(frozen=True)
class Request:
    """Draw the chart of ``kind`` showing ``record`` for a canvas of ``width`` x ``height``
    widget pixels at pixel ``ratio``. ``borrow``: the layout of the figure on screen, used if
    the new one fits it. ``polish``: the borrowed layout on screen; lay the figure out afresh
    and draw it only if that moves anything by more than a pixel."""

    asker: int  # which canvas asks (a newer request of the same one supersedes this)
    serial: int
    kind: str
    record: Any
    style: ChartStyle
    width: int
    height: int
    ratio: float = 1.0
    borrow: layout_reuse.Geometry | None = None
    polish: layout_reuse.Geometry | None = None


@dataclass(frozen=True)
class Painting:
    """A chart drawn for a :class:`Request`. ``figure`` and ``image`` are ``None`` when a
    polish found the layout on screen right (within a pixel), or the drawing failed."""

    request: Request
    figure: Figure | None = None
    image: QImage | None = None
    geometry: layout_reuse.Geometry | None = None  # the figure's layout as drawn
    borrowed: bool = False  # drawn in the borrowed layout, not its own
    targets: list[Target] = field(default_factory=list)  # what the mouse can point at
    draw_seconds: float = 0.0  # building the Figure
    render_seconds: float = 0.0  # laying it out and rendering it
    error: BaseException | None = None


_local = threading.local()


def _canvas(figure: Figure) -> FigureCanvasAgg:
    """This thread's Agg canvas, given ``figure``. One canvas keeps one renderer while the
    size holds, and matplotlib caches the size of each text per renderer: a new canvas for
    each chart would measure every label again."""
    canvas = getattr(_local, "canvas", None)
    if canvas is None:
        canvas = _local.canvas = FigureCanvasAgg(figure)
    else:
        figure.set_canvas(canvas)
        canvas.figure = figure
    return canvas


class Superseded(Exception):
    """A newer request came while this one was drawn: the rest of it is not worth doing."""


def paint(request: Request, superseded: Callable[[], bool] = lambda: False) -> Painting:
    """Draw ``request`` (in whatever thread calls this: the painter's, or a test's), giving
    up (:class:`Superseded`) between its steps once ``superseded()``."""
    started = time.perf_counter()
    figure = chart_module(request.kind).draw(request.record, request.style)
    built = time.perf_counter()
    if superseded():
        raise Superseded
    fit(figure, request.width, request.height, request.ratio)
    canvas = _canvas(figure)
    borrowed = request.borrow is not None and request.borrow.fits(request.kind, figure)
    if request.polish is not None:
        layout_reuse.solve(figure)  # with this canvas's renderer, as a draw would
        if superseded():
            raise Superseded
        geometry = layout_reuse.capture(figure, request.kind)
        if layout_reuse.moved(request.polish.pixels(), geometry.pixels()) <= 1.0:
            timing = {"draw_seconds": built - started, "render_seconds": 0.0}
            return Painting(request, geometry=geometry, **timing)
        with layout_reuse.layout_off(figure):  # just solved: not again
            canvas.draw()
    elif borrowed and request.borrow is not None:
        layout_reuse.apply(request.borrow, figure)
        with layout_reuse.layout_off(figure):
            canvas.draw()
    else:
        canvas.draw()
    rendered = time.perf_counter()
    width, height = canvas.get_width_height(physical=True)
    image = QImage(canvas.buffer_rgba(), width, height, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(request.ratio)
    return Painting(
        request,
        figure,
        image,
        layout_reuse.capture(figure, request.kind),
        borrowed,
        targets(figure),
        built - started,
        rendered - built,
    )


class ChartPainter(QThread):
    """The thread drawing charts, one request at a time, newest per canvas; each finished
    :class:`Painting` is handed to the UI thread by :attr:`painted`."""

    painted = Signal(object)  # a Painting, received in the UI thread

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Chart painter")
        self._changed = threading.Condition()
        self._waiting: dict[int, Request] = {}  # by asker, oldest asker first
        self._drawing = False
        self._stopping = False

    @property
    def busy(self) -> bool:
        """Whether a request is being drawn or waits to be."""
        with self._changed:
            return self._drawing or bool(self._waiting)

    def ask(self, request: Request) -> None:
        """Draw ``request`` when this thread is free, instead of any older one of its asker
        not started yet."""
        with self._changed:
            self._waiting.pop(request.asker, None)
            self._waiting[request.asker] = request
            self._changed.notify()
        if not self.isRunning():
            self.start()

    def forget(self, asker: int) -> None:
        """Drop the request of ``asker`` not started yet, if any."""
        with self._changed:
            self._waiting.pop(asker, None)

    def stop(self) -> None:
        """Finish the chart being drawn, drop the rest and end the thread."""
        with self._changed:
            self._stopping = True
            self._waiting.clear()
            self._changed.notify()
        self.wait()

    def run(self) -> None:
        while True:
            with self._changed:
                while not self._waiting and not self._stopping:
                    self._changed.wait()
                if self._stopping:
                    return
                asker = next(iter(self._waiting))
                request = self._waiting.pop(asker)
                self._drawing = True
            try:
                painting = paint(request, lambda asker=asker: self._superseded(asker))
            except Superseded:
                painting = None
            except Exception as error:  # told in the UI thread, as a failure there would be
                painting = Painting(request, error=error)
            if painting is not None and not self._superseded(asker):
                self.painted.emit(painting)
            with self._changed:
                self._drawing = False

    def _superseded(self, asker: int) -> bool:
        with self._changed:
            return asker in self._waiting or self._stopping


# -- the one painter of the process, and who receives its paintings ------------------------

_painter: ChartPainter | None = None
_askers: dict[int, Callable[[Painting], None]] = {}
_serials = itertools.count(1)


def painter() -> ChartPainter:
    """The process's chart painter, made (and its ending arranged) on first use."""
    global _painter
    if _painter is None:
        _painter = ChartPainter()
        _painter.painted.connect(_deliver)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_painter.stop)
        atexit.register(_painter.stop)
    return _painter


def enrol(receiver: Callable[[Painting], None]) -> int:
    """A new asker whose paintings go to the bound method ``receiver`` (held weakly)."""
    asker = next(_serials)
    method = weakref.WeakMethod(receiver)  # type: ignore[arg-type]

    def deliver(painting: Painting) -> None:
        found = method()
        if found is not None:
            found(painting)

    _askers[asker] = deliver
    return asker


def leave(asker: int) -> None:
    """Stop delivering to ``asker`` and drop its waiting request."""
    _askers.pop(asker, None)
    if _painter is not None:
        _painter.forget(asker)


def next_serial() -> int:
    return next(_serials)


def _deliver(painting: Painting) -> None:
    receive = _askers.get(painting.request.asker)
    if receive is not None:
        receive(painting)
