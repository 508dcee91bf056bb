"""What the steps that measure the app's window share: opening it on a plan, and letting Qt
catch up (the events that follow an edit, then the paints they ask for)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from ui.app import start_window
from ui.main_window import MainWindow

SIZE = (1280, 800)


def settle(app: QApplication, pending: Callable[[], bool]) -> None:
    """Process events until ``pending`` is over, then the paints that follow it."""
    while pending():
        app.processEvents()
    app.processEvents()
    app.processEvents()


def open_window(app: QApplication, plan: Path, settings: QSettings) -> MainWindow:
    """The app's window at a laptop's size, with ``plan`` open."""
    window = start_window(plan, settings)
    window.resize(*SIZE)
    settle(app, lambda: window.view is None)
    window.opener.wait()
    return window


class Paints(QObject):
    """Counts the paints of a widget."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False
