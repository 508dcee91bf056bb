"""The Versions menu (issue: plan versions in the app): save a baseline, make a scenario,
show a version, promote the scenario shown, manage the versions. Each dialog suggests a
name, says a refused one beside it and stays open; each change is one undoable step."""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import QMessageBox
from versions_support import (
    save,
    show,
    version,
    wait_shown,
    window_fixture,  # noqa: F401  (a fixture)
    working_plan,
)
from window_support import make_window

from planner import Plan
from planner.versions.service import Kind
from ui.plain_text import tooltip_text


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def shown_entries(window) -> list[tuple[str, bool]]:
    menu = window.versions.show_menu
    menu.aboutToShow.emit()
    return [(a.text(), a.isChecked()) for a in menu.actions() if not a.isSeparator()]


def test_the_versions_menu_sits_after_view_and_before_help(window):
    assert menu_titles(window) == ["&File", "&Edit", "&View", "Ve&rsions", "&Plan", "&Help"]


def test_the_menu_offers_each_version_action(window):
    menu = window.menuBar().actions()[3].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    assert texts == [
        "Save as &Baseline…",
        "New &Scenario…",
        "Show &Version",
        "&Promote This Scenario to Working Plan…",
        "&Compare Versions…",
        "&Manage Versions…",
    ]


def test_save_as_baseline_suggests_todays_date_and_saves_a_locked_baseline(qtbot, window):
    window.versions.save_baseline.trigger()
    dialog = window.versions.dialog
    assert dialog.name.text() == "Baseline 7 Dec 2026"
    assert dialog.source.currentText() == "Working plan"
    assert dialog.try_accept()
    baseline = version(window, "Baseline 7 Dec 2026")
    assert baseline.kind is Kind.BASELINE and baseline.locked
    assert window.notice.text() == "Saved the baseline 'Baseline 7 Dec 2026' (locked)"


def test_the_suggested_name_is_one_the_plan_has_not_used(qtbot, window):
    save(qtbot, window, Kind.BASELINE, "baseline 7 DEC 2026")
    assert window.versions.ask_new(Kind.BASELINE).name.text() == "Baseline 7 Dec 2026 (2)"


def test_a_refused_name_is_said_in_the_dialog_which_stays_open(qtbot, window):
    dialog = window.versions.ask_new(Kind.BASELINE)
    dialog.name.setText("   ")
    assert not dialog.try_accept()
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Could not save baseline '   ': Version name: must not be empty"
    )
    assert window.notice.text() == ""
    assert working_plan(window).versions.list() == []


def test_undo_in_the_notice_takes_the_saved_baseline_back(qtbot, window):
    save(qtbot, window, Kind.BASELINE, "Board-approved")
    window.notice.action_button.click()
    assert working_plan(window).versions.list() == []


def test_a_new_scenario_is_shown_once_made(qtbot, window):
    window.versions.new_scenario.trigger()
    dialog = window.versions.dialog
    assert dialog.name.text() == "Scenario 7 Dec 2026"
    dialog.name.setText("Cut events 30%")
    assert dialog.try_accept()
    wait_shown(qtbot, window, version(window, "Cut events 30%").id)
    assert window.versions.switcher.shown.kind is Kind.SCENARIO


