"""Manage versions: every version of the plan with its kind, lock, when it was saved and
from what; rename, lock or unlock, delete or show one. Each change is one undoable step on
the working plan, and the list follows every change of the versions (an undo, too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import ChangeSet, Entity
from planner.versions.service import VersionInfo
from ui.plain_text import plain_label
from ui.widgets.inline_message import InlineMessage

from .name_dialog import VersionNameDialog
from .wording import kind_text, saved_at_text

if TYPE_CHECKING:
    from .menu import VersionsMenu

COLUMNS = ("Name", "Kind", "Saved at", "Saved from")


class ManageVersionsDialog(QDialog):
    def __init__(self, versions: VersionsMenu, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manageVersions")
        self.setWindowTitle("Manage Versions")
        self._versions = versions
        self._infos: list[VersionInfo] = []
        self.rename_dialog: VersionNameDialog | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Versions")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = plain_label(
            "The plan has no versions yet: save a baseline or make a scenario from the "
            "Versions menu."
        )
        self.empty.setWordWrap(True)
        self.show_button = QPushButton("&Show")
        self.rename_button = QPushButton("&Rename…")
        self.lock_button = QPushButton("&Lock")
        self.delete_button = QPushButton("&Delete")
        self.message = InlineMessage("Why the change was refused")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        buttons = QVBoxLayout()
        for button in (self.show_button, self.rename_button, self.lock_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(720, 360)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.show_selected())
        self.show_button.clicked.connect(self.show_selected)
        self.rename_button.clicked.connect(self.ask_rename)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.delete_button.clicked.connect(self.delete_selected)
        document = versions.working_document
        if document is not None:
            document.changed.connect(self._heard)
        self.reload()

    def reload(self) -> None:
        """List the plan's versions again, keeping the one selected (if still there)."""
        document = self._versions.working_document
        selected = self.selected()
        self._infos = document.plan.versions.list() if document is not None else []
        self.table.setRowCount(len(self._infos))
        shown = self._versions.switcher.shown
        for n, info in enumerate(self._infos):
            texts = (info.name, kind_text(info), saved_at_text(info), info.saved_from)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)  # item views show their text as written
                if shown is not None and shown.id == info.id:
                    font = item.font()
                    font.setBold(True)  # the version the window shows
                    item.setFont(font)
                self.table.setItem(n, column, item)
        self.empty.setVisible(not self._infos)
        self.select(selected.id if selected is not None else None)
        self._selection_changed()

    def selected(self) -> VersionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._infos[rows[0].row()] if rows else None

    def select(self, version_id: int | None) -> None:
        """Select the version ``version_id`` (the first when it is not listed)."""
        ids = [info.id for info in self._infos]
        if ids:
            self.table.selectRow(ids.index(version_id) if version_id in ids else 0)

    # -- the buttons -------------------------------------------------------------------------

    def show_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.accept()
            self._versions.show(info.id)

    def ask_rename(self) -> VersionNameDialog | None:
        info = self.selected()
        if info is None or not self.rename_button.isEnabled():
            return None
        dialog = VersionNameDialog(
            self,
            title="Rename Version",
            explanation=f"A new name for the {info.kind.value} '{info.name}'.",
            name=info.name,
            ok_text="Rename",
            attempt=lambda name, _source: self._versions.rename(info, name),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rename_dialog = dialog
        dialog.open()
        return dialog

    def toggle_lock(self) -> None:
        info = self.selected()
        if info is not None and self.lock_button.isEnabled():
            self._say(self._versions.set_locked(info, not info.locked))

    def delete_selected(self) -> None:
        info = self.selected()
        if info is not None and self.delete_button.isEnabled():
            self._say(self._versions.delete(info))

    # -- helpers -----------------------------------------------------------------------------

    def _say(self, refusal: str | None) -> None:
        if refusal is None:
            self.message.clear()
        else:
            self.message.say(refusal)

    def _heard(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.VERSIONS):
            self.reload()

    def _selection_changed(self) -> None:
        info = self.selected()
        document = self._versions.working_document
        writable = info is not None and document is not None and not document.read_only
        self.show_button.setEnabled(info is not None)
        for button in (self.rename_button, self.lock_button, self.delete_button):
            button.setEnabled(writable)
        self.lock_button.setText("&Unlock" if info is not None and info.locked else "&Lock")
