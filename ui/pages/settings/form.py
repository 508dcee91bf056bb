"""The settings form's layout: bold section titles over form rows, in a readable column.

All sections share one QFormLayout, so their labels line up in one column.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.plain_text import make_plain, plain_label

MAX_WIDTH = 720  # a form wider than this is hard to read on a big screen
FIELD_WIDTH = 170  # numbers, choices and months: wide enough, not stretched


def muted(text: str = "", wrap: bool = False) -> QLabel:
    """A quiet label for hints beside a field (one line) or under a title (``wrap``)."""
    label = plain_label(text)
    label.setWordWrap(wrap)
    label.setEnabled(False)  # the palette's muted text, in light and dark mode
    return label


class FormColumn(QWidget):
    """Sections in one form, at most :data:`MAX_WIDTH` wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(MAX_WIDTH)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 6, 12, 12)
        # Text fields grow with the column; compact fields keep FIELD_WIDTH.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setVerticalSpacing(7)

    def section(self, title: str, note: str | None = None) -> QFormLayout:
        """Start a section under a bold ``title`` (and a muted ``note``); add its rows to the
        form returned."""
        heading = plain_label(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAccessibleName(f"{title} section")
        if self.form.rowCount():
            heading.setContentsMargins(0, 16, 0, 0)  # air between sections
        self.form.addRow(heading)
        if note:
            self.form.addRow(muted(note, wrap=True))
        return self.form


def compact(widget: QWidget, width: int = FIELD_WIDTH) -> QWidget:
    """Give a number, choice or month field the form's compact width."""
    widget.setFixedWidth(width)
    return widget


def add_row(form: QFormLayout, label: str, field: QWidget, *extras: QWidget) -> QLabel:
    """A row: ``label`` (the field's buddy, so its mnemonic focuses the field), the field and
    any extra widgets after it on the same line."""
    caption = plain_label(label)
    caption.setBuddy(field)
    if not extras:
        form.addRow(caption, field)
        return caption
    line = QHBoxLayout()
    line.setSpacing(10)
    line.addWidget(field)
    for extra in extras:
        # A hint wraps onto more lines in a narrow window rather than widen the whole form
        # (or be cut short).
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if isinstance(extra, QLabel):
            extra.setWordWrap(True)
            policy.setHeightForWidth(True)
        extra.setSizePolicy(policy)
        line.addWidget(extra, 1)
    form.addRow(caption, line)
    return caption


class _Note(QLabel):
    """A wrapped label whose preferred height is that of its lines at the width it has:
    a form sizes its rows by that, not by the lines at some narrower width."""

    def sizeHint(self) -> QSize:
        width = max(self.width(), FIELD_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


def note(text: str = "", *, small: bool = False) -> QLabel:
    """A muted note for :func:`note_row` (``small``: a cited source, a little smaller)."""
    label = make_plain(_Note(text))
    label.setWordWrap(True)
    label.setEnabled(False)  # the palette's muted text
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if small:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
    return label


def note_row(form: QFormLayout, note: QLabel) -> None:
    """A wrapped note (made by :func:`note`) under the field above it, in the fields'
    column."""
    form.addRow("", note)
