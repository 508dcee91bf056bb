"""The app's icons: hand-drawn SVG line icons that take the palette's text colour.

Line icons are drawn in ``currentColor``; :func:`icon` swaps in the application palette's
WindowText colour before rendering, so the same file reads on a light or a dark theme. The
severity markers and the app icon carry fixed colours because their colour is their meaning.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

# Pixel sizes rendered into each icon: the 16, 20 and 24 px the app shows them at, and twice
# those for high-DPI screens (QIcon picks the nearest to the size asked for times the
# screen's device pixel ratio). Every size is drawn when the icon is first asked for, at
# start-up for most, so none is drawn that nothing shows.
ICON_SIZES = (16, 20, 24, 32, 40, 48)
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

_cache: dict[tuple[str, str], QIcon] = {}


# resources/ is installed as this package (pyproject.toml maps it), so an installed and an
# editable app find its folder alike, from the package's import spec (without importing it,
# nor importlib.resources, whose machinery the app's start would pay for).
RESOURCE_PACKAGE = "smarketing_resources"


def icons_dir() -> Path:
    """The folder holding the ``.svg`` files: in the installed package, or in a PyInstaller
    bundle, which lays the package's files out under its own folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / RESOURCE_PACKAGE / "icons"
    spec = find_spec(RESOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise KeyError(f"the package {RESOURCE_PACKAGE} (the app's icons) is not installed")
    return Path(spec.submodule_search_locations[0]) / "icons"


def icon(name: str) -> QIcon:
    """The icon ``name`` (a file stem in ``resources/icons``) in the palette's text colour.

    Raises ``KeyError`` naming the file if there is no such icon: asking for one is a
    programming error that the tests catch, not something a user can cause.
    """
    colour = _text_colour()
    key = (name, colour)
    cached = _cache.get(key)
    if cached is None:
        svg = _read(name).replace("currentColor", colour)
        cached = _cache[key] = _render(svg.encode("utf-8"), ICON_SIZES)
    return cached


def app_icon() -> QIcon:
    """The application's own (coloured) icon, for windows, the taskbar and the About box."""
    key = ("app", "")
    cached = _cache.get(key)
    if cached is None:
        cached = _cache[key] = _render(_read("app").encode("utf-8"), APP_ICON_SIZES)
    return cached


def clear_cache() -> None:
    """Forget rendered icons; call when the palette changes so new ones take its colour.

    Widgets keep the icons they were given: whoever calls this sets their icons again.
    """
    _cache.clear()


def _text_colour() -> str:
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.WindowText).name()


def _read(name: str) -> str:
    path = icons_dir() / f"{name}.svg"
    # Names come from code, never from users or files: refuse anything that is not a plain
    # stem so a typo cannot reach outside the icon folder.
    if "/" in name or "\\" in name or not path.is_file():
        raise KeyError(f"no icon file {name}.svg in {icons_dir()}")
    return path.read_text(encoding="utf-8")


def _render(svg: bytes, sizes: tuple[int, ...]) -> QIcon:
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("icon SVG could not be parsed")
    result = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
