"""The one way the app tells the user something went wrong without blocking the event loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.plain_text import message_box


def show_problem(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal warning, opened (not exec'd) so the app keeps running under it."""
    # The message often quotes a file: its name, a sheet's or a table's: shown as written.
    box = message_box(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("problemBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
