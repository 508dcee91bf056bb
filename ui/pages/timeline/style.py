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
_ELIDED = Qt.TextElideMode.ElideRight
BADGE = 14  # the tier badge's side, in pixels
MARKER = 13  # the finding marker's side


@dataclass(frozen=True, slots=True)
class BarPaint:
    """What :func:`paint_bar` draws of one bar."""

    status: Status
    tier: Tier | None
    text: str  # after the status' mark
    width: float  # of the mark and the text (measured once per label: see label_width)
    findings: bool
    selected: bool = False


def label_width(metrics: QFontMetricsF, status: Status, text: str) -> float:
    """How wide a bar's label is drawn: its status' mark and ``text``."""
    return metrics.horizontalAdvance(f"{STATUS_LOOKS[status].mark} {text}")


def text_inside(status: Status) -> bool:
    """Whether the name is drawn in white (on the status' solid colour)."""
    return STATUS_LOOKS[status].fill_alpha == 255


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    made = QColor(colour)
    made.setAlpha(alpha)
    return made


class Kit:
    """What every bar and line of one frame is drawn with, made once per frame from the
    widget's palette and font (which follow the light or dark scheme)."""

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.palette = palette
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.struck = QFont(font)
        self.struck.setStrikeOut(True)
        self.badge_font = QFont(font)
        self.badge_font.setBold(True)
        self.badge_font.setPixelSize(10)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.white = QColor("#ffffff")
        self.faint = _with_alpha(self.text, 22)
        self.strong = _with_alpha(self.text, 60)
        self.line = _with_alpha(self.text, 70)
        self.tint = _with_alpha(self.text, 12)
        self.closed_line = _with_alpha(self.text, 140)
        self.ghost_fill = _with_alpha(self.text, 22)
        self.ghost_line = _with_alpha(self.text, 150)
        self.selection = _with_alpha(self.highlight, 40)
        self.marker = icon("warning").pixmap(MARKER, MARKER)
        self.fills = {status: _fills(look) for status, look in STATUS_LOOKS.items()}
        self.tier_colours = {tier: QColor(colour) for tier, colour in TIER_COLOURS.items()}


def _fills(look: StatusLook) -> tuple[QColor | None, QBrush | None, QColor]:
    """A status' ground colour, its hatch over it, and its outline's colour."""
    colour = QColor(look.colour)
    if look.fill is Qt.BrushStyle.NoBrush:
        return None, None, colour
    if look.fill is Qt.BrushStyle.SolidPattern:
        return _with_alpha(colour, look.fill_alpha), None, colour
    return _with_alpha(colour, 40), QBrush(_with_alpha(colour, look.fill_alpha), look.fill), colour


def paint_bar(
    painter: QPainter,
    rect: QRectF,
    bar: BarPaint,
    kit: Kit,
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
    ground, hatch, colour = kit.fills[bar.status]
    if ground is not None:
        painter.fillRect(rect, ground)
    if hatch is not None:
        painter.fillRect(rect, hatch)
    pen = QPen(kit.highlight if bar.selected else colour)
    pen.setWidthF(2.5 if bar.selected else 1.25)
    pen.setStyle(Qt.PenStyle.SolidLine if bar.selected else look.outline)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))

    text = f"{look.mark} {bar.text}"
    lead = (BADGE + 4 if badge else 0) + (MARKER + 3 if bar.findings else 0) + 3
    needed = lead + bar.width + 4
    side, x, width = label_place(rect.left(), rect.right(), first, last, needed)
    inside = side is Side.INSIDE
    x += 3 if inside else 0
    y_mid = rect.center().y()
    if badge:
        paint_badge(painter, QRectF(x, y_mid - BADGE / 2, BADGE, BADGE), bar.tier, kit)
        x += BADGE + 4
    if bar.findings:
        painter.drawPixmap(QPointF(x, y_mid - MARKER / 2), kit.marker)
        x += MARKER + 3
    dropped = bar.status is Status.DROPPED
    if dropped:
        painter.setPen(kit.muted)
        painter.setFont(kit.struck)
    else:
        painter.setPen(kit.white if inside and text_inside(bar.status) else kit.text)
    room = max(0.0, width - lead - 2)
    shown = text if bar.width <= room else kit.metrics.elidedText(text, _ELIDED, room)
    painter.drawText(
        QRectF(x, rect.top(), room + 1, rect.height()),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
        shown,
    )
    if dropped:
        painter.setFont(kit.font)


def paint_badge(painter: QPainter, rect: QRectF, tier: Tier | None, kit: Kit) -> None:
    """The strike-zone tier's letter on its colour."""
    painter.setPen(QPen(kit.white, 1))
    painter.setBrush(kit.tier_colours[tier])
    painter.drawRoundedRect(rect, 3, 3)
    painter.setFont(kit.badge_font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), TIER_LETTERS[tier])
    painter.setFont(kit.font)


def paint_ghost(painter: QPainter, rect: QRectF, kit: Kit) -> None:
    """A baseline's dates: a faint dashed box behind the bar."""
    painter.fillRect(rect, kit.ghost_fill)
    painter.setPen(QPen(kit.ghost_line, 1.0, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
