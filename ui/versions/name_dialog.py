"""The dialog that names a version: a new baseline or scenario (and what it copies), a
rename, or the name the working plan is kept under when a scenario is promoted.

The dialog does the step itself when OK is pressed (through ``attempt``), so that a name the
core refuses (empty, taken, too long) is said beside the name, with what was typed still in
place."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.plain_text import plain_label, window_title
from ui.widgets.inline_message import InlineMessage

# The step the dialog asks for: given the name typed and the source chosen (None: the
# working plan), it is done and None comes back, or it is refused with the words why.
Attempt = Callable[[str, int | None], str | None]


class VersionNameDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        explanation: str,
        name: str,
        ok_text: str,
        attempt: Attempt,
        sources: Sequence[tuple[str, int | None]] = (),
        source: int | None = None,
    ) -> None:
        """``sources`` (what may be copied: a label and a version id, None for the working
        plan) adds a "From" choice, starting at ``source``."""
        super().__init__(parent)
        self.setObjectName("versionName")
        self.setWindowTitle(window_title(title))
        self._attempt = attempt
        self.explanation = plain_label(explanation)  # names a version, from the file
        self.explanation.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Name")
        self.name.selectAll()
        self.source = QComboBox()
        self.source.setAccessibleName("Copy from")
        for label, version_id in sources:
            self.source.addItem(label, version_id)
        self.source.setCurrentIndex(max(self.source.findData(source), 0))
        self.message = InlineMessage("Why the name was refused")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textEdited.connect(lambda _text: self.message.clear())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Name:", self.name)
        if sources:
            form.addRow("&From:", self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.name.setFocus()

    def chosen_source(self) -> int | None:
        return self.source.currentData() if self.source.count() else None

    def try_accept(self) -> bool:
        """Do the step; close when it is done, else say why it was refused and stay open."""
        refusal = self._attempt(self.name.text(), self.chosen_source())
        if refusal is None:
            self.accept()
            return True
        self.message.say(refusal)
        self.name.setFocus()
        return False
