"""The New plan dialog: sensible defaults, a free file named after the plan or the one typed,
a request the core accepts as it is, and whatever stops the plan being created said in the
dialog, which stays open with everything typed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner import Plan, PlanFileError, ValidationError
from planner.domain import Stage
from ui.new_plan_dialog import NewPlanDialog, NewPlanRequest

TODAY = date(2026, 5, 14)
MakeDialog = Callable[..., NewPlanDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, tmp_path: Path) -> MakeDialog:
    """Builds a dialog as of TODAY whose Documents folder is ``tmp_path``."""

    def make(today: date = TODAY) -> NewPlanDialog:
        dialog = NewPlanDialog(today=today, documents_dir=tmp_path)
        qtbot.addWidget(dialog)
        return dialog

    return make


@pytest.fixture
def dialog(make_dialog: MakeDialog) -> NewPlanDialog:
    return make_dialog()


@pytest.fixture
def locale_restored() -> Iterator[None]:
    original = QLocale()
    yield
    QLocale.setDefault(original)


def _choose_file(monkeypatch: pytest.MonkeyPatch, dialog: NewPlanDialog, chosen: str) -> None:
    """Stands in for the person picking ``chosen`` in the save dialog."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (chosen, "Smarketing plans")
    )
    dialog.choose_button.click()


def test_defaults_describe_a_twelve_month_plan_from_this_fiscal_year(
    dialog: NewPlanDialog,
) -> None:
    dialog.name_edit.setText("Growth")
    request = dialog.request()
    assert request.company == ""
    assert request.fiscal_year_start == 1
    assert request.first_month == "2026-01"
    assert request.months == 12
    assert request.stage == Stage.SCALING.value
    assert request.overwrite is False


def test_the_currency_defaults_to_the_locales(
    make_dialog: MakeDialog, locale_restored: None
) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    assert make_dialog().request().currency == "GBP"


def test_the_currency_falls_back_to_usd_without_a_locale_currency(
    make_dialog: MakeDialog, locale_restored: None
) -> None:
    QLocale.setDefault(QLocale.c())
    assert make_dialog().request().currency == "USD"


