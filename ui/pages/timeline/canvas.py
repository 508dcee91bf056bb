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

import calendar
import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from planner.months import Month
from planner.timeline import Bar, Timeline
from planner.timeline.wording import months_span
from ui.plain_text import plain_tooltip

from .layout import Grip, Layout, Row, Zoom, dragged, grip_at, rows_between
from .style import TODAY_COLOUR, BarPaint, paint_bar, paint_ghost

EDGE = 5  # pixels either side of a bar's end that grip the end
MIN_MONTH_WIDTH = 14
BAND_HEIGHT = 20  # each of the header's rows: years, quarters, months
MARKS_HEIGHT = 16  # under them, the tags of the today and closed-month lines
HEADER_HEIGHT = 3 * BAND_HEIGHT + MARKS_HEIGHT


@dataclass
class _Press:
    """A press on a bar, becoming a drag once the mouse has moved far enough."""

    initiative_id: int
    grip: Grip | None  # None: pressed beside the bar (its row), which selects only
    x: float
    start: Month
    end: Month
    dragging: bool = False


@dataclass(frozen=True, slots=True)
class Preview:
    """Where a bar is being moved to: shown until the move is settled."""

    initiative_id: int
    start: Month
    end: Month


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
        self._texts: dict[int, str] = {}  # labels drawn so far, by initiative
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
        """Show as many months as ``zoom`` says in the width, the month at the left kept."""
        if zoom == self._zoom:
            return
        left = self.horizontalScrollBar().value() / self.month_width()
        self._zoom = zoom
        self._update_scroll_bars()
        self.horizontalScrollBar().setValue(round(left * self.month_width()))
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
        palette = self.palette()
        width, height = self.viewport().width(), self.viewport().height()
        painter.fillRect(0, 0, width, height, palette.color(QPalette.ColorRole.Base))
        layout = self.layout_
        if layout is None or not layout.columns:
            painter.end()
            return
        month_width = self.month_width()
        scroll_x = self.horizontalScrollBar().value()
        first_column = max(0, int(scroll_x // month_width))
        last_column = min(layout.columns, int((scroll_x + width) // month_width) + 1)
        self._paint_closed(painter, layout, palette, height)
        rows = rows_between(
            self.verticalScrollBar().value(),
            self.verticalScrollBar().value() + self.body_height(),
            self.row_height,
            len(layout),
        )
        painter.setClipRect(0, HEADER_HEIGHT, width, height - HEADER_HEIGHT)
        for row in rows:
            if layout.rows[row].bar is None:
                self._paint_lane_header(painter, layout.rows[row], self.row_top(row), palette)
        self._paint_grid(painter, layout, palette, first_column, last_column, height)
        for row in rows:
            if layout.rows[row].bar is not None:
                self._paint_bar_row(painter, layout.rows[row], self.row_top(row), palette)
        self._paint_lines(painter, layout, HEADER_HEIGHT, height)
        painter.setClipping(False)
        self._paint_header(painter, layout, palette, first_column, last_column)
        painter.end()

    def _x(self, column: float) -> float:
        return self.column_x(column)

    def _paint_closed(
        self, painter: QPainter, layout: Layout, palette: QPalette, height: int
    ) -> None:
        closed = layout.timeline.closed_through
        if closed is None:
            return
        right = self._x(min(layout.column(closed) + 1, layout.columns))
        if right <= 0:
            return
        tint = QColor(palette.color(QPalette.ColorRole.Text))
        tint.setAlpha(12)
        painter.fillRect(QRectF(self._x(0), HEADER_HEIGHT, right - self._x(0), height), tint)

    def _paint_grid(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        first_column: int,
        last_column: int,
        height: int,
    ) -> None:
        timeline = layout.timeline
        faint = QColor(palette.color(QPalette.ColorRole.Text))
        faint.setAlpha(22)
        painter.setPen(QPen(faint, 1))
        for column in range(first_column, last_column + 1):
            x = round(self._x(column)) + 0.5
            painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, height))
        strong = QColor(palette.color(QPalette.ColorRole.Text))
        strong.setAlpha(60)
        for band, pen_width in ((timeline.quarters, 1.0), (timeline.years, 2.0)):
            painter.setPen(QPen(strong, pen_width))
            for quarter in band:
                x = round(self._x(layout.column(quarter.first))) + 0.5
                painter.drawLine(QPointF(x, HEADER_HEIGHT), QPointF(x, height))

    def _paint_lane_header(self, painter: QPainter, row: Row, top: int, palette: QPalette) -> None:
        width = self.viewport().width()
        painter.fillRect(
            0, top, width, self.row_height, palette.color(QPalette.ColorRole.AlternateBase)
        )
        line = QColor(palette.color(QPalette.ColorRole.Text))
        line.setAlpha(50)
        painter.setPen(QPen(line, 1))
        painter.drawLine(QPointF(0, top + 0.5), QPointF(width, top + 0.5))
        font = QFont(self.font())
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        count = len(row.lane.bars)
        title = f"{row.lane.title}  ·  {count} initiative{'s' if count != 1 else ''}"
        shown = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, width - 16)
        painter.drawText(
            QRectF(8, top, width - 16, self.row_height),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            shown,
        )
        painter.restore()

    def _paint_bar_row(self, painter: QPainter, row: Row, top: int, palette: QPalette) -> None:
        bar = row.bar
        assert bar is not None and self.layout_ is not None
        layout = self.layout_
        selected = bar.initiative_id == self._selected
        if selected:
            shade = QColor(palette.color(QPalette.ColorRole.Highlight))
            shade.setAlpha(40)
            painter.fillRect(0, top, self.viewport().width(), self.row_height, shade)
        width = self.month_width()
        if bar.baseline_start is not None and bar.baseline_end is not None:
            first, after = layout.span(bar.baseline_start, bar.baseline_end)
            ghost = QRectF(self._x(first), top + 1, (after - first) * width, self.row_height - 2)
            paint_ghost(painter, ghost, palette)
        start, end = bar.start_month, bar.end_month
        preview = self.preview
        moving = preview is not None and preview.initiative_id == bar.initiative_id
        if moving:
            assert preview is not None
            first, after = layout.span(start, end)
            was = QRectF(self._x(first), top + 4, (after - first) * width, self.row_height - 8)
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(was.adjusted(0.5, 0.5, -0.5, -0.5))
            start, end = preview.start, preview.end
        first, after = layout.span(start, end)
        rect = QRectF(self._x(first), top + 4, (after - first) * width, self.row_height - 8)
        text = self._texts.get(bar.initiative_id)
        if text is None:
            text = self._texts[bar.initiative_id] = self._text_of(bar)
        paint_bar(
            painter,
            rect,
            BarPaint(bar.status, bar.tier, text, bool(bar.findings), selected or moving),
            palette,
            first=max(0.0, self._x(0)),
            last=min(float(self.viewport().width()), self._x(layout.columns)),
        )
        if layout.column(end) >= layout.columns:
            self._paint_beyond(painter, rect, palette, after=True)
        if layout.column(start) < 0:
            self._paint_beyond(painter, rect, palette, after=False)
        if moving:
            self._paint_drag_tag(painter, rect, start, end, palette)

    def _paint_beyond(
        self, painter: QPainter, rect: QRectF, palette: QPalette, *, after: bool
    ) -> None:
        """An arrow at the plan's edge for a bar that runs on past its last month
        (``after``) or began before its first."""
        layout = self.layout_
        assert layout is not None
        x = self._x(layout.columns) - 1 if after else self._x(0) + 1
        tip, back = (x, x - 6) if after else (x, x + 6)
        middle = rect.center().y()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Text))
        painter.drawPolygon(
            [QPointF(back, middle - 6), QPointF(tip, middle), QPointF(back, middle + 6)]
        )
        painter.restore()

    def _paint_drag_tag(
        self, painter: QPainter, rect: QRectF, start: Month, end: Month, palette: QPalette
    ) -> None:
        """The months a dragged bar would take, just above it."""
        text = months_span(start, end)
        metrics = QFontMetricsF(self.font())
        tag = QRectF(0, 0, metrics.horizontalAdvance(text) + 12, metrics.height() + 4)
        tag.moveBottomLeft(QPointF(max(2.0, rect.left()), rect.top() - 1))
        if tag.top() < HEADER_HEIGHT:
            tag.moveTopLeft(QPointF(tag.left(), rect.bottom() + 1))
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def _line_xs(self, layout: Layout) -> tuple[float | None, float | None]:
        """Where the today line and the last-closed-month line are drawn (``None``: not)."""
        timeline = layout.timeline
        today_x = closed_x = None
        if timeline.today is not None:
            fraction = 0.5
            day = self._today
            if day is not None and day.year * 100 + day.month == timeline.today:
                fraction = (day.day - 0.5) / calendar.monthrange(day.year, day.month)[1]
            today_x = self._x(layout.column(timeline.today) + fraction)
        if timeline.closed_through is not None:
            closed_x = self._x(layout.column(timeline.closed_through) + 1)
        return today_x, closed_x

    def _paint_lines(self, painter: QPainter, layout: Layout, top: float, bottom: float) -> None:
        today_x, closed_x = self._line_xs(layout)
        if closed_x is not None:
            colour = QColor(self.palette().color(QPalette.ColorRole.Text))
            colour.setAlpha(140)
            painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(closed_x, top), QPointF(closed_x, bottom))
        if today_x is not None:
            painter.setPen(QPen(QColor(TODAY_COLOUR), 2))
            painter.drawLine(QPointF(today_x, top), QPointF(today_x, bottom))

    def _paint_header(
        self,
        painter: QPainter,
        layout: Layout,
        palette: QPalette,
        first_column: int,
        last_column: int,
    ) -> None:
        width = self.viewport().width()
        timeline = layout.timeline
        painter.fillRect(0, 0, width, HEADER_HEIGHT, palette.color(QPalette.ColorRole.Window))
        line = QColor(palette.color(QPalette.ColorRole.Text))
        line.setAlpha(70)
        text_colour = palette.color(QPalette.ColorRole.Text)
        metrics = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        for top, bands, font in (
            (0, timeline.years, bold),
            (BAND_HEIGHT, timeline.quarters, self.font()),
        ):
            painter.setFont(font)
            band_metrics = QFontMetricsF(font)
            for band in bands:
                left = self._x(layout.column(band.first))
                right = self._x(layout.column(band.last) + 1)
                if right < 0 or left > width:
                    continue
                painter.setPen(QPen(line, 1))
                painter.drawLine(
                    QPointF(round(left) + 0.5, top), QPointF(round(left) + 0.5, top + BAND_HEIGHT)
                )
                # The label stays in sight while its band is scrolled half out of view.
                x = max(left, 0.0) + 6
                room = right - x - 4
                text = band.label
                if band_metrics.horizontalAdvance(text) > room:
                    text = text.split()[0]  # "Q1 FY2026" says "Q1" when narrow
                if band_metrics.horizontalAdvance(text) > room:
                    continue
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(x, top, room, BAND_HEIGHT),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    text,
                )
        painter.setFont(self.font())
        month_width = self.month_width()
        wide = metrics.horizontalAdvance("May") + 6 <= month_width
        top = 2 * BAND_HEIGHT
        for column in range(first_column, last_column):
            month = layout.month(column)
            x = self._x(column)
            painter.setPen(QPen(line, 1))
            painter.drawLine(
                QPointF(round(x) + 0.5, top), QPointF(round(x) + 0.5, top + BAND_HEIGHT)
            )
            name = calendar.month_abbr[month % 100]
            text = name if wide else name[0]
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x, top, month_width, BAND_HEIGHT), int(Qt.AlignmentFlag.AlignCenter), text
            )
        painter.setPen(QPen(line, 1))
        for y in (BAND_HEIGHT, 2 * BAND_HEIGHT, 3 * BAND_HEIGHT):
            painter.drawLine(QPointF(0, y + 0.5), QPointF(width, y + 0.5))
        painter.drawLine(QPointF(0, HEADER_HEIGHT - 0.5), QPointF(width, HEADER_HEIGHT - 0.5))
        self._paint_marks(painter, layout, palette)

    def _paint_marks(self, painter: QPainter, layout: Layout, palette: QPalette) -> None:
        """The tags naming the today line and the last closed month's."""
        today_x, closed_x = self._line_xs(layout)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        painter.save()
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        top = 3 * BAND_HEIGHT + 1
        for x, text, fill, ink, right in (
            (
                closed_x,
                "closed",
                palette.color(QPalette.ColorRole.Mid),
                palette.color(QPalette.ColorRole.Text),
                True,
            ),
            (today_x, "today", QColor(TODAY_COLOUR), QColor("#ffffff"), False),
        ):
            if x is None or not 0 <= x <= self.viewport().width():
                continue
            tag_width = metrics.horizontalAdvance(text) + 8
            # The closed tag sits left of its line, today's right of its own, so they
            # do not cover each other in the month after the last closed one.
            left = x - tag_width if right else x
            tag = QRectF(left, top, tag_width, MARKS_HEIGHT - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(tag, 3, 3)
            painter.setPen(ink)
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

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
