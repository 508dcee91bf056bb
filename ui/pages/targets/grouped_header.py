"""A horizontal header that writes a month once across its columns: in the Both view the
month sits in a band over its "Plan" and "Actual" columns instead of being repeated."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from ui.pages.targets.grid_model import GROUP_ROLE, SUBLABEL_ROLE


class GroupedHeader(QHeaderView):
    """Sections whose model gives a ``GROUP_ROLE`` text are drawn as a shared top band
    (the group, over every adjacent section of the same group) above their own
    ``SUBLABEL_ROLE`` text; other sections are drawn as usual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def _group(self, logical: int) -> str | None:
        model = self.model()
        if model is None or not 0 <= logical < model.columnCount():
            return None
        value = model.headerData(logical, Qt.Orientation.Horizontal, GROUP_ROLE)
        return str(value) if value else None

    def _band_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        if self._group(logical):
            size.setHeight(size.height() + self._band_height())
        return size

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        group = self._group(logical)
        if group is None:
            super().paintSection(painter, rect, logical)
            return
        model = self.model()
        band = self._band_height()
        font = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            painter.setFont(font)

        below = QStyleOptionHeader()
        self.initStyleOptionForIndex(below, logical)
        below.rect = QRect(rect.left(), rect.top() + band, rect.width(), rect.height() - band)
        below.text = str(model.headerData(logical, Qt.Orientation.Horizontal, SUBLABEL_ROLE) or "")
        self.style().drawControl(QStyle.ControlElement.CE_Header, below, painter, self)

        # The band spans the whole group; every section of it draws the band, so a repaint
        # of any one of them leaves it whole.
        first = logical
        while self._group(first - 1) == group:
            first -= 1
        last = logical
        while self._group(last + 1) == group:
            last += 1
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        above = QStyleOptionHeader()
        self.initStyleOption(above)
        above.rect = QRect(left, rect.top(), right - left, band)
        above.text = group
        above.textAlignment = Qt.AlignmentFlag.AlignCenter
        above.section = first
        above.position = QStyleOptionHeader.SectionPosition.Middle
        above.sortIndicator = QStyleOptionHeader.SortIndicator.None_
        self.style().drawControl(QStyle.ControlElement.CE_Header, above, painter, self)
