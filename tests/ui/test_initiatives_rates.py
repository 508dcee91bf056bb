"""The selected initiative's conversion rates in the detail pane: blank where it takes its
channel's or the plan's (greyed in the field, saying which), typed to override, each edit
one undo step; a bad one refused in one line; a locked version shows them read-only."""

from __future__ import annotations

import pytest
from initiatives_support import by_name, page
from settings_support import type_and_enter

from planner import Plan
from planner.versions.opened import open_version
from ui.document import PlanDocument
from ui.pages.initiatives import InitiativesPage

# ``page`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["page"]

WEBINAR = "Audit-readiness webinar"


@pytest.fixture
def refusals(page) -> list[str]:
    messages: list[str] = []
    page.document.refused.connect(messages.append)
    return messages


def select(page: InitiativesPage, name: str) -> int:
    initiative = by_name(page.plan, name).id
    page.table.select_ids([initiative], (initiative, 0))
    return initiative


def type_rate(qtbot, page: InitiativesPage, rate: str, typed: str) -> None:
    edit = page.detail.rates.fields[rate]
    edit.setFocus()
    type_and_enter(qtbot, edit, typed)


def test_a_rate_it_does_not_override_is_blank_with_the_plans_greyed_in_it(page):
    select(page, WEBINAR)
    edit = page.detail.rates.fields["sal_to_sql"]
    assert edit.text() == ""
    assert edit.placeholderText() == "60% from the plan"


def test_the_greyed_rate_says_when_it_comes_from_the_channel(page):
    initiative = select(page, WEBINAR)
    channel = page.plan.initiatives.get(initiative).channel_id
    page.plan.channels.set_rates(channel, mql_to_sal="45%")

    assert page.detail.rates.fields["mql_to_sal"].placeholderText() == "45% from the channel"


def test_the_plans_rate_changing_moves_the_greyed_rate(page):
    select(page, WEBINAR)
    page.plan.funnel.update(lead_to_mql="22%")
    assert page.detail.rates.fields["lead_to_mql"].placeholderText() == "22% from the plan"


def test_typing_a_rate_overrides_it_as_one_undo_step(page, qtbot):
    initiative = select(page, WEBINAR)
    type_rate(qtbot, page, "lead_to_mql", "25")

    plan, stack = page.plan, page.document.undo_stack
    assert plan.initiatives.rates(initiative).lead_to_mql == pytest.approx(0.25)
    assert stack.count() == 1
    assert stack.undoText() == f"set Lead → MQL rate of {WEBINAR}"
    assert page.detail.rates.fields["lead_to_mql"].text() == "25%"
    stack.undo()
    assert plan.initiatives.rates(initiative).lead_to_mql is None
    assert page.detail.rates.fields["lead_to_mql"].text() == ""


def test_return_then_leaving_the_field_is_still_one_step(page, qtbot):
    select(page, WEBINAR)
    type_rate(qtbot, page, "lead_to_mql", "25")
    page.table.setFocus()  # focus leaving finishes the edit again
    assert page.document.undo_stack.count() == 1


def test_clearing_a_rate_takes_the_inherited_one_again(page, qtbot):
    initiative = select(page, WEBINAR)
    page.plan.initiatives.set_rates(initiative, opportunity_to_won="40%")
    page.refresh()
    type_rate(qtbot, page, "opportunity_to_won", "")

    assert page.plan.initiatives.rates(initiative).opportunity_to_won is None
    assert page.document.undo_stack.undoText() == f"clear Opportunity → won rate of {WEBINAR}"


@pytest.mark.parametrize("typed", ["150%", "abc"])
def test_a_rate_that_is_no_rate_is_refused_in_one_line(page, qtbot, refusals, typed):
    initiative = select(page, WEBINAR)
    type_rate(qtbot, page, "mql_to_sal", typed)

    assert page.plan.initiatives.rates(initiative).mql_to_sal is None
    assert page.document.undo_stack.count() == 0
    (message,) = refusals
    assert message.startswith(f"MQL → SAL rate of {WEBINAR}: ") and "\n" not in message
    assert page.detail.rates.fields["mql_to_sal"].text() == ""  # what the plan holds


def test_a_locked_version_shows_the_rates_read_only(demo_path, qtbot):
    working = Plan.open(demo_path)
    initiative = by_name(working, WEBINAR).id
    working.initiatives.set_rates(initiative, lead_to_mql="25%")
    version = working.versions.save("Board-approved").id
    document = PlanDocument(open_version(working, version))
    try:
        shown = InitiativesPage(document)
        qtbot.addWidget(shown)
        shown.show()
        shown.refresh()
        shown.table.select_ids([initiative], (initiative, 0))

        edit = shown.detail.rates.fields["lead_to_mql"]
        assert edit.text() == "25%"
        assert edit.isReadOnly()
        assert all(field.isReadOnly() for field in shown.detail.rates.fields.values())
    finally:
        document.close()
        working.close()


def test_in_a_narrow_pane_the_greyed_rates_read_in_fewer_words(page, qtbot):
    select(page, WEBINAR)
    edit = page.detail.rates.fields["sal_to_sql"]
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("60% from the plan") // 2)
    qtbot.waitUntil(lambda: edit.placeholderText() == "60% · plan")

    assert all(
        "·" in field.placeholderText()
        for field in page.detail.rates.fields.values()
        if not field.text()
    )  # all five alike
    assert "60% from the plan" in edit.toolTip()


def test_the_mql_to_sal_field_gives_the_medians_by_lead_source(page):
    select(page, WEBINAR)
    assert "content download 15%" in page.detail.rates.fields["mql_to_sal"].toolTip()
    assert "content download" not in page.detail.rates.fields["lead_to_mql"].toolTip()