def test_the_currency_list_offers_the_common_codes(dialog: NewPlanDialog) -> None:
    offered = {dialog.currency_combo.itemText(i) for i in range(dialog.currency_combo.count())}
    common = {"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "NZD", "INR"}
    assert common <= offered


def test_the_first_month_follows_the_fiscal_year_start(make_dialog: MakeDialog) -> None:
    in_may = make_dialog(date(2026, 5, 14))
    in_may.fiscal_start_combo.setCurrentIndex(3)  # April
    assert in_may.request().first_month == "2026-04"
    in_february = make_dialog(date(2026, 2, 1))
    in_february.fiscal_start_combo.setCurrentIndex(3)
    assert in_february.request().first_month == "2025-04"


def test_a_first_month_the_person_picked_stays_when_the_fiscal_year_changes(
    dialog: NewPlanDialog,
) -> None:
    dialog.first_month_combo.setCurrentIndex(8)  # September
    dialog.first_year_spin.setValue(2027)
    dialog.fiscal_start_combo.setCurrentIndex(6)
    assert dialog.request().first_month == "2027-09"


def test_the_request_reflects_every_edited_field(
    dialog: NewPlanDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.keyClicks(dialog.name_edit, "  Launch   plan ")
    qtbot.keyClicks(dialog.company_edit, "Tidewater Software")
    dialog.currency_combo.setCurrentText("eur")
    dialog.fiscal_start_combo.setCurrentIndex(6)  # July
    dialog.first_month_combo.setCurrentIndex(9)  # October
    dialog.first_year_spin.setValue(2026)
    dialog.horizon_spin.setValue(18)
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findText("Startup"))
    assert dialog.request() == NewPlanRequest(
        path=tmp_path / "Launch plan.smplan",
        name="Launch plan",
        company="Tidewater Software",
        currency="EUR",
        fiscal_year_start=7,
        first_month="2026-10",
        months=18,
        stage="startup",
    )


def test_stages_are_offered_by_their_friendly_titles(dialog: NewPlanDialog) -> None:
    titles = [dialog.stage_combo.itemText(i) for i in range(dialog.stage_combo.count())]
    values = [dialog.stage_combo.itemData(i) for i in range(dialog.stage_combo.count())]
    assert titles == ["Startup", "Scaling", "Established"]
    assert values == [stage.value for stage in Stage]


def test_create_is_disabled_until_the_plan_has_a_name(dialog: NewPlanDialog) -> None:
    assert not dialog.create_button.isEnabled()
    dialog.name_edit.setText("   ")
    assert not dialog.create_button.isEnabled()
    dialog.name_edit.setText("Growth")
    assert dialog.create_button.isEnabled()
    assert dialog.create_button.text() == "Create plan"


def test_create_is_disabled_while_the_currency_is_not_three_letters(
    dialog: NewPlanDialog,
) -> None:
    dialog.name_edit.setText("Growth")
    dialog.currency_combo.setCurrentText("EU")
    assert not dialog.create_button.isEnabled()


def test_the_currency_field_takes_only_letters(dialog: NewPlanDialog, qtbot: QtBot) -> None:
    line = dialog.currency_combo.lineEdit()
    line.clear()
    qtbot.keyClicks(line, "e1u$rx")
    assert line.text() == "EUR"


def test_the_horizon_runs_from_one_to_sixty_months(dialog: NewPlanDialog) -> None:
    assert (dialog.horizon_spin.minimum(), dialog.horizon_spin.maximum()) == (1, 60)


def test_the_first_year_stays_within_the_years_the_core_accepts(dialog: NewPlanDialog) -> None:
    assert (dialog.first_year_spin.minimum(), dialog.first_year_spin.maximum()) == (1900, 2999)


def test_the_file_is_named_after_the_plan_in_the_documents_folder(
    dialog: NewPlanDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.keyClicks(dialog.name_edit, "Growth")
    assert dialog.request().path == tmp_path / "Growth.smplan"
    qtbot.keyClicks(dialog.name_edit, " 2026")
    assert dialog.request().path == tmp_path / "Growth 2026.smplan"
    assert dialog.path_edit.text() == str(tmp_path / "Growth 2026.smplan")


def test_the_default_folder_is_documents_or_home_where_there_is_none(qtbot: QtBot) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    dialog = NewPlanDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Growth")
    assert dialog.request().path == expected / "Growth.smplan"


def test_a_long_plan_name_gives_a_file_name_every_file_system_accepts(
    dialog: NewPlanDialog,
) -> None:
    dialog.name_edit.setText("計画" * 100)
    file_name = dialog.request().path.name
    assert len(file_name.encode("utf-8")) <= 255
    assert file_name.endswith(".smplan")


def test_characters_a_file_name_cannot_hold_are_left_out(
    dialog: NewPlanDialog, tmp_path: Path
) -> None:
    dialog.name_edit.setText("Q1/Q2: launch?")
    assert dialog.request().path == tmp_path / "Q1 Q2 launch.smplan"


def test_a_chosen_file_stays_when_the_name_changes(
    dialog: NewPlanDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere").mkdir()
    dialog.name_edit.setText("Growth")
    _choose_file(monkeypatch, dialog, str(tmp_path / "elsewhere" / "Mine.smplan"))
    dialog.name_edit.setText("Something else")
    assert dialog.request().path == tmp_path / "elsewhere" / "Mine.smplan"
    assert dialog.path_edit.text() == str(tmp_path / "elsewhere" / "Mine.smplan")


def test_the_plan_suffix_is_added_to_a_chosen_file_without_it(
    dialog: NewPlanDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _choose_file(monkeypatch, dialog, str(tmp_path / "Mine.v2"))
    assert dialog.request().path == tmp_path / "Mine.v2.smplan"


def test_the_plan_suffix_is_not_doubled(
    dialog: NewPlanDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _choose_file(monkeypatch, dialog, str(tmp_path / "Mine.SMPLAN"))
    assert dialog.request().path == tmp_path / "Mine.SMPLAN"


def test_cancelling_the_file_chooser_keeps_following_the_name(
    dialog: NewPlanDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _choose_file(monkeypatch, dialog, "")
    dialog.name_edit.setText("Growth")
    assert dialog.request().path == tmp_path / "Growth.smplan"


def test_choosing_an_existing_file_asks_to_overwrite_it(
    dialog: NewPlanDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    existing = tmp_path / "Old.smplan"
    existing.write_bytes(b"")
    _choose_file(monkeypatch, dialog, str(existing))
    assert dialog.request().overwrite is True


def test_a_name_matching_existing_files_suggests_the_next_free_one(
    dialog: NewPlanDialog, tmp_path: Path
) -> None:
    (tmp_path / "Old.smplan").write_bytes(b"")
    (tmp_path / "Old 2.smplan").write_bytes(b"")
    dialog.name_edit.setText("Old")
    assert dialog.path_edit.text() == str(tmp_path / "Old 3.smplan")
    assert dialog.request().overwrite is False


def test_the_core_creates_a_plan_from_the_default_request(
    dialog: NewPlanDialog, tmp_path: Path
) -> None:
    dialog.name_edit.setText("Growth")
    request = dialog.request()
    plan = Plan.create(**asdict(request))
    try:
        settings = plan.settings.get()
        assert settings.name == "Growth"
        assert settings.fiscal_year_start == 1
        assert settings.stage is Stage.SCALING
    finally:
        plan.close()
    assert (tmp_path / "Growth.smplan").is_file()


def test_every_field_has_an_accessible_name_and_a_labelled_row(dialog: NewPlanDialog) -> None:
    form = dialog.findChild(QFormLayout)
    assert form is not None
    fields = [
        dialog.name_edit,
        dialog.company_edit,
        dialog.currency_combo,
        dialog.fiscal_start_combo,
        dialog.first_month_combo,
        dialog.first_year_spin,
        dialog.horizon_spin,
        dialog.stage_combo,
        dialog.path_edit,
        dialog.choose_button,
    ]
    assert all(field.accessibleName() for field in fields)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert buddies == {
        dialog.name_edit,
        dialog.company_edit,
        dialog.currency_combo,
        dialog.fiscal_start_combo,
        dialog.first_month_combo,
        dialog.horizon_spin,
        dialog.stage_combo,
        dialog.path_edit,
    }


def test_tab_moves_through_the_fields_top_to_bottom(dialog: NewPlanDialog, qtbot: QtBot) -> None:
    dialog.name_edit.setText("Growth")
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.name_edit.setFocus()
    expected = [
        dialog.name_edit,
        dialog.company_edit,
        dialog.currency_combo,
        dialog.fiscal_start_combo,
        dialog.first_month_combo,
        dialog.first_year_spin,
        dialog.horizon_spin,
        dialog.stage_combo,
        dialog.path_edit,
        dialog.choose_button,
        dialog.create_button,
    ]
    seen: list[QWidget] = []
    for _ in expected:
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == expected


# -- typing where the plan goes, and what stops it being created -----------------------------


@pytest.fixture
def shown(dialog: NewPlanDialog, qtbot: QtBot) -> NewPlanDialog:
    """The dialog on screen (Enter presses its default button only then), named Growth."""
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Growth")
    return dialog


def _type_path(qtbot: QtBot, dialog: NewPlanDialog, text: str) -> None:
    dialog.path_edit.setFocus()
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, text)


def _press_enter(qtbot: QtBot, dialog: NewPlanDialog) -> None:
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)


@pytest.fixture
def created() -> Iterator[list[Plan]]:
    """Plans the tests created, closed after them."""
    plans: list[Plan] = []
    yield plans
    for plan in plans:
        plan.close()


def test_the_save_to_field_takes_typing(shown: NewPlanDialog, qtbot: QtBot) -> None:
    _type_path(qtbot, shown, "Mine")
    assert shown.path_edit.text() == "Mine"
    assert not shown.path_edit.isReadOnly()


def test_a_path_typed_is_where_the_plan_is_created(
    shown: NewPlanDialog, qtbot: QtBot, tmp_path: Path, created: list[Plan]
) -> None:
    typed = tmp_path / "plans" / "FY2027 Growth.smplan"
    typed.parent.mkdir()
    _type_path(qtbot, shown, str(typed))
    _press_enter(qtbot, shown)
    assert shown.result() == NewPlanDialog.DialogCode.Accepted
    assert shown.plan is not None
    created.append(shown.plan)
    assert shown.plan.path == typed
    assert sorted(tmp_path.rglob("*.smplan")) == [typed]


def test_a_bare_name_typed_goes_into_the_documents_folder_as_a_plan_file(
    shown: NewPlanDialog, qtbot: QtBot, tmp_path: Path, created: list[Plan]
) -> None:
    _type_path(qtbot, shown, "Board copy")
    _press_enter(qtbot, shown)
    assert shown.plan is not None
    created.append(shown.plan)
    assert shown.plan.path == tmp_path / "Board copy.smplan"


def test_the_file_stops_following_the_name_once_typed_in(
    shown: NewPlanDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    _type_path(qtbot, shown, "Mine")
    qtbot.keyClicks(shown.name_edit, " 2027")
    assert shown.path_edit.text() == "Mine"
    assert shown.request().path == tmp_path / "Mine.smplan"


def test_a_taken_path_is_said_in_the_dialog_which_keeps_everything_typed(
    shown: NewPlanDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    taken = tmp_path / "Taken.smplan"
    taken.write_bytes(b"someone's plan")
    qtbot.keyClicks(shown.company_edit, "Tidewater Software")
    _type_path(qtbot, shown, str(taken))
    _press_enter(qtbot, shown)
    assert shown.isVisible() and shown.plan is None
    assert shown.path_field.said() == (
        "Taken.smplan exists already; choose another name (“Taken 2.smplan” is free)."
    )
    assert shown.name_edit.text() == "Growth"
    assert shown.company_edit.text() == "Tidewater Software"
    assert shown.path_edit.text() == str(taken)
    assert taken.read_bytes() == b"someone's plan"


def test_a_missing_folder_is_said_and_can_be_created_from_the_dialog(
    shown: NewPlanDialog, qtbot: QtBot, tmp_path: Path, created: list[Plan]
) -> None:
    typed = tmp_path / "plans" / "Growth.smplan"
    _type_path(qtbot, shown, str(typed))
    _press_enter(qtbot, shown)
    assert shown.isVisible()
    assert shown.path_field.said() == f"The folder {typed.parent} does not exist."
    qtbot.mouseClick(shown.path_field.create_folder_button, Qt.MouseButton.LeftButton)
    _press_enter(qtbot, shown)
    assert shown.plan is not None
    created.append(shown.plan)
    assert shown.plan.path == typed


def _refusing_dialog(qtbot: QtBot, tmp_path: Path, error: Exception) -> NewPlanDialog:
    """A shown dialog for a plan called Growth whose core refuses to create it."""

    def refuse(_request: NewPlanRequest) -> Plan:
        raise error

    dialog = NewPlanDialog(today=TODAY, documents_dir=tmp_path, create=refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Growth")
    return dialog


def test_a_file_the_core_cannot_create_is_said_under_the_field(
    qtbot: QtBot, tmp_path: Path
) -> None:
    error = PlanFileError(f"{tmp_path}/Growth.smplan: the plan could not be created (disk full)")
    dialog = _refusing_dialog(qtbot, tmp_path, error)
    dialog.create_button.click()
    assert dialog.isVisible()
    assert dialog.path_field.said() == str(error)


def test_a_setting_the_core_refuses_is_said_above_the_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    error = ValidationError("currency", "unknown", "XYZ is not a currency")
    dialog = _refusing_dialog(qtbot, tmp_path, error)
    dialog.create_button.click()
    assert dialog.isVisible()
    assert dialog.problem.isVisible() and dialog.problem.text() == str(error)
    assert dialog.path_field.said() == ""
