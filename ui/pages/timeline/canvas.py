"""The Timeline's drawing: lanes of bars under a sticky band of fiscal years, quarters and
months, painted by hand so a frame draws only the rows in sight (2,000 initiatives scroll as
smoothly as 20).

Geometry is worked out once per timeline shown (:class:`~.layout.Layout`): a frame turns the
visible rows' month columns into pixels and draws them. A drag is a preview only: on release
the canvas asks for the move (:attr:`TimelineCanvas.move_requested`) and keeps showing the
preview until the page says the move is settled (done, refused or cancelled): then the bar is
drawn where the plan has it.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from planner.months import Month
from planner.timeline import Bar, Timeline
from ui.plain_text import plain_tooltip

from .frame import HEADER_HEIGHT, Frame, Preview, paint_frame
from .layout import Grip, Layout, Zoom, dragged, grip_at
from .style import Kit, label_width

EDGE = 5  # pixels either side of a bar's end that grip the end
MIN_MONTH_WIDTH = 14


@dataclass
class _Press:
    """A press on a bar, becoming a drag once the mouse has moved far enough."""

    initiative_id: int
    grip: Grip | None  # None: pressed beside the bar (its row), which selects only
    x: float
    start: Month
    end: Month
    dragging: bool = False


class TimelineCanvas(QAbstractScrollArea):
    """Draws a :class:`Timeline`; a click selects a bar, a double click or Enter asks to
    open it, a drag or the arrow keys ask to move it."""

    selection_changed = Signal(object)  # an initiative id, or None
    open_requested = Signal(int)
    move_requested = Signal(int, int, int)  # initiative id, start month, end month
    refused = Signal(str)  # a move asked of a plan that cannot change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName("Timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.layout_: Layout | None = None
        self._zoom = Zoom.YEAR
        self._texts: dict[int, tuple[str, float]] = {}  # labels drawn so far, and widths
        self._text_of: Callable[[Bar], str] = lambda bar: bar.name
        self._tip_of: Callable[[Bar], str] = lambda bar: bar.name
        self._today: datetime.date | None = None
        self._selected: int | None = None
        self._editable = True
        self._read_only_reason = ""
        self._press: _Press | None = None
        self.preview: Preview | None = None
        self._placed = False  # scrolled to this year once a timeline is first shown
        metrics = QFontMetricsF(self.font())
        self.row_height = max(24, math.ceil(metrics.height()) + 10)

    # -- what is shown -----------------------------------------------------------------------

    def set_timeline(
        self,
        timeline: Timeline,
        *,
        text_of: Callable[[Bar], str],
        tip_of: Callable[[Bar], str],
        today: datetime.date | None,
    ) -> None:
        """Show ``timeline``, each bar labelled ``text_of(bar)`` and explained by
        ``tip_of(bar)``; the selection is kept while its bar is still shown."""
        self.layout_ = Layout(timeline)
        self._texts = {}
        self._text_of, self._tip_of = text_of, tip_of
        self._today = today
        self._update_scroll_bars()
        if not self._placed and timeline.months:
            self._placed = True
            self._scroll_to_this_year()
        if self._selected is not None and self.layout_.row_of(self._selected) is None:
            self._select(None)
        self.viewport().update()

    def set_labels(self, text_of: Callable[[Bar], str]) -> None:
        """Label the bars ``text_of(bar)`` from now on."""
        self._text_of = text_of
        self._texts = {}
        self.viewport().update()

    def set_editable(self, editable: bool, reason: str = "") -> None:
        """Whether bars can be moved; ``reason`` says why not, when a move is tried."""
        self._editable = editable
        self._read_only_reason = reason

    @property
    def zoom(self) -> Zoom:
        return self._zoom

    def set_zoom(self, zoom: Zoom) -> None:
        """Show as many months as ``zoom`` says in the width. Today's line stays where it
        is in the view when it is in sight (zooming in shows the months around today),
        else the month in the middle of the view does."""
        if zoom == self._zoom:
            return
        across, width = self.horizontalScrollBar(), self.viewport().width()
        today = self.frame().line_xs()[0] if self.layout_ is not None else None
        at = today if today is not None and 0 <= today <= width else width / 2
        column = (across.value() + at) / self.month_width()
        self._zoom = zoom
        self._update_scroll_bars()
        across.setValue(round(column * self.month_width() - at))
        self.viewport().update()

    @property
    def selected(self) -> int | None:
        return self._selected

    def select(self, initiative_id: int | None) -> None:
        """Select the bar of ``initiative_id`` (``None``: none) and scroll it into sight."""
        self._select(initiative_id)
        if initiative_id is not None:
            self.ensure_visible(initiative_id)

    def label_of(self, bar: Bar) -> str:
        """What the bar's label says (after its status mark)."""
        return self._text_of(bar)

    def tip_of(self, bar: Bar) -> str:
        """What the bar's tooltip says (as plain text)."""
        return self._tip_of(bar)

    def settle(self) -> None:
        """The move asked for is done, refused or cancelled: draw the bar where the plan
        has it."""
        self.preview = None
        self.viewport().update()

    # -- geometry ----------------------------------------------------------------------------

    def month_width(self) -> float:
        columns = self.layout_.columns if self.layout_ is not None else 12
        shown = self._zoom.months_shown(max(columns, 1))
        return max(MIN_MONTH_WIDTH, self.viewport().width() / shown)

    def body_height(self) -> int:
        return max(0, self.viewport().height() - HEADER_HEIGHT)

    def row_top(self, row: int) -> int:
        """The viewport's y of a row's top."""
        return HEADER_HEIGHT + row * self.row_height - self.verticalScrollBar().value()

    def column_x(self, column: float) -> float:
        """The viewport's x of a column's left edge."""
        return column * self.month_width() - self.horizontalScrollBar().value()

    def bar_rect(
        self, initiative_id: int, start: Month | None = None, end: Month | None = None
    ) -> QRectF:
        """Where the bar of ``initiative_id`` is drawn (at ``start``-``end`` when given), in
        viewport pixels; an empty rectangle when it is not shown."""
        layout = self.layout_
        row = None if layout is None else layout.row_of(initiative_id)
        if layout is None or row is None:
            return QRectF()
        bar = layout.rows[row].bar
        assert bar is not None
        first, after = layout.span(start or bar.start_month, end or bar.end_month)
        top = self.row_top(row)
        return QRectF(
            self.column_x(first), top + 4, (after - first) * self.month_width(), self.row_height - 8
        )

    def hit(self, pos: QPoint | QPointF) -> tuple[Bar, Grip | None] | None:
        """The bar on the row at ``pos`` and what of it ``pos`` grips (``None``: beside it)."""
        layout = self.layout_
        if layout is None or pos.y() < HEADER_HEIGHT:
            return None
        row = int((pos.y() - HEADER_HEIGHT + self.verticalScrollBar().value()) // self.row_height)
        if not 0 <= row < len(layout):
            return None
        bar = layout.rows[row].bar
        if bar is None:
            return None
        rect = self.bar_rect(bar.initiative_id)
        return bar, grip_at(pos.x(), rect.left(), rect.right(), EDGE)

    def ensure_visible(self, initiative_id: int) -> None:
        layout = self.layout_
        row = None if layout is None else layout.row_of(initiative_id)
        if layout is None or row is None:
            return
        bars = self.verticalScrollBar()
        top = row * self.row_height
        if top < bars.value():
            bars.setValue(top)
        elif top + self.row_height > bars.value() + self.body_height():
            bars.setValue(top + self.row_height - self.body_height())
        bar = layout.rows[row].bar
        assert bar is not None
        first, after = layout.span(bar.start_month, bar.end_month)
        width = self.month_width()
        across = self.horizontalScrollBar()
        left, right = first * width, after * width
        if right < across.value() or left > across.value() + self.viewport().width():
            across.setValue(round(max(0.0, left - width / 2)))

    def _update_scroll_bars(self) -> None:
        layout = self.layout_
        rows = len(layout) if layout is not None else 0
        columns = layout.columns if layout is not None else 0
        width = self.month_width()
        across, down = self.horizontalScrollBar(), self.verticalScrollBar()
        across.setRange(0, max(0, math.ceil(columns * width) - self.viewport().width()))
        across.setSingleStep(max(1, round(width)))
        across.setPageStep(self.viewport().width())
        down.setRange(0, max(0, rows * self.row_height - self.body_height()))
        down.setSingleStep(self.row_height)
        down.setPageStep(max(self.row_height, self.body_height() - self.row_height))

    def _scroll_to_this_year(self) -> None:
        layout = self.layout_
        assert layout is not None
        today = layout.timeline.today
        if today is None:
            return
        year = next((y for y in layout.timeline.years if y.first <= today <= y.last), None)
        first = layout.column(year.first if year is not None else today)
        self.horizontalScrollBar().setValue(round(max(0, first) * self.month_width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        left = self.horizontalScrollBar().value() / self.month_width()
        super().resizeEvent(event)
        self._update_scroll_bars()
        self.horizontalScrollBar().setValue(round(left * self.month_width()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        if self.layout_ is None:
            painter.fillRect(self.viewport().rect(), self.palette().color(QPalette.ColorRole.Base))
        else:
            paint_frame(painter, self.frame(), Kit(self.palette(), self.font()))
        painter.end()

    def frame(self) -> Frame:
        """What a paint now shows (see :class:`~.frame.Frame`)."""
        assert self.layout_ is not None
        return Frame(
            layout=self.layout_,
            month_width=self.month_width(),
            scroll_x=self.horizontalScrollBar().value(),
            scroll_y=self.verticalScrollBar().value(),
            width=self.viewport().width(),
            height=self.viewport().height(),
            row_height=self.row_height,
            selected=self._selected,
            preview=self.preview,
            today=self._today,
            label_of=self._label,
        )

    def _label(self, bar: Bar) -> tuple[str, float]:
        """The bar's label and its width, worked out the first time it is drawn."""
        label = self._texts.get(bar.initiative_id)
        if label is None:
            text = self._text_of(bar)
            width = label_width(QFontMetricsF(self.font()), bar.status, text)
            label = self._texts[bar.initiative_id] = (text, width)
        return label

    # -- the mouse ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.preview is not None:
            super().mousePressEvent(event)
            return
        found = self.hit(event.position())
        if found is None:
            self._select(None)
            return
        bar, grip = found
        self._select(bar.initiative_id)
        self._press = _Press(
            bar.initiative_id, grip, event.position().x(), bar.start_month, bar.end_month
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None:
            self._update_cursor(event.position())
            return
        if press.grip is None:
            return
        if not press.dragging:
            if abs(event.position().x() - press.x) < QApplication.startDragDistance():
                return
            if not self._editable:
                self._press = None
                self.refused.emit(self._read_only_reason)
                return
            press.dragging = True
            self.viewport().setCursor(
                Qt.CursorShape.ClosedHandCursor
                if press.grip is Grip.BODY
                else Qt.CursorShape.SizeHorCursor
            )
        months = round((event.position().x() - press.x) / self.month_width())
        start, end = dragged(press.start, press.end, press.grip, months)
        wanted = Preview(press.initiative_id, start, end)
        if wanted != self.preview:
            self.preview = wanted
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._update_cursor(event.position())
        preview = self.preview
        if not press.dragging or preview is None:
            return
        if (preview.start, preview.end) == (press.start, press.end):
            self.settle()
            return
        # The preview stays on screen until the page settles the move.
        self.move_requested.emit(press.initiative_id, preview.start, preview.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self._press = None
            self.open_requested.emit(found[0].initiative_id)
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Sideways through the months, as in a spreadsheet.
            delta = event.angleDelta().y() or event.angleDelta().x()
            across = self.horizontalScrollBar()
            across.setValue(across.value() - round(delta / 120 * self.month_width()))
            event.accept()
            return
        super().wheelEvent(event)

    def _update_cursor(self, pos: QPointF) -> None:
        found = self.hit(pos) if self._editable else None
        grip = found[1] if found is not None else None
        shape = (
            {
                Grip.START: Qt.CursorShape.SizeHorCursor,
                Grip.END: Qt.CursorShape.SizeHorCursor,
                Grip.BODY: Qt.CursorShape.OpenHandCursor,
            }.get(grip, Qt.CursorShape.ArrowCursor)
            if grip is not None
            else Qt.CursorShape.ArrowCursor
        )
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            found = self.hit(event.pos())
            if found is None:
                QToolTip.hideText()
                event.ignore()
                return True
            tip = plain_tooltip(self._tip_of(found[0]))
            rect = self.bar_rect(found[0].initiative_id).toAlignedRect()
            QToolTip.showText(event.globalPos(), tip, self.viewport(), rect)
            return True
        return super().viewportEvent(event)

    # -- the keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        layout = self.layout_
        if layout is None:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape and self._press is not None:
            self._press = None
            self.settle()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not control:
            step = -1 if key == Qt.Key.Key_Up else 1
            self.select(layout.neighbour(self._selected, step))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.open_requested.emit(self._selected)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._selected is not None:
            if self.preview is not None or self._press is not None:
                return  # one move at a time
            bar = layout.bar(self._selected)
            assert bar is not None
            months = -1 if key == Qt.Key.Key_Left else 1
            grip = Grip.START if shift and control else Grip.END if shift else Grip.BODY
            start, end = dragged(bar.start_month, bar.end_month, grip, months)
            if (start, end) == (bar.start_month, bar.end_month):
                return  # a one-month bar's end pressed past its start
            if not self._editable:
                self.refused.emit(self._read_only_reason)
                return
            self.preview = Preview(bar.initiative_id, start, end)
            self.ensure_visible(bar.initiative_id)
            self.viewport().update()
            self.move_requested.emit(bar.initiative_id, start, end)
            return
        super().keyPressEvent(event)

    def _select(self, initiative_id: int | None) -> None:
        if initiative_id == self._selected:
            return
        self._selected = initiative_id
        self.viewport().update()
        self.selection_changed.emit(initiative_id)
