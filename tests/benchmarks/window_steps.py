"""What the steps that measure the app's window share: opening it on a plan, and letting Qt
catch up (the events that follow an edit, then the paints they ask for)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import start_window
from ui.main_window import MainWindow
from ui.page import Page
from ui.pages.catalogue import PageEntry

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


def first_show(
    app: QApplication, window: MainWindow, entry: PageEntry, drawn: Callable[[Page], QWidget]
) -> tuple[Page, float]:
    """Show the page of ``entry`` as its Ctrl+N shortcut does; the page and the seconds until
    its first frame was drawn (a paint of the widget ``drawn`` gives for it)."""
    started = time.perf_counter()
    shortcut = QKeySequence(f"Ctrl+{entry.key}")
    next(a for a in window.page_actions if a.shortcut() == shortcut).trigger()
    page = window.view.page(entry)
    paints = Paints(drawn(page))
    settle(app, lambda: paints.count == 0)
    return page, time.perf_counter() - started