def test_a_new_scenario_can_copy_a_version(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    save(qtbot, window, Kind.SCENARIO, "From the board", source=baseline.id)
    assert version(window, "From the board").saved_from == "Board-approved"


def test_a_new_version_copies_the_version_shown_unless_told_otherwise(qtbot, window):
    scenario = save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    dialog = window.versions.ask_new(Kind.BASELINE)
    assert dialog.chosen_source() == scenario.id
    assert dialog.source.currentText() == "Cut events 30% (scenario)"


def test_show_version_lists_the_working_plan_then_each_version_and_checks_the_one_shown(
    qtbot, window
):
    save(qtbot, window, Kind.BASELINE, "Board-approved")
    assert shown_entries(window) == [
        ("Working plan", True),
        ("Board-approved (baseline, locked)", False),
    ]
    save(qtbot, window, Kind.SCENARIO, "Cut & trim")
    assert shown_entries(window) == [
        ("Working plan", False),
        ("Board-approved (baseline, locked)", False),
        ("Cut && trim (scenario)", True),
    ]


def test_choosing_in_show_version_shows_that_version(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    window.versions.show_menu.aboutToShow.emit()
    window.versions.show_menu.actions()[-1].trigger()
    wait_shown(qtbot, window, baseline.id)
    window.versions.show_menu.aboutToShow.emit()
    window.versions.show_menu.actions()[0].trigger()
    wait_shown(qtbot, window, None)


def test_promote_is_offered_only_while_a_scenario_is_shown(qtbot, window):
    promote = window.versions.promote
    assert not promote.isEnabled()
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    show(qtbot, window, baseline.id)
    assert not promote.isEnabled()
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    assert promote.isEnabled()


def test_promote_asks_what_to_keep_the_working_plan_as_and_says_what_happens(qtbot, window):
    save(qtbot, window, Kind.SCENARIO, "Cut events 30%")
    window.versions.promote.trigger()
    dialog = window.versions.dialog
    assert dialog.name.text() == "Working plan before 'Cut events 30%'"
    assert dialog.explanation.text() == (
        "'Cut events 30%' becomes the working plan, and the working plan as it is now is "
        "kept as a scenario under the name below; Undo takes both back."
    )


def test_manage_lists_each_version_with_kind_lock_saved_at_and_from(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    save(qtbot, window, Kind.SCENARIO, "Cut events", source=baseline.id)
    window.versions.manage.trigger()
    table = window.versions.dialog.table
    rows = [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]
    saved_at = datetime.datetime.strptime(baseline.saved_at, "%Y-%m-%d %H:%M")
    assert rows[0] == [
        "Board-approved",
        "Baseline, locked",
        f"{saved_at.day} {saved_at:%b %Y %H:%M}",
        "the working plan",
    ]
    assert [rows[1][n] for n in (0, 1, 3)] == ["Cut events", "Scenario", "Board-approved"]


def test_manage_marks_the_version_shown(qtbot, window):
    save(qtbot, window, Kind.BASELINE, "Board-approved")
    save(qtbot, window, Kind.SCENARIO, "Cut events")
    table = window.versions.ask_manage().table
    assert [table.item(row, 0).font().bold() for row in range(2)] == [False, True]


def test_manage_says_when_there_are_no_versions(window):
    dialog = window.versions.ask_manage()
    assert dialog.empty.isVisible()
    assert not dialog.show_button.isEnabled() and not dialog.delete_button.isEnabled()


def test_manage_rename_is_one_undoable_step(qtbot, window):
    save(qtbot, window, Kind.BASELINE, "Board-approved")
    manage = window.versions.ask_manage()
    rename = manage.ask_rename()
    assert rename.name.text() == "Board-approved"
    rename.name.setText("Board-approved FY2026")
    assert rename.try_accept()
    assert manage.table.item(0, 0).text() == "Board-approved FY2026"
    window.undo_action.trigger()
    assert manage.table.item(0, 0).text() == "Board-approved"


def test_manage_lock_and_unlock_are_undoable_steps(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    manage = window.versions.ask_manage()
    assert manage.lock_button.text() == "&Unlock"
    manage.lock_button.click()
    assert not version(window, "Board-approved").locked
    assert manage.lock_button.text() == "&Lock"
    window.undo_action.trigger()
    assert working_plan(window).versions.get(baseline.id).locked


def test_manage_delete_is_undone_with_the_same_version(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    manage = window.versions.ask_manage()
    manage.delete_button.click()
    assert manage.table.rowCount() == 0
    window.undo_action.trigger()
    assert working_plan(window).versions.list() == [baseline]
    assert manage.table.rowCount() == 1


def test_manage_show_shows_the_selected_version(qtbot, window):
    baseline = save(qtbot, window, Kind.BASELINE, "Board-approved")
    manage = window.versions.ask_manage()
    manage.show_button.click()
    wait_shown(qtbot, window, baseline.id)
    assert window.versions.dialog is None


def test_a_read_only_plan_can_show_versions_but_not_change_them(qtbot, tmp_path, demo_path):
    with Plan.open(demo_path) as plan:
        plan.versions.save("Board-approved")
    window = make_window(qtbot, tmp_path)
    window.set_plan(Plan.open(demo_path, read_only=True))
    versions = window.versions
    for action in (versions.save_baseline, versions.new_scenario, versions.promote):
        assert not action.isEnabled()
    assert versions.manage.isEnabled()
    manage = versions.ask_manage()
    assert not manage.rename_button.isEnabled() and not manage.delete_button.isEnabled()
    manage.reject()
    show(qtbot, window, versions.working_document.plan.versions.find("Board-approved").id)
    window.close()


def test_a_version_that_cannot_be_opened_is_said_in_a_problem_box(qtbot, window):
    assert not window.versions.switcher.show_version(999)
    box = window.findChild(QMessageBox, "problemBox")
    assert box is not None and "version" in box.text()


def test_compare_versions_waits_for_a_version_to_compare_with(window):
    compare = window.versions.compare_action
    assert compare.isVisible() and not compare.isEnabled()
    assert tooltip_text(compare.toolTip()) == "Compare two or three versions side by side"


def test_compare_versions_opens_the_compare_dialog(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from ui.versions.compare_dialog import CompareDialog

    save(qtbot, window, Kind.BASELINE, "Approved")
    action = window.versions.compare_action
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, CompareDialog) for w in QApplication.topLevelWidgets())
    )
