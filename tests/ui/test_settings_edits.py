"""Editing plan settings: one undoable command per field change, none when nothing changed,
and refusals that leave the plan and the field as they were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from settings_support import show_settings_page, type_and_enter, widget_of

from planner import Stage
from ui.pages.settings import SettingsPage
from ui.pages.settings.edits import FIELDS, change_field, current_values


@pytest.fixture
def page(document, qtbot) -> SettingsPage:
    return show_settings_page(qtbot, document)


# -- one command per change --------------------------------------------------------------


def test_choosing_a_fiscal_year_start_is_one_undoable_command(page, document, qtbot):
    combo = widget_of(page, "fiscal_year_start")
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # January -> February, as a user picks it
    assert document.plan.settings.get().fiscal_year_start == 2
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "change fiscal year start"


def test_a_conversion_rate_is_typed_as_a_percentage(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "mql_to_sal"), "60")
    assert document.plan.funnel.get().mql_to_sal == pytest.approx(0.6)
    assert document.undo_stack.undoText() == "change MQL→SAL rate"


def test_finishing_an_edit_without_a_change_makes_no_command(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "mql_to_sal"), "55")  # the demo's own 55 %
    type_and_enter(qtbot, widget_of(page, "company"), "Tidewater Software ")
    type_and_enter(qtbot, widget_of(page, "average_deal_size"), "24,000")
    assert document.undo_stack.count() == 0


def test_each_field_change_is_its_own_undo_step(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "company"), "Tidewater Inc.")
    type_and_enter(qtbot, widget_of(page, "mqls_per_month"), "400")
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.plan.handoff.get().mqls_per_month == 370
    assert document.plan.settings.get().company == "Tidewater Inc."


def test_an_average_deal_size_is_typed_in_major_units(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "average_deal_size"), "30,000")
    assert document.plan.funnel.get().average_deal_size == 30_000_00
    assert document.undo_stack.undoText() == "change average deal size"


def test_lengthening_the_horizon_updates_the_span_shown(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "months"), "14")
    assert document.plan.horizon.count == 14
    assert page.horizon_span.text() == "Jan 2026 to Feb 2027"
    assert document.undo_stack.undoText() == "change length of the horizon"


def test_a_new_currency_relabels_the_deal_size(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "currency").lineEdit(), "eur")
    assert document.plan.currency.code == "EUR"
    assert page.deal_currency.text() == "EUR"
    assert document.undo_stack.count() == 1


def test_choosing_a_business_stage_changes_it(page, document, qtbot):
    qtbot.keyClick(widget_of(page, "stage"), Qt.Key.Key_Down)  # scaling -> established
    assert document.plan.settings.get().stage is Stage.ESTABLISHED
    assert document.undo_stack.undoText() == "change business stage"


def test_the_quality_bar_commits_when_focus_leaves_it(page, document, qtbot):
    editor = widget_of(page, "quality_bar")
    editor.setPlainText("A named buyer with budget.")
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert document.plan.handoff.get().quality_bar == "A named buyer with budget."
    assert document.undo_stack.undoText() == "change quality bar"


def test_a_context_menu_taking_focus_does_not_commit_the_quality_bar(page, document):
    editor = widget_of(page, "quality_bar")
    editor.setPlainText("Half typed")
    QApplication.sendEvent(
        editor, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason)
    )
    assert document.undo_stack.count() == 0


def test_undo_and_redo_of_a_field_change_restore_the_exact_values(document):
    plan = document.plan
    command = change_field(plan, "followup_hours", 4.5)
    assert document.run(command)
    assert plan.handoff.get().followup_hours == 4.5
    document.undo_stack.undo()
    assert plan.handoff.get().followup_hours == 12.0
    document.undo_stack.redo()
    assert plan.handoff.get().followup_hours == 4.5


def test_every_field_of_the_form_has_a_command_text(page):
    assert set(page.fields) == set(FIELDS)
    assert all(text.startswith("change ") for _section, text in FIELDS.values())


def test_current_values_read_every_field_from_the_core(document):
    values = current_values(document.plan)
    assert set(values) == set(FIELDS)
    assert values["first_month"] == 202601 and values["months"] == 12
    assert values["average_deal_size"] == 24_000_00


# -- refusals ----------------------------------------------------------------------------


def test_shrinking_the_horizon_past_months_with_values_is_refused(page, document, qtbot):
    months = widget_of(page, "months")
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, months, "10")
    assert "clear those first" in refused.args[0]
    assert refused.args[0].startswith("Could not change length of the horizon")
    assert document.plan.horizon.count == 12
    assert months.value() == 12  # the field shows the plan's real value again
    assert document.undo_stack.count() == 0


def test_moving_the_horizon_start_past_months_with_values_is_refused(page, document, qtbot):
    start = widget_of(page, "first_month")
    start.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(document.refused) as refused:
        start.editingFinished.emit()
    assert "horizon" in refused.args[0]
    assert document.plan.horizon.first == 202601
    assert start.date() == QDate(2026, 1, 1)


def test_a_deal_size_that_is_not_an_amount_is_refused_naming_the_field(page, document, qtbot):
    deal = widget_of(page, "average_deal_size")
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, deal, "lots")
    assert "Average deal size: " in refused.args[0]
    assert "not an amount" in refused.args[0]
    assert document.plan.funnel.get().average_deal_size == 24_000_00
    assert deal.text() == "24000"
    assert document.undo_stack.count() == 0


def test_a_zero_deal_size_is_refused(page, document, qtbot):
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, widget_of(page, "average_deal_size"), "0")
    assert "Average deal size: must be above zero" in refused.args[0]
    assert widget_of(page, "average_deal_size").text() == "24000"


def test_a_currency_that_is_not_an_iso_code_is_refused(page, document, qtbot):
    combo = widget_of(page, "currency")
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, combo.lineEdit(), "dollars")
    assert "currency" in refused.args[0]
    assert document.plan.currency.code == "USD"
    assert combo.currentText() == "USD"


def test_an_empty_plan_name_is_refused(page, document, qtbot):
    name = widget_of(page, "name")
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, name, "  ")
    assert "Name: must not be empty" in refused.args[0]
    assert name.text() == "FY2026 Demand Plan"


def test_a_zero_conversion_rate_is_refused(page, document, qtbot):
    rate = widget_of(page, "lead_to_mql")
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, rate, "0")
    assert "Lead → MQL rate: " in refused.args[0]
    assert rate.value() == pytest.approx(18.0)
    assert document.plan.funnel.get().lead_to_mql == pytest.approx(0.18)


def test_zero_follow_up_hours_are_refused(page, document, qtbot):
    with qtbot.waitSignal(document.refused) as refused:
        type_and_enter(qtbot, widget_of(page, "followup_hours"), "0")
    assert "Follow-up hours: must be above zero" in refused.args[0]
    assert document.plan.handoff.get().followup_hours == 12.0
