"""The "New plan" dialog: the few settings a plan starts with, and where to save it.

The dialog only collects a :class:`NewPlanRequest`; the caller passes it to
``planner.Plan.create``, which validates it and creates the file (and whose errors the caller
shows). The widgets still keep out what they can: months are picked from lists, years and
the horizon from bounded spin boxes, the currency is three letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QLocale, QRegularExpression, QStandardPaths
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain import Stage
from planner.validation import MAX_NAME
from planner.version import PLAN_SUFFIX

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "NZD", "INR")
STAGE_TITLES = {
    Stage.STARTUP: "Startup",
    Stage.SCALING: "Scaling",
    Stage.ESTABLISHED: "Established",
}
MAX_HORIZON = 60
# The years planner.months accepts.
FIRST_YEAR, LAST_YEAR = 1900, 2999
FILE_FILTER = f"Smarketing plans (*{PLAN_SUFFIX})"
_ISO_CODE = re.compile(r"^[A-Z]{3}$")
# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
# File systems cap a name at 255 bytes; this many characters leaves room for any script.
_MAX_FILE_STEM = 60


@dataclass(frozen=True, slots=True)
class NewPlanRequest:
    """What the person asked for; the keyword arguments of ``planner.Plan.create``.

    ``overwrite`` is true only when they chose an existing file in the save dialog, which
    asked them to confirm replacing it.
    """

    path: Path
    name: str
    company: str
    currency: str
    fiscal_year_start: int
    first_month: str
    months: int
    stage: str
    overwrite: bool = False


class NewPlanDialog(QDialog):
    """Asks for a new plan's name, company, currency, calendar, stage and file."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        documents_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New plan")
        self._today = today or date.today()
        self._folder = documents_dir or default_folder()
        self._chosen_path: Path | None = None
        self._overwrite = False
        # The first month follows the fiscal year start until the person picks one;
        # `_following` tells our own updates apart from theirs.
        self._first_month_touched = False
        self._following = False

        self._build_fields()
        self._build_buttons()
        self._lay_out()
        self._connect()
        self._follow_fiscal_year()
        self._update_path()
        self._update_create_button()

    # -- the result ------------------------------------------------------------------------

    def request(self) -> NewPlanRequest:
        """The plan the person described, ready for ``Plan.create(**asdict(request))``."""
        month = int(self.first_month_combo.currentData())
        return NewPlanRequest(
            path=self.path(),
            name=" ".join(self.name_edit.text().split()),
            company=" ".join(self.company_edit.text().split()),
            currency=self.currency_combo.currentText().strip().upper(),
            fiscal_year_start=int(self.fiscal_start_combo.currentData()),
            first_month=f"{self.first_year_spin.value():04d}-{month:02d}",
            months=self.horizon_spin.value(),
            stage=str(self.stage_combo.currentData()),
            overwrite=self._overwrite,
        )

    def path(self) -> Path:
        """Where the plan will be saved: the chosen file, or one named after the plan."""
        if self._chosen_path is not None:
            return self._chosen_path
        return with_plan_suffix(self._folder / file_name_for(self.name_edit.text()))

    # -- building --------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText("e.g. 2026 growth plan")
        self.name_edit.setAccessibleName("Plan name")

        self.company_edit = QLineEdit()
        self.company_edit.setPlaceholderText("Optional")
        self.company_edit.setAccessibleName("Company")

        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_combo.addItems(CURRENCIES)
        self.currency_combo.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self)
        )
        self.currency_combo.setCurrentText(default_currency())
        self.currency_combo.setAccessibleName("Currency")

        self.fiscal_start_combo = _month_combo("Fiscal year starts")
        self.first_month_combo = _month_combo("First month of the plan")
        self.first_year_spin = QSpinBox()
        self.first_year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.first_year_spin.setAccessibleName("Year of the first month")

        self.horizon_spin = QSpinBox()
        self.horizon_spin.setRange(1, MAX_HORIZON)
        self.horizon_spin.setValue(12)
        self.horizon_spin.setSuffix(" months")
        self.horizon_spin.setAccessibleName("Horizon in months")

        self.stage_combo = QComboBox()
        for stage, title in STAGE_TITLES.items():
            self.stage_combo.addItem(title, stage.value)
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(Stage.SCALING.value))
        self.stage_combo.setAccessibleName("Business stage")

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName("Plan file")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setAccessibleName("Choose where to save the plan")
        self.choose_button.setAutoDefault(False)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create plan")
        self.create_button.setAccessibleName("Create plan")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")

    def _lay_out(self) -> None:
        form = QFormLayout()
        # Text fields take the width; lists and numbers stay as wide as their longest value.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Plan &name:", self.name_edit)
        form.addRow("&Company:", self.company_edit)
        form.addRow("C&urrency:", self.currency_combo)
        form.addRow("&Fiscal year starts:", self.fiscal_start_combo)
        first_month = QHBoxLayout()
        first_month.addWidget(self.first_month_combo)
        first_month.addWidget(self.first_year_spin)
        first_month.addStretch(1)
        first_label = QLabel("First &month:")
        first_label.setBuddy(self.first_month_combo)
        form.addRow(first_label, first_month)
        form.addRow("&Horizon:", self.horizon_spin)
        form.addRow("Business &stage:", self.stage_combo)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        file_label = QLabel("Save &to:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        order = [
            self.name_edit,
            self.company_edit,
            self.currency_combo,
            self.fiscal_start_combo,
            self.first_month_combo,
            self.first_year_spin,
            self.horizon_spin,
            self.stage_combo,
            self.path_edit,
            self.choose_button,
            *self.buttons.buttons(),
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self._update_path)
        self.name_edit.textChanged.connect(self._update_create_button)
        self.currency_combo.editTextChanged.connect(self._on_currency_edited)
        self.fiscal_start_combo.currentIndexChanged.connect(self._follow_fiscal_year)
        self.first_month_combo.currentIndexChanged.connect(self._touch_first_month)
        self.first_year_spin.valueChanged.connect(self._touch_first_month)
        self.horizon_spin.valueChanged.connect(self._on_horizon_changed)
        self.choose_button.clicked.connect(self.choose_path)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- behaviour -------------------------------------------------------------------------

    def choose_path(self) -> None:
        """Ask where to save; from then on the file no longer follows the plan's name."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the new plan as", str(self.path()), FILE_FILTER
        )
        if not chosen:
            return
        selected = Path(chosen)
        path = with_plan_suffix(selected)
        # The save dialog confirmed replacing `selected`; a suffixed name was never shown.
        self._overwrite = path == selected and path.exists()
        self._chosen_path = path
        self._update_path()

    def _update_path(self) -> None:
        path = self.path()
        self.path_edit.setText(str(path))
        self.path_edit.setToolTip(str(path))

    def _update_create_button(self) -> None:
        named = bool(self.name_edit.text().strip())
        coded = bool(_ISO_CODE.match(self.currency_combo.currentText().strip().upper()))
        self.create_button.setEnabled(named and coded)

    def _on_currency_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            line = self.currency_combo.lineEdit()
            cursor = line.cursorPosition()
            line.setText(upper)
            line.setCursorPosition(cursor)
        self._update_create_button()

    def _touch_first_month(self) -> None:
        if not self._following:
            self._first_month_touched = True

    def _follow_fiscal_year(self) -> None:
        """Start the plan at the current fiscal year until the person picks a first month."""
        if self._first_month_touched:
            return
        fiscal_start = int(self.fiscal_start_combo.currentData())
        year, month = current_fiscal_year_start(self._today, fiscal_start)
        self._following = True
        try:
            self.first_month_combo.setCurrentIndex(month - 1)
            self.first_year_spin.setValue(year)
        finally:
            self._following = False

    def _on_horizon_changed(self, value: int) -> None:
        self.horizon_spin.setSuffix(" month" if value == 1 else " months")


def current_fiscal_year_start(today: date, fiscal_start: int) -> tuple[int, int]:
    """The (year, month) the fiscal year containing ``today`` began in."""
    year = today.year if today.month >= fiscal_start else today.year - 1
    return year, fiscal_start


def default_currency() -> str:
    """The locale's ISO currency code when it has one, else USD."""
    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode).upper()
    return code if _ISO_CODE.match(code) else "USD"


def default_folder() -> Path:
    """The person's Documents folder (their home folder where there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A fresh Linux account may have no ~/Documents; creating the plan there would fail.
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def file_name_for(plan_name: str) -> str:
    """A file name (without suffix) for a plan called ``plan_name``."""
    cleaned = " ".join(_NOT_IN_FILE_NAMES.sub(" ", plan_name).split()).strip(". ")
    # A leading or trailing dot would hide the file or be dropped by Windows.
    return cleaned[:_MAX_FILE_STEM].rstrip(". ") or "Untitled plan"


def with_plan_suffix(path: Path) -> Path:
    """``path`` ending in the plan suffix, added (not swapped in) when it is missing."""
    if path.suffix.lower() == PLAN_SUFFIX:
        return path
    return path.with_name(path.name + PLAN_SUFFIX)


def _month_combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    locale = QLocale()
    for number in range(1, 13):
        combo.addItem(locale.standaloneMonthName(number), number)
    combo.setAccessibleName(accessible_name)
    return combo
