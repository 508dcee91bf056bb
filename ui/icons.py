"""The app's icons: hand-drawn SVG line icons that take the palette's text colour.

Line icons are drawn in ``currentColor``; :func:`icon` swaps in the application palette's
WindowText colour before rendering, so the same file reads on a light or a dark theme. The
severity markers and the app icon carry fixed colours because their colour is their meaning.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

from ui.resource_files import resources_dir

_cache: dict[tuple[str, str], QIcon] = {}


def icons_dir() -> Path:
    """The folder holding the ``.svg`` files."""
    return resources_dir() / "icons"


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
        cached = _cache[key] = _svg_icon(svg)
    return cached


def app_icon() -> QIcon:
    """The application's own (coloured) icon, for windows, the taskbar and the About box."""
    key = ("app", "")
    cached = _cache.get(key)
    if cached is None:
        cached = _cache[key] = _svg_icon(_read("app"))
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
    folder = icons_dir()
    path = folder / f"{name}.svg"
    # Names come from code, never from users or files: refuse anything that is not a plain
    # stem so a typo cannot reach outside the icon folder.
    if "/" in name or "\\" in name or not path.is_file():
        raise KeyError(f"no icon file {name}.svg in {folder}")
    return path.read_text(encoding="utf-8")


def _svg_icon(svg: str) -> QIcon:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("icon SVG could not be parsed")
    return QIcon(_SvgIconEngine(renderer))


class _SvgIconEngine(QIconEngine):
    """Draws the SVG at each pixel size the first time something paints it at that size.

    Like Qt's own SVG icon engine, which reads only files: an icon costs nothing until it is
    shown, and is sharp at any size and on any screen's device pixel ratio, where a set of
    pixmaps drawn up front costs every size at start-up and is scaled for the rest.
    """

    def __init__(self, renderer: QSvgRenderer) -> None:
        super().__init__()
        self._renderer = renderer
        self._drawn: dict[tuple[int, int, QIcon.Mode, QIcon.State], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._renderer)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode, state)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._draw(size, mode)
        return drawn

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF()
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def _draw(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(pixmap.rect()))
        painter.end()
        if mode != QIcon.Mode.Normal:
            # Disabled and selected looks come from the style, as they do for any QIcon.
            pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap
