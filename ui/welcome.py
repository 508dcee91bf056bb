"""What the window shows when no plan is open: the three ways to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from planner import APP_NAME
from ui.icons import app_icon, icon


class Welcome(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(APP_NAME)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line = QLabel("No plan is open. Start a new plan, open one, or try the demo plan.")
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addWidget(heading)
        layout.addWidget(line)
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
        layout.addStretch(3)
