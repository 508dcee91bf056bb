"""The Timeline page's own controls: what the lanes are, what the bars' label gives, how much of
the plan the width shows and what a move does to planned values; and the legend, which draws
its samples with the bars' own painter."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from planner import Status
from planner.timeline import Grouping, ValuesOnMove
from ui.plain_text import plain_label, plain_tooltip
from ui.widgets.combos import choice_combo, choose
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.page_header import labelled

from .layout import BarLabel, Zoom
from .style import (
    BADGE,
    MARKER,
    STATUS_ORDER,
    TIER_WORDS,
    TODAY_COLOUR,
    BarPaint,
    Kit,
    label_width,
    paint_badge,
    paint_bar,
    paint_ghost,
)
from .values_dialog import CHOICE_TIPS, CHOICE_TITLES, CHOICES_TIP

ZOOM_STYLE = """
QToolButton#zoom { padding: 3px 6px; border: 1px solid palette(mid); background: palette(button);
                   color: palette(button-text); }
QToolButton#zoom:hover { border-color: palette(highlight); }
QToolButton#zoom:checked { background: palette(highlight); color: palette(highlighted-text);
                           border-color: palette(highlight); }
"""


class TimelineControls(QObject):
    """The page's controls, each laid out by the page where it reads best (:attr:`zooms`,
    :attr:`lanes` and :attr:`labels` in its header, :attr:`choice` of what a move does to
    planned values by the legend); emits what the user picks. Setting a control from code
    emits nothing."""

    grouping_chosen = Signal(object)  # a Grouping
    label_chosen = Signal(object)  # a BarLabel
    zoom_chosen = Signal(object)  # a Zoom
    values_chosen = Signal(object)  # a ValuesOnMove

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grouping = choice_combo(
            "Lanes by",
            "What the swimlanes are",
            [(g.label, g) for g in Grouping],
        )
        self.label = choice_combo(
            "Bar label",
            "The figure each bar gives after its name and owner",
            [(b.label, b) for b in BarLabel],
        )
        self.values = choice_combo(
            "Planned values on a move",
            CHOICES_TIP,
            [(CHOICE_TITLES[v], v) for v in ValuesOnMove],
        )
        for n, value in enumerate(ValuesOnMove):
            self.values.setItemData(
                n, plain_tooltip(CHOICE_TIPS[value]), Qt.ItemDataRole.ToolTipRole
            )
        self.zoom_buttons: dict[Zoom, QToolButton] = {}
        zoom_group = QButtonGroup(self)
        self.zooms = zooms = QWidget()
        # The zoom shown stands out in the light scheme and the dark (the style's own
        # pressed look hardly differs from the rest in the dark one).
        zooms.setStyleSheet(ZOOM_STYLE)
        zoom_layout = QHBoxLayout(zooms)
        zoom_layout.setContentsMargins(0, 0, 0, 0)
        zoom_layout.setSpacing(0)
        zoom_layout.addWidget(plain_label("Show "))
        for zoom in Zoom:
            button = QToolButton()
            button.setObjectName("zoom")
            button.setText(zoom.label)
            button.setCheckable(True)
            button.setAccessibleName(
                f"Show a {zoom.label.lower()}"
                if zoom is not Zoom.HORIZON
                else "Show the whole plan"
            )
            button.setToolTip(plain_tooltip(_ZOOM_TIPS[zoom]))
            zoom_group.addButton(button)
            zoom_layout.addWidget(button)
            self.zoom_buttons[zoom] = button
            button.clicked.connect(lambda _checked=False, z=zoom: self.zoom_chosen.emit(z))
        self.zoom_buttons[Zoom.YEAR].setChecked(True)

        self.lanes = labelled("&Lanes by", self.grouping)
        self.labels = labelled("La&bel", self.label)
        self.choice = labelled("Planned values on a &move", self.values)
        # Qt keeps an enum's value as a plain string: each is made its enum again here.
        self.grouping.activated.connect(
            lambda _n: self.grouping_chosen.emit(Grouping(self.grouping.currentData()))
        )
        self.label.activated.connect(
            lambda _n: self.label_chosen.emit(BarLabel(self.label.currentData()))
        )
        self.values.activated.connect(
            lambda _n: self.values_chosen.emit(ValuesOnMove(self.values.currentData()))
        )

    def show_values(self, values: ValuesOnMove, *, editable: bool) -> None:
        choose(self.values, values)
        self.values.setEnabled(editable)

    def show_zoom(self, zoom: Zoom) -> None:
        self.zoom_buttons[zoom].setChecked(True)


_ZOOM_TIPS = {
    Zoom.QUARTER: "Three months across the page",
    Zoom.YEAR: "Twelve months across the page",
    Zoom.HORIZON: "Every month of the plan across the page",
}


class _Sample(QWidget):
    """One entry of the legend: a small bar, badge or line, and its word."""

    def __init__(self, kind: str, value: object, text: str) -> None:
        super().__init__()
        self._kind, self._value, self._text = kind, value, text
        self.setAccessibleName(text)
        metrics = self.fontMetrics()
        self._width = metrics.horizontalAdvance(f"{text}") + (28 if kind == "status" else 30)
        self.setFixedSize(QSize(self._width, max(20, metrics.height() + 6)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kit = Kit(self.palette(), self.font())
        height = self.height()
        if self._kind == "status":
            assert isinstance(self._value, Status)
            rect = QRectF(0, 3, self._width - 2, height - 6)
            # The sample bar says what it is, as a bar says its name.
            width = label_width(kit.metrics, self._value, self._text)
            sample = BarPaint(self._value, None, self._text, width, False)
            paint_bar(painter, rect, sample, kit, first=0, last=rect.right(), badge=False)
        elif self._kind == "tier":
            rect = QRectF(0, (height - BADGE) / 2, BADGE, BADGE)
            paint_badge(painter, rect, self._value, kit)  # type: ignore[arg-type]
            self._word(painter, BADGE + 4)
        elif self._kind == "finding":
            painter.drawPixmap(QPointF(0, (height - MARKER) / 2), kit.marker)
            self._word(painter, MARKER + 4)
        elif self._kind == "ghost":
            paint_ghost(painter, QRectF(0, 2, 22, height - 4), kit)
            self._word(painter, 26)
        elif self._kind == "line":
            today = self._value == "today"
            colour = QColor(TODAY_COLOUR) if today else kit.closed_line
            style = Qt.PenStyle.SolidLine if today else Qt.PenStyle.DashLine
            painter.setPen(QPen(colour, 2 if today else 1.5, style))
            painter.drawLine(8, 2, 8, height - 2)
            self._word(painter, 16)
        painter.end()

    def _word(self, painter: QPainter, x: int) -> None:
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(x, 0, self._width - x, self.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self._text,
        )


class Legend(QWidget):
    """What the bars' patterns, marks and badges and the lines mean; ``then`` (a control)
    follows them."""

    def __init__(self, then: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend")
        layout = FlowLayout(self, spacing=8)
        layout.setContentsMargins(0, 0, 0, 0)
        for status in STATUS_ORDER:
            layout.addWidget(_Sample("status", status, status.value.capitalize()))
        for tier, word in TIER_WORDS.items():
            layout.addWidget(_Sample("tier", tier, word))
        layout.addWidget(_Sample("finding", None, "findings"))
        layout.addWidget(_Sample("ghost", None, "baseline"))
        layout.addWidget(_Sample("line", "today", "today"))
        layout.addWidget(_Sample("line", "closed", "closed months"))
        if then is not None:
            layout.addWidget(then)
