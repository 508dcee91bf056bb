"""One chart on screen: the image of a matplotlib Figure drawn by the chart painter's thread
(:mod:`.painter`), painted in a Qt canvas (``backend_qt``, never pyplot), which says what the
mouse is over and reports clicks on tagged bars and points.

The UI thread never draws a chart: it asks the painter for the chart of a record at the
canvas's size and, when the painting comes back, shows its image and keeps its Figure to hit
the bars the mouse points at. The figure's dots per inch follow the widget's width, so the
chart keeps the proportions it was designed for (8 x 4.2 inches) and its labels never crowd
at 1280x800 nor turn tiny on a large screen.

After an edit (the same chart, period and filter) the new figure borrows the layout of the
one on screen when it fits (:mod:`.layout_reuse`): solving a constrained layout costs about
half of rendering a chart. Once the user pauses, the painter lays the figure out afresh and
the chart is shown again only if anything moved by more than a pixel. A resize is laid out
afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_qt import FigureCanvasQT
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from planner.charts.style import ChartStyle
from planner.money import Currency

from . import layout_reuse
from .hover import Target, hit, tip_html
from .painter import Painting, Request, enrol, fit, leave, next_serial, painter

POLISH_MS = 400  # idle time after a chart drawn in a borrowed layout before it is solved


class _Canvas(FigureCanvasQT):
    """The Qt canvas: paints the image of the figure it holds (drawn by the painter) and
    turns the mouse into matplotlib events on that figure. It never renders: asked to draw
    (matplotlib does so on a resize), it asks its view for a painting at its new size."""

    image: QImage | None = None
    _resized: Callable[[], None] | None = None

    def __init__(self, figure: Figure, resized: Callable[[], None]) -> None:
        super().__init__(figure)
        self._resized = resized

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The figure follows at once, for the mouse; its picture when painted anew.
        fit(self.figure, event.size().width(), event.size().height(), self.device_pixel_ratio)
        super().resizeEvent(event)

    def draw(self) -> None:
        if self._resized is not None:
            self._resized()

    def draw_idle(self) -> None:
        self.draw()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            image = self.image
            if image is None:
                painter.fillRect(event.rect(), self.palette().base())
                return
            size = image.deviceIndependentSize().toSize()
            if size == self.size():
                painter.drawImage(0, 0, image)
            else:  # resized since drawn: stretched until the painting at the new size
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(self.rect(), image)
        finally:
            painter.end()


class ChartView(QWidget):
    """Shows a chart drawn by the painter; :attr:`clicked` gives the key of a tagged artist
    clicked, :attr:`painted` says a new picture is on screen."""

    clicked = Signal(str)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe: Callable[[str], str] = lambda key: key
        self.measure = ""  # what a bar with no series of its own measures ("Attainment")
        self.currency = Currency("USD")
        self.last_tip = ""  # what the tooltip says now ("" when none): tests read it
        # Seconds the last chart asked for took in the painter: "draw" (its Figure built)
        # and "render" (laid out and rendered).
        self.timings: dict[str, float] = {}
        self.paintings = 0  # pictures put on screen: tests count
        self.polishes = 0  # borrowed layouts solved once idle
        self._targets: list[Target] = []
        self._shown: Figure | None = None
        self._geometry: layout_reuse.Geometry | None = None  # of the figure shown
        self._borrowed = False
        self._asked: Request | None = None  # the latest request (a polish included)
        self._awaited = 0  # the serial of the latest request that is not a polish
        self._received = 0  # the serial of the latest painting received
        self._asker = enrol(self._receive)
        self.destroyed.connect(lambda _=None, asker=self._asker: leave(asker))
        self._polish_timer = QTimer(self)
        self._polish_timer.setSingleShot(True)
        self._polish_timer.setInterval(POLISH_MS)
        self._polish_timer.timeout.connect(self.polish)
        self.canvas = _Canvas(Figure(), self._resized)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.canvas.setMinimumSize(320, 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._listen()

    @property
    def figure(self) -> Figure | None:
        """The Figure shown (``None`` before the first)."""
        return self._shown

    @property
    def drawing(self) -> bool:
        """Whether a chart asked for is not on screen yet (a polish does not count)."""
        return self._received < self._awaited

    @property
    def layout_borrowed(self) -> bool:
        """Whether the figure shown is drawn in its predecessor's layout, not yet solved."""
        return self._borrowed

    def show_chart(
        self, kind: str, record: Any, style: ChartStyle, *, reuse_layout: bool = True
    ) -> None:
        """Ask for the chart of ``kind`` showing ``record``, drawn at the canvas's size; it is
        shown when painted. With ``reuse_layout`` it borrows the layout of the figure on
        screen if that fits it, and is laid out afresh once the user pauses."""
        self._ask(kind, record, style, borrow=self._geometry if reuse_layout else None)

    def polish(self) -> None:
        """Have a figure drawn in a borrowed layout laid out afresh (shown again only if that
        moves anything by more than a pixel)."""
        self._polish_timer.stop()
        asked = self._asked
        if self._borrowed and asked is not None and self._geometry is not None:
            self._ask(asked.kind, asked.record, asked.style, polish=self._geometry)

    def _ask(self, kind: str, record: Any, style: ChartStyle, **layout: Any) -> None:
        self._polish_timer.stop()
        canvas = self.canvas
        serial = next_serial()
        size = (max(canvas.width(), 1), max(canvas.height(), 1), canvas.device_pixel_ratio)
        self._asked = Request(self._asker, serial, kind, record, style, *size, **layout)
        if layout.get("polish") is None:
            self._awaited = serial
        painter().ask(self._asked)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._resized()  # resized while hidden (another tab shown)?

    def _resized(self) -> None:
        """The canvas changed size (or matplotlib asked it to draw): a new picture, laid
        out afresh, if the one on screen was drawn for another size. A view not on screen
        (another tab) waits until shown."""
        asked, canvas = self._asked, self.canvas
        if asked is None or not shiboken6.isValid(self) or not self.isVisible():
            return
        if (asked.width, asked.height) != (canvas.width(), canvas.height()) or (
            asked.ratio != canvas.device_pixel_ratio
        ):
            self._ask(asked.kind, asked.record, asked.style)

    def _receive(self, painting: Painting) -> None:
        request = painting.request
        if not shiboken6.isValid(self) or request.serial != self._asked_serial():
            return  # superseded by a newer request
        self._received = request.serial
        if painting.error is not None:
            raise painting.error
        if request.polish is None:
            self.timings = {"draw": painting.draw_seconds, "render": painting.render_seconds}
        if painting.figure is None or painting.image is None:  # a polish that moved nothing
            self.polishes += 1
            self._geometry, self._borrowed = painting.geometry, False
            return
        self.polishes += request.polish is not None
        self._show(painting)
        if self._borrowed:
            self._polish_timer.start()

    def _asked_serial(self) -> int:
        return self._asked.serial if self._asked is not None else 0

    def _show(self, painting: Painting) -> None:
        figure, canvas = painting.figure, self.canvas
        assert figure is not None
        figure.set_canvas(canvas)  # no longer the painter's
        canvas.figure = figure
        fit(figure, canvas.width(), canvas.height(), canvas.device_pixel_ratio)
        canvas.image = painting.image
        # A canvas keeps its event handlers in its figure: the new one needs them too.
        self._listen()
        self._shown = figure
        self._targets = painting.targets
        self._geometry, self._borrowed = painting.geometry, painting.borrowed
        # What the chart says in its title ("Won $1.6M of $2.1M planned to date"), for a
        # screen reader, which cannot read the picture.
        self.setAccessibleDescription(figure.get_suptitle().replace("\\$", "$"))
        self._hide_tip()
        canvas.update()
        self.paintings += 1
        self.painted.emit()

    # -- the mouse -------------------------------------------------------------------------

    def _listen(self) -> None:
        self.canvas.mpl_connect("motion_notify_event", self._moved)
        self.canvas.mpl_connect("button_press_event", self._pressed)
        self.canvas.mpl_connect("figure_leave_event", lambda _event: self._hide_tip())

    def _moved(self, event: MouseEvent) -> None:
        target = hit(self._targets, event) if event.inaxes is not None else None
        if target is None:
            self._hide_tip()
            return
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        what = self.describe(target.key)
        text = tip_html(target, what, self.currency, clickable=True, measure=self.measure)
        if text != self.last_tip:
            self.last_tip = text
            QToolTip.showText(self._global(event), text, self.canvas)

    def _pressed(self, event: MouseEvent) -> None:
        if event.button != MouseButton.LEFT or event.inaxes is None:
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
