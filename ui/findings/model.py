"""The findings as a list model, and a delegate that draws each in a fixed-height card: its
severity icon, what it is about in bold, and the message wrapped below.

Fixed heights let the list lay out thousands of findings (a large plan has 5,000) at once;
a list of word-wrapped items would measure every one of them first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.checks import Finding
from ui.icons import icon
from ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_LINES = 3
ICON = 18
PAD = 6


class FindingsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        findings = list(findings)
        if len(findings) != len(self._findings):
            self.beginResetModel()
            self._findings = findings
            self.endResetModel()
            return
        # As many as before (an edit most often rewords a finding or two): only the rows that
        # differ are announced, so the list keeps its layout, scroll and selection instead of
        # laying out thousands of rows again.
        pairs = enumerate(zip(self._findings, findings, strict=True))
        changed = [n for n, (old, new) in pairs if old != new]
        self._findings = findings
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{finding.initiative or 'The plan'}\n{finding.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{finding.severity.value.title()}: {finding.message}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{finding.severity.value}: {finding.initiative or 'the plan'}: {finding.message}"
            )
        if role == FINDING_ROLE:
            return finding
        return None


class FindingDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, PAD * 2 + line * (1 + MESSAGE_LINES))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        finding: Finding = index.data(FINDING_ROLE)
        style = option.widget.style() if option.widget else None
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText() if selected else option.palette.text()
        box = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.save()
        icon(finding.severity.value).paint(painter, QRect(box.left(), box.top(), ICON, ICON))
        text_left = box.left() + ICON + PAD
        width = box.right() - text_left
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setPen(colour.color())
        painter.setFont(bold)
        line = QFontMetrics(option.font).lineSpacing()
        title = QFontMetrics(bold).elidedText(
            finding.initiative or "The plan", Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(
            QRect(text_left, box.top(), width, line), Qt.AlignmentFlag.AlignLeft, title
        )
        painter.setFont(option.font)
        for n, text in enumerate(_wrapped(finding.message, option.font, width)):
            painter.drawText(
                QRect(text_left, box.top() + line * (n + 1), width, line),
                Qt.AlignmentFlag.AlignLeft,
                text,
            )
        painter.restore()


def _wrapped(message: str, font: QFont, width: int) -> list[str]:
    """The message in at most :data:`MESSAGE_LINES` lines of ``width``, the last elided."""
    layout = QTextLayout(message, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(message[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    if len(lines) > MESSAGE_LINES:
        rest = " ".join(part.strip() for part in lines[MESSAGE_LINES - 1 :])
        last = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = [*lines[: MESSAGE_LINES - 1], last]
    return [text.strip() for text in lines]
