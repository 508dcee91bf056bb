"""The document runs each user action once, keeps it for undo only when the core accepted
it, and tells every view what changed."""

from __future__ import annotations

from planner import ChangeSet, Entity, Plan
from planner.analysis import engine
from planner.analysis.memory_sums import MemorySums
from planner.analysis.sql_sums import SqlSums
from ui.commands import Edit
from ui.document import PlanDocument


def rename_webinar(document: PlanDocument, new: str) -> Edit:
    plan = document.plan
    webinar = next(i for i in plan.initiatives.list())
    old = webinar.name
    return Edit(
        "rename initiative",
        do=lambda: plan.initiatives.update(webinar.id, name=new),
        undo=lambda: plan.initiatives.update(webinar.id, name=old),
    )


def first_name(document: PlanDocument) -> str:
    return document.plan.initiatives.list()[0].name


def test_an_accepted_edit_is_done_once_and_can_be_undone_and_redone(document):
    before = first_name(document)
    command = rename_webinar(document, "AAA Renamed")

    assert document.run(command)
    assert first_name(document) == "AAA Renamed"
    assert document.undo_stack.undoText() == "rename initiative"

    document.undo_stack.undo()
    assert first_name(document) == before
    document.undo_stack.redo()
    assert first_name(document) == "AAA Renamed"


def test_a_refused_edit_says_why_changes_nothing_and_is_not_undoable(document):
    before = [i.name for i in document.plan.initiatives.list()]
    messages: list[str] = []
    document.refused.connect(messages.append)

    assert not document.run(rename_webinar(document, "   "))

    assert [i.name for i in document.plan.initiatives.list()] == before
    assert document.undo_stack.count() == 0
    assert messages and messages[0].startswith("Could not rename initiative: Name:")


def test_views_hear_of_every_edit_undo_and_redo(document):
    heard: list[ChangeSet] = []
    document.changed.connect(heard.append)

    document.run(rename_webinar(document, "AAA Renamed"))
    document.undo_stack.undo()
    document.undo_stack.redo()

    assert len(heard) == 3
    assert all(change_set.touches(Entity.INITIATIVES) for change_set in heard)


def test_a_step_the_plan_can_no_longer_take_is_dropped_with_a_message(document):
    messages: list[str] = []
    document.refused.connect(messages.append)
    plan = document.plan
    doomed = plan.initiatives.list()[0]
    document.run(
        Edit(
            "change budget",
            do=lambda: plan.initiatives.update(doomed.id, budget=1),
            undo=lambda: plan.initiatives.update(doomed.id, budget=doomed.budget),
        )
    )
    plan.initiatives.delete(doomed.id)  # an edit outside the undo stack

    document.undo_stack.undo()

    assert messages and "Could not change budget" in messages[-1]
    assert document.undo_stack.count() == 0  # the obsolete step is gone


def test_closing_twice_is_harmless(document):
    document.close()
    document.close()


def test_a_small_plan_sums_its_values_in_sql(document):
    assert isinstance(document.analysis.sums, SqlSums)


def test_a_big_plan_keeps_its_values_in_memory_while_open(demo_path, qapp, monkeypatch):
    monkeypatch.setattr(engine, "IN_MEMORY_FROM_ROWS", 1)
    document = PlanDocument(Plan.open(demo_path))
    assert isinstance(document.analysis.sums, MemorySums)
    document.close()
