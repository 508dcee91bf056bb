"""The window's status bar: a passing message on the left, the plan's file on the right.

Either can be longer than the bar (a refusal that quotes a long name, a plan deep in
folders): the message is cut short with "…" before the file's place, the path loses its
middle (its folder's start and the file's name stay), and each shows whole in its tooltip.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from ui.plain_text import make_plain, plain_tooltip

GAP = 12  # between the end of a message and the path
PATH_SHARE = 0.5  # of the bar's width, at most, for the path: the message needs room too
_ELIDED_PATH_CHARS = 12  # the narrowest the path gets: a few letters either side of "…"


def home_as_tilde(path: str) -> str:
    """``path`` with the user's home folder written "~" ("~/Documents/Plan.smplan"), as
    Linux and macOS file managers write it; whole elsewhere (Windows has no "~")."""
    if sys.platform == "win32" or not path:
        return path
    home = os.path.expanduser("~").rstrip(os.sep)
    if home and (path == home or path.startswith(home + os.sep)):
        return "~" + path[len(home) :]
    return path


class PathLabel(QLabel):
    """A file's path on one line, home as "~" and its middle elided when it does not fit;
    :meth:`text` stays whole, the tooltip shows it whole and "Copy Path" copies it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_plain(self)  # a path can hold anything, "<" included
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        copy = QAction("Copy Path", self)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.text()))
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_path(self, path: str) -> None:
        self.setText(path)
        self.setToolTip(plain_tooltip(path))

    def shown_text(self) -> str:
        """The text as drawn: the path, home as "~" and its middle elided to the label's
        width."""
        return self.fontMetrics().elidedText(
            home_as_tilde(self.text()), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def minimumSizeHint(self) -> QSize:
        narrowest = self.fontMetrics().averageCharWidth() * _ELIDED_PATH_CHARS
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), narrowest), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )


class StatusBar(QStatusBar):
    """A :class:`QStatusBar` that elides its message before its permanent widgets (the
    plan's path) instead of cutting it off against them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.location = PathLabel()
        self.location.setAccessibleName("Plan file")
        self.addPermanentWidget(self.location)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)

    def message_rect(self) -> QRect:
        """Where the message is drawn: from the left to a gap before the first permanent
        widget shown."""
        right = self.width() - GAP
        for widget in self._permanent:
            if widget.isVisible():
                right = min(right, widget.x() - GAP)
        return QRect(6, 0, max(right - 6, 0), self.height())

    def shown_message(self) -> str:
        """The message as drawn: cut short with "…" where it would reach the path."""
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_rect().width()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.location.setMaximumWidth(max(int(event.size().width() * PATH_SHARE), 1))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._show_whole_message(event):
            return True
        return super().event(event)

    def _show_whole_message(self, event: QEvent) -> bool:
        assert isinstance(event, QHelpEvent)
        message = self.currentMessage()
        if not message or self.shown_message() == message:
            return False
        if not self.message_rect().contains(event.pos()):
            return False
        QToolTip.showText(event.globalPos(), plain_tooltip(message), self)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        # QStatusBar's own painting, but with the message elided (Qt clips it mid-letter
        # against the path, which then reads as part of the message).
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        style = self.style()
        option = QStyleOption()
        option.initFrom(self)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                frame.state = QStyle.StateFlag.State_None
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget
                )
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_rect(),
            int(
                Qt.AlignmentFlag.AlignLeading
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextSingleLine
            ),
            self.shown_message(),
        )
