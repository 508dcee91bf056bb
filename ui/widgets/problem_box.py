"""The one way the app tells the user something went wrong without blocking the event loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_problem(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal warning, opened (not exec'd) so the app keeps running under it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    # The message often quotes a file: its name, a sheet's or a table's. Never read as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("problemBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
