"""Form fields that speak the core's language.

Each :class:`Field` wraps one editor: :meth:`Field.load` shows a value the core gave (without
signalling), :meth:`Field.value` is what the user entered in the core's terms, and
:attr:`Field.finished` fires when editing ends (Return, focus leaving, a choice made). The
page turns a finished edit into one undoable command when the value differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from planner import Currency
from planner.rate_words import percent_text, typed_percent
from ui.widgets.delegates import plain_amount, typed_amount


class _NoStrayWheel:
    """Turning the mouse wheel over a field while scrolling the form must not change it:
    only a focused field takes the wheel; otherwise the form scrolls."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class _SpinBox(_NoStrayWheel, QSpinBox):
    pass


class _DoubleSpinBox(_NoStrayWheel, QDoubleSpinBox):
    pass


class _ComboBox(_NoStrayWheel, QComboBox):
    pass


class _DateEdit(_NoStrayWheel, QDateEdit):
    pass


class Field(QObject):
    """One editor of the form, bound to one field of the core."""

    finished = Signal()

    def __init__(self, name: str, widget: QWidget, label: str) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget
        if not isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus by wheel
        widget.setAccessibleName(label)

    def load(self, value: Any) -> None:
        """Show ``value`` (as the core holds it) without announcing an edit."""
        blocked = self.widget.blockSignals(True)
        try:
            self._show(value)
        finally:
            self.widget.blockSignals(blocked)

    def value(self) -> Any:
        """What the editor holds, as the core takes it (possibly text it will refuse)."""
        raise NotImplementedError

    def unchanged(self, current: Any) -> bool:
        """Whether the editor still holds ``current`` (so no command is needed)."""
        return self.value() == current

    def _show(self, value: Any) -> None:
        raise NotImplementedError


