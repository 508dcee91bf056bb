"""One frame of the Timeline's drawing: the rows in sight and the header over them.

A :class:`Frame` is what the canvas is scrolled to and shows, taken once per paint (month
width, scroll offsets, size, the selection and a drag's preview); :func:`paint_frame` draws it
with what is worked out once per frame (:class:`~.style.Kit`: fonts, colours, the marker),
so drawing a frame costs the rows in sight, whatever the plan's size.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from planner.months import Month, label, month
from planner.timeline import Band, Bar
from planner.timeline.wording import months_span

from .layout import Layout, Row, rows_between
from .style import TODAY_COLOUR, BarPaint, Kit, paint_bar, paint_ghost

BAND_HEIGHT = 20  # each of the header's rows: years, quarters, months
MARKS_HEIGHT = 16  # under them, the tags of the today and closed-month lines
HEADER_HEIGHT = 3 * BAND_HEIGHT + MARKS_HEIGHT
# "Jan", as the plan's months are named everywhere else.
MONTH_NAMES = tuple(label(month(2000, number)).split()[0] for number in range(1, 13))
_LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True, slots=True)
class Preview:
    """Where a bar is being moved to: shown until the move is settled."""

    initiative_id: int
    start: Month
    end: Month


@dataclass(frozen=True)
class Frame:
    """What one paint shows: the layout scrolled to ``scroll_x``, ``scroll_y`` in a view of
    ``width`` by ``height`` pixels (the header included)."""

    layout: Layout
    month_width: float
    scroll_x: int
    scroll_y: int
    width: int
    height: int
    row_height: int
    selected: int | None
    preview: Preview | None
    today: datetime.date | None
    label_of: Callable[[Bar], tuple[str, float]]  # a bar's label and its width

    def x(self, column: float) -> float:
        """The view's x of a column's left edge."""
        return column * self.month_width - self.scroll_x

    def row_top(self, row: int) -> int:
        return HEADER_HEIGHT + row * self.row_height - self.scroll_y

    def bar_rect(self, row: int, start: Month, end: Month) -> QRectF:
        first, after = self.layout.span(start, end)
        return QRectF(
            self.x(first),
            self.row_top(row) + 4,
            (after - first) * self.month_width,
            self.row_height - 8,
        )

    def line_xs(self) -> tuple[float | None, float | None]:
        """Where the today line (within its month, by the day) and the line after the last
        closed month are drawn; ``None``: not in the plan's months."""
        timeline, layout = self.layout.timeline, self.layout
        today_x = closed_x = None
        if timeline.today is not None:
            fraction = 0.5
            day = self.today
            if day is not None and day.year * 100 + day.month == timeline.today:
                fraction = (day.day - 0.5) / calendar.monthrange(day.year, day.month)[1]
            today_x = self.x(layout.column(timeline.today) + fraction)
        if timeline.closed_through is not None:
            closed_x = self.x(layout.column(timeline.closed_through) + 1)
        return today_x, closed_x


