"""The "Start Next Year's Plan" dialog: where next year's plan goes, how budgets and targets
scale, and what it will carry over, leave behind and keep to compare.

The core decides what next year's plan holds (:func:`planner.versions.rollover.outline_next_year`)
and says it (:func:`~planner.versions.rollover.describe`); the dialog shows that and keeps it
current as the person ticks "done and dropped too". The file follows the new plan's name,
under a name no file has yet; a name typed never replaces a file, one chosen in the system's
save dialog (which asked) does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner import Plan
from planner.file_names import file_stem_for, free_path
from planner.version import PLAN_SUFFIX
from planner.versions.rollover import MAX_SCALE, Outline, describe, outline_next_year
from ui.folders import start_folder
from ui.plain_text import plain_label
from ui.widgets.path_field import PathField

FILE_FILTER = f"Smarketing plans (*{PLAN_SUFFIX})"


@dataclass(frozen=True, slots=True)
class RolloverRequest:
    """What the person asked for: the keyword arguments of ``roll_over`` but the plan."""

    target: Path
    budget_scale: Decimal
    target_scale: Decimal
    include_dropped: bool
    overwrite: bool  # chosen in the system's save dialog, which asked to replace it


class RolloverDialog(QDialog):
    """Asks where next year's plan goes and how it scales; once accepted, :attr:`request`
    says what was asked for."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rolloverDialog")
        self.setWindowTitle("Start Next Year's Plan")
        self._plan = plan
        self.request: RolloverRequest | None = None
        self._replacing: Path | None = None  # a file the save dialog asked to replace
        outline = outline_next_year(plan)
        name = plan.settings.get().name

        intro = plain_label(
            f"A new plan file for {outline.horizon.describe()}, started from “{name}”, which "
            "stays as it is."
        )
        intro.setWordWrap(True)
        suggestion = free_path(
            start_folder(None, plan.path)
            / f"{file_stem_for(outline.name, fallback='Next year')}{PLAN_SUFFIX}"
        )
        self.path_field = PathField(
            suggestion,
            base=suggestion.parent,  # a bare name goes beside the suggestion
            suffix=PLAN_SUFFIX,
            kind="plan",
            file_filter=FILE_FILTER,
            choose_text="Choose…",
            choose_title="Save next year's plan as",
        )
        self.path_edit = self.path_field.edit
        self.path_edit.setAccessibleName("Next year's plan file")
        self.budget_spin = _percent_spin("Budgets in percent of this year's")
        self.target_spin = _percent_spin("Revenue targets in percent of this year's")
        self.dropped_box = QCheckBox("Carry done and dropped initiatives over too")
        # What next year's plan holds, a line of the core's summary each.
        self.summary = [plain_label() for _line in describe(outline)]
        for line in self.summary:
            line.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText("Start Plan")
        self._lay_out(intro)

        self.dropped_box.toggled.connect(self._show_outline)
        self.path_field.edited.connect(self._path_typed)
        self.path_field.chosen.connect(self._path_chosen)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show_outline()

    def outline(self) -> Outline:
        """What next year's plan holds, as the dialog is set now."""
        return outline_next_year(self._plan, include_dropped=self.dropped_box.isChecked())

    def accept(self) -> None:
        """Close with :attr:`request` once the file can be written; else say why under the
        field and stay open with everything as it was."""
        target = self.path_field.commit()
        if target is None:
            return
        if target.exists() and target != self._replacing:
            self.path_field.tell(
                f"{target.name} exists already; choose another name "
                f"(“{free_path(target).name}” is free).",
                "warning",
            )
            self.path_field.setFocus()
            return
        self.request = RolloverRequest(
            target=target,
            budget_scale=_fraction(self.budget_spin),
            target_scale=_fraction(self.target_spin),
            include_dropped=self.dropped_box.isChecked(),
            overwrite=target == self._replacing,
        )
        super().accept()

    # -- helpers ---------------------------------------------------------------------------

    def _lay_out(self, intro: QWidget) -> None:
        form = QFormLayout()
        save_label = plain_label("&Save to:")
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, self.path_field)
        for text, spin, what in (
            ("&Budgets:", self.budget_spin, "of this year's, planned spend too"),
            (
                "Revenue &targets:",
                self.target_spin,
                "of this year's, planned pipeline and revenue too",
            ),
        ):
            row = QHBoxLayout()
            row.addWidget(spin)
            hint = plain_label(what)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            row.addWidget(hint, 1)
            label = plain_label(text)
            label.setBuddy(spin)
            form.addRow(label, row)
        form.addRow("", self.dropped_box)
        summary_frame = QFrame()
        summary_frame.setObjectName("rolloverSummary")
        summary_frame.setAccessibleName("What next year's plan holds")
        summary_frame.setFrameShape(QFrame.Shape.StyledPanel)
        inside = QVBoxLayout(summary_frame)
        inside.setSpacing(6)
        for line in self.summary:
            inside.addWidget(line)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(summary_frame)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def summary_text(self) -> str:
        """What the summary says now, a line each."""
        return "\n".join(line.text() for line in self.summary)

    def _show_outline(self) -> None:
        for label, line in zip(self.summary, describe(self.outline()), strict=True):
            label.setText(line)

    def _path_typed(self) -> None:
        self._replacing = None

    def _path_chosen(self, path: Path, confirmed: bool) -> None:
        self._replacing = path if confirmed else None


def _percent_spin(accessible_name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, int(MAX_SCALE * 100))
    spin.setSingleStep(5)
    spin.setValue(100)
    spin.setSuffix(" %")
    spin.setAccessibleName(accessible_name)
    return spin


def _fraction(spin: QSpinBox) -> Decimal:
    """The spin box's percent as the scale ``roll_over`` takes (110 % is 1.1)."""
    return Decimal(spin.value()) / 100