class TextField(Field):
    """A one-line text; spaces around it do not count as a change."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, QLineEdit(), label)
        self.edit: QLineEdit = self.widget  # type: ignore[assignment]
        self.edit.editingFinished.connect(self.finished)

    def value(self) -> str:
        return self.edit.text()

    def unchanged(self, current: Any) -> bool:
        return " ".join(self.edit.text().split()) == current

    def _show(self, value: Any) -> None:
        self.edit.setText(str(value))
        self.edit.setCursorPosition(0)


class ChoiceField(Field):
    """A fixed list of (label, value) choices; picking one finishes the edit."""

    def __init__(self, name: str, label: str, choices: Sequence[tuple[str, Any]]) -> None:
        super().__init__(name, _ComboBox(), label)
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        for text, value in choices:
            self.combo.addItem(text, value)
        self.combo.activated.connect(self.finished)

    def value(self) -> Any:
        return self.combo.currentData()

    def _show(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))


class CodeField(Field):
    """An editable list of codes (currencies): pick one or type another."""

    def __init__(self, name: str, label: str, codes: Sequence[str]) -> None:
        super().__init__(name, _ComboBox(), label)
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typo is not a choice
        self.combo.addItems(list(codes))
        self.combo.activated.connect(self.finished)
        line = self.combo.lineEdit()
        assert line is not None
        line.setAccessibleName(self.combo.accessibleName())
        line.editingFinished.connect(self.finished)

    def value(self) -> str:
        return self.combo.currentText().strip().upper()

    def _show(self, value: Any) -> None:
        self.combo.setEditText(str(value))


class MonthField(Field):
    """A month (``YYYYMM``) picked as month and year."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, _DateEdit(), label)
        self.edit: QDateEdit = self.widget  # type: ignore[assignment]
        self.edit.setDisplayFormat("MMMM yyyy")
        self.edit.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 1))
        # No calendar popup: it picks days, and a horizon starts in a month. The arrows (or
        # typing) step the month and the year.
        self.edit.editingFinished.connect(self.finished)

    def value(self) -> int:
        date = self.edit.date()
        return date.year() * 100 + date.month()

    def _show(self, value: Any) -> None:
        self.edit.setDate(QDate(int(value) // 100, int(value) % 100, 1))


class CountField(Field):
    """A whole number."""

    def __init__(self, name: str, label: str, low: int, high: int, suffix: str = "") -> None:
        super().__init__(name, _SpinBox(), label)
        self.spin: QSpinBox = self.widget  # type: ignore[assignment]
        self.spin.setRange(low, high)
        self.spin.setSuffix(suffix)
        self.spin.setGroupSeparatorShown(True)
        _finish_on_enter(self.spin, self.finished)

    def value(self) -> int:
        return self.spin.value()

    def _show(self, value: Any) -> None:
        self.spin.setValue(int(value))


class NumberField(Field):
    """A decimal number shown with ``decimals`` places; the core's value counts as unchanged
    when it shows the same."""

    def __init__(
        self, name: str, label: str, high: float, suffix: str, decimals: int = 1, scale: float = 1
    ) -> None:
        super().__init__(name, _DoubleSpinBox(), label)
        self.spin: QDoubleSpinBox = self.widget  # type: ignore[assignment]
        self.spin.setDecimals(decimals)
        self.spin.setRange(0, high)
        self.spin.setSuffix(suffix)
        self._scale = scale  # shown = core value x scale (100 for a percentage)
        _finish_on_enter(self.spin, self.finished)

    def value(self) -> float:
        return round(self.spin.value() / self._scale, self.spin.decimals() + 4)

    def unchanged(self, current: Any) -> bool:
        shown = round(float(current) * self._scale, self.spin.decimals())
        return shown == round(self.spin.value(), self.spin.decimals())

    def _show(self, value: Any) -> None:
        self.spin.setValue(float(value) * self._scale)


def percent_field(name: str, label: str) -> NumberField:
    """A rate (a fraction for the core) shown as 0-100 % with one decimal."""
    return NumberField(name, label, high=100, suffix=" %", decimals=1, scale=100)


class OptionalPercentField(Field):
    """A rate that may be left blank (not stated), typed as a percentage ("70" or "70%");
    the core checks what was typed and refuses, naming the field, what is not a rate."""

    def __init__(self, name: str, label: str, blank: str) -> None:
        super().__init__(name, QLineEdit(), label)
        self.edit: QLineEdit = self.widget  # type: ignore[assignment]
        self.edit.setPlaceholderText(blank)
        self.edit.setClearButtonEnabled(True)
        self.edit.editingFinished.connect(self.finished)

    def value(self) -> str | None:
        return typed_percent(self.edit.text())

    def unchanged(self, current: Any) -> bool:
        typed = self.value()
        if typed is None or current is None:
            return typed is None and current is None
        return typed.replace(" ", "") == percent_text(current)

    def _show(self, value: Any) -> None:
        self.edit.setText(percent_text(value))


class MoneyField(Field):
    """An amount in the plan's currency, typed as a plain number ("24000", "24,000.50")."""

    def __init__(self, name: str, label: str, currency: Callable[[], Currency]) -> None:
        super().__init__(name, QLineEdit(), label)
        self.edit: QLineEdit = self.widget  # type: ignore[assignment]
        self._currency = currency
        self.edit.editingFinished.connect(self.finished)

    def value(self) -> int | str:
        return typed_amount(self._currency(), self.edit.text())

    def _show(self, value: Any) -> None:
        currency = self._currency()
        self.edit.setText(plain_amount(currency, int(value)))
        self.edit.setPlaceholderText(f"amount in {currency.code}")


class _ParagraphEdit(QPlainTextEdit):
    """A plain text editor that says when it loses focus (it has no editingFinished)."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu borrows focus for a moment: that is not the end of the edit.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_lost.emit()


class ParagraphField(Field):
    """A few lines of free text; the edit finishes when focus leaves it."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, _ParagraphEdit(), label)
        self.edit: _ParagraphEdit = self.widget  # type: ignore[assignment]
        self.edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.focus_lost.connect(self.finished)

    def value(self) -> str:
        return self.edit.toPlainText()

    def unchanged(self, current: Any) -> bool:
        return self.edit.toPlainText().strip() == current

    def _show(self, value: Any) -> None:
        self.edit.setPlainText(str(value))


def _finish_on_enter(spin: QAbstractSpinBox, finished: SignalInstance) -> None:
    # No keyboard tracking: the value is read when editing ends, not at each keystroke.
    spin.setKeyboardTracking(False)
    spin.editingFinished.connect(finished)
