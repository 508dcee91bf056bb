"""The grid's table view and cell editor, with a spreadsheet's manners: type to replace a
cell, Enter commits and moves down, numbers right-aligned."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner import Kind
from ui.pages.targets.cells import CellRef
from ui.pages.targets.grid_model import CELL_ROLE, TargetsGridModel
from ui.pages.targets.grouped_header import GroupedHeader

Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """A right-aligned line editor starting from the plain number ("12500"); it hands the
    typed text to the model as it is, so the core parses it and names the cell if it
    refuses."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        model = index.model()
        cell = index.data(CELL_ROLE)
        grid = model.grid if isinstance(model, TargetsGridModel) else None
        if isinstance(cell, CellRef) and grid is not None:
            word = "Planned" if cell.kind is Kind.PLANNED else "Actual"
            editor.setAccessibleName(f"{word} {grid.metric.title}, {cell.label}")
            editor.setPlaceholderText(
                f"amount in {grid.currency.code}" if grid.metric.is_money else "whole number"
            )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class GridView(QTableView):
    """The table: after Enter commits an edit the cell below becomes current, as in a
    spreadsheet, so a column of figures can be typed in one go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(GroupedHeader(self))
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(True)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter or Return
            current = self.currentIndex()
            model = self.model()
            if current.isValid() and model is not None and current.row() + 1 < model.rowCount():
                below = model.index(current.row() + 1, current.column())
                self.selectionModel().setCurrentIndex(
                    below, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
