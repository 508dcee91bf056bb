"""The banner above a shown version's pages: which version every page is editing (or only
showing), with a way to promote it and a way back to the working plan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from planner.versions.service import Kind, VersionInfo
from ui.icons import icon
from ui.notice_bar import framed_style
from ui.plain_text import plain_label

from .wording import banner_text


class VersionBanner(QFrame):
    promote_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionBanner")
        self.setStyleSheet(framed_style("versionBanner"))
        self.setAccessibleName("Version shown")
        self._icon = plain_label()
        self._icon.setPixmap(icon("info").pixmap(20, 20))
        self.label = plain_label()  # the version's name, from the file
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Version shown")
        self.promote_button = QPushButton("&Promote…")
        self.promote_button.setAccessibleName("Promote this scenario to the working plan")
        self.promote_button.clicked.connect(self.promote_requested)
        self.back_button = QPushButton("&Back to the working plan")
        self.back_button.clicked.connect(self.back_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.promote_button)
        layout.addWidget(self.back_button)

    def show_version(self, info: VersionInfo, *, read_only: bool, can_promote: bool) -> None:
        """Say which version is shown; Promote is offered for a scenario (enabled when
        ``can_promote``)."""
        self.label.setText(banner_text(info, read_only=read_only))
        self.promote_button.setVisible(info.kind is Kind.SCENARIO)
        self.promote_button.setEnabled(can_promote)
        # Amber while edits go to the version, not the working plan; blue when only shown.
        self.setProperty("severity", "info" if read_only else "warning")
        self.style().unpolish(self)
        self.style().polish(self)

    def text(self) -> str:
        return self.label.text()