def paint_frame(painter: QPainter, frame: Frame, kit: Kit) -> None:
    palette = kit.palette
    painter.fillRect(0, 0, frame.width, frame.height, palette.color(QPalette.ColorRole.Base))
    layout = frame.layout
    if not layout.columns:
        return
    first_column = max(0, int(frame.scroll_x // frame.month_width))
    last_column = min(layout.columns, int((frame.scroll_x + frame.width) // frame.month_width) + 1)
    rows = rows_between(
        frame.scroll_y,
        frame.scroll_y + frame.height - HEADER_HEIGHT,
        frame.row_height,
        len(layout),
    )
    painter.setClipRect(0, HEADER_HEIGHT, frame.width, frame.height - HEADER_HEIGHT)
    _paint_closed(painter, frame, kit)
    for row in rows:
        if layout.rows[row].bar is None:
            _paint_lane_header(painter, frame, kit, layout.rows[row], frame.row_top(row))
    _paint_grid(painter, frame, kit, first_column, last_column)
    for row in rows:
        if layout.rows[row].bar is not None:
            _paint_bar_row(painter, frame, kit, row)
    _paint_lines(painter, frame, kit)
    painter.setClipping(False)
    _paint_header(painter, frame, kit, first_column, last_column)


def _paint_closed(painter: QPainter, frame: Frame, kit: Kit) -> None:
    """The closed months (history: what a move may not change), faintly shaded."""
    layout = frame.layout
    closed = layout.timeline.closed_through
    if closed is None:
        return
    left, right = frame.x(0), frame.x(min(layout.column(closed) + 1, layout.columns))
    if right > 0:
        painter.fillRect(QRectF(left, HEADER_HEIGHT, right - left, frame.height), kit.tint)


def _paint_grid(
    painter: QPainter, frame: Frame, kit: Kit, first_column: int, last_column: int
) -> None:
    timeline = frame.layout.timeline
    painter.setPen(QPen(kit.faint, 1))
    painter.drawLines(
        _uprights(
            (frame.x(column) for column in range(first_column, last_column + 1)),
            HEADER_HEIGHT,
            frame.height,
        )
    )
    for bands, pen_width in ((timeline.quarters, 1.0), (timeline.years, 2.0)):
        painter.setPen(QPen(kit.strong, pen_width))
        xs = (frame.x(frame.layout.column(band.first)) for band in bands)
        painter.drawLines(_uprights(xs, HEADER_HEIGHT, frame.height))


def _uprights(xs: Iterable[float], top: float, bottom: float) -> list[QLineF]:
    """Vertical lines at ``xs``, on whole pixels so they are drawn sharp."""
    return [QLineF(round(x) + 0.5, top, round(x) + 0.5, bottom) for x in xs]


def _paint_lane_header(painter: QPainter, frame: Frame, kit: Kit, row: Row, top: int) -> None:
    palette = kit.palette
    painter.fillRect(
        0, top, frame.width, frame.row_height, palette.color(QPalette.ColorRole.AlternateBase)
    )
    painter.setPen(QPen(kit.line, 1))
    painter.drawLine(QPointF(0, top + 0.5), QPointF(frame.width, top + 0.5))
    painter.setFont(kit.bold)
    painter.setPen(kit.text)
    count = len(row.lane.bars)
    title = f"{row.lane.title}  ·  {count} initiative{'s' if count != 1 else ''}"
    room = frame.width - 16
    shown = kit.bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    # Drawn at the view's left edge, however far the months are scrolled.
    painter.drawText(QRectF(8, top, room, frame.row_height), _LEFT, shown)
    painter.setFont(kit.font)


def _paint_bar_row(painter: QPainter, frame: Frame, kit: Kit, row: int) -> None:
    layout = frame.layout
    bar = layout.rows[row].bar
    assert bar is not None
    top = frame.row_top(row)
    selected = bar.initiative_id == frame.selected
    if selected:
        painter.fillRect(0, top, frame.width, frame.row_height, kit.selection)
    if bar.baseline_start is not None and bar.baseline_end is not None:
        ghost = frame.bar_rect(row, bar.baseline_start, bar.baseline_end)
        paint_ghost(painter, ghost.adjusted(0, -3, 0, 3), kit)
    start, end = bar.start_month, bar.end_month
    preview = frame.preview
    moving = preview is not None and preview.initiative_id == bar.initiative_id
    if moving:
        assert preview is not None
        was = frame.bar_rect(row, start, end)
        painter.setPen(QPen(kit.highlight, 1.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(was.adjusted(0.5, 0.5, -0.5, -0.5))
        start, end = preview.start, preview.end
    rect = frame.bar_rect(row, start, end)
    paint_bar(
        painter,
        rect,
        BarPaint(
            bar.status, bar.tier, *frame.label_of(bar), bool(bar.findings), selected or moving
        ),
        kit,
        first=max(0.0, frame.x(0)),
        last=min(float(frame.width), frame.x(layout.columns)),
    )
    if layout.column(end) >= layout.columns:
        _paint_beyond(painter, frame, kit, rect, after=True)
    if layout.column(start) < 0:
        _paint_beyond(painter, frame, kit, rect, after=False)
    if moving:
        _paint_drag_tag(painter, kit, rect, start, end)


def _paint_beyond(painter: QPainter, frame: Frame, kit: Kit, rect: QRectF, *, after: bool) -> None:
    """An arrow at the plan's edge for a bar that runs on past its last month (``after``)
    or began before its first."""
    x = frame.x(frame.layout.columns) - 1 if after else frame.x(0) + 1
    back = x - 6 if after else x + 6
    middle = rect.center().y()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kit.text)
    painter.drawPolygon([QPointF(back, middle - 6), QPointF(x, middle), QPointF(back, middle + 6)])
    painter.restore()


def _paint_drag_tag(painter: QPainter, kit: Kit, rect: QRectF, start: Month, end: Month) -> None:
    """The months a dragged bar would take, just above it (below, under the header)."""
    text = months_span(start, end)
    tag = QRectF(0, 0, kit.metrics.horizontalAdvance(text) + 12, kit.metrics.height() + 4)
    tag.moveBottomLeft(QPointF(max(2.0, rect.left()), rect.top() - 1))
    if tag.top() < HEADER_HEIGHT:
        tag.moveTopLeft(QPointF(tag.left(), rect.bottom() + 1))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kit.highlight)
    painter.drawRoundedRect(tag, 4, 4)
    painter.setPen(kit.palette.color(QPalette.ColorRole.HighlightedText))
    painter.drawText(tag, _CENTRE, text)


def _paint_lines(painter: QPainter, frame: Frame, kit: Kit) -> None:
    today_x, closed_x = frame.line_xs()
    if closed_x is not None:
        painter.setPen(QPen(kit.closed_line, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(closed_x, HEADER_HEIGHT), QPointF(closed_x, frame.height))
    if today_x is not None:
        painter.setPen(QPen(QColor(TODAY_COLOUR), 2))
        painter.drawLine(QPointF(today_x, HEADER_HEIGHT), QPointF(today_x, frame.height))


def _paint_bands(
    painter: QPainter, frame: Frame, kit: Kit, top: int, bands: tuple[Band, ...], bold: bool
) -> None:
    """A row of the header: fiscal years or quarters, each named where it is in sight."""
    font, metrics = (kit.bold, kit.bold_metrics) if bold else (kit.font, kit.metrics)
    painter.setFont(font)
    for band in bands:
        left = frame.x(frame.layout.column(band.first))
        right = frame.x(frame.layout.column(band.last) + 1)
        if right < 0 or left > frame.width:
            continue
        painter.setPen(QPen(kit.line, 1))
        x = round(left) + 0.5
        painter.drawLine(QPointF(x, top), QPointF(x, top + BAND_HEIGHT))
        # The label stays in sight while its band is scrolled half out of view.
        start = max(left, 0.0) + 6
        room = right - start - 4
        text = band.label
        if metrics.horizontalAdvance(text) > room:
            text = text.split()[0]  # "Q1 FY2026" says "Q1" when narrow
        if metrics.horizontalAdvance(text) > room:
            continue
        painter.setPen(kit.text)
        painter.drawText(QRectF(start, top, room, BAND_HEIGHT), _LEFT, text)
    painter.setFont(kit.font)


def _paint_header(
    painter: QPainter, frame: Frame, kit: Kit, first_column: int, last_column: int
) -> None:
    timeline = frame.layout.timeline
    painter.fillRect(0, 0, frame.width, HEADER_HEIGHT, kit.palette.color(QPalette.ColorRole.Window))
    _paint_bands(painter, frame, kit, 0, timeline.years, True)
    _paint_bands(painter, frame, kit, BAND_HEIGHT, timeline.quarters, False)
    wide = kit.metrics.horizontalAdvance("May") + 6 <= frame.month_width
    top = 2 * BAND_HEIGHT
    painter.setPen(QPen(kit.line, 1))
    columns = range(first_column, last_column)
    painter.drawLines(_uprights((frame.x(c) for c in columns), top, top + BAND_HEIGHT))
    painter.setPen(kit.text)
    for column in columns:
        name = MONTH_NAMES[frame.layout.month(column) % 100 - 1]
        # Centred on the part of the month in sight, so a month half scrolled out of view
        # still says which it is.
        left = max(frame.x(column), 0.0)
        right = min(frame.x(column + 1), float(frame.width))
        painter.drawText(
            QRectF(left, top, right - left, BAND_HEIGHT), _CENTRE, name if wide else name[0]
        )
    painter.setPen(QPen(kit.line, 1))
    for y in (BAND_HEIGHT, 2 * BAND_HEIGHT, 3 * BAND_HEIGHT):
        painter.drawLine(QPointF(0, y + 0.5), QPointF(frame.width, y + 0.5))
    painter.drawLine(QPointF(0, HEADER_HEIGHT - 0.5), QPointF(frame.width, HEADER_HEIGHT - 0.5))
    _paint_marks(painter, frame, kit)


def _paint_marks(painter: QPainter, frame: Frame, kit: Kit) -> None:
    """The tags naming the today line and the last closed month's."""
    today_x, closed_x = frame.line_xs()
    small = QFont(kit.font)
    small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
    metrics = QFontMetricsF(small)
    painter.setFont(small)
    top = 3 * BAND_HEIGHT + 1
    palette = kit.palette
    tags = (
        (closed_x, "closed", palette.color(QPalette.ColorRole.Mid), kit.text, True),
        (today_x, "today", QColor(TODAY_COLOUR), QColor("#ffffff"), False),
    )
    for x, text, fill, ink, before in tags:
        if x is None or not 0 <= x <= frame.width:
            continue
        width = metrics.horizontalAdvance(text) + 8
        # The closed tag sits left of its line, today's right of its own: in the month after
        # the last closed one they do not cover each other.
        tag = QRectF(x - width if before else x, top, width, MARKS_HEIGHT - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(ink)
        painter.drawText(tag, _CENTRE, text)
    painter.setFont(kit.font)
