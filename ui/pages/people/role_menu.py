"""The menu of roles a click, F2 or a right-click opens on the RACI grid."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from planner import Role
from ui.pages.people import raci_style as style

SetRole = Callable[[Role | None], None]


def role_menu(
    parent: QWidget,
    current: Role | None,
    set_role: SetRole,
    make_owner: QAction | None,
    editable: bool = True,
) -> QMenu:
    """A menu with the four roles (the cell's own checked) and "No role", each naming its
    key, then "Make owner"; every choice applies to the selected cells."""
    menu = QMenu(parent)
    menu.setAccessibleName("Role")
    menu.setToolTipsVisible(True)
    dark = style.is_dark(parent.palette())
    for role in Role:
        action = menu.addAction(f"{role.title}\t{role.value}")
        action.setCheckable(True)
        action.setChecked(role is current)
        action.setIcon(style.letter_icon(role, dark))
        action.setEnabled(editable)
        action.triggered.connect(lambda _=False, r=role: set_role(r))
    none = menu.addAction("No role\tDel")
    none.setEnabled(editable)
    none.triggered.connect(lambda: set_role(None))
    if make_owner is not None:
        menu.addSeparator()
        menu.addAction(make_owner)
    return menu
