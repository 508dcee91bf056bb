"""The "New plan" dialog: the few settings a plan starts with, and where to save it.

The dialog collects a :class:`NewPlanRequest` and, when Create is pressed, has the core
create the plan (``planner.Plan.create`` validates it and writes the file). Anything that
stops it, a file name that is taken included, is said in the dialog, which stays open with
everything typed. The widgets keep out what they can: months are picked from lists, years
and the horizon from bounded spin boxes, the currency is three letters. The file follows the
plan's name, under a name no file has yet, until the person types one or chooses one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner import Plan, PlanError, ValidationError
from planner.domain import Stage
from planner.file_names import file_stem_for, free_path
from planner.validation import MAX_NAME
from planner.version import PLAN_SUFFIX
from ui.folders import documents_folder
from ui.plain_text import plain_label
from ui.widgets.inline_message import InlineMessage
from ui.widgets.path_field import PathField

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
UNTITLED = "Untitled plan"


@dataclass(frozen=True, slots=True)
class NewPlanRequest:
    """What the person asked for; the keyword arguments of ``planner.Plan.create``.

    ``overwrite`` is true only when they chose an existing file in the save dialog, which
    asked them to confirm replacing it (a name typed never replaces a file).
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


def create_plan(request: NewPlanRequest) -> Plan:
    return Plan.create(**asdict(request))


class NewPlanDialog(QDialog):
    """Asks for a new plan's name, company, currency, calendar, stage and file, and creates
    it; once accepted, :attr:`plan` is the new plan, open for editing."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        documents_dir: Path | None = None,
        create: Callable[[NewPlanRequest], Plan] = create_plan,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New plan")
        self._today = today or date.today()
        self._folder = documents_dir or documents_folder()
        self._create = create
        self.plan: Plan | None = None
        # The file follows the plan's name until the person types in its field or chooses one.
        self._path_touched = False
        # A file the person chose to replace in the save dialog, while the field still names it.
        self._replacing: Path | None = None
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
        """The plan the person described, ready for ``Plan.create(**asdict(request))``; its
        file as the field reads now (which must name one)."""
        path = self.path()
        if path is None:
            raise ValueError(f"the file field names no file: {self.path_field.text()!r}")
        return self._request_for(path)

    def path(self) -> Path | None:
        """The file the field names, or ``None`` while it names none."""
        return self.path_field.path()

    def accept(self) -> None:
        """Create the plan and close; when the file or anything else stops it, say so in
        the dialog and stay open with everything as it was."""
        path = self.path_field.commit()
        if path is None:
            return
        if path.exists() and path != self._replacing:
            self.path_field.tell(
                f"{path.name} exists already; choose another name "
                f"(“{free_path(path).name}” is free).",
                "warning",
            )
            self.path_field.setFocus()
            return
        self.problem.clear()
        try:
            self.plan = self._create(self._request_for(path))
        except ValidationError as error:  # names the field it is about
            self.problem.say(str(error))
            return
        except (PlanError, OSError) as error:  # about the file
            self.path_field.tell(str(error), "warning")
            self.path_field.setFocus()
            return
        super().accept()

    def _request_for(self, path: Path) -> NewPlanRequest:
        month = int(self.first_month_combo.currentData())
        return NewPlanRequest(
            path=path,
            name=" ".join(self.name_edit.text().split()),
            company=" ".join(self.company_edit.text().split()),
            currency=self.currency_combo.currentText().strip().upper(),
            fiscal_year_start=int(self.fiscal_start_combo.currentData()),
            first_month=f"{self.first_year_spin.value():04d}-{month:02d}",
            months=self.horizon_spin.value(),
            stage=str(self.stage_combo.currentData()),
            overwrite=path == self._replacing,
        )

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

        self.path_field = PathField(
            None,
            base=self._folder,  # a bare name goes into the Documents folder
            suffix=PLAN_SUFFIX,
            kind="plan",
            file_filter=FILE_FILTER,
            choose_text="Choose…",
            choose_title="Save the new plan as",
        )
        self.path_edit = self.path_field.edit
        self.path_edit.setAccessibleName("Plan file")
        self.choose_button = self.path_field.choose_button
        self.choose_button.setAccessibleName("Choose where to save the plan")

        # What stopped the plan being created that is not about its file.
        self.problem = InlineMessage("Why the plan was not created")

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
        first_label = plain_label("First &month:")
        first_label.setBuddy(self.first_month_combo)
        form.addRow(first_label, first_month)
        form.addRow("&Horizon:", self.horizon_spin)
        form.addRow("Business &stage:", self.stage_combo)
        file_label = plain_label("Save &to:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, self.path_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.problem)
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
            self.path_field.create_folder_button,
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
        self.path_field.edited.connect(self._path_typed)
        self.path_field.chosen.connect(self._path_chosen)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- behaviour -------------------------------------------------------------------------

    def choose_path(self) -> None:
        """Ask where to save; from then on the file no longer follows the plan's name."""
        self.path_field.choose()

    def _path_typed(self) -> None:
        self._path_touched = True
        self._replacing = None

    def _path_chosen(self, path: Path, confirmed: bool) -> None:
        self._path_touched = True
        self._replacing = path if confirmed else None

    def _update_path(self) -> None:
        """Name the file after the plan, under a name no file has yet."""
        if not self._path_touched:
            stem = file_stem_for(self.name_edit.text(), fallback=UNTITLED)
            self.path_field.set_path(free_path(self._folder / f"{stem}{PLAN_SUFFIX}"))

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


def _month_combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    locale = QLocale()
    for number in range(1, 13):
        combo.addItem(locale.standaloneMonthName(number), number)
    combo.setAccessibleName(accessible_name)
    return combo
