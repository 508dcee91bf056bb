"""The progress dialog of long work in a worker thread (opening a plan, an export, an
import): window-modal, shown only when the work takes longer than a moment, with Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.plain_text import plain_label, window_title

SHOW_PROGRESS_AFTER_MS = 400  # quicker work finishes without a dialog flashing up


def delayed_progress(
    parent: QWidget | None, title: str, label: str, on_cancel: Callable[[], None]
) -> QProgressDialog:
    """A busy indicator (no range until the work reports one) that appears after
    :data:`SHOW_PROGRESS_AFTER_MS`; the caller resets and deletes it when the work ends."""
    progress = QProgressDialog(parent)
    progress.setLabel(plain_label())  # the label names the file, which may hold anything
    progress.setLabelText(label)
    progress.setCancelButtonText("Cancel")
    progress.setRange(0, 0)
    progress.setWindowTitle(window_title(title))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(on_cancel)
    progress.setValue(0)  # starts the minimum-duration clock
    return progress
