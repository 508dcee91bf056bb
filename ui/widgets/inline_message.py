"""A line in a dialog that says what is wrong with what was typed, or what will happen to it,
next to the field it is about: the dialog stays open and the person reads it as they fix it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.icons import icon
from ui.plain_text import plain_label


class InlineMessage(QWidget):
    """An icon and a word-wrapped line of plain text (it may name a file, which may hold
    anything), hidden while there is nothing to say; widgets added with :meth:`add_action`
    sit at its end (a button that fixes what it says)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = plain_label()
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(accessible_name)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addWidget(self.label, 1)
        self.hide()

    def add_action(self, widget: QWidget) -> None:
        self._row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

    def say(self, message: str, severity: str = "warning") -> None:
        """Show ``message`` with the icon of ``severity`` ("warning", "info")."""
        self._icon.setPixmap(icon(severity).pixmap(16, 16))
        self.label.setText(message)
        self.show()
        grow_to_fit(self)

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        """What it says now ("" when nothing)."""
        return self.label.text() if not self.isHidden() else ""


def grow_to_fit(widget: QWidget) -> None:
    """Make the window of ``widget`` tall enough for what its layout now holds; a window
    already shown keeps its size otherwise, and its word-wrapped labels would be cut off."""
    window = widget.window()
    layout = window.layout()
    if window is widget or layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > window.height():
        window.resize(width, needed)
