"""The small labels of the page: section titles and the legend of role letters."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from planner import Role
from ui.pages.people import raci_style as style

HINT = "Select cells and press A, R, C or I · Delete clears · double-click or F2 for a menu"


def legend_text(dark: bool) -> str:
    """Rich text: each role letter in its grid colour, then how to set roles."""
    parts = []
    for role in Role:
        colour = style.role_colour(role, dark).name()
        title = "Accountable (exactly one)" if role is Role.ACCOUNTABLE else role.title
        parts.append(f'<b style="color:{colour}">{role.value}</b>&nbsp;{escape(title)}')
    return " &nbsp;·&nbsp; ".join(parts) + (
        f' <span style="color:gray">&nbsp;&nbsp;&nbsp;{escape(HINT)}</span>'
    )


def section_label(text: str) -> QLabel:
    """A bold caption over a table ("People · 12")."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
