"""Managing versions, step by step on the working plan's document: each step is one undo
step that undoes and redoes exactly (a saved version comes back with its id, a deleted one
with its content, a promotion is taken back whole), says what it did, and a refused one
changes nothing."""

from __future__ import annotations

from versions_support import EVENTS, planned_side

from planner.versions.opened import open_version
from planner.versions.service import Kind, VersionInfo
from ui.versions import commands


def run(document, command) -> None:
    assert document.run(command), "refused"


def names(document) -> list[str]:
    return [info.name for info in document.plan.versions.list()]


def test_saving_a_baseline_is_one_step_that_saves_it_locked(document):
    run(document, commands.SaveVersion(document.plan, "Board-approved", Kind.BASELINE))
    baseline = document.plan.versions.find("Board-approved")
    assert baseline.kind is Kind.BASELINE and baseline.locked
    assert document.undo_stack.undoText() == "save baseline 'Board-approved'"


def test_a_scenario_is_saved_unlocked(document):
    run(document, commands.SaveVersion(document.plan, "Cut events", Kind.SCENARIO))
    assert not document.plan.versions.find("Cut events").locked


def test_undoing_a_save_deletes_the_version_and_redo_brings_back_the_same_id(document):
    command = commands.SaveVersion(document.plan, "Board-approved", Kind.BASELINE)
    run(document, command)
    saved = document.plan.versions.find("Board-approved")
    document.undo_stack.undo()
    assert names(document) == []
    document.undo_stack.redo()
    assert document.plan.versions.get(command.record_id) == saved


def test_a_scenario_can_be_made_from_a_version(document):
    plan = document.plan
    run(document, commands.SaveVersion(plan, "Board-approved", Kind.BASELINE))
    baseline = plan.versions.find("Board-approved")
    run(document, commands.SaveVersion(plan, "From the board", Kind.SCENARIO, baseline.id))
    assert plan.versions.find("From the board").saved_from == "Board-approved"


def test_a_taken_name_is_refused_and_nothing_is_saved(document):
    run(document, commands.SaveVersion(document.plan, "Board-approved", Kind.BASELINE))
    refusals: list[str] = []
    command = commands.SaveVersion(document.plan, "board-APPROVED", Kind.SCENARIO)
    assert not document.run(command, refused=refusals.append)
    assert refusals == [
        "Could not save scenario 'board-APPROVED': Version name: there is already a version "
        "named 'Board-approved'"
    ]
    assert names(document) == ["Board-approved"]
    assert document.undo_stack.count() == 1


def test_a_refusal_given_to_the_caller_is_not_sent_to_the_window(document, qtbot):
    refusals: list[str] = []
    with qtbot.assertNotEmitted(document.refused):
        document.run(
            commands.SaveVersion(document.plan, " ", Kind.SCENARIO), refused=refusals.append
        )
    assert refusals == ["Could not save scenario ' ': Version name: must not be empty"]


def test_deleting_a_version_undoes_to_the_same_version_with_its_content(document):
    plan = document.plan
    run(document, commands.SaveVersion(plan, "Board-approved", Kind.BASELINE))
    info = plan.versions.find("Board-approved")
    with open_version(plan, info.id) as before:
        content = planned_side(before)
    run(document, commands.delete_version(plan, info))
    assert names(document) == []
    document.undo_stack.undo()
    assert plan.versions.get(info.id) == info
    with open_version(plan, info.id) as after:
        assert planned_side(after) == content


def test_renaming_undoes_to_the_old_name_and_redoes(document):
    plan = document.plan
    run(document, commands.SaveVersion(plan, "Cut events", Kind.SCENARIO))
    info = plan.versions.find("Cut events")
    run(document, commands.rename_version(plan, info, "Cut events 30%"))
    assert plan.versions.get(info.id).name == "Cut events 30%"
    document.undo_stack.undo()
    assert plan.versions.get(info.id).name == "Cut events"
    document.undo_stack.redo()
    assert plan.versions.get(info.id).name == "Cut events 30%"


def test_locking_undoes_to_unlocked_and_unlocking_a_baseline_undoes_to_locked(document):
    plan = document.plan
    run(document, commands.SaveVersion(plan, "Cut events", Kind.SCENARIO))
    run(document, commands.SaveVersion(plan, "Board-approved", Kind.BASELINE))
    scenario, baseline = plan.versions.list()
    run(document, commands.lock_version(plan, scenario, True))
    run(document, commands.lock_version(plan, baseline, False))
    assert plan.versions.get(scenario.id).locked and not plan.versions.get(baseline.id).locked
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert not plan.versions.get(scenario.id).locked and plan.versions.get(baseline.id).locked


def cut_events(document) -> tuple[VersionInfo, list[tuple]]:
    """A scenario "Cut events" that halves the events budget, and what it holds."""
    plan = document.plan
    run(document, commands.SaveVersion(plan, "Cut events", Kind.SCENARIO))
    scenario = plan.versions.find("Cut events")
    with open_version(plan, scenario.id) as what_if:
        event = next(i for i in what_if.initiatives.list() if i.name == EVENTS)
        what_if.initiatives.update(event.id, budget=event.budget // 2)
        return scenario, planned_side(what_if)


def test_promoting_makes_the_scenario_the_working_plan_keeping_the_old_one(document):
    plan = document.plan
    working_before = planned_side(plan)
    scenario, promoted = cut_events(document)
    run(document, commands.PromoteVersion(plan, scenario, "Before the cut"))
    assert planned_side(plan) == promoted
    assert names(document) == ["Before the cut"]
    with open_version(plan, plan.versions.find("Before the cut").id) as kept:
        assert planned_side(kept) == working_before


def test_undoing_a_promotion_puts_back_the_working_plan_and_the_scenario_exactly(document):
    plan = document.plan
    working_before = planned_side(plan)
    scenario, scenario_content = cut_events(document)
    run(document, commands.PromoteVersion(plan, scenario, "Before the cut"))
    document.undo_stack.undo()
    assert planned_side(plan) == working_before
    assert plan.versions.list() == [scenario]
    with open_version(plan, scenario.id) as restored:
        assert planned_side(restored) == scenario_content
    document.undo_stack.redo()
    assert names(document) == ["Before the cut"]


def test_each_step_says_what_it_did(document):
    plan = document.plan
    said: list[str] = []
    document.announced.connect(lambda text, _command: said.append(text))
    run(document, commands.SaveVersion(plan, "Board-approved", Kind.BASELINE))
    run(document, commands.SaveVersion(plan, "Cut events", Kind.SCENARIO))
    baseline, scenario = plan.versions.list()
    run(document, commands.rename_version(plan, scenario, "  Cut   events 30% "))
    run(document, commands.lock_version(plan, baseline, False))
    run(document, commands.delete_version(plan, baseline))
    run(document, commands.PromoteVersion(plan, plan.versions.get(scenario.id), "Before"))
    assert said == [
        "Saved the baseline 'Board-approved' (locked)",
        "Saved the scenario 'Cut events'",
        "Renamed 'Cut events' to 'Cut events 30%'",
        "Unlocked 'Board-approved'",
        "Deleted 'Board-approved'",
        "Promoted 'Cut events 30%' to the working plan; the old working plan is kept as the "
        "scenario 'Before'",
    ]
