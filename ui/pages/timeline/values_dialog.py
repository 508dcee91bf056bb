"""What a move does to an initiative's planned values: the words for each choice, and the
dialog that asks the lead once, the first time a bar is moved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.timeline import ValuesOnMove
from ui.plain_text import plain_label

# Short, for the page's control; the dialog and tooltip say more.
CHOICE_TITLES = {
    ValuesOnMove.SHIFT: "Move with the bar",
    ValuesOnMove.RESPREAD: "Spread evenly",
}
CHOICE_TIPS = {
    ValuesOnMove.SHIFT: (
        "Each month's planned values travel with the bar; when a resize cuts months off, "
        "their values are added to the nearest month kept, so no planned total is lost"
    ),
    ValuesOnMove.RESPREAD: (
        "Each metric's planned total is kept and spread evenly over the initiative's new months"
    ),
}
CHOICES_TIP = (
    "What moving or resizing an initiative on the timeline does to its planned values "
    "(months with actuals never change)"
)


class ValuesOnMoveDialog(QDialog):
    """Asks what a move does to planned values; :meth:`choice` gives the answer."""

    def __init__(self, current: ValuesOnMove, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valuesOnMove")
        self.setWindowTitle("Moving initiatives")
        intro = plain_label(
            "When you move an initiative or change its months, what should happen to the "
            "values planned for it month by month (spend, leads, revenue…)?"
        )
        intro.setWordWrap(True)
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.buttons: dict[ValuesOnMove, QRadioButton] = {}
        for choice in ValuesOnMove:
            button = QRadioButton(CHOICE_TITLES[choice])
            button.setAccessibleName(CHOICE_TITLES[choice])
            self._group.addButton(button)
            self.buttons[choice] = button
            explained = plain_label(CHOICE_TIPS[choice])
            explained.setWordWrap(True)
            explained.setIndent(22)  # under the button's text, not its circle
            layout.addWidget(button)
            layout.addWidget(explained)
        self.buttons[current].setChecked(True)
        later = plain_label(
            "Months that already hold actuals never change. You can change this later on the "
            "Timeline page."
        )
        later.setWordWrap(True)
        layout.addWidget(later)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Move")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(440)

    def choice(self) -> ValuesOnMove:
        return next(c for c, button in self.buttons.items() if button.isChecked())
