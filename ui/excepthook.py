"""The ``sys.excepthook`` that shows :class:`~ui.error_dialog.ErrorDialog` for anything
unexpected.

Installed as the app starts; the dialog's module (and the widgets it is built of) is loaded
only when there is something to show, so a start with nothing wrong never pays for it.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget


def install_excepthook(parent_provider: Callable[[], QWidget | None]) -> None:
    """Show :class:`~ui.error_dialog.ErrorDialog` for every uncaught exception, over
    ``parent_provider()``.

    The traceback also goes to stderr. An error raised while the dialog is up (say, by a
    timer firing under it) is only printed, so one fault cannot stack dialogs. Ctrl+C and
    errors outside the GUI thread go to Python's default hook.
    """
    showing = False

    def hook(
        exc_type: type[BaseException], exc_value: BaseException, tb: TracebackType | None
    ) -> None:
        nonlocal showing
        app = QApplication.instance()
        if (
            issubclass(exc_type, KeyboardInterrupt)
            or app is None
            or not app.thread().isCurrentThread()
        ):
            sys.__excepthook__(exc_type, exc_value, tb)
            return
        traceback.print_exception(exc_type, exc_value, tb, file=sys.stderr)
        if showing:
            return
        showing = True
        try:
            from ui.error_dialog import ErrorDialog

            ErrorDialog(exc_type, exc_value, tb, parent_provider()).exec()
        except Exception:
            # The dialog itself failed: the original error is already on stderr.
            traceback.print_exc(file=sys.stderr)
        finally:
            showing = False

    sys.excepthook = hook
