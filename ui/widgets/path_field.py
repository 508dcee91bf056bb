"""The field for a file the app is about to write (a workbook, a new plan): typed, or chosen
with a button beside it.

What was typed is read only when the person commits the dialog (Enter, Export, Create), never
while they type: a half-typed path is nobody's business. Then the core's
:func:`~planner.file_names.typed_path` reads it, and anything wrong is said in a line under
the field, with a button that creates a folder that does not exist yet. The field keeps what
was typed, so the person corrects it rather than typing it all again.

A file dropped on the field names it there, as if typed (see :class:`PathEdit`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner.file_names import TypedPathError, typed_path
from ui.drops import TAKES_FILE_PATHS, carries_files, one_file
from ui.plain_text import plain_tooltip
from ui.widgets.inline_message import InlineMessage


class PathEdit(QLineEdit):
    """The field's line edit: a file dropped on it replaces the text with its path, as if
    typed (one undo step, :attr:`~QLineEdit.textEdited` emitted), where a plain line edit
    would type the file's address (``file:///…``) into what is there. Several files are
    refused; text dropped on it goes in as in any line edit."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setProperty(TAKES_FILE_PATHS, True)  # the main window leaves such drops to it

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if carries_files(event.mimeData()):
            self._answer(event)
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if carries_files(event.mimeData()):
            self._answer(event)
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not carries_files(event.mimeData()):
            super().dropEvent(event)
            return
        path = self._answer(event)
        if path is not None:
            self.selectAll()
            self.insert(str(path))
            self.setFocus()

    def _answer(self, event: QDropEvent) -> Path | None:
        """The file a drag of files brings, the drag accepted; ``None``, the drag refused,
        for several files or a read-only field."""
        path = one_file(event.mimeData())
        if path is None or self.isReadOnly():
            event.ignore()
            return None
        event.acceptProposedAction()
        return path


class PathField(QWidget):
    """A line edit for a file to write, a button to choose one, and a line saying what is
    wrong with it (or what will happen to it) under them."""

    edited = Signal()  # the person changed the text: what was said about it no longer holds
    chosen = Signal(object, bool)  # a Path chosen with the button, and whether it existed

    def __init__(
        self,
        path: Path | None,
        *,
        base: Path,
        suffix: str,
        kind: str,
        file_filter: str,
        choose_text: str = "Browse…",
        choose_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._base = base
        self._suffix = suffix
        self._kind = kind
        self._filter = file_filter
        self._choose_title = choose_title
        self._missing_folder: Path | None = None

        self.edit = PathEdit(str(path) if path is not None else "")
        self.edit.setMinimumWidth(360)
        self.choose_button = QPushButton(choose_text)
        self.choose_button.setAutoDefault(False)
        self.hint = InlineMessage(f"About the {kind} file")
        self.create_folder_button = QPushButton("Create F&older")
        self.create_folder_button.setAutoDefault(False)
        self.create_folder_button.setAccessibleName("Create the missing folder")

        field_row = QHBoxLayout()
        field_row.setContentsMargins(0, 0, 0, 0)
        field_row.addWidget(self.edit, 1)
        field_row.addWidget(self.choose_button)
        self.hint.add_action(self.create_folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(field_row)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self._clear()

        self.edit.textEdited.connect(self._on_edited)
        self.choose_button.clicked.connect(self.choose)
        self.create_folder_button.clicked.connect(self.create_folder)

    # -- reading -------------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def path(self) -> Path | None:
        """The file the text names as it stands, or ``None`` when it names none; says
        nothing (for a look before the person commits, such as a suggestion)."""
        try:
            return typed_path(
                self.edit.text(), base=self._base, suffix=self._suffix, kind=self._kind
            )
        except TypedPathError:
            return None

    def commit(self) -> Path | None:
        """The file the text names, now that the person commits it; else ``None``, with why
        said under the field (and a missing folder offered to be created)."""
        try:
            return typed_path(
                self.edit.text(), base=self._base, suffix=self._suffix, kind=self._kind
            )
        except TypedPathError as problem:
            self._missing_folder = problem.missing_folder
            self.create_folder_button.setVisible(problem.missing_folder is not None)
            self.hint.say(str(problem), "warning")
            self.edit.setFocus()
            return None

    # -- writing -------------------------------------------------------------------------

    def set_path(self, path: Path) -> None:
        """Show ``path`` (a suggestion, or a file chosen), forgetting what was said before."""
        self.edit.setText(str(path))
        self.edit.setToolTip(plain_tooltip(str(path)))
        self._clear()

    def tell(self, message: str, severity: str = "info") -> None:
        """Say ``message`` under the field, with the icon of ``severity`` ("warning",
        "info"), until the text changes."""
        self.create_folder_button.hide()
        self.hint.say(message, severity)

    def said(self) -> str:
        """What the line under the field says now ("" when nothing)."""
        return self.hint.text()

    # -- the buttons -----------------------------------------------------------------------

    def choose(self) -> None:
        """Ask for the file with the system's save dialog, which confirms replacing one."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self._choose_title, str(self._start_for_choosing()), self._filter
        )
        if not chosen:
            return
        selected = Path(chosen)
        path = selected
        if path.suffix.lower() != self._suffix.lower():
            path = path.with_name(path.name + self._suffix)
        self.set_path(path)
        # The save dialog asked to replace `selected`; a name with the suffix added it never saw.
        self.chosen.emit(path, path == selected and path.exists())

    def create_folder(self) -> None:
        folder = self._missing_folder
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.tell(f"Can't create the folder {folder}: {error.strerror or error}.", "warning")
            return
        self._missing_folder = None
        self.tell(f"Created the folder {folder}.", "info")
        self.edit.setFocus()

    # -- helpers ---------------------------------------------------------------------------

    def _start_for_choosing(self) -> Path:
        """Where the save dialog opens: at the file typed when its folder exists, else in
        the folder the field reads names in."""
        typed = self.path()
        if typed is not None:
            return typed
        return self._base

    def _on_edited(self, _text: str) -> None:
        self.edit.setToolTip("")
        self._clear()
        self.edited.emit()

    def _clear(self) -> None:
        self._missing_folder = None
        self.hint.clear()
