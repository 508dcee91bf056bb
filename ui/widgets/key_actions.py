"""Keys that act on one widget, made as actions of that widget rather than handled in its
``keyPressEvent``: Help > Keyboard Shortcuts is read off the actions, so a key made here is
on the sheet and cannot drift from it. A disabled action lets its key go on to the widget
(Qt's own handling: keyboard search, scrolling), as a handler that declined it would."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = Sequence[QKeySequence | QKeySequence.StandardKey | Qt.Key | str]


def key_action(widget: QWidget, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
    """An action of ``widget`` that runs ``slot`` on any of ``keys`` while the widget itself
    has the focus (not a field inside it: its editors keep their keys)."""
    action = QAction(text, widget)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action
