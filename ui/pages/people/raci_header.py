"""The grid's column header: a band naming each team over its people's columns, and each
person's name written upwards so columns stay narrow (a RACI chart's usual look)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from ui.pages.people import raci_style as style
from ui.pages.people.raci_data import GridColumn, TeamGroup
from ui.pages.people.raci_model import COLUMN_ROLE

MAX_NAME_LENGTH = 150  # px of upright name before it is elided: keeps the grid in view
_PAD = 6


class GroupedHeader(QHeaderView):
    """A horizontal header for :class:`~ui.pages.people.raci_model.RaciModel`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._groups: list[TeamGroup] = []
        self.setSectionsClickable(True)  # a click selects the person's column
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def set_groups(self, groups: list[TeamGroup]) -> None:
        """The team groups to draw in the band (from the model's grid)."""
        self._groups = groups
        self.updateGeometry()
        self.viewport().update()

    def band_height(self) -> int:
        return self.fontMetrics().height() + _PAD

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        bold = self.font()
        bold.setBold(True)  # the selected cells' people are named in bold: room for that
        metrics = QFontMetrics(bold)
        model = self.model()
        longest = 0
        if model is not None:
            for n in range(model.columnCount()):
                name = str(model.headerData(n, Qt.Orientation.Horizontal) or "")
                longest = max(longest, metrics.horizontalAdvance(name))
        # A few px of slack: an advance measured in whole px can round below the painted width.
        name_room = min(max(longest, 60), MAX_NAME_LENGTH) + 2 * _PAD + 4
        return QSize(hint.width(), self.band_height() + name_room)

    # -- painting ------------------------------------------------------------------------

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        column: GridColumn | None = self.model().headerData(
            logical, Qt.Orientation.Horizontal, COLUMN_ROLE
        )
        painter.save()
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""
        selection = self.selectionModel()
        selected = (
            selection is not None
            and self.highlightSections()
            and selection.columnIntersectsSelection(logical, self.rootIndex())
        )
        if selected:
            option.state |= QStyle.StateFlag.State_On
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        if column is not None:
            dark = style.is_dark(self.palette())
            body = rect.adjusted(0, self.band_height(), 0, 0)
            painter.fillRect(body, style.team_tint(column.team, 22 if column.active else 8, dark))
            self._paint_name(painter, body, column, selected)
        painter.restore()

    def _paint_name(
        self, painter: QPainter, body: QRect, column: GridColumn, selected: bool
    ) -> None:
        font = painter.font()
        font.setItalic(not column.active)
        font.setBold(selected)  # the selected cells' people, as the row header does
        painter.setFont(font)
        metrics = painter.fontMetrics()
        room = body.height() - 2 * _PAD
        text = metrics.elidedText(column.name, Qt.TextElideMode.ElideRight, room)
        role = (
            QPalette.ColorRole.ButtonText if column.active else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(self.palette().color(role))
        # Upwards from the bottom, centred on the column.
        painter.translate(
            body.center().x() + (metrics.ascent() - metrics.descent()) / 2,
            body.bottom() - _PAD,
        )
        painter.rotate(-90)
        painter.drawText(0, 0, text)

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self._groups:
            return
        painter = QPainter(self.viewport())
        dark = style.is_dark(self.palette())
        band = self.band_height()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        metrics = painter.fontMetrics()
        for group in self._groups:
            left = self.sectionViewportPosition(group.first)
            right = self.sectionViewportPosition(group.last) + self.sectionSize(group.last)
            if right < 0 or left > self.viewport().width():
                continue
            area = QRect(left, 0, right - left, band)
            painter.fillRect(area, style.team_tint(group.team, 70, dark))
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            # The label keeps to the group's visible part, so a wide group scrolled half
            # out of view still says whose columns these are.
            shown = area.intersected(QRect(0, 0, self.viewport().width(), band))
            label = group.team.value
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, shown.width() - _PAD)
            if not text.strip("…"):  # a one-person group too narrow for a word: initial
                text = label[0]
            painter.drawText(shown, Qt.AlignmentFlag.AlignCenter, text)
            # A rule down the whole header where one team ends and the next begins.
            pen = QPen(QColor(style.team_colour(group.team)))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawLine(left, band - 1, right - 1, band - 1)
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
            painter.drawLine(right - 1, 0, right - 1, self.height())
        painter.end()
