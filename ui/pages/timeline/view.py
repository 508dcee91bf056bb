"""The Timeline's drawing: lanes of bars under a sticky band of fiscal years, quarters and
months, painted by hand so a frame draws only the rows in sight (2,000 initiatives scroll as
smoothly as 20); a bar's tooltip says its figures as plain text.

Geometry is worked out once per timeline shown (:class:`~.layout.Layout`): a frame turns the
visible rows' month columns into pixels and draws them (:mod:`.frame`). What a hand does on
it (a click, a drag, the keys) is :class:`~.canvas.TimelineCanvas`'s.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from planner.months import Month
from planner.timeline import Bar, Timeline
from ui.plain_text import plain_tooltip

from .frame import HEADER_HEIGHT, Frame, Preview, paint_frame
from .layout import Grip, Layout, Zoom, grip_at
from .style import Kit, label_width

EDGE = 5  # pixels either side of a bar's end that grip the end
MIN_MONTH_WIDTH = 14


class TimelineView(QAbstractScrollArea):
    """Draws a :class:`Timeline` scrolled and zoomed, the chosen bar marked, and a drag's
    preview (:attr:`preview`) until it is settled."""

    selection_changed = Signal(object)  # an initiative id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName("Timeline")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.layout_: Layout | None = None
        self._zoom = Zoom.YEAR
        self._texts: dict[int, tuple[str, float]] = {}  # labels drawn so far, and widths
        self._text_of: Callable[[Bar], str] = lambda bar: bar.name
        self._tip_of: Callable[[Bar], str] = lambda bar: bar.name
        self._today: datetime.date | None = None
        self._selected: int | None = None
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

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Sideways through the months, as in a spreadsheet.
            delta = event.angleDelta().y() or event.angleDelta().x()
            across = self.horizontalScrollBar()
            across.setValue(across.value() - round(delta / 120 * self.month_width()))
            event.accept()
            return
        super().wheelEvent(event)

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

    def _select(self, initiative_id: int | None) -> None:
        if initiative_id == self._selected:
            return
        self._selected = initiative_id
        bar = (
            None
            if initiative_id is None or self.layout_ is None
            else self.layout_.bar(initiative_id)
        )
        # What a screen reader says of the drawing: the bar chosen, as its tooltip says it.
        self.setAccessibleDescription(self._tip_of(bar) if bar is not None else "")
        self.viewport().update()
        self.selection_changed.emit(initiative_id)
