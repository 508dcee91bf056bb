"""The main window in a fault test: its own settings file, and a plan opened as the app does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.main_window import MainWindow


def window_on(qtbot, plan_path: Path) -> MainWindow:
    """A shown main window with ``plan_path`` opened through the app's own opener."""
    settings = QSettings(str(plan_path.parent / "settings.ini"), QSettings.Format.IniFormat)

    def no_demo() -> tuple[Path, None]:
        raise AssertionError("the fault tests never open the demo plan")

    window = MainWindow(settings, no_demo)
    qtbot.addWidget(window)
    window.show()
    window.open_path(plan_path)
    window.opener.wait()
    assert window.document is not None, f"{plan_path} did not open"
    return window
