"""The head of every page: its title and its actions, and below them one line saying what the
page is for.

The actions wrap onto more rows (and the subtitle onto more lines) in a narrow window, and a
title too long for its row (a plan's name can be 200 characters) is cut short with "…" and
shown whole in its tooltip, so a header never holds the window wider than a laptop's screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.plain_text import make_plain, plain_label, plain_tooltip
from ui.widgets.flow_layout import FlowLayout


class _ElidedTitle(QLabel):
    """A one-line plain-text label that asks for no more width than a few letters and, when
    narrower than its text, draws it cut short with "…" (the whole text in its tooltip)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("M" * 8)), hint.height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)

    def is_cut(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _update_tooltip(self) -> None:
        self.setToolTip(plain_tooltip(self.text()) if self.is_cut() else "")


class PageHeader(QWidget):
    """A title with, on its right, tool buttons for the page's actions (in rows, aligned
    right, when they do not fit in one), and a subtitle under both."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_plain(_ElidedTitle(title))
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setAccessibleName(f"{title} page")
        self.subtitle = plain_label(subtitle)
        self.subtitle.setWordWrap(True)
        # The palette's muted text, readable in light and dark mode.
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a wrapped subtitle takes the lines it needs, no more
        self.subtitle.setSizePolicy(policy)

        # The title shares its row with the actions; the subtitle has the row below to
        # itself, so in a narrow window it wraps at the page's width, not beside the actions.
        self._buttons = FlowLayout(spacing=4, align_right=True)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(self._buttons, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)

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


def labelled(text: str, control: QWidget) -> QWidget:
    """A control with its label, to go beside a header's actions (the label's mnemonic
    focuses the control)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(8, 0, 4, 0)
    layout.setSpacing(6)
    label = plain_label(text)
    label.setBuddy(control)
    layout.addWidget(label)
    layout.addWidget(control)
    return box
