"""The head of every page: its title, one line saying what it is for, and its actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class PageHeader(QWidget):
    """A title, a subtitle and, on the right, tool buttons for the page's actions."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setAccessibleName(f"{title} page")
        self.subtitle = QLabel(subtitle)
        self.subtitle.setWordWrap(True)
        # The palette's muted text, readable in light and dark mode.
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a wrapped subtitle takes the lines it needs, no more
        self.subtitle.setSizePolicy(policy)

        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(4)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(words, 1)
        layout.addLayout(self._buttons)

    def add_action(self, action: QAction) -> QToolButton:
        """A tool button for ``action`` (icon beside text) on the right of the header."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text().replace("&", ""))
        self._buttons.addWidget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        """Another control beside the actions (a metric chooser, a filter box)."""
        self._buttons.addWidget(widget)
