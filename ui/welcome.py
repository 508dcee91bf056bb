"""What the window shows when no plan is open: the three ways to start, or, while a plan
opens (the last plan, as the app starts), which plan is on its way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from planner import APP_NAME
from ui.icons import app_icon, icon
from ui.plain_text import plain_label

START_LINE = "No plan is open. Start a new plan, open one, or try the demo plan."


class Welcome(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = plain_label()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = plain_label(APP_NAME)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # While opening it names a file, which may hold anything: never read as rich text.
        self.line = plain_label()
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setAccessibleName("Welcome message")
        self.where = plain_label()
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.where.setAccessibleName("Plan file being opened")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addWidget(heading)
        layout.addWidget(self.line)
        layout.addWidget(self.where)
        self.buttons: list[QPushButton] = []
        for text, icon_name, signal in (
            ("New plan…", "new", self.new_requested),
            ("Open a plan…", "open", self.open_requested),
            ("Open the demo plan", "dashboard", self.demo_requested),
        ):
            button = QPushButton(icon(icon_name), text)
            button.setAccessibleName(text.rstrip("…"))
            button.setMinimumWidth(240)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        layout.addStretch(3)
        self.show_start()

    def show_opening(self, path: Path) -> None:
        """Say that the plan in ``path`` is opening, in place of the ways to start."""
        self.line.setText(f"Opening {path.stem}…")
        self.where.setText(str(path))
        self.where.show()
        for button in self.buttons:
            button.hide()

    def show_start(self) -> None:
        """The ways to start: no plan is open (or opening)."""
        self.line.setText(START_LINE)
        self.where.clear()
        self.where.hide()
        for button in self.buttons:
            button.show()
