"""The "Export Workbook" dialog: where the workbook goes, whether the app's chart pictures go
in too, and, when the plan has saved versions, which one to compare it with (a Plan vs
baseline sheet). It starts in the folder of the last export or import and remembers the
checkbox.

The file typed is read when the person commits it (Enter or Export), never while they type;
a file that exists is replaced only once they have been told so."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.file_names import file_stem_for
from planner.timeline import Grouping
from planner.workbook.layout import WORKBOOK_SUFFIX
from ui.folders import start_folder
from ui.plain_text import plain_label
from ui.recent_files import WorkbookFolder
from ui.widgets.combos import choice_combo
from ui.widgets.path_field import PathField

if TYPE_CHECKING:
    from planner.versions.service import VersionInfo

CHART_IMAGES_KEY = "workbook/chart_images"
TIMELINE_LANES_KEY = "workbook/timeline_lanes"
NO_BASELINE = "None"
FILE_FILTER = f"Excel workbook (*{WORKBOOK_SUFFIX})"


def suggested_name(plan_name: str) -> str:
    """``FY2026 Demand Plan.xlsx``: the plan's name with nothing a file system refuses."""
    return file_stem_for(plan_name, fallback="Plan") + WORKBOOK_SUFFIX


def suggested_path(folder: Path | None, plan_path: Path | None, plan_name: str) -> Path:
    """Where the workbook goes unless the user says otherwise: in ``folder`` (that of the
    last export or import), else where :func:`~ui.folders.start_folder` says."""
    return start_folder(folder, plan_path) / suggested_name(plan_name)


def version_text(version: VersionInfo) -> str:
    """ "Board-approved FY2026 (locked baseline, saved 2026-01-15 10:30)"."""
    locked = "locked " if version.locked else ""
    return f"{version.name} ({locked}{version.kind.value}, saved {version.saved_at})"


