"""A multi-line text field that commits as a whole: on leaving it or on Ctrl+Enter, never
per keystroke, so each change of a story is one undo step. Esc takes back what was typed.
Both keys are actions of the field, so the shortcut sheet lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.widgets.key_actions import key_action


class StoryEdit(QPlainTextEdit):
    """Emits :attr:`committed` with the new text when it differs from what was loaded."""

    committed = Signal(str)

    def __init__(self, placeholder: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(name)
        self.setAccessibleDescription(f"{placeholder} Ctrl+Enter or leaving the field saves it.")
        self.setTabChangesFocus(True)  # Tab moves on, as in every other form field
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # At least two lines; it grows with the pane.
        frame = 2 * self.frameWidth() + 2 * int(self.document().documentMargin())
        self.setMinimumHeight(int(self.fontMetrics().lineSpacing() * 2.4) + frame)
        key_action(self, "Save the story", ("Ctrl+Return", "Ctrl+Enter"), self.commit)
        # Only while there is typing to take back: else Esc goes on as before.
        self.revert_action = key_action(
            self, "Take back what was typed in the story", ("Esc",), self.revert
        )
        self.revert_action.setEnabled(False)
        self.textChanged.connect(self._update_revert)

    def load(self, text: str, *, keep_typing: bool = True) -> None:
        """Show ``text`` as the saved value; with ``keep_typing``, not while the user is
        typing something else here (a refresh from another edit must not wipe words not
        yet saved)."""
        keep = keep_typing and self.hasFocus() and self.is_modified()
        self._loaded = text
        if not keep and self.toPlainText() != text:
            self.setPlainText(text)
        self._update_revert()

    def is_modified(self) -> bool:
        # The core trims text, so surrounding blanks alone are no change.
        return self.toPlainText().strip() != self._loaded.strip()

    def commit(self) -> None:
        """Emit the typed text if it changed (once: it becomes the saved value)."""
        if self.is_modified() and not self.isReadOnly():
            text = self.toPlainText()
            self._loaded = text
            self._update_revert()
            self.committed.emit(text)

    def revert(self) -> None:
        self.setPlainText(self._loaded)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # A context menu takes focus for a moment: the user is still editing.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
        super().focusOutEvent(event)

    def _update_revert(self) -> None:
        self.revert_action.setEnabled(self.is_modified())
