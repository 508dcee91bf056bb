"""The window remembers its place per screen and never opens off-screen: a place saved beyond
the screen, on a monitor unplugged since, or bigger than the screen comes back inside the
screen's free area, title bar included; each screen keeps its own size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication
from window_support import make_window

from ui.window_geometry import ASSUMED_FRAME, first_geometry, placed, screen_key

SCREEN = QRect(0, 0, 1280, 800)


def settings_of(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def saved_on(folder: Path, key: str, geometry: QRect, *, maximized: bool = False) -> None:
    settings = settings_of(folder)
    settings.setValue("window/screen", key)
    settings.setValue(f"window/screens/{key}/geometry", geometry)
    settings.setValue(f"window/screens/{key}/maximized", maximized)
    settings.sync()


def reopened(qtbot, folder: Path):
    window = make_window(qtbot, folder)
    window.restore_window_state()
    QApplication.processEvents()
    return window


def inside_its_screen(window) -> bool:
    return window.screen().availableGeometry().contains(window.frameGeometry())


def this_screen() -> str:
    return screen_key(QApplication.primaryScreen())


# -- the rule, without a window -------------------------------------------------------------


def test_a_place_saved_beyond_the_screen_comes_back_onto_it():
    geometry = placed(QRect(5000, 3000, 900, 600), SCREEN, ASSUMED_FRAME)

    assert SCREEN.contains(geometry.marginsAdded(ASSUMED_FRAME))
    assert geometry.size() == QRect(0, 0, 900, 600).size()


def test_a_place_saved_above_the_screen_keeps_the_title_bar_on_it():
    geometry = placed(QRect(100, -500, 900, 600), SCREEN, ASSUMED_FRAME)

    assert geometry.top() - ASSUMED_FRAME.top() >= SCREEN.top()


def test_a_place_bigger_than_the_screen_is_shrunk_to_it():
    geometry = placed(QRect(0, 0, 2560, 1440), SCREEN, ASSUMED_FRAME)

    assert SCREEN.contains(geometry.marginsAdded(ASSUMED_FRAME))


def test_no_place_saved_on_a_screen_opens_at_the_first_size():
    assert placed(QRect(), SCREEN, ASSUMED_FRAME) == first_geometry(SCREEN)


def test_a_screen_is_known_by_its_name_and_size(qapp):
    screen = QApplication.primaryScreen()
    size = screen.geometry().size()

    assert screen_key(screen).endswith(f"_{size.width()}x{size.height()}")
    assert "/" not in screen_key(screen)


# -- the window -----------------------------------------------------------------------------


def test_the_window_opens_where_it_was_closed(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.setGeometry(40, 60, 500, 400)
    window.close()

    again = reopened(qtbot, tmp_path)

    assert again.geometry() == QRect(40, 60, 500, 400)


def test_a_place_saved_off_the_screen_opens_inside_it(qtbot, tmp_path):
    saved_on(tmp_path, this_screen(), QRect(-4000, 5000, 600, 500))

    window = reopened(qtbot, tmp_path)

    assert inside_its_screen(window)
    assert window.size() == QRect(0, 0, 600, 500).size()


def test_a_place_on_a_monitor_unplugged_since_opens_on_this_screen(qtbot, tmp_path):
    saved_on(tmp_path, "HDMI-2_2560x1440", QRect(3000, 200, 2400, 1300))

    window = reopened(qtbot, tmp_path)

    assert inside_its_screen(window)
    assert window.geometry() == first_geometry(window.screen().availableGeometry())


def test_a_maximized_window_opens_maximized(qtbot, tmp_path):
    saved_on(tmp_path, this_screen(), QRect(10, 40, 600, 500), maximized=True)

    window = reopened(qtbot, tmp_path)

    assert window.isMaximized()


def test_a_place_kept_before_places_were_per_screen_still_opens_inside(qtbot, tmp_path):
    old = make_window(qtbot, tmp_path)
    old.setGeometry(-3000, -3000, 700, 500)
    settings = settings_of(tmp_path)
    settings.setValue("window/geometry", old.saveGeometry())
    settings.sync()

    window = reopened(qtbot, tmp_path)

    assert inside_its_screen(window)


# -- two screens (Qt's offscreen platform can pretend to have them) ---------------------------

LAPTOP = {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800}
MONITOR = {"name": "Monitor", "x": 1280, "y": 0, "width": 2560, "height": 1440}

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    sys.path.insert(0, {support!r})
    from ui.main_window import MainWindow

    app = QApplication([])
    settings = QSettings({ini!r}, QSettings.Format.IniFormat)
    window = MainWindow(settings, lambda: (None, None))
    window.restore_window_state()
    window.show()
    app.processEvents()
    g = window.geometry()
    print(window.screen().name(), g.x(), g.y(), g.width(), g.height())
    if len(sys.argv) > 1:
        window.setGeometry(*map(int, sys.argv[1:]))
        app.processEvents()
    window.close()
    """
)


def run_on(screens: list[dict], folder: Path, *move: int) -> tuple[str, QRect]:
    """Start the window in a process whose screens are ``screens``; where it opened (then
    move it to ``move`` before it closes)."""
    config = folder / "screens.json"
    full = [{"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1, **screen} for screen in screens]
    config.write_text(json.dumps({"screens": full}), encoding="utf-8")
    script = SCRIPT.format(support=str(Path(__file__).parent), ini=str(folder / "settings.ini"))
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, move)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=True,
    )
    name, *numbers = done.stdout.split()
    return name, QRect(*map(int, numbers))


@pytest.mark.slow
def test_each_screen_keeps_its_own_size_and_an_unplugged_monitor_opens_on_the_laptop(tmp_path):
    run_on([LAPTOP, MONITOR], tmp_path, 100, 80, 900, 600)  # on the laptop
    run_on([LAPTOP, MONITOR], tmp_path, 1500, 100, 2000, 1200)  # then on the monitor

    on_monitor = run_on([LAPTOP, MONITOR], tmp_path)
    on_laptop_alone = run_on([LAPTOP], tmp_path)

    assert on_monitor == ("Monitor", QRect(1500, 100, 2000, 1200))
    assert on_laptop_alone == ("Laptop", QRect(100, 80, 900, 600))
