"""Showing a version in the window (issue: plan versions in the app): every page works on
it, a banner says which version is being edited or only shown, edits the version cannot take
are refused in one line, and the window follows the version shown when it is renamed,
locked, deleted or promoted, by an undo too. The working plan keeps its pages and its undo."""

from __future__ import annotations

import pytest
from initiatives_support import cell
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from versions_support import (
    EVENTS,
    budget_of,
    planned_side,
    save,
    show,
    version,
    wait_shown,
    window_fixture,  # noqa: F401  (a fixture)
    working_plan,
)

from planner import Plan, PlanLockedError
from planner.versions.opened import open_version
from planner.versions.service import Kind
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.people.page import PeoplePage
from ui.pages.settings.page import SettingsPage
from ui.pages.targets.page import TargetsPage

SCENARIO_BANNER = (
    "Editing the scenario 'Cut events 30%'. Edits are saved in this plan file as the "
    "scenario; actuals are shared with the working plan."
)


def banner(window):
    shown = window.versions.switcher.banner
    assert shown is not None and shown.isVisible()
    return shown


def one_line(text: str) -> bool:
    return bool(text) and "\n" not in text and "Traceback" not in text


def type_budget(qtbot, page: InitiativesPage, initiative_id: int, text: str) -> None:
    """Type into an initiative's budget cell and press Enter, as a user does."""
    view = page.table
    index = cell(page, initiative_id, "budget")
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)


def promote(qtbot, window, keep_as: str) -> None:
    dialog = window.versions.ask_promote()
    dialog.name.setText(keep_as)
    assert dialog.try_accept(), dialog.message.text()
    wait_shown(qtbot, window, None)


# -- the banner and the title ---------------------------------------------------------------


