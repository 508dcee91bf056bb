"""Cell editors for table views: a choice from a list, a month of the plan, an amount of money.

Editors hand the model a value the core understands (an enum value, a ``YYYYMM`` month, the
typed text of an amount); the core validates it and a refusal names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from planner import Currency
from planner import months as month_math

Index = QModelIndex | QPersistentModelIndex
Choices = Sequence[tuple[str, Any]]  # (label shown, value stored)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of fixed choices; ``choices`` may be a callable, for lists that change
    (people, months of the plan)."""

    def __init__(self, choices: Choices | Callable[[], Choices], parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = choices

    def choices(self) -> Choices:
        return self._choices() if callable(self._choices) else self._choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        for label, value in self.choices():
            editor.addItem(label, value)
        # Commit as soon as a choice is made: one click, not click-then-Enter.
        editor.activated.connect(lambda _n, e=editor: self._commit_and_close(e))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        if found < 0 and current is not None:  # a value no longer offered (a past month)
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), current)
            found = editor.count() - 1  # Qt calls this again on refreshes: found next time
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        # A combo box as narrow as its cell cuts its choice short ("Jan 202▾"): it is made
        # as wide as its longest choice, over the next cell, and kept inside the view.
        rect = QRect(option.rect)
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        view = editor.parentWidget()
        if view is not None and rect.right() >= view.width():
            rect.moveRight(max(view.width() - 1, rect.width() - 1))
        editor.setGeometry(rect)

    def _commit_and_close(self, editor: QComboBox) -> None:
        # Once: Enter in a combo box one types into both chooses (activated) and ends the edit.
        if editor.property("committed"):
            return
        editor.setProperty("committed", True)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)


def month_choices(months: Sequence[int]) -> Choices:
    """``("Mar 2026", 202603)`` pairs for a month picker."""
    return [(month_math.label(m), m) for m in months]


class MonthDelegate(ChoiceDelegate):
    """A month of the plan, picked from the list or typed as a person writes it ("Jan 2027",
    "2027-01", "january", "sept"): a combo box that only searches as keys are pressed takes
    "Jan 2027" letter by letter (the J jumps to June) and lands on another month. Typed text
    that is no month goes to the core as typed, which refuses it naming the field."""

    def __init__(
        self, horizon: Callable[[], month_math.Horizon], parent: QWidget | None = None
    ) -> None:
        super().__init__(lambda: month_choices(horizon().months()), parent)
        self._horizon = horizon

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        assert isinstance(editor, QComboBox)
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = editor.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        super().setEditorData(editor, index)
        assert isinstance(editor, QComboBox)
        line = editor.lineEdit()
        if line is not None:  # what is typed replaces the month shown, as in a text cell
            line.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QComboBox)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._commit_and_close(watched)
            return True
        return super().eventFilter(watched, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText()
        chosen = editor.currentIndex()
        value: object
        if chosen >= 0 and editor.itemText(chosen) == text:
            value = editor.currentData()
        else:
            try:
                value = month_math.typed_month(text, self._horizon())
            except ValueError:
                value = text
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class MoneyDelegate(QStyledItemDelegate):
    """A line editor for an amount in the plan's currency. It starts from the plain amount
    ("12500") and hands over minor units, or the typed text when it is not an amount, for
    the core to refuse with a message that names the field."""

    def __init__(self, currency: Callable[[], Currency], parent: QWidget | None = None):
        super().__init__(parent)
        self._currency = currency

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        currency = self._currency()
        editor.setPlaceholderText(f"amount in {currency.code}")
        editor.setAccessibleName(
            f"{index.model().headerData(index.column(), Qt.Orientation.Horizontal)} ({currency.code})"
        )
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText(plain_amount(self._currency(), value) if isinstance(value, int) else "")
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(
            index, typed_amount(self._currency(), editor.text()), Qt.ItemDataRole.EditRole
        )


def plain_amount(currency: Currency, minor: int) -> str:
    """An amount as a user would type it: no symbol, no separators ("12500", "12500.50")."""
    text = f"{currency.to_decimal(minor):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def typed_amount(currency: Currency, text: str) -> int | str:
    """Minor units of what was typed, or the text itself when it is not an amount (the core
    then refuses it with the reason)."""
    try:
        return currency.parse(text)
    except ValueError:
        return text
