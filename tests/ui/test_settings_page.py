"""The settings page: it shows the plan's values, reloads them after undo or an edit made
elsewhere without making commands, focuses the field a finding names, and is read-only for
a read-only plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from settings_support import show_settings_page, type_and_enter, widget_of

from planner import Plan
from ui.document import PlanDocument
from ui.pages.settings import SettingsPage
from ui.pages.settings.figures import funnel_summary
from ui.pages.settings.form import MAX_WIDTH


@pytest.fixture
def page(document, qtbot) -> SettingsPage:
    return show_settings_page(qtbot, document)


def test_the_fields_show_the_plans_values(page):
    assert widget_of(page, "name").text() == "FY2026 Demand Plan"
    assert widget_of(page, "currency").currentText() == "USD"
    assert widget_of(page, "fiscal_year_start").currentText() == "January"
    assert widget_of(page, "first_month").date().toString("yyyy-MM") == "2026-01"
    assert widget_of(page, "months").value() == 12
    assert widget_of(page, "stage").currentText() == "Scaling"
    assert widget_of(page, "lead_to_mql").value() == pytest.approx(18.0)
    assert widget_of(page, "average_deal_size").text() == "24000"
    assert widget_of(page, "min_return_ratio").value() == pytest.approx(3.0)
    assert widget_of(page, "mqls_per_month").value() == 370
    assert widget_of(page, "acceptance_rate").value() == pytest.approx(50.0)
    assert widget_of(page, "followup_hours").value() == pytest.approx(12.0)
    assert widget_of(page, "quality_bar").toPlainText().startswith("A finance leader")


def test_the_page_shows_the_horizon_and_the_currency_of_the_deal_size(page):
    assert page.horizon_span.text() == "Jan 2026 to Dec 2026"
    assert page.deal_currency.text() == "USD"


def test_refreshing_makes_no_commands(page, document):
    page.refresh(None)
    page.refresh(None)
    assert document.undo_stack.count() == 0


def test_after_undo_the_fields_show_the_old_values(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "mqls_per_month"), "500")
    type_and_enter(qtbot, widget_of(page, "company"), "Tidewater Inc.")
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert widget_of(page, "mqls_per_month").value() == 370
    assert widget_of(page, "company").text() == "Tidewater Software"
    assert document.undo_stack.count() == 2  # loading the old values pushed nothing


def test_an_edit_made_elsewhere_shows_at_once(page, document):
    document.plan.funnel.update(sal_to_sql="65%")
    assert widget_of(page, "sal_to_sql").value() == pytest.approx(65.0)


def test_the_funnel_summary_says_how_many_leads_a_deal_takes(page, document):
    assert page.funnel_summary.text() == funnel_summary(document.plan.funnel.get())
    assert page.funnel_summary.text() == "Lead to won: 1.07 %, about 1 deal in 94 leads"


def test_the_form_is_no_wider_than_a_readable_column(page):
    column = widget_of(page, "name").parentWidget()
    assert column.width() <= MAX_WIDTH


# -- findings ----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["handoff", "mqls_per_month"])
def test_a_hand_off_finding_focuses_mqls_per_month(page, qtbot, field):
    page.activateWindow()
    assert page.reveal(None, field) is True
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget_of(page, "mqls_per_month"))


def test_a_finding_about_another_setting_focuses_its_field(page, qtbot):
    page.activateWindow()
    assert page.reveal(None, "currency") is True
    qtbot.waitUntil(widget_of(page, "currency").hasFocus)


def test_findings_not_about_this_form_are_left_to_other_pages(page):
    assert page.reveal(None, "segments") is False
    assert page.reveal(None, None) is False
    assert page.reveal(7, "mqls_per_month") is False


# -- a read-only plan --------------------------------------------------------------------


def test_a_read_only_plan_shows_its_values_in_disabled_fields(demo_path, qtbot):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    page = show_settings_page(qtbot, document)
    assert widget_of(page, "name").text() == "FY2026 Demand Plan"
    assert not any(field.widget.isEnabled() for field in page.fields.values())
    assert page.read_only_note.isVisible()
    document.close()


def test_a_writable_plan_hides_the_read_only_note(page):
    assert not page.read_only_note.isVisible()
    assert all(field.widget.isEnabled() for field in page.fields.values())


def test_the_mouse_wheel_over_an_unfocused_field_scrolls_instead_of_changing_it(page, document):
    spin = widget_of(page, "mqls_per_month")
    centre = QPointF(spin.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(spin.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == 370
    assert not spin.hasFocus()
