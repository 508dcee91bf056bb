"""Where the main window opens: a size that suits the screen it opens on, never beyond it.

A laptop's screen (1280x800, or 1024x768 with a projector) is smaller than the window the app
would like (1400x860); a window saved on a big monitor can come back on a small one.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize

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
