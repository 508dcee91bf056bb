"""The problem box shows what it is given as plain text: a message quotes file names and file
content, which must never be read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.problem_box import show_problem


def test_a_message_that_looks_like_markup_is_shown_as_written(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    message = 'Can\'t open <img src="/dev/zero"><b>Q3</b>.smplan: not a plan'

    box = show_problem(parent, "Can't open", message)

    assert box.textFormat() == Qt.TextFormat.PlainText
    shown = [label for label in box.findChildren(QLabel) if label.text() == message]
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)
    box.close()
