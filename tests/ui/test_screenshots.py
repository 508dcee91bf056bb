"""Every page of the demo plan, drawn offscreen and saved as a PNG to look at.

The pictures go to ``$SMARKETING_SCREENSHOTS`` when set (the README's pictures come from
there), else to the test's temporary folder. Each must be a real drawing of the page: the
right size and not one flat colour.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from window_support import make_window, open_and_wait

from ui import theme
from ui.plan_view import PAGES

SIZE = (1440, 900)


def shots_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SMARKETING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def distinct_colours(image: QImage) -> int:
    step = 37
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).replace("--", "-").strip("-")


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    window.resize(*SIZE)
    open_and_wait(window, demo_path)
    window.view.watcher.run_now()
    return window


def test_every_page_of_the_demo_plan_is_drawn(window, tmp_path):
    folder = shots_folder(tmp_path)
    for number, page_class in enumerate(PAGES, start=1):
        window.view.show_page(page_class)
        QApplication.processEvents()
        path = folder / f"{number}-{slug(page_class.title)}.png"

        assert window.grab().save(str(path))

        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE
        assert distinct_colours(image) > 20, f"{path.name} looks blank"


def test_the_dark_scheme_draws_the_pages_dark(window, tmp_path, monkeypatch):
    app = QApplication.instance()
    monkeypatch.setenv("SMARKETING_COLOR_SCHEME", "dark")
    original = app.palette()
    try:
        app.setPalette(theme.dark_palette())
        for page_class in PAGES[1:2]:
            window.view.show_page(page_class)
            QApplication.processEvents()
            image = window.grab().toImage()
            image.save(str(shots_folder(tmp_path) / f"dark-{slug(page_class.title)}.png"))
            corner = image.pixelColor(image.width() - 5, image.height() // 2)
            assert corner.lightness() < 100
    finally:
        app.setPalette(original)
