"""Starting the desktop app: the Qt application, its settings and theme, the error dialog,
and the first plan (the one given, else the last one; on the first start, the choice of the
demo plan or one's own)."""

from __future__ import annotations

# isort: off
from ui import import_check  # noqa: F401  (first: makes every import after it cheaper)

# isort: on
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from planner import APP_NAME, APP_VERSION
from planner.version import PLAN_SUFFIX
from ui.background import UI_SWITCH_INTERVAL, wait_for_abandoned_work
from ui.excepthook import install_excepthook
from ui.folders import data_folder
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.theme import apply_theme

ORGANIZATION = "Smarketing"
DEMO_NAME = f"Tidewater Software demo{PLAN_SUFFIX}"


def demo_plan() -> tuple[Path, Callable[[Path], None]]:
    """The demo plan's path in the data folder, and how to write it if it isn't there yet
    (so edits to it persist from one session to the next)."""

    def write_if_missing(path: Path) -> None:
        if not path.exists():
            from planner.demo import build_demo  # on the first start only

            path.parent.mkdir(parents=True, exist_ok=True)
            build_demo(path)

    return data_folder() / DEMO_NAME, write_if_missing


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    # The UI thread shares the interpreter with the workers (checks, export, import): each
    # time it needs Python while one runs (a slot, a paint, a timer) it waits for the lock
    # up to this interval, so a shorter one keeps the window answering.
    sys.setswitchinterval(UI_SWITCH_INTERVAL)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(APP_VERSION)
    app.setDesktopFileName("smarketing-planner")
    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


class FileOpens(QObject):
    """Opens in ``window`` the plans the system asks the app to open: on macOS, a plan
    double-clicked in the Finder comes as an event, not as an argument (the bundle declares
    the type in its Info.plist). One that comes while a plan is opening waits for it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._waiting: Path | None = None
        window.opener.ended.connect(self._open_waiting)

    def listen(self) -> None:
        """Take the plans the system sends as events. Only macOS sends them so; elsewhere a
        filter on the whole application would cost a call into Python for every event of
        every widget, for nothing (a plan comes as an argument there)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if self.window.opener.busy():
            self._waiting = path
        else:
            self.window.open_path(path)
        return True

    def _open_waiting(self) -> None:
        path, self._waiting = self._waiting, None
        if path is not None:
            self.window.open_path(path)


def start_window(path: Path | None, settings: QSettings | None = None) -> MainWindow:
    """The main window, shown, opening ``path`` (else the last plan; with neither, it offers
    the demo plan or a plan of one's own)."""
    window = MainWindow(settings or QSettings(), demo_plan)
    window.file_opens = FileOpens(window)
    if sys.platform == "darwin":
        window.file_opens.listen()
    install_excepthook(lambda: QApplication.activeWindow() or window)
    window.restore_window_state()
    window.show()
    if path is not None:
        window.open_path(path)
    elif (last := window.recent.last()) is not None:
        window.open_path(last)
    else:
        window.welcome.show_first_start()
    return window


def run_app(path: Path | None = None) -> int:
    """Run the app until its window closes; the process's exit code."""
    app = make_application(sys.argv[:1])
    window = start_window(path)
    code = app.exec()
    del window
    wait_for_abandoned_work()
    return code
