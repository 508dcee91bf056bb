"""The import's preview: what would change, what is rejected and why, before anything is
written. Rows that are rejected hold the import back until the user ticks that the others
may go in without them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.money import Currency
from planner.workbook.importing.records import ImportPreview, SourceKind
from ui.plain_text import plain_label, plain_tooltip, window_title
from ui.workbook import wording
from ui.workbook.preview_tables import changes_table, rejected_table

# done() code of "Change Columns…": the flow goes back to the mapping dialog.
CHANGE_MAPPING = 2


def _heading(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class PreviewDialog(QDialog):
    """Shows ``preview``; accepted means "import", with :meth:`skip_rejected` saying whether
    the rejected rows are to be left out."""

    def __init__(
        self, preview: ImportPreview, currency: Currency, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(window_title(f"Import Actuals from {preview.source.name}"))
        self.preview = preview

        # The file's name and the notes (which quote a report's footer) came from the file.
        source = plain_label(wording.source_text(preview))
        source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        source.setToolTip(plain_tooltip(str(preview.source)))
        self.summary = plain_label(wording.summary(preview))
        self.summary.setAccessibleName("Summary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.summary.setFont(font)
        self.notes = plain_label("\n".join(f"• {note}" for note in preview.notes))
        self.notes.setAccessibleName("Notes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(preview.notes))

        self.changes = changes_table(preview.changes, currency)
        self.rejected = rejected_table(preview.rejected)
        changes_box = self._titled(
            f"Values to import ({len(preview.changes):,}: new or changed)"
            if preview.changes
            else "No value changes: every row matches the plan or is left out",
            self.changes,
        )
        self.changes.setVisible(bool(preview.changes))
        rejected_box = self._titled(
            f"Rejected rows ({len(preview.rejected):,}): fix them in the file and import it "
            "again, or leave them out",
            self.rejected,
        )
        rejected_box.setVisible(bool(preview.rejected))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(changes_box)
        splitter.addWidget(rejected_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.skip_box = QCheckBox(wording.skip_rejected(len(preview.rejected)))
        self.skip_box.setVisible(bool(preview.rejected))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            wording.import_button(preview), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.mapping_button: QPushButton | None = None
        if preview.kind == SourceKind.CSV:
            self.mapping_button = self.buttons.addButton(
                "Change Columns…", QDialogButtonBox.ButtonRole.ResetRole
            )
            self.mapping_button.setToolTip("Back to the choice of the file's columns")
            self.mapping_button.clicked.connect(lambda: self.done(CHANGE_MAPPING))

        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.buttons)

        self.skip_box.toggled.connect(self._update_import_button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_import_button()
        self.resize(940, 640 if preview.rejected else 560)

    def skip_rejected(self) -> bool:
        """Whether the user agreed to leave the rejected rows out."""
        return bool(self.preview.rejected) and self.skip_box.isChecked()

    def accept(self) -> None:
        if self.import_button.isEnabled():
            super().accept()

    def _update_import_button(self) -> None:
        allowed = bool(self.preview.changes) and (
            not self.preview.rejected or self.skip_box.isChecked()
        )
        self.import_button.setEnabled(allowed)
        if self.preview.changes and self.preview.rejected and not allowed:
            self.import_button.setToolTip("Tick the box above to import without the rejected rows")
        else:
            self.import_button.setToolTip("")

    @staticmethod
    def _titled(title: str, table: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_heading(title))
        layout.addWidget(table, 1)
        return box
