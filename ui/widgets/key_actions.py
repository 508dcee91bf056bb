"""Keys that act on one widget, made as actions of that widget rather than handled in its
``keyPressEvent``: Help > Keyboard Shortcuts is read off the actions, so a key made here is
on the sheet and cannot drift from it. A disabled action lets its key go on to the widget
(Qt's own handling: keyboard search, scrolling), as a handler that declined it would.

Where no action can stand for a key, the widget's class declares it as a :class:`ReadKey` in
``keys_read``: its ``keyPressEvent`` asks the declaration whether the key is the one, and the
sheet lists the declaration."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
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


@dataclass(frozen=True)
class ReadKey:
    """A key a widget reads in its ``keyPressEvent``: what it does, and the keys."""

    text: str
    keys: tuple[str, ...]

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys]

    def matches(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is one of the keys, modifiers and all (a keypad Enter is not
        Return, nor Ctrl+Return)."""
        pressed = QKeySequence(event.keyCombination())
        return any(key == pressed for key in self.sequences())
