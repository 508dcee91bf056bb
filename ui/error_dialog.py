"""The dialog shown for anything unexpected, and the ``sys.excepthook`` that shows it.

The person using the app sees a calm sentence and the reassurance that their plan is safe
(every edit is saved as it is made); the traceback waits under "Details" for a bug report.
:mod:`ui.excepthook` shows it; this module is loaded only then.
"""

from __future__ import annotations

import platform
import traceback
from types import TracebackType

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.version import APP_NAME, APP_VERSION
from ui.icons import icon
from ui.plain_text import plain_label

HEADING = "Something went wrong"
REASSURANCE = "Your plan is saved after every edit; nothing you entered before this was lost."
# A message longer than this is cut in the main text; Details always has all of it.
_MAX_MESSAGE = 300


def details_text(
    exc_type: type[BaseException], exc_value: BaseException, tb: TracebackType | None
) -> str:
    """What a bug report needs: app, Python, Qt and platform versions, then the traceback."""
    versions = [
        f"{APP_NAME} {APP_VERSION}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Qt {qVersion()} (PySide6 {PySide6.__version__})",
        f"Platform {platform.platform()}",
    ]
    trace = "".join(traceback.format_exception(exc_type, exc_value, tb))
    return "\n".join(versions) + "\n\n" + trace


def summary_text(exc_type: type[BaseException], exc_value: BaseException) -> str:
    """One plain sentence about the error, without a traceback."""
    message = " ".join(str(exc_value).split())
    if not message:
        return f"The app ran into an unexpected problem ({exc_type.__name__})."
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1].rstrip() + "…"
    return f"The app ran into an unexpected problem: {message}"


class ErrorDialog(QDialog):
    """Tells the person something unexpected happened, with copyable details for a report."""

    def __init__(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        tb: TracebackType | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME} – error")
        self.setModal(True)
        self._details = details_text(exc_type, exc_value, tb)

        self.heading = plain_label(HEADING)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.35)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setAccessibleName(HEADING)
        self.message = _plain_label(summary_text(exc_type, exc_value))
        self.message.setAccessibleName("Error message")
        self.reassurance = _plain_label(REASSURANCE)
        self.reassurance.setAccessibleName("Your plan is safe")

        self.details_toggle = QToolButton()
        self.details_toggle.setText("Details")
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setAutoRaise(True)
        self.details_toggle.setAccessibleName("Show details")
        self.details_toggle.toggled.connect(self._show_details)

        self.details = QPlainTextEdit(self._details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName("Error details")
        # Traceback lines are long and unwrapped: open the dialog wide enough to read most.
        self.details.setMinimumSize(620, 240)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton("Copy details")
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        self._layout(buttons)
        self._show_details(False)
        self.close_button.setFocus()

    def details_text(self) -> str:
        """The text under Details (versions and the full traceback)."""
        return self._details

    def copy_details(self) -> None:
        """Put the details on the clipboard, ready to paste into a bug report."""
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText("Copied")

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.details_toggle.setAccessibleName("Hide details" if shown else "Show details")
        self._fit()

    def _fit(self) -> None:
        """Grow to show the details, or shrink back around the message.

        Not ``adjustSize``: it caps a dialog at two thirds of the screen and sizes wrapped
        labels for the wrong width, which left gaps or cut the details off.
        """
        layout = self.layout()
        layout.activate()
        width = max(
            self.width() if self.isVisible() else 0,
            self.minimumWidth(),
            layout.minimumSize().width(),
            layout.sizeHint().width(),
        )
        height = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        self.resize(width, max(height, layout.minimumSize().height()))

    def _layout(self, buttons: QDialogButtonBox) -> None:
        marker = plain_label()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        marker.setPixmap(_error_icon(self).pixmap(size, size))
        marker.setAccessibleName("Error")

        text = QVBoxLayout()
        text.setSpacing(8)
        text.addWidget(self.heading)
        text.addWidget(self.message)
        text.addWidget(self.reassurance)
        # Spare height goes below the text rather than between its lines.
        text.addStretch(1)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(marker, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.details_toggle)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


def _plain_label(text: str) -> QLabel:
    label = plain_label(text)  # exception messages can hold anything, "<" included
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _error_icon(widget: QWidget) -> QIcon:
    """The app's red error marker, or the style's if the icon files are missing.

    This dialog is the last resort for reporting faults, so a broken install must not stop it.
    """
    try:
        return icon("error")
    except (KeyError, ValueError):
        return widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
