"""A message bar above the pages: why an edit was refused, what an action did (with a way to
take it back), or what is true of the open plan file.

Not a dialog: the user reads it and carries on typing. Two kinds of notice:

- about the last action (a refusal, "Deleted 'Webinar series'", an export): it goes at the
  next successful edit or page change (:meth:`NoticeBar.clear_transient`), when dismissed,
  or after a while;
- about the plan file (open read-only, upgraded), shown with ``lasting=True``: it stays
  while the plan is open until dismissed, and comes back when a notice about an action that
  covered it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ui.icons import icon
from ui.plain_text import plain_label

SHOWN_FOR_MS = 15_000

Action = tuple[str, Callable[[], object]]  # a button's text and what it does


def framed_style(object_name: str) -> str:
    """The notice bar's look for the ``QFrame`` named ``object_name``: a rounded frame in
    the colour of its ``severity`` property ("error", "warning", "info")."""
    frame = f"QFrame#{object_name}"
    return f"""
{frame} {{ border: 1px solid #d97706; border-radius: 6px; margin: 6px 12px;
           background: rgba(217, 119, 6, 0.12); }}
{frame}[severity="error"] {{ border-color: #dc2626; background: rgba(220, 38, 38, 0.12); }}
{frame}[severity="info"] {{ border-color: #2563eb; background: rgba(37, 99, 235, 0.10); }}
"""


STYLE = framed_style("noticeBar")


@dataclass(frozen=True, slots=True)
class _Notice:
    text: str
    severity: str
    action: Action | None = None


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._icon = plain_label()
        self._text = plain_label()
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setAccessibleName("Notice message")
        self.action_button = QToolButton()
        self.action_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_button.clicked.connect(self._act)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss notice")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_FOR_MS)
        self._timer.timeout.connect(self.clear_transient)
        self._shown: _Notice | None = None
        self._lasting: _Notice | None = None  # about the plan file, until dismissed
        self.hide()

    def show_message(
        self,
        message: str,
        severity: str = "warning",
        *,
        action: Action | None = None,
        lasting: bool = False,
    ) -> None:
        """Show ``message`` (plain text) with the icon of ``severity`` ("error", "warning",
        "info"), and a button for ``action`` (e.g. ``("Undo", callback)``) when given.
        ``lasting`` marks a notice about the plan file rather than the last action."""
        notice = _Notice(message, severity, action)
        if lasting:
            self._lasting = notice
        self._show(notice, timed=not lasting)

    def clear_transient(self) -> None:
        """Take away a notice about an action (after the next edit or a page change); a
        lasting notice it covered shows again."""
        if self._shown is None or self._shown is self._lasting:
            return
        if self._lasting is not None:
            self._show(self._lasting, timed=False)
        else:
            self._hide()

    def dismiss(self) -> None:
        """The user closed the notice shown; a lasting one is not shown again."""
        if self._shown is not None and self._shown is self._lasting:
            self._lasting = None
            self._hide()
        else:
            self.clear_transient()

    def clear(self) -> None:
        """Forget every notice (the plan they were about was closed)."""
        self._lasting = None
        self._hide()

    def text(self) -> str:
        return self._text.text() if self.isVisible() else ""

    def _show(self, notice: _Notice, *, timed: bool) -> None:
        self._shown = notice
        self._icon.setPixmap(icon(notice.severity).pixmap(20, 20))
        self._text.setText(notice.text)
        if notice.action is not None:
            self.action_button.setText(notice.action[0])
            self.action_button.setAccessibleName(notice.action[0])
        self.action_button.setVisible(notice.action is not None)
        self.setProperty("severity", notice.severity)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
        if timed:
            self._timer.start()
        else:
            self._timer.stop()

    def _hide(self) -> None:
        self._shown = None
        self._timer.stop()
        self.hide()

    def _act(self) -> None:
        shown = self._shown
        if shown is None or shown.action is None:
            return
        # Gone first: the action (an undo) must not find its own notice still offering it.
        self.clear_transient()
        shown.action[1]()
