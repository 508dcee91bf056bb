"""What the window shows when no plan is open: the three ways to start, or, while a plan
opens (the last plan, as the app starts), which plan is on its way. On the very first start
(no plan was ever open) it says what each way offers, the demo plan first, and lets the
newcomer choose."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from planner import APP_NAME
from ui.icons import app_icon, icon
from ui.plain_text import plain_label

START_LINE = "No plan is open. Start a new plan, open one, or try the demo plan."
# Broken by hand: a wrapped label in a centred column is squeezed to its shortest line.
FIRST_START_LINE = (
    "Welcome. Look around the demo plan first: a small software company's year,\n"
    "with actuals entered and findings to fix. Or start your own plan.\n"
    "Help > Guide walks through a plan step by step."
)


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
            ("Start your own plan…", "new", self.new_requested),
            ("Open a plan…", "open", self.open_requested),
            ("Open the demo plan", "dashboard", self.demo_requested),
        ):
            button = QPushButton(icon(icon_name), text)
            button.setAccessibleName(text.rstrip("…"))
            button.setMinimumWidth(240)
            button.clicked.connect(signal.emit)
            self.buttons.append(button)
        self.new_button, self.open_button, self.demo_button = self.buttons
        self.button_column = QVBoxLayout()
        layout.addLayout(self.button_column)
        layout.addStretch(3)
        self._order(self.buttons)
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
        self._order(self.buttons)
        self.demo_button.setDefault(False)
        self._show_buttons()

    def show_first_start(self) -> None:
        """The first start: what the demo plan is, and the choice of it or a plan of one's
        own, the demo first (Enter opens it)."""
        self.line.setText(FIRST_START_LINE)
        self._order([self.demo_button, self.new_button, self.open_button])
        self.demo_button.setDefault(True)
        self._show_buttons()
        self.demo_button.setFocus()

    def _show_buttons(self) -> None:
        self.where.clear()
        self.where.hide()
        for button in self.buttons:
            button.show()

    def _order(self, buttons: list[QPushButton]) -> None:
        for button in buttons:
            self.button_column.removeWidget(button)
        for button in buttons:
            self.button_column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
