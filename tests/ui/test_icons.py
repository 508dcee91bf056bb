"""The app's icons: every one the app asks for exists, loads, and follows the palette."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from ui import icons
from ui.resource_files import RESOURCE_PACKAGE

PAGES = [
    "dashboard",
    "initiatives",
    "timeline",
    "waterfall",
    "people",
    "strike-zone",
    "targets",
    "settings",
]
ACTIONS = [
    "new",
    "open",
    "save-copy",
    "close",
    "add",
    "duplicate",
    "delete",
    "undo",
    "redo",
    "fill-right",
    "fill-down",
    "paste",
    "filter",
    "findings",
    "retire",
    "move-up",
    "move-down",
    "what-if",
]
LINE_ICONS = PAGES + ACTIONS
MARKERS = {"error": "#dc2626", "warning": "#d97706", "info": "#2563eb", "ok": "#16a34a"}
ALL_ICONS = [*LINE_ICONS, *MARKERS, "app"]
SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture
def palette_restored(qapp: QGuiApplication) -> Iterator[None]:
    """Lets a test change the application palette; puts it back and forgets rendered icons."""
    original = QGuiApplication.palette()
    icons.clear_cache()
    yield
    QGuiApplication.setPalette(original)
    icons.clear_cache()


def _use_text_colour(colour: str) -> None:
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    QGuiApplication.setPalette(palette)
    icons.clear_cache()


def _pixel(name: str, x: int, y: int) -> QColor:
    image = icons.icon(name).pixmap(24, 24).toImage()
    return image.pixelColor(x, y)


@pytest.mark.parametrize("name", ALL_ICONS)
def test_every_icon_is_an_svg_file_with_a_square_viewbox(name: str) -> None:
    root = ET.parse(icons.icons_dir() / f"{name}.svg").getroot()
    assert root.tag == SVG
    left, top, width, height = (float(part) for part in root.attrib["viewBox"].split())
    assert (left, top) == (0, 0)
    assert width == height


@pytest.mark.parametrize("name", LINE_ICONS)
def test_line_icons_are_24_unit_strokes_in_the_current_colour(name: str) -> None:
    text = (icons.icons_dir() / f"{name}.svg").read_text()
    root = ET.fromstring(text)
    assert root.attrib["viewBox"] == "0 0 24 24"
    assert root.attrib["stroke"] == "currentColor"
    assert root.attrib["fill"] == "none"
    assert root.attrib["stroke-linecap"] == root.attrib["stroke-linejoin"] == "round"
    assert "#" not in text, "a line icon must not carry a fixed colour"


@pytest.mark.parametrize("name", ALL_ICONS)
def test_every_icon_loads_with_a_24_pixel_pixmap(name: str, qapp: QGuiApplication) -> None:
    loaded = icons.app_icon() if name == "app" else icons.icon(name)
    assert not loaded.isNull()
    pixmap = loaded.pixmap(24, 24)
    assert not pixmap.isNull()
    assert pixmap.width() == pixmap.height() == 24


@pytest.mark.parametrize(("name", "colour"), MARKERS.items())
def test_severity_markers_keep_their_own_colour(
    name: str, colour: str, palette_restored: None
) -> None:
    _use_text_colour("#000000")
    # (7, 18) lies inside the circle or triangle of every marker and clear of its glyph.
    assert _pixel(name, 7, 18).name() == colour


def _near(colour: QColor, expected: str) -> bool:
    """Whether ``colour`` is ``expected`` up to anti-aliasing's rounding."""
    want = QColor(expected)
    return all(
        abs(got - wanted) <= 8
        for got, wanted in zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    )


def test_line_icons_take_the_palette_text_colour(palette_restored: None) -> None:
    _use_text_colour("#101010")
    on_light = _pixel("add", 12, 12)
    _use_text_colour("#f0f0f0")
    on_dark = _pixel("add", 12, 12)
    assert _near(on_light, "#101010")
    assert _near(on_dark, "#f0f0f0")


def test_icons_are_reused_until_the_cache_is_cleared(palette_restored: None) -> None:
    first = icons.icon("undo")
    assert icons.icon("undo") is first
    icons.clear_cache()
    assert icons.icon("undo") is not first


def test_an_icon_is_drawn_only_at_the_sizes_something_asks_for(
    palette_restored: None,
) -> None:
    drawn: list[QSize] = []
    original = icons._SvgIconEngine._draw

    def counting(engine: icons._SvgIconEngine, size: QSize, mode: QIcon.Mode):
        drawn.append(size)
        return original(engine, size, mode)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(icons._SvgIconEngine, "_draw", counting)
        loaded = icons.icon("filter")
        assert drawn == []
        loaded.pixmap(20, 20)
        loaded.pixmap(20, 20)
    assert drawn == [QSize(20, 20)]


@pytest.mark.parametrize("ratio", [1.25, 1.5, 2.0, 3.0])
def test_an_icon_is_drawn_sharp_at_a_screens_device_pixel_ratio(
    ratio: float, qapp: QGuiApplication
) -> None:
    pixmap = icons.icon("add").pixmap(QSize(16, 16), ratio)
    assert pixmap.width() == pixmap.height() == round(16 * ratio)
    assert pixmap.devicePixelRatio() == ratio


def test_a_disabled_icon_is_drawn_greyed_by_the_style(palette_restored: None) -> None:
    _use_text_colour("#000000")
    normal = icons.icon("add").pixmap(24, 24).toImage().pixelColor(12, 12)
    disabled = icons.icon("add").pixmap(24, 24, QIcon.Mode.Disabled).toImage().pixelColor(12, 12)
    assert normal.name() == "#000000"
    assert disabled.name() != normal.name()
    assert disabled.alpha() > 0


def test_an_unknown_icon_name_raises_key_error_naming_the_file(qapp: QGuiApplication) -> None:
    with pytest.raises(KeyError, match=r"no-such-icon\.svg"):
        icons.icon("no-such-icon")


def test_an_icon_name_cannot_reach_outside_the_icon_folder(qapp: QGuiApplication) -> None:
    with pytest.raises(KeyError):
        icons.icon("../icons/add")


def test_the_app_icon_is_a_teal_tile_that_renders_at_256_pixels(qapp: QGuiApplication) -> None:
    pixmap = icons.app_icon().pixmap(256, 256)
    assert pixmap.width() == 256
    image = pixmap.toImage()
    assert image.pixelColor(40, 40).name() == "#0f766e"
    assert image.pixelColor(2, 2).alpha() == 0, "the tile's rounded corners are transparent"


def test_icons_are_found_in_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, palette_restored: None
) -> None:
    bundled = tmp_path / RESOURCE_PACKAGE / "icons"
    shutil.copytree(icons.icons_dir(), bundled)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert icons.icons_dir() == bundled
    assert not icons.icon("filter").isNull()
