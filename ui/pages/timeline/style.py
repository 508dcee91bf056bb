"""How a bar looks: its status as a fill pattern, an outline and a mark, its strike-zone tier
as a lettered badge, and a finding as a marker, never by colour alone. The canvas and the
legend draw bars with the same :func:`paint_bar`, so the legend shows exactly what the bars do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from planner import Status, Tier
from ui.icons import icon

from .layout import Side, label_place


@dataclass(frozen=True, slots=True)
class StatusLook:
    mark: str  # drawn before the name, and named in the legend
    colour: str
    fill: Qt.BrushStyle
    fill_alpha: int  # 255: the colour itself, under the name in white
    outline: Qt.PenStyle


# Okabe-Ito colours (told apart with the commonest colour blindness), each with a pattern too.
STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.ACTIVE: StatusLook(
        "▶", "#0072b2", Qt.BrushStyle.SolidPattern, 255, Qt.PenStyle.SolidLine
    ),
    Status.PLANNED: StatusLook(
        "○", "#0072b2", Qt.BrushStyle.BDiagPattern, 150, Qt.PenStyle.SolidLine
    ),
    Status.IDEA: StatusLook("?", "#7a7f85", Qt.BrushStyle.NoBrush, 0, Qt.PenStyle.DashLine),
    Status.DONE: StatusLook("✓", "#009e73", Qt.BrushStyle.SolidPattern, 80, Qt.PenStyle.SolidLine),
    Status.DROPPED: StatusLook("✕", "#a0a5aa", Qt.BrushStyle.NoBrush, 0, Qt.PenStyle.DotLine),
}
STATUS_ORDER = (Status.ACTIVE, Status.PLANNED, Status.IDEA, Status.DONE, Status.DROPPED)

TIER_LETTERS: dict[Tier | None, str] = {
    Tier.CORE: "C",
    Tier.EDGE: "E",
    Tier.OUTSIDE: "O",
    None: "–",
}
TIER_COLOURS: dict[Tier | None, str] = {
    Tier.CORE: "#0f766e",
    Tier.EDGE: "#b45309",
    Tier.OUTSIDE: "#5b6167",
    None: "#5b6167",
}
TIER_WORDS: dict[Tier | None, str] = {
    Tier.CORE: "core",
    Tier.EDGE: "edge",
    Tier.OUTSIDE: "outside",
    None: "no segment",
}
TODAY_COLOUR = "#dc2626"
BADGE = 14  # the tier badge's side, in pixels
MARKER = 13  # the finding marker's side


@dataclass(frozen=True, slots=True)
class BarPaint:
    """What :func:`paint_bar` draws of one bar."""

    status: Status
    tier: Tier | None
    text: str
    findings: bool
    selected: bool = False


def status_mark(status: Status) -> str:
    return STATUS_LOOKS[status].mark


def text_inside(status: Status) -> bool:
    """Whether the name is drawn in white (on the status' solid colour)."""
    return STATUS_LOOKS[status].fill_alpha == 255


def paint_bar(
    painter: QPainter,
    rect: QRectF,
    bar: BarPaint,
    palette: QPalette,
    *,
    first: float,
    last: float,
    badge: bool = True,
) -> None:
    """Draw a bar in ``rect``: its fill and outline, and its tier badge, finding marker,
    status mark and ``text``: in the bar, or beside it when the bar is too short, anywhere
    from ``first`` to ``last`` (the pixels in sight, within the plan's months). ``badge``:
    whether to draw the badge (the legend's samples of statuses have none)."""
    look = STATUS_LOOKS[bar.status]
    colour = QColor(look.colour)
    painter.save()
    if look.fill is not Qt.BrushStyle.NoBrush:
        fill = QColor(colour)
        fill.setAlpha(look.fill_alpha if look.fill is Qt.BrushStyle.SolidPattern else 40)
        painter.fillRect(rect, fill)
        if look.fill is not Qt.BrushStyle.SolidPattern:
            hatch = QColor(colour)
            hatch.setAlpha(look.fill_alpha)
            painter.fillRect(rect, QBrush(hatch, look.fill))
    pen = QPen(palette.color(QPalette.ColorRole.Highlight) if bar.selected else colour)
    pen.setWidthF(2.5 if bar.selected else 1.25)
    pen.setStyle(Qt.PenStyle.SolidLine if bar.selected else look.outline)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))

    metrics = QFontMetricsF(painter.font())
    text = f"{look.mark} {bar.text}"
    lead = (BADGE + 4 if badge else 0) + (MARKER + 3 if bar.findings else 0) + 3
    needed = lead + metrics.horizontalAdvance(text) + 4
    side, x, width = label_place(rect.left(), rect.right(), first, last, needed)
    inside = side is Side.INSIDE
    x += 3 if inside else 0
    y_mid = rect.center().y()
    if badge:
        paint_badge(painter, QRectF(x, y_mid - BADGE / 2, BADGE, BADGE), bar.tier)
        x += BADGE + 4
    if bar.findings:
        paint_marker(painter, QPointF(x, y_mid - MARKER / 2))
        x += MARKER + 3
    on_colour = inside and text_inside(bar.status)
    text_colour = QColor("#ffffff") if on_colour else palette.color(QPalette.ColorRole.Text)
    if bar.status is Status.DROPPED:
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
    painter.setPen(text_colour)
    font = QFont(painter.font())
    font.setStrikeOut(bar.status is Status.DROPPED)
    painter.setFont(font)
    room = max(0.0, width - lead - 2)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    painter.drawText(
        QRectF(x, rect.top(), room + 1, rect.height()),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        shown,
    )
    painter.restore()


def paint_marker(painter: QPainter, top_left: QPointF) -> None:
    """The marker of a bar with findings."""
    painter.drawPixmap(top_left, icon("warning").pixmap(MARKER, MARKER))


def paint_badge(painter: QPainter, rect: QRectF, tier: Tier | None) -> None:
    """The strike-zone tier's letter on its colour."""
    colour = QColor(TIER_COLOURS[tier])
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 3, 3)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(10)
    font.setStrikeOut(False)
    painter.save()
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), TIER_LETTERS[tier])
    painter.restore()


def paint_ghost(painter: QPainter, rect: QRectF, palette: QPalette) -> None:
    """A baseline's dates: a faint dashed box behind the bar."""
    colour = QColor(palette.color(QPalette.ColorRole.Text))
    fill = QColor(colour)
    fill.setAlpha(22)
    colour.setAlpha(150)
    pen = QPen(colour, 1.0, Qt.PenStyle.DashLine)
    painter.save()
    painter.fillRect(rect, fill)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.restore()
