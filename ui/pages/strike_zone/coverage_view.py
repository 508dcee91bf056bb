"""The coverage grid's view: a click or the Space key asks to toggle the current cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.pages.strike_zone.coverage_model import CoverageModel

_CELL_WIDTH = 118
_ROW_HEIGHT = 24
_NAME_WIDTH = 360  # widest the initiative names get before they are elided


class CoverageView(QTableView):
    """Initiatives down, segments across. Emits :attr:`toggle_requested` with the row and
    column; the page decides what that means (and nothing, when the plan is read-only)."""

    toggle_requested = Signal(int, int)  # row, column of the model

    def __init__(self, model: CoverageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Coverage grid: initiatives by segments")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        across = self.horizontalHeader()
        across.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        across.setDefaultSectionSize(_CELL_WIDTH)
        across.setHighlightSections(False)
        down = self.verticalHeader()
        # Fixed row heights: sizing rows to contents walks every row of a large plan.
        down.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        down.setDefaultSectionSize(_ROW_HEIGHT)
        down.setMaximumWidth(_NAME_WIDTH)
        down.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.clicked.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.toggle_requested.emit(index.row(), index.column())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if current.isValid():
                self.toggle_requested.emit(current.row(), current.column())
            event.accept()
            return
        super().keyPressEvent(event)
