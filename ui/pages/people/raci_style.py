"""Colours of the RACI grid: one hue per team (a faint tint behind its columns, a stronger
one in its header band) and one per role letter, each in a light and a dark variant so the
grid reads in either colour scheme."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from planner import Role, Team

_TEAM_HUES = {
    Team.MARKETING: "#7e57c2",  # violet
    Team.SALES: "#00897b",  # teal
    Team.LEADERSHIP: "#ef8a00",  # amber
    Team.PARTNER: "#5c7a99",  # slate
}
_ROLE_COLOURS = {  # (light scheme, dark scheme)
    Role.ACCOUNTABLE: ("#b3261e", "#ff8a80"),
    Role.RESPONSIBLE: ("#1558b0", "#8ab4f8"),
    Role.CONSULTED: ("#1e7a34", "#81c995"),
    Role.INFORMED: ("#5f6368", "#bdc1c6"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette (the application's by default) draws light text on dark."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def team_colour(team: Team) -> QColor:
    """The team's full-strength hue (header band text and rules)."""
    return QColor(_TEAM_HUES.get(team, "#808080"))


def team_tint(team: Team, strength: int, dark: bool) -> QColor:
    """The team's hue at ``strength`` (0-255 alpha), painted over the view's base colour;
    dark schemes need a little more to show."""
    colour = team_colour(team)
    colour.setAlpha(min(255, int(strength * (1.6 if dark else 1.0))))
    return colour


def role_colour(role: Role, dark: bool) -> QColor:
    """The colour of a role letter."""
    light, night = _ROLE_COLOURS[role]
    return QColor(night if dark else light)


def role_tint(role: Role, dark: bool) -> QColor:
    """A faint wash of the role's colour behind its cell, so owners stand out at a glance."""
    colour = role_colour(role, dark)
    colour.setAlpha(60 if dark else 34)
    return colour


def letter_icon(role: Role, dark: bool, size: int = 32) -> QIcon:
    """The role's letter on its tint, as the grid shows it (for menus and the legend)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tint = role_colour(role, dark)
    tint.setAlpha(70 if dark else 45)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size / 5, size / 5)
    font = QFont()
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(role_colour(role, dark))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, role.value)
    painter.end()
    return QIcon(pixmap)
