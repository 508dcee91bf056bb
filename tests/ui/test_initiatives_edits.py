"""The Initiatives page's commands, run through a PlanDocument on a real plan: each does,
undoes and redoes one user action, and a refused one leaves the plan as it was."""

from __future__ import annotations

import pytest
from initiatives_support import Small, by_name, doc, small_plan

from planner import Assignment, Plan, Role
from ui.document import PlanDocument
from ui.pages.initiatives import edits

# ``doc`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["doc"]


@pytest.fixture
def small() -> Small:
    return small_plan()


@pytest.fixture
def refusals(doc: PlanDocument) -> list[str]:
    heard: list[str] = []
    doc.refused.connect(heard.append)
    return heard


def whole(plan: Plan, initiative_id: int):
    """Everything an initiative holds (record, roles, values), to compare before and after."""
    snapshot = plan.initiatives.snapshot(initiative_id)
    return (snapshot.record, sorted(snapshot.segment_ids), sorted(snapshot.roles))


# -- one field ----------------------------------------------------------------------------


def test_renaming_reads_rename_and_undoes_and_redoes(doc, small):
    command = edits.update_field(doc.plan, small.webinar, "name", "Webinar season")
    assert command.text() == "rename Webinar series"
    assert doc.run(command)
    assert doc.plan.initiatives.get(small.webinar).name == "Webinar season"
    doc.undo_stack.undo()
    assert doc.plan.initiatives.get(small.webinar).name == "Webinar series"
    doc.undo_stack.redo()
    assert doc.plan.initiatives.get(small.webinar).name == "Webinar season"


def test_a_budget_change_reads_change_budget_of_and_undoes(doc, small):
    command = edits.update_field(doc.plan, small.webinar, "budget", 1_200_000)
    assert command.text() == "change budget of Webinar series"
    assert doc.run(command)
    assert doc.undo_stack.undoText() == "change budget of Webinar series"
    assert doc.plan.initiatives.get(small.webinar).budget == 1_200_000
    doc.undo_stack.undo()
    assert doc.plan.initiatives.get(small.webinar).budget == 900_000


def test_a_long_name_is_shortened_in_the_command_text(doc, small):
    doc.plan.initiatives.update(small.webinar, name="A" * 60)
    command = edits.update_field(doc.plan, small.webinar, "status", "done")
    assert command.text() == "change status of " + "A" * 29 + "…"


def test_text_in_a_money_field_is_refused_and_the_plan_stays(doc, small, refusals):
    before = whole(doc.plan, small.webinar)
    assert not doc.run(edits.update_field(doc.plan, small.webinar, "budget", "lots"))
    assert refusals and "budget" in refusals[0] and "'lots' is not an amount" in refusals[0]
    assert whole(doc.plan, small.webinar) == before
    assert doc.undo_stack.count() == 0


def test_a_negative_budget_is_refused_and_the_plan_stays(doc, small, refusals):
    before = whole(doc.plan, small.webinar)
    assert not doc.run(edits.update_field(doc.plan, small.webinar, "budget", -500))
    assert refusals == ["Could not change budget of Webinar series: Budget: must not be negative"]
    assert whole(doc.plan, small.webinar) == before


def test_an_end_before_the_start_is_refused_and_the_plan_stays(doc, small, refusals):
    before = whole(doc.plan, small.webinar)
    assert not doc.run(edits.update_field(doc.plan, small.webinar, "end_month", 202601))
    assert "End: the end" in refusals[0] and "before the start (Feb 2026)" in refusals[0]
    assert whole(doc.plan, small.webinar) == before


def test_a_story_edit_is_one_undo_step(doc, small):
    assert doc.run(edits.update_field(doc.plan, small.guide, "so_what", "Grants need proof"))
    assert doc.undo_stack.undoText() == "edit so what of Accounting guide"
    doc.undo_stack.undo()
    assert doc.plan.initiatives.get(small.guide).so_what == ""


def test_an_unknown_field_is_a_programming_error(doc, small):
    with pytest.raises(ValueError, match="segment_ids"):
        edits.update_field(doc.plan, small.guide, "segment_ids", ())


# -- owner and segments -------------------------------------------------------------------


def test_a_new_owner_keeps_the_old_one_responsible_and_undo_restores_the_column(doc, small):
    before = doc.plan.roles.for_initiative(small.webinar)
    command = edits.cell_edit(doc.plan, small.webinar, "owner", small.bob)
    assert command.text() == "change owner of Webinar series"
    assert doc.run(command)
    roles = {a.person_id: a.role for a in doc.plan.roles.for_initiative(small.webinar)}
    assert roles == {small.bob: Role.ACCOUNTABLE, small.ann: Role.RESPONSIBLE}
    doc.undo_stack.undo()
    assert doc.plan.roles.for_initiative(small.webinar) == before
    doc.undo_stack.redo()
    assert doc.plan.initiatives.get(small.webinar).owner_id == small.bob


