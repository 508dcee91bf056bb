"""The settings page's rates: the gross margin (blank: not stated), each plan rate's cited
source, the MQL-to-SQL medians by lead source, and a channel's own stage rates typed in the
channels table (blank: the plan's, shown greyed), each edit one undo step and a bad one
refused in one line naming the rate and the channel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit
from settings_support import page, refusals, section, show_settings_page, type_and_enter, widget_of

from planner import Plan
from planner.assumptions import MQL_TO_SQL_BY_SOURCE, SOURCES
from planner.domain import STAGE_RATES
from ui.document import PlanDocument
from ui.pages.settings import SettingsPage
from ui.pages.settings.channels import ChannelsSection

# Fixtures (see settings_support): pytest finds them in this module.
__all__ = ["page", "refusals", "section"]


def cell(section: ChannelsSection, channel: str, rate: str):
    model = section.model
    row = model.position(section.document.plan.channels.named(channel).id)
    column = next(n for n, c in enumerate(model.columns) if c.key == rate)
    return model.index(row, column)


def type_in_cell(qtbot, section: ChannelsSection, channel: str, rate: str, typed: str) -> None:
    """Go to the channel's rate cell, press F2, type and Enter, as a user does."""
    index = cell(section, channel, rate)
    section.table.setCurrentIndex(index)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_and_enter(qtbot, editor, typed)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: section.table.state() != editing, timeout=2000)


def labels(page: SettingsPage) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel)]


# -- gross margin -------------------------------------------------------------------------


def test_gross_margin_is_blank_while_the_plan_does_not_state_it(page):
    edit = widget_of(page, "gross_margin")
    assert edit.text() == ""
    assert edit.placeholderText() == "not stated"


def test_typing_a_gross_margin_sets_it_as_one_undo_step(page, document, qtbot):
    type_and_enter(qtbot, widget_of(page, "gross_margin"), "72")

    assert document.plan.settings.get().gross_margin == pytest.approx(0.72)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "change gross margin"
    document.undo_stack.undo()
    assert document.plan.settings.get().gross_margin is None
    assert widget_of(page, "gross_margin").text() == ""


def test_clearing_the_gross_margin_makes_it_not_stated_again(page, document, qtbot):
    document.plan.settings.update(gross_margin="70%")
    page.refresh()
    type_and_enter(qtbot, widget_of(page, "gross_margin"), "")

    assert document.plan.settings.get().gross_margin is None
    assert document.undo_stack.count() == 1


@pytest.mark.parametrize("typed", ["150%", "abc"])
def test_a_gross_margin_that_is_no_rate_is_refused_naming_it(
    page, document, qtbot, refusals, typed
):
    type_and_enter(qtbot, widget_of(page, "gross_margin"), typed)

    assert document.plan.settings.get().gross_margin is None
    assert document.undo_stack.count() == 0
    assert len(refusals) == 1 and "Gross margin" in refusals[0]
    assert widget_of(page, "gross_margin").text() == ""  # what the plan holds, again


def test_the_gross_margin_says_it_is_used_for_payback_in_months(page):
    assert "payback in months" in widget_of(page, "gross_margin").toolTip()


# -- cited sources --------------------------------------------------------------------------


@pytest.mark.parametrize("rate", STAGE_RATES)
def test_each_plan_rate_shows_its_cited_source(page, rate):
    assert SOURCES[rate] in widget_of(page, rate).toolTip()
    assert SOURCES[rate] in labels(page)


def test_the_mql_to_sql_medians_by_lead_source_are_shown_beside_the_plans(page):
    (note,) = [text for text in labels(page) if text.startswith("MQL → SQL by lead source")]
    for source, rate in MQL_TO_SQL_BY_SOURCE.items():
        assert f"{source.lower()} {rate:.0%}" in note
    assert "This plan: 33%" in note  # the demo's 55 % x 60 %


# -- channel overrides ----------------------------------------------------------------------


def test_a_channel_without_its_own_rate_shows_the_plans_greyed(section, document):
    index = cell(section, "Paid", "lead_to_mql")
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)

    assert index.data() == "18%"  # the demo plan's
    assert index.data(Qt.ItemDataRole.ForegroundRole) == grey
    assert index.data(Qt.ItemDataRole.EditRole) == ""  # blank: nothing of its own


def test_typing_a_channel_rate_overrides_it_as_one_undo_step(section, document, qtbot):
    plan = document.plan
    paid = plan.channels.named("Paid").id
    type_in_cell(qtbot, section, "Paid", "mql_to_sal", "45")

    assert plan.channels.rates(paid).mql_to_sal == pytest.approx(0.45)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "set MQL → SAL rate of channel Paid"
    index = cell(section, "Paid", "mql_to_sal")
    assert index.data() == "45%"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # its own: normal text
    document.undo_stack.undo()
    assert plan.channels.rates(paid).mql_to_sal is None
    assert cell(section, "Paid", "mql_to_sal").data() == "55%"


def test_clearing_a_channel_rate_gives_it_the_plans_again(section, document, qtbot):
    plan = document.plan
    paid = plan.channels.named("Paid").id
    plan.channels.set_rates(paid, lead_to_mql="25%")
    section.refresh()
    type_in_cell(qtbot, section, "Paid", "lead_to_mql", "")

    assert plan.channels.rates(paid).lead_to_mql is None
    assert document.undo_stack.undoText() == "clear Lead → MQL rate of channel Paid"
    document.undo_stack.undo()
    assert plan.channels.rates(paid).lead_to_mql == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("typed", "said"),
    [("150%", "must be above 0 % and at most 100 %"), ("abc", "'abc' is not a percentage")],
)
def test_a_channel_rate_that_is_no_rate_is_refused_in_one_line(
    section, document, qtbot, refusals, typed, said
):
    plan = document.plan
    paid = plan.channels.named("Paid").id
    type_in_cell(qtbot, section, "Paid", "sal_to_sql", typed)

    assert plan.channels.rates(paid).sal_to_sql is None
    assert document.undo_stack.count() == 0
    (message,) = refusals
    assert message.startswith("SAL → SQL rate of channel Paid: ")
    assert said in message and "\n" not in message


def test_the_plans_rate_changing_moves_the_greyed_placeholders(page, section, qtbot):
    type_and_enter(qtbot, widget_of(page, "lead_to_mql"), "20")
    assert cell(section, "Paid", "lead_to_mql").data() == "20%"


def test_a_read_only_plan_offers_no_rate_edit(demo_path, qtbot):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        page = show_settings_page(qtbot, document)
        index = cell(page.channels, "Paid", "lead_to_mql")
        assert not page.channels.model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not widget_of(page, "gross_margin").isEnabled()
    finally:
        document.close()


@pytest.mark.parametrize("rate", ["mql_to_sal", "sal_to_sql"])
def test_the_channel_columns_mql_to_sql_spans_give_the_medians_by_source(section, rate):
    column = next(n for n, c in enumerate(section.model.columns) if c.key == rate)
    tip = section.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "demo request 45%" in tip and "paid lead-gen form 12%" in tip
