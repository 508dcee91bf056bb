"""The Waterfall page on a version: a what-if kept in a scenario is the scenario's rates, not the
working plan's; a locked baseline can be tried against, never written."""

from __future__ import annotations

from versions_support import (
    save,
    show,
    window_fixture,  # noqa: F401  (a fixture)
    working_plan,
)

from planner.versions.service import Kind
from ui.pages.catalogue import WATERFALL
from ui.pages.waterfall.page import WaterfallPage
from ui.plain_text import tooltip_text


def waterfall_page(window) -> WaterfallPage:
    page = window.view.show_page(WATERFALL)
    assert isinstance(page, WaterfallPage)
    return page


def test_keep_in_a_scenario_writes_the_scenarios_rates_only(qtbot, window):
    before = working_plan(window).funnel.get()
    save(qtbot, window, Kind.SCENARIO, "Better conversion")
    page = waterfall_page(window)
    page.try_rates(lead_to_mql=0.3)

    assert page.keep()

    assert window.document.plan.funnel.get().lead_to_mql == 0.3
    assert working_plan(window).funnel.get() == before


def test_a_locked_baseline_can_be_tried_but_not_kept(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    page = waterfall_page(window)
    before = window.document.plan.funnel.get()

    page.try_rates(lead_to_mql=0.3)

    assert page.what_if.is_what_if()
    assert not page.what_if.keep_button.isEnabled()
    assert "a locked version cannot change" in tooltip_text(page.what_if.keep_button.toolTip())
    assert not page.keep()
    assert window.document.plan.funnel.get() == before
    assert window.document.undo_stack.count() == 0
