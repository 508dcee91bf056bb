"""Light or dark, following the system: the Fusion style with a palette for each scheme.

No style sheet is set on the application: one there sends every widget through Qt's
style-sheet engine, a cost paid for each widget made, at start-up above all. The few
widgets with a look of their own (the sidebar, the notice bar) carry their own sheet, whose
colours come from the palette.

``SMARKETING_COLOR_SCHEME=dark`` (or ``light``) overrides the system's choice.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui import icons

_DARK = {
    QPalette.ColorRole.Window: "#1f2326",
    QPalette.ColorRole.WindowText: "#e6e8ea",
    QPalette.ColorRole.Base: "#16191b",
    QPalette.ColorRole.AlternateBase: "#1c2023",
    QPalette.ColorRole.ToolTipBase: "#2b3034",
    QPalette.ColorRole.ToolTipText: "#e6e8ea",
    QPalette.ColorRole.PlaceholderText: "#8a9196",
    QPalette.ColorRole.Text: "#e6e8ea",
    QPalette.ColorRole.Button: "#2a2f33",
    QPalette.ColorRole.ButtonText: "#e6e8ea",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#0f766e",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#5eead4",
    QPalette.ColorRole.Mid: "#3a4045",
    QPalette.ColorRole.Dark: "#121416",
    QPalette.ColorRole.Light: "#3a4045",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#8a9196",
    QPalette.ColorRole.Text: "#8a9196",
    QPalette.ColorRole.ButtonText: "#8a9196",
}


def is_dark(app: QGuiApplication) -> bool:
    forced = os.environ.get("SMARKETING_COLOR_SCHEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication) -> None:
    """Style the app for the current scheme, and again whenever the system switches."""
    app.setStyle("Fusion")
    _apply_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_palette(app))


def _apply_palette(app: QApplication) -> None:
    palette = dark_palette() if is_dark(app) else app.style().standardPalette()
    app.setPalette(palette)
    # Icons take the palette's text colour when rendered; widgets made from now on get the new
    # colour (those already shown keep theirs until the plan view is rebuilt).
    icons.clear_cache()
