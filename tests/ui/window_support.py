"""Starting the main window in a test: its own settings file, a demo plan of its own, and
waiting for a plan to open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from planner.demo import build_demo
from ui.main_window import MainWindow


def make_window(qtbot, folder: Path) -> MainWindow:
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    demo = folder / "data" / "demo.smplan"

    def demo_plan() -> tuple[Path, Callable[[Path], None]]:
        def write_if_missing(path: Path) -> None:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                build_demo(path)

        return demo, write_if_missing

    window = MainWindow(settings, demo_plan)
    qtbot.addWidget(window)
    window.show()
    return window


def open_and_wait(window: MainWindow, path: Path) -> None:
    """Open ``path`` and wait for it and for its findings (which follow its first paint)."""
    window.open_path(path)
    window.opener.wait()
    if window.view is not None:
        window.view.watcher.run_now()


def problem_box(window: MainWindow) -> QMessageBox | None:
    return window.findChild(QMessageBox, "problemBox")
