"""The owner column's editor: a choice of active people that never picks one by accident."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from ui.widgets.delegates import ChoiceDelegate, Index

NO_OWNER_LABEL = "Choose an owner…"


class OwnerDelegate(ChoiceDelegate):
    """A :class:`ChoiceDelegate` of people that, for an initiative with no owner, starts on
    a "Choose an owner…" entry: closing the editor without a choice then changes nothing,
    where starting on the first person would have made them the owner."""

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if index.data(Qt.ItemDataRole.EditRole) is None:
            if editor.itemText(0) != NO_OWNER_LABEL:  # Qt calls this again on refreshes
                editor.insertItem(0, NO_OWNER_LABEL, None)
            editor.setCurrentIndex(0)
            return
        super().setEditorData(editor, index)
