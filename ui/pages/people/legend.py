"""The small labels of the page: section titles and the legend of role letters."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from planner import Role
from ui.pages.people import raci_style as style
from ui.plain_text import plain_label, rich

HINT = "Select cells and press A, R, C or I · Delete clears · double-click or F2 for a menu"


def legend_text(dark: bool) -> str:
    """Rich text: each role letter in its grid colour, then how to set roles."""
    parts = []
    for role in Role:
        colour = style.role_colour(role, dark).name()
        title = "Accountable (exactly one)" if role is Role.ACCOUNTABLE else role.title
        parts.append(rich('<b style="color:{}">{}</b>&nbsp;{}', colour, role.value, title))
    return " &nbsp;·&nbsp; ".join(parts) + rich(
        ' <span style="color:gray">&nbsp;&nbsp;&nbsp;{}</span>', HINT
    )


def section_label(text: str) -> QLabel:
    """A bold caption over a table ("People · 12")."""
    label = plain_label(text)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
