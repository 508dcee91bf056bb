"""The "Export Workbook" dialog: where the workbook goes, and whether the app's chart pictures
go in too. It remembers the last folder and the checkbox."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.workbook.layout import WORKBOOK_SUFFIX

FOLDER_KEY = "workbook/export_folder"
CHART_IMAGES_KEY = "workbook/chart_images"
FILE_FILTER = f"Excel workbook (*{WORKBOOK_SUFFIX})"
# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_MAX_FILE_STEM = 80


def suggested_name(plan_name: str) -> str:
    """``FY2026 Demand Plan.xlsx``: the plan's name with nothing a file system refuses."""
    stem = " ".join(_NOT_IN_FILE_NAMES.sub(" ", plan_name).split()).strip(" .")
    return (stem[:_MAX_FILE_STEM].rstrip(" .") or "Plan") + WORKBOOK_SUFFIX


def suggested_path(settings: QSettings, plan_path: Path | None, plan_name: str) -> Path:
    """Where the workbook goes unless the user says otherwise: the folder of the last export
    while it still exists, else beside the plan."""
    remembered = settings.value(FOLDER_KEY, "", type=str)
    if remembered and Path(remembered).is_dir():
        folder = Path(remembered)
    elif plan_path is not None:
        folder = plan_path.parent
    else:
        folder = Path.home()
    return folder / suggested_name(plan_name)


class ExportDialog(QDialog):
    """Asks where to write the workbook; :meth:`target` and :meth:`chart_images` say what
    was chosen, and accepting remembers both for next time."""

    def __init__(
        self,
        settings: QSettings,
        plan_path: Path | None,
        plan_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Workbook")
        self._settings = settings
        self._base = plan_path.parent if plan_path is not None else Path.home()

        intro = QLabel(
            f"A workbook of “{plan_name}” for leadership: summary with charts, initiatives, "
            "roles, monthly figures, strike zone and hand-off, and an Actuals sheet others can "
            "fill in and send back."
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(suggested_path(settings, plan_path, plan_name)))
        self.path_edit.setAccessibleName("Workbook file")
        self.path_edit.setMinimumWidth(460)
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAutoDefault(False)
        self.path_hint = QLabel()
        self.path_hint.setAccessibleName("About the file")
        self.path_hint.setWordWrap(True)
        self.chart_box = QCheckBox("Include the app's chart pictures")
        self.chart_box.setChecked(settings.value(CHART_IMAGES_KEY, False, type=bool))
        chart_hint = QLabel(
            "The workbook always has native Excel charts that can be restyled. The pictures "
            "add the dashboard's charts as the app draws them; the export takes longer."
        )
        chart_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        chart_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("Export")

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_field = QVBoxLayout()
        path_field.setSpacing(2)
        path_field.addLayout(path_row)
        path_field.addWidget(self.path_hint)
        chart_field = QVBoxLayout()
        chart_field.setSpacing(2)
        chart_field.addWidget(self.chart_box)
        # Under the box's text, not under its tick mark.
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
        chart_hint.setContentsMargins(indent, 0, 0, 0)
        chart_field.addWidget(chart_hint)
        form = QFormLayout()
        form.addRow("Save as:", path_field)
        form.addRow("Pictures:", chart_field)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._check_path)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._check_path()

    # -- the result ------------------------------------------------------------------------

    def target(self) -> Path:
        """The workbook file chosen: ``.xlsx`` added when missing, a relative name taken as
        beside the plan."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.is_absolute():
            path = self._base / path
        if path.suffix.lower() != WORKBOOK_SUFFIX:
            path = path.with_name(path.name + WORKBOOK_SUFFIX)
        return path

    def chart_images(self) -> bool:
        return self.chart_box.isChecked()

    def accept(self) -> None:
        if not self.export_button.isEnabled():
            return
        self._settings.setValue(FOLDER_KEY, str(self.target().parent))
        self._settings.setValue(CHART_IMAGES_KEY, self.chart_images())
        super().accept()

    # -- helpers ----------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export Workbook", str(self.target()), FILE_FILTER
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _check_path(self) -> None:
        hint, usable = "", True
        if not self.path_edit.text().strip():
            hint, usable = "Type a file name or choose one with Browse….", False
        else:
            target = self.target()
            if target.is_dir():
                hint, usable = f"{target} is a folder; add a file name.", False
            elif not target.parent.is_dir():
                hint, usable = f"The folder {target.parent} does not exist.", False
            elif target.exists():
                hint = f"{target.name} exists already; exporting replaces it."
        self.path_hint.setText(hint)
        self.path_hint.setVisible(bool(hint))
        self.export_button.setEnabled(usable)