class ExportDialog(QDialog):
    """Asks where to write the workbook; once accepted, :meth:`target`, :meth:`chart_images`
    and :meth:`baseline_id` say what was chosen (the folder and the checkbox are remembered
    for next time). ``versions``: those the plan can be compared with; with none, the choice
    is not shown."""

    def __init__(
        self,
        settings: QSettings,
        plan_path: Path | None,
        plan_name: str,
        parent: QWidget | None = None,
        *,
        versions: Sequence[VersionInfo] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Workbook")
        self._settings = settings
        self._folder = WorkbookFolder(settings)
        self._target: Path | None = None
        # The existing file the person has been told is replaced (or chose to replace).
        self._replacing: Path | None = None

        intro = plain_label(
            f"A workbook of “{plan_name}” for leadership: summary with charts, initiatives, "
            "the timeline, roles, monthly figures, strike zone and hand-off, and an Actuals "
            "sheet others can fill in and send back."
        )
        intro.setWordWrap(True)
        suggestion = suggested_path(self._folder.last(), plan_path, plan_name)
        self.path_field = PathField(
            suggestion,
            # A bare name or relative path goes into the folder the suggestion is in.
            base=suggestion.parent,
            suffix=WORKBOOK_SUFFIX,
            kind="workbook",
            file_filter=FILE_FILTER,
            choose_title="Export Workbook",
        )
        self.path_edit = self.path_field.edit
        self.path_edit.setAccessibleName("Workbook file")
        self.path_edit.setMinimumWidth(460)
        self.browse_button = self.path_field.choose_button
        self.chart_box = QCheckBox("Include the app's chart pictures")
        self.chart_box.setChecked(settings.value(CHART_IMAGES_KEY, False, type=bool))
        chart_hint = plain_label(
            "The workbook always has native Excel charts that can be restyled. The pictures "
            "add the dashboard's charts as the app draws them; the export takes longer."
        )
        chart_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        chart_hint.setWordWrap(True)
        self.lanes_box = choice_combo(
            "Timeline lanes by",
            "How the Timeline sheet groups the initiatives into lanes",
            [(grouping.label, grouping) for grouping in Grouping],
        )
        remembered = settings.value(TIMELINE_LANES_KEY, Grouping.CHANNEL.value, type=str)
        self.lanes_box.setCurrentIndex(max(self.lanes_box.findData(remembered), 0))
        self.baseline_box = QComboBox()
        self.baseline_box.setAccessibleName("Compare with baseline")
        # A long version name (up to 200 characters) is elided, not a dialog wider than the screen.
        self.baseline_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.baseline_box.setMinimumContentsLength(40)
        self.baseline_box.addItem(NO_BASELINE, None)
        for version in versions:
            self.baseline_box.addItem(version_text(version), version.id)
        baseline_hint = plain_label(
            "Adds a Plan vs baseline sheet: what changed, and the variance by initiative and by "
            "month, with a chart."
        )
        baseline_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        baseline_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("Export")

        chart_field = QVBoxLayout()
        chart_field.setSpacing(2)
        chart_field.addWidget(self.chart_box)
        # Under the box's text, not under its tick mark.
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
        chart_hint.setContentsMargins(indent, 0, 0, 0)
        chart_field.addWidget(chart_hint)
        form = QFormLayout()
        save_label = plain_label("&Save as:")
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, self.path_field)
        form.addRow("Pictures:", chart_field)
        lanes_label = plain_label("&Timeline lanes by:")
        lanes_label.setBuddy(self.lanes_box)
        form.addRow(lanes_label, self.lanes_box)
        if versions:
            baseline_field = QVBoxLayout()
            baseline_field.setSpacing(2)
            baseline_field.addWidget(self.baseline_box)
            baseline_field.addWidget(baseline_hint)
            baseline_label = plain_label("&Compare with baseline:")
            baseline_label.setBuddy(self.baseline_box)
            form.addRow(baseline_label, baseline_field)
        else:
            self.baseline_box.hide()
            baseline_hint.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(self.buttons)

        self.path_field.edited.connect(self._path_edited)
        self.path_field.chosen.connect(self._path_chosen)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if suggestion.is_file():
            self._tell_replacing(
                suggestion, f"{suggestion.name} exists already; exporting replaces it."
            )

    # -- the result ------------------------------------------------------------------------

    def target(self) -> Path | None:
        """The workbook file: the one committed once the dialog is accepted, before that
        the one the field names (``None`` when it names none)."""
        return self._target or self.path_field.path()

    def chart_images(self) -> bool:
        return self.chart_box.isChecked()

    def timeline_lanes(self) -> Grouping:
        """How the Timeline sheet groups its initiatives."""
        return Grouping(self.lanes_box.currentData())

    def baseline_id(self) -> int | None:
        """The version chosen to compare the plan with, or ``None``."""
        return self.baseline_box.currentData()

    def accept(self) -> None:
        """Export, once the file typed or chosen is one that can be written; else say why
        under the field and stay open with everything as it was."""
        target = self.path_field.commit()
        if target is None:
            return
        if target.exists() and target != self._replacing:
            self._tell_replacing(
                target, f"{target.name} exists already; export again to replace it."
            )
            return
        self._target = target
        self._folder.remember(target)
        self._settings.setValue(CHART_IMAGES_KEY, self.chart_images())
        self._settings.setValue(TIMELINE_LANES_KEY, self.timeline_lanes().value)
        super().accept()

    # -- helpers ----------------------------------------------------------------------------

    def _tell_replacing(self, target: Path, message: str) -> None:
        self._replacing = target
        self.path_field.tell(message, "warning")
        self.export_button.setText("Replace")

    def _path_edited(self) -> None:
        self._replacing = None
        self.export_button.setText("Export")

    def _path_chosen(self, path: Path, confirmed: bool) -> None:
        # The system's save dialog asked whether to replace a file that exists.
        self._replacing = path if confirmed else None
        self.export_button.setText("Replace" if confirmed else "Export")
