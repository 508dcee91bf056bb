"""One chart on screen: a matplotlib Figure in a Qt canvas (``backend_qtagg``, never pyplot)
that says what the mouse is over and reports clicks on tagged bars and points.

The canvas is made once and given each new Figure, sized to the widget. The figure's dots
per inch follow the widget's width, so the chart keeps the proportions it was designed for
(8 x 4.2 inches) and its labels never crowd at 1280x800 nor turn tiny on a large screen.
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QResizeEvent
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from planner.charts.redraw import Layers
from planner.charts.style import FIGURE_SIZE
from planner.money import Currency

from .hover import Target, hit, targets, tip_html

MIN_DPI, MAX_DPI = 60.0, 150.0


def fitting_dpi(width: int, height: int, design: tuple[float, float] = FIGURE_SIZE) -> float:
    """Dots per inch that fit the chart's ``design`` size (inches) into ``width`` x
    ``height`` pixels."""
    if width <= 0 or height <= 0:
        return 100.0
    fit = min(width / design[0], height / design[1])
    return max(MIN_DPI, min(MAX_DPI, fit))


class _Canvas(FigureCanvasQTAgg):
    """The Qt canvas, refitting its figure on resize, painting it in layers."""

    def __init__(self, figure: Figure, design: tuple[float, float] = FIGURE_SIZE) -> None:
        super().__init__(figure)
        self.design = design
        self._layers = Layers()

    def draw(self) -> None:
        # As FigureCanvasQT.draw, through the layers: a repaint after an edit that left the
        # axes as they were draws only what changed.
        if self._is_drawing:
            return
        self._is_drawing = True
        try:
            self._layers.paint(self)
        finally:
            self._is_drawing = False
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        _fit(self.figure, size.width(), size.height(), self.device_pixel_ratio, self.design)
        super().resizeEvent(event)


def _fit(
    figure: Figure,
    width: int,
    height: int,
    ratio: float,
    design: tuple[float, float] = FIGURE_SIZE,
) -> None:
    dpi = fitting_dpi(width, height, design)
    # matplotlib scales a figure's dpi by the screen's pixel ratio from _original_dpi (the
    # attribute its canvas sets itself); keep it in step or a high-DPI screen halves it.
    figure._original_dpi = dpi  # type: ignore[attr-defined]
    figure.set_dpi(dpi * ratio)
    if width > 0 and height > 0:
        figure.set_size_inches(width / dpi, height / dpi, forward=False)


class ChartView(QWidget):
    """Shows a Figure; :attr:`clicked` gives the key of a tagged artist clicked. ``design``:
    the size in inches the figure is fitted from (a smaller one reads larger in a small
    view)."""

    clicked = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, design: tuple[float, float] = FIGURE_SIZE
    ) -> None:
        super().__init__(parent)
        self.canvas = _Canvas(Figure(), design)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setMinimumSize(320, 200)
        self.describe: Callable[[str], str] = lambda key: key
        self.measure = ""  # what a bar with no series of its own measures ("Attainment")
        self.clickable = True  # whether a click on a tagged bar opens what is behind it
        self.currency = Currency("USD")
        self.last_tip = ""  # what the tooltip says now ("" when none): tests read it
        self._targets: list[Target] = []
        self._shown: Figure | None = None
        self._drawn = False  # see drawn
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._listen()

    @property
    def figure(self) -> Figure | None:
        """The Figure shown (``None`` before the first)."""
        return self._shown

    @property
    def drawn(self) -> bool:
        """Whether the figure as last given to :meth:`show_figure` has been drawn."""
        return self._drawn

    def show_figure(self, figure: Figure) -> None:
        """Put ``figure`` on the canvas (the same canvas every time) and draw it: now when
        on screen, else when Qt next paints it. ``figure`` may be the one shown, drawn into
        again (see :mod:`planner.charts.redraw`)."""
        canvas = self.canvas
        _fit(figure, canvas.width(), canvas.height(), canvas.device_pixel_ratio, canvas.design)
        if figure is not self._shown:
            figure.set_canvas(canvas)
            canvas.figure = figure
            # A canvas keeps its event handlers in its figure: the new one needs them too.
            self._listen()
            self._shown = figure
        # What the chart says in its title ("Won $1.6M of $2.1M planned to date"), for a
        # screen reader, which cannot read the picture.
        self.setAccessibleDescription(figure.get_suptitle())
        self._hide_tip()
        self._drawn = False
        if canvas.isVisible():
            # Drawn now rather than at the next paint: the edit is answered at once, and the
            # bars' places (laid out when drawn) are right for the mouse at once.
            canvas.draw()
        else:
            canvas.draw_idle()
        self._targets = targets(figure)

    # -- the mouse -------------------------------------------------------------------------

    def _listen(self) -> None:
        self.canvas.mpl_connect("motion_notify_event", self._moved)
        self.canvas.mpl_connect("button_press_event", self._pressed)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: self._hide_tip())
        self.canvas.mpl_connect("draw_event", self._was_drawn)

    def _was_drawn(self, _event: object) -> None:
        self._drawn = True

    def _moved(self, event: MouseEvent) -> None:
        target = hit(self._targets, event) if event.inaxes is not None else None
        if target is None:
            self._hide_tip()
            return
        if self.clickable:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        what = self.describe(target.key)
        text = tip_html(target, what, self.currency, clickable=self.clickable, measure=self.measure)
        if text != self.last_tip:
            self.last_tip = text
            QToolTip.showText(self._global(event), text, self.canvas)

    def _pressed(self, event: MouseEvent) -> None:
        if event.button != MouseButton.LEFT or event.inaxes is None or not self.clickable:
            return
        target = hit(self._targets, event)
        if target is not None:
            self._hide_tip()
            self.clicked.emit(target.key)

    def _hide_tip(self) -> None:
        self.canvas.unsetCursor()
        if self.last_tip:
            self.last_tip = ""
            QToolTip.hideText()

    def _global(self, event: MouseEvent) -> QPoint:
        gui = getattr(event, "guiEvent", None)
        if gui is not None and hasattr(gui, "globalPosition"):
            return gui.globalPosition().toPoint() + QPoint(12, 16)
        ratio = self.canvas.device_pixel_ratio or 1
        local = QPoint(round(event.x / ratio), round(self.canvas.height() - event.y / ratio))
        return self.canvas.mapToGlobal(local) if event.x is not None else QCursor.pos()
