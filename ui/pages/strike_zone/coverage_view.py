"""The coverage grid's view: a click or the Space key (an action of the view) asks to toggle
the current cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.pages.strike_zone.coverage_model import CoverageModel
from ui.widgets.key_actions import key_action

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
        # An action, not a key handler, so the shortcut sheet lists it.
        self.toggle_action = key_action(
            self,
            "Aim the initiative at the segment, or stop",
            ("Space",),
            lambda: self._clicked(self.currentIndex()),
        )

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.toggle_requested.emit(index.row(), index.column())