def test_a_first_owner_is_taken_away_again_by_undo(doc, small):
    assert doc.run(edits.set_owner(doc.plan, small.guide, small.ann))
    assert doc.plan.roles.for_initiative(small.guide) == [
        Assignment(small.guide, small.ann, Role.ACCOUNTABLE)
    ]
    doc.undo_stack.undo()
    assert doc.plan.roles.for_initiative(small.guide) == []


def test_aiming_at_segments_is_one_step_and_undo_restores_the_previous_set(doc, small):
    command = edits.set_segments(doc.plan, small.webinar, [small.core])
    assert command.text() == "change segments of Webinar series"
    assert doc.run(command)
    assert doc.plan.initiatives.get(small.webinar).segment_ids == (small.core,)
    doc.undo_stack.undo()
    assert set(doc.plan.initiatives.get(small.webinar).segment_ids) == {small.core, small.edge}


# -- add, duplicate, delete ---------------------------------------------------------------


def test_names_for_new_initiatives_are_unique_in_any_case():
    assert edits.unique_name([]) == "New initiative"
    assert edits.unique_name(["new initiative"]) == "New initiative 2"
    assert edits.unique_name(["New initiative", "NEW INITIATIVE 2"]) == "New initiative 3"


def test_an_added_initiative_is_an_idea_over_the_plan(doc):
    command = edits.AddInitiative(doc.plan)
    assert command.text() == "add initiative"
    assert doc.run(command)
    added = doc.plan.initiatives.get(command.initiative_id)
    other = doc.plan.channels.named("Other").id
    assert (added.name, added.channel_id, added.status) == ("New initiative", other, "idea")
    assert (added.start_month, added.end_month) == (202601, 202703)


def test_a_second_added_initiative_gets_the_next_number(doc):
    doc.run(edits.AddInitiative(doc.plan))
    second = edits.AddInitiative(doc.plan)
    doc.run(second)
    assert doc.plan.initiatives.get(second.initiative_id).name == "New initiative 2"


def test_undoing_an_add_deletes_it_and_redo_brings_it_back_with_its_id(doc):
    command = edits.AddInitiative(doc.plan)
    doc.run(command)
    doc.run(edits.update_field(doc.plan, command.initiative_id, "budget", 50_000))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert command.initiative_id not in {i.id for i in doc.plan.initiatives.list()}
    doc.undo_stack.redo()
    doc.undo_stack.redo()  # the later edit still finds it: same id
    assert doc.plan.initiatives.get(command.initiative_id).budget == 50_000


def test_duplicating_copies_and_undo_deletes_the_copy(doc, small):
    command = edits.DuplicateInitiatives(doc.plan, [small.webinar])
    assert command.text() == "duplicate Webinar series"
    assert doc.run(command)
    (copy_id,) = command.copy_ids
    copy = doc.plan.initiatives.get(copy_id)
    assert copy.name == "Webinar series (copy)" and copy.owner_id == small.ann
    doc.undo_stack.undo()
    assert [i.id for i in doc.plan.initiatives.list() if "(copy)" in i.name] == []
    doc.undo_stack.redo()
    assert doc.plan.initiatives.get(copy_id).name == "Webinar series (copy)"


def test_deleting_several_is_one_step_and_undo_restores_them_exactly(doc, small):
    doc.plan.values.set(small.webinar, "2026-03", "mql", planned=40, actual=31)
    before = {i: whole(doc.plan, i) for i in (small.webinar, small.summit)}
    command = edits.DeleteInitiatives(doc.plan, [small.webinar, small.summit])
    assert command.text() == "delete 2 initiatives"
    assert doc.run(command)
    assert doc.undo_stack.count() == 1
    assert [i.id for i in doc.plan.initiatives.list()] == [small.guide]
    doc.undo_stack.undo()
    assert {i: whole(doc.plan, i) for i in before} == before
    assert doc.plan.values.grid("mql")[(small.webinar, 202603)] == (40, 31)
    doc.undo_stack.redo()
    assert [i.id for i in doc.plan.initiatives.list()] == [small.guide]


def test_deleting_one_names_it(doc, small):
    assert edits.DeleteInitiatives(doc.plan, [small.guide]).text() == "delete Accounting guide"


def test_a_read_only_plan_refuses_every_edit(tmp_path, qapp):
    path = tmp_path / "plan.smplan"
    plan = Plan.create(path, name="P", first_month="2026-01")
    guide = plan.initiatives.add(name="Guide", channel_id=plan.channels.named("Content").id).id
    plan.close()
    document = PlanDocument(Plan.open(path, read_only=True))
    heard: list[str] = []
    document.refused.connect(heard.append)
    try:
        assert not document.run(edits.update_field(document.plan, guide, "budget", 100))
        assert not document.run(edits.AddInitiative(document.plan))
        assert len(heard) == 2 and "read-only" in heard[0]
        assert by_name(document.plan, "Guide").budget == 0
    finally:
        document.close()
