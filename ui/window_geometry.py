"""Where the main window opens: a size that suits the screen it opens on, never beyond it.

A laptop's screen (1280x800, or 1024x768 with a projector) is smaller than the window the app
would like (1400x860); a window saved on a big monitor can come back on a small one. So the
window's place is remembered per screen (by the screen's name and size): a laptop used with a
monitor at the office and alone at home opens where it was last on each, and on a screen not
connected any more it opens on the primary one, as it was last there, or at its first size.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMargins, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED_SIZE = QSize(1400, 860)
SCREEN_SHARE = 0.92  # of the available area: the window manager's frame and some desktop
# Below this window width the findings panel starts hidden (F9 shows it): beside the sidebar
# and a page it would leave the page too little room.
ROOM_FOR_FINDINGS = 1100


def first_geometry(available: QRect) -> QRect:
    """The window's first geometry on a screen whose free area is ``available``: the
    preferred size, or a share of the screen when that is smaller, centred on it."""
    size = PREFERRED_SIZE.boundedTo(
        QSize(round(available.width() * SCREEN_SHARE), round(available.height() * SCREEN_SHARE))
    )
    geometry = QRect(available.topLeft(), size)
    geometry.moveCenter(available.center())
    return geometry


def fitted(frame: QRect, available: QRect, margins: QMargins) -> QRect:
    """The window geometry (inside its frame of ``margins``) that puts ``frame`` inside
    ``available``: shrunk to fit, then moved onto it; as it was when it already fits."""
    room = available.marginsRemoved(margins)
    inner = frame.marginsRemoved(margins)
    inner.setSize(inner.size().boundedTo(room.size()))
    inner.moveLeft(min(max(inner.left(), room.left()), room.right() - inner.width() + 1))
    inner.moveTop(min(max(inner.top(), room.top()), room.bottom() - inner.height() + 1))
    return inner


# The frame a window manager puts round the window before the window is shown, when Qt does
# not know it yet: room for a title bar, so that it is never above the screen's top.
ASSUMED_FRAME = QMargins(1, 30, 1, 1)
_GROUP = "window/screens"
_LAST_SCREEN = "window/screen"


def screen_key(screen: QScreen) -> str:
    """The name a screen's remembered place is kept under: its name and size (one monitor
    plugged in at two resolutions is two places)."""
    size = screen.geometry().size()
    name = re.sub(r"[^A-Za-z0-9.-]+", "_", screen.name()) or "screen"
    return f"{name}_{size.width()}x{size.height()}"


def remember_place(settings: QSettings, window: QWidget) -> None:
    """Keep where ``window`` is (its size and place unmaximized, and whether maximized)
    under the screen it is on."""
    key = screen_key(window.screen())
    settings.setValue(_LAST_SCREEN, key)
    settings.setValue(f"{_GROUP}/{key}/geometry", window.normalGeometry())
    settings.setValue(f"{_GROUP}/{key}/maximized", window.isMaximized())


def restore_place(settings: QSettings, window: QWidget) -> bool:
    """Put ``window`` where it was last on the screen it was last on, if that screen is still
    connected, else on the primary screen as it was last there; always inside the screen's
    free area. ``False`` when nothing is remembered per screen (nothing changed)."""
    last = settings.value(_LAST_SCREEN, "", type=str)
    if not last:
        return False
    screens = {screen_key(screen): screen for screen in QGuiApplication.screens()}
    screen = screens.get(last) or QGuiApplication.primaryScreen()
    key = screen_key(screen)
    saved = settings.value(f"{_GROUP}/{key}/geometry", QRect(), type=QRect)
    window.setGeometry(placed(saved, screen.availableGeometry(), frame_of(window)))
    if settings.value(f"{_GROUP}/{key}/maximized", False, type=bool):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True


def placed(saved: QRect, available: QRect, margins: QMargins) -> QRect:
    """The geometry for a window saved at ``saved`` (empty: never saved on this screen) on a
    screen whose free area is ``available``: inside it, frame and all."""
    if not saved.isValid() or saved.isEmpty():
        return first_geometry(available)
    return fitted(saved.marginsAdded(margins), available, margins)


def frame_of(window: QWidget) -> QMargins:
    """The window manager's frame round ``window`` (an assumed one before it is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    return margins if not margins.isNull() else ASSUMED_FRAME