def test_a_scenario_shown_has_a_banner_saying_edits_go_to_it(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    shown = banner(window)
    assert shown.text() == SCENARIO_BANNER
    assert shown.promote_button.isVisible() and shown.back_button.isVisible()


def test_the_title_names_the_version_shown(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert "— Tidewater.smplan — scenario 'Cut events 30%' —" in window.windowTitle()


def test_a_locked_baseline_is_shown_read_only_without_promote(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    shown = banner(window)
    assert shown.text() == "Viewing the locked baseline 'Board-approved FY2026' (read-only)"
    assert not shown.promote_button.isVisible()
    assert "locked baseline 'Board-approved FY2026' (read-only)" in window.windowTitle()


def test_a_version_name_is_shown_as_written(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "<b>Bold</b> & <img src=x>")
    label = banner(window).label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "'<b>Bold</b> & <img src=x>'" in label.text()


def test_the_working_plan_has_no_banner(qtbot, window):
    assert window.versions.switcher.banner is None
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    banner(window).back_button.click()
    wait_shown(qtbot, window, None)
    assert window.versions.switcher.banner is None
    assert window.windowTitle().startswith("FY2026 Demand Plan — Tidewater.smplan — Smarketing")


# -- switching -------------------------------------------------------------------------------


def test_every_page_shows_the_version(qtbot, window):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert window.document.plan.version == scenario
    for page in (InitiativesPage, TargetsPage, PeoplePage, SettingsPage):
        assert window.view.show_page(page).document is window.document


def test_the_page_shown_stays_as_the_window_switches(qtbot, window):
    window.view.show_page(PeoplePage)
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert isinstance(window.view.current_page(), PeoplePage)
    window.view.show_page(TargetsPage)
    show(qtbot, window, None)
    assert isinstance(window.view.current_page(), TargetsPage)


def test_back_to_the_working_plan_gives_back_its_document_and_undo(qtbot, window):
    working, view = window.document, window.view
    save(qtbot, window, Kind.BASELINE, "Board-approved")
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert window.undo_group.activeStack() is window.document.undo_stack
    assert window.undo_action.text() == "&Undo"  # nothing done in the scenario yet
    show(qtbot, window, None)
    assert window.document is working and window.view is view
    assert window.undo_action.text() == "&Undo save scenario 'Cut events 30%'"


def test_the_working_plan_keeps_the_file_while_a_version_is_shown(qtbot, window, demo_path):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert window.versions.working_document is not window.document
    with pytest.raises(PlanLockedError):
        Plan.open(demo_path)


def test_a_copy_and_next_years_plan_wait_for_the_working_plan(qtbot, window):
    files = window.files
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert not files.save_copy.isEnabled() and not files.next_year.isEnabled()
    assert files.workbook.export.isEnabled()  # the export writes the version shown
    assert files.workbook.import_.isEnabled()  # actuals go to the shared actuals
    show(qtbot, window, None)
    assert files.save_copy.isEnabled() and files.next_year.isEnabled()


def test_going_back_while_a_version_opens_stays_on_the_working_plan(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    window.versions.show(baseline.id)
    window.versions.show(None)
    qtbot.waitUntil(lambda: not window.versions.switcher.busy())
    assert window.versions.switcher.shown is None and window.document.plan.version is None


def test_closing_the_plan_while_a_version_is_shown_closes_both(qtbot, window, demo_path):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    window.close_plan()
    assert window.document is None and window.versions.switcher.shown is None
    with Plan.open(demo_path) as again:  # the lock was let go of
        assert [v.name for v in again.versions.list()] == ["Cut events 30%"]


# -- editing a version -----------------------------------------------------------------------


def test_a_scenario_edit_is_saved_into_the_file_as_the_scenario(qtbot, window, demo_path):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    page = window.view.show_page(InitiativesPage)
    event = next(i for i in window.document.plan.initiatives.list() if i.name == EVENTS)
    type_budget(qtbot, page, event.id, "77,000")
    assert window.notice.text() == ""
    window.close_plan()
    with Plan.open(demo_path) as reopened:
        assert budget_of(reopened, EVENTS) == event.budget  # the working plan is as it was
        with open_version(reopened, scenario.id) as what_if:
            assert budget_of(what_if, EVENTS) == 7_700_000


def test_undo_in_a_scenario_takes_back_its_edit(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    page = window.view.show_page(InitiativesPage)
    event = next(i for i in window.document.plan.initiatives.list() if i.name == EVENTS)
    type_budget(qtbot, page, event.id, "77,000")
    window.undo_action.trigger()
    assert budget_of(window.document.plan, EVENTS) == event.budget


def test_people_are_shared_so_a_scenario_refuses_adding_one_in_one_line(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    people = window.view.show_page(PeoplePage)
    before = len(working_plan(window).people.list())
    assert not people.add_person()
    assert one_line(window.notice.text())
    assert "people are shared by every version of the plan; change them in the working plan" in (
        window.notice.text()
    )
    assert len(working_plan(window).people.list()) == before


def test_a_locked_baseline_refuses_an_edit_in_one_line(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    people = window.view.show_page(PeoplePage)
    assert not people.add_person()
    assert one_line(window.notice.text())
    assert "(a locked version cannot change); nothing was changed" in window.notice.text()


def test_a_locked_baseline_offers_no_edits_on_its_pages(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    show(qtbot, window, baseline.id)
    initiatives = window.view.show_page(InitiativesPage)
    event = next(i for i in window.document.plan.initiatives.list() if i.name == EVENTS)
    budget = cell(initiatives, event.id, "budget")
    assert not budget.flags() & Qt.ItemFlag.ItemIsEditable
    assert not initiatives.add_action.isEnabled()


# -- following the version shown --------------------------------------------------------------


def test_deleting_the_version_shown_goes_back_to_the_working_plan(qtbot, window):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    window.versions.ask_manage().delete_button.click()
    wait_shown(qtbot, window, None)
    assert "no longer in the plan" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # the working plan's step: the version comes back
    assert working_plan(window).versions.list() == [scenario]


def test_undoing_the_scenario_made_goes_back_to_the_working_plan(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert window.notice.text() == "Saved the scenario 'Cut events 30%'"
    window.notice.action_button.click()
    wait_shown(qtbot, window, None)
    assert working_plan(window).versions.list() == []


def test_renaming_the_version_shown_renames_its_banner_and_title(qtbot, window):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events")
    document = window.document
    assert window.versions.rename(scenario, "Cut events 30%") is None
    qtbot.waitUntil(lambda: banner(window).text() == SCENARIO_BANNER)
    assert "scenario 'Cut events 30%'" in window.windowTitle()
    assert window.document is document  # the same document, its undo kept


def test_a_step_of_the_working_plan_is_undone_from_its_notice_while_a_version_is_shown(
    qtbot, window
):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events")
    window.versions.rename(scenario, "Cut events 30%")
    assert window.notice.text() == "Renamed 'Cut events' to 'Cut events 30%'"
    window.notice.action_button.click()
    assert version(window, "Cut events").id == scenario.id
    qtbot.waitUntil(lambda: "'Cut events'." in banner(window).text())


def test_locking_the_scenario_shown_shows_it_read_only(qtbot, window):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    window.versions.set_locked(scenario, True)
    qtbot.waitUntil(lambda: window.document.read_only)
    assert banner(window).text() == "Viewing the locked scenario 'Cut events 30%' (read-only)"
    window.notice.action_button.click()  # Undo: unlocked, and editable again
    qtbot.waitUntil(lambda: not window.document.read_only)
    assert banner(window).text() == SCENARIO_BANNER


# -- promoting ---------------------------------------------------------------------------------


def test_promoting_shows_the_working_plan_with_the_scenario_and_says_so(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    event = next(i for i in window.document.plan.initiatives.list() if i.name == EVENTS)
    window.document.plan.initiatives.update(event.id, budget=1_000_000)
    promote(qtbot, window, "Working plan before the cut")
    assert window.document.plan.version is None
    assert budget_of(window.document.plan, EVENTS) == 1_000_000
    assert window.notice.text() == (
        "Promoted 'Cut events 30%' to the working plan; the old working plan is kept as the "
        "scenario 'Working plan before the cut'"
    )
    assert [v.name for v in working_plan(window).versions.list()] == ["Working plan before the cut"]
    assert "no longer in the plan" not in window.statusBar().currentMessage()


def test_undo_of_a_promotion_restores_the_working_plan_and_the_scenario(qtbot, window):
    working_before = planned_side(working_plan(window))
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    event = next(i for i in window.document.plan.initiatives.list() if i.name == EVENTS)
    window.document.plan.initiatives.update(event.id, budget=1_000_000)
    promote(qtbot, window, "Working plan before the cut")
    window.notice.action_button.click()
    assert planned_side(working_plan(window)) == working_before
    assert working_plan(window).versions.list() == [scenario]
    show(qtbot, window, scenario.id)
    assert budget_of(window.document.plan, EVENTS) == 1_000_000


def test_the_banner_promote_button_asks_to_promote(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    banner(window).promote_button.click()
    assert window.versions.dialog is not None
    assert window.versions.dialog.windowTitle() == "Promote Scenario"


def test_approve_a_baseline_change_the_plan_try_two_scenarios_promote_one_undo_it(qtbot, window):
    plan = working_plan(window)
    approved = planned_side(plan)
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved FY2026")
    event = next(i for i in plan.initiatives.list() if i.name == EVENTS)
    plan.initiatives.update(event.id, budget=event.budget + 1_000_000)
    changed = planned_side(plan)
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    window.document.plan.initiatives.update(event.id, budget=event.budget * 7 // 10)
    show(qtbot, window, None)
    save(qtbot, window, Kind.SCENARIO, "Double events")
    window.document.plan.initiatives.update(event.id, budget=event.budget * 2)
    show(qtbot, window, version(window, "Cut events 30%").id)
    promote(qtbot, window, "Before the cut")
    assert budget_of(plan, EVENTS) == event.budget * 7 // 10
    window.undo_action.trigger()
    assert planned_side(plan) == changed
    assert [v.name for v in plan.versions.list()] == [
        "Board-approved FY2026",
        "Cut events 30%",
        "Double events",
    ]
    with open_version(plan, baseline.id) as board:
        assert planned_side(board) == approved
