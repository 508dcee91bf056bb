"""The People & roles page's commands, run through a document: each does its edit once, says
what it did in the undo text, undoes and redoes exactly, and a refused one changes nothing."""

from __future__ import annotations

from people_support import Refusals, TeamPlan, team_fixture  # noqa: F401  (a fixture)

from planner import Role, Team
from ui.pages.people import edits, role_edits
from ui.pages.people.role_edits import MAKE_OWNER_HINT, Names


def names(t: TeamPlan) -> Names:
    plan = t.plan
    return Names(
        {p.id: p.name for p in plan.people.list()},
        {i.id: i.name for i in plan.initiatives.list()},
    )


def undo(t: TeamPlan) -> None:
    t.document.undo_stack.undo()


def redo(t: TeamPlan) -> None:
    t.document.undo_stack.redo()


def last_text(t: TeamPlan) -> str:
    return t.document.undo_stack.undoText()


# -- people -------------------------------------------------------------------------------


def test_rename_is_one_step_that_undoes_and_redoes(team):
    ann = team.plan.people.get(team.ann)
    assert team.document.run(edits.edit_person(team.plan, ann, "name", "Ann Smith"))
    assert last_text(team) == "rename Ann Lee"
    assert team.plan.people.get(team.ann).name == "Ann Smith"
    undo(team)
    assert team.plan.people.get(team.ann).name == "Ann Lee"
    redo(team)
    assert team.plan.people.get(team.ann).name == "Ann Smith"


def test_changing_team_undoes_to_the_old_team(team):
    ann = team.plan.people.get(team.ann)
    team.document.run(edits.edit_person(team.plan, ann, "team", "Sales"))
    assert last_text(team) == "change team of Ann Lee"
    assert team.plan.people.get(team.ann).team is Team.SALES
    undo(team)
    assert team.plan.people.get(team.ann).team is Team.MARKETING


def test_marking_inactive_undoes_to_active(team):
    bob = team.plan.people.get(team.bob)
    team.document.run(edits.edit_person(team.plan, bob, "active", False))
    assert last_text(team) == "mark Bob Ray inactive"
    assert team.plan.people.get(team.bob).active is False
    undo(team)
    assert team.plan.people.get(team.bob).active is True


def test_a_bad_email_is_refused_with_the_field_and_changes_nothing(team):
    refusals = Refusals(team.document)
    bob = team.plan.people.get(team.bob)
    assert not team.document.run(edits.edit_person(team.plan, bob, "email", "bob at example"))
    assert refusals.messages == [
        "Could not change e-mail of Bob Ray: E-mail: 'bob at example' is not an e-mail address"
    ]
    assert team.plan.people.get(team.bob).email == "bob@example.com"
    assert team.document.undo_stack.count() == 0


def test_a_name_taken_by_someone_else_is_refused(team):
    refusals = Refusals(team.document)
    bob = team.plan.people.get(team.bob)
    assert not team.document.run(edits.edit_person(team.plan, bob, "name", "ann lee"))
    assert "already a person named 'Ann Lee'" in refusals.messages[0]
    assert team.plan.people.get(team.bob).name == "Bob Ray"


def test_adding_a_person_makes_a_marketer_named_new_person(team):
    command = edits.add_person(team.plan)
    assert team.document.run(command)
    added = team.plan.people.get(command.person_id)
    assert (added.name, added.team, added.active) == ("New person", Team.MARKETING, True)
    assert last_text(team) == "add person"


def test_adding_twice_gives_unique_names(team):
    team.document.run(edits.add_person(team.plan))
    second = edits.add_person(team.plan)
    team.document.run(second)
    assert team.plan.people.get(second.person_id).name == "New person 2"


def test_undoing_an_add_deletes_and_redo_brings_back_the_same_id_with_later_edits(team):
    command = edits.add_person(team.plan)
    team.document.run(command)
    added = team.plan.people.get(command.person_id)
    undo(team)
    assert command.person_id not in {p.id for p in team.plan.people.list()}
    redo(team)
    assert team.plan.people.get(command.person_id) == added


def test_deleting_a_person_takes_their_roles_and_undo_brings_both_back(team):
    assert team.document.run(edits.delete_people(team.plan, [team.plan.people.get(team.bob)]))
    assert last_text(team) == "delete Bob Ray"
    assert team.bob not in team.roles(team.webinar)
    undo(team)
    assert team.plan.people.get(team.bob).name == "Bob Ray"
    assert team.roles(team.webinar)[team.bob] is Role.RESPONSIBLE
    redo(team)
    assert team.bob not in {p.id for p in team.plan.people.list()}


def test_deleting_an_owner_is_refused_naming_the_initiatives(team):
    refusals = Refusals(team.document)
    ann = team.plan.people.get(team.ann)
    assert not team.document.run(edits.delete_people(team.plan, [ann]))
    assert refusals.messages == [
        "Could not delete Ann Lee: Person: Ann Lee is accountable for Webinar series; "
        "give those initiatives another owner first"
    ]
    assert team.plan.people.get(team.ann).name == "Ann Lee"
    assert team.document.undo_stack.count() == 0


def test_deleting_several_people_is_one_step(team):
    people = [team.plan.people.get(i) for i in (team.bob, team.cat)]
    team.document.run(edits.delete_people(team.plan, people))
    assert last_text(team) == "delete 2 people"
    assert team.document.undo_stack.count() == 1
    undo(team)
    assert {team.bob, team.cat} <= {p.id for p in team.plan.people.list()}


def test_deleting_people_with_an_owner_among_them_deletes_no_one(team):
    people = [team.plan.people.get(i) for i in (team.bob, team.ann)]
    assert not team.document.run(edits.delete_people(team.plan, people))
    assert len(team.plan.people.list()) == 5


# -- roles --------------------------------------------------------------------------------


def test_setting_a_role_on_one_cell_says_who_and_what(team):
    command = role_edits.set_roles(
        team.plan, names(team), [(team.webinar, team.cat)], Role.CONSULTED
    )
    assert command is not None
    assert command.text() == "make Cat Diaz Consulted on Webinar series"
    assert team.document.run(command)
    assert team.roles(team.webinar)[team.cat] is Role.CONSULTED


def test_making_someone_accountable_where_there_is_no_owner(team):
    command = role_edits.set_roles(
        team.plan, names(team), [(team.show, team.cat)], Role.ACCOUNTABLE
    )
    assert command.text() == "make Cat Diaz Accountable for Trade show"
    team.document.run(command)
    assert team.plan.initiatives.get(team.show).owner_id == team.cat


def test_a_second_accountable_is_refused_naming_the_owner_and_the_way_out(team):
    refusals = Refusals(team.document)
    command = role_edits.set_roles(
        team.plan, names(team), [(team.webinar, team.cat)], Role.ACCOUNTABLE
    )
    assert not team.document.run(command)
    assert refusals.messages == [
        "Could not make Cat Diaz Accountable for Webinar series: Role: 'Webinar series' "
        "already has an Accountable owner, Ann Lee; an initiative has exactly one (hand it "
        "over instead). Make owner (Ctrl+Shift+A) hands it to Cat Diaz."
    ]
    assert team.roles(team.webinar) == {
        team.ann: Role.ACCOUNTABLE,
        team.bob: Role.RESPONSIBLE,
        team.dee: Role.INFORMED,
    }
    assert team.document.undo_stack.count() == 0


def test_a_role_edit_undoes_and_redoes(team):
    before = team.roles(team.webinar)
    command = role_edits.set_roles(
        team.plan, names(team), [(team.webinar, team.bob)], Role.INFORMED
    )
    team.document.run(command)
    undo(team)
    assert team.roles(team.webinar) == before
    redo(team)
    assert team.roles(team.webinar)[team.bob] is Role.INFORMED


def test_setting_the_role_a_cell_already_has_makes_no_command(team):
    cells = [(team.webinar, team.bob)]
    assert role_edits.set_roles(team.plan, names(team), cells, Role.RESPONSIBLE) is None


def test_removing_the_owner_says_so(team):
    command = role_edits.set_roles(team.plan, names(team), [(team.webinar, team.ann)], None)
    assert command.text() == "remove owner of Webinar series"
    team.document.run(command)
    assert team.plan.initiatives.get(team.webinar).owner_id is None
    undo(team)
    assert team.plan.initiatives.get(team.webinar).owner_id == team.ann


def test_removing_someone_else_names_them(team):
    command = role_edits.set_roles(team.plan, names(team), [(team.webinar, team.bob)], None)
    assert command.text() == "remove Bob Ray from Webinar series"


def test_clearing_an_empty_cell_makes_no_command(team):
    assert role_edits.set_roles(team.plan, names(team), [(team.show, team.bob)], None) is None


def test_a_role_on_many_cells_is_one_step_over_several_initiatives(team):
    cells = [(i, p) for i in (team.webinar, team.show) for p in (team.cat, team.eve, team.bob)]
    command = role_edits.set_roles(team.plan, names(team), cells, Role.CONSULTED)
    assert command.text() == "set 6 cells to Consulted"
    team.document.run(command)
    assert team.document.undo_stack.count() == 1
    assert team.roles(team.show) == {p: Role.CONSULTED for p in (team.cat, team.eve, team.bob)}
    assert team.roles(team.webinar)[team.ann] is Role.ACCOUNTABLE  # untouched


def test_a_many_cell_edit_undoes_every_initiative_exactly(team):
    before = {i: team.roles(i) for i in (team.webinar, team.show)}
    cells = [(i, p) for i in (team.webinar, team.show) for p in (team.cat, team.bob, team.ann)]
    team.document.run(role_edits.set_roles(team.plan, names(team), cells, Role.INFORMED))
    undo(team)
    assert {i: team.roles(i) for i in (team.webinar, team.show)} == before
    redo(team)
    assert team.roles(team.show)[team.ann] is Role.INFORMED


def test_a_many_cell_edit_counts_only_the_cells_it_changes(team):
    cells = [(team.webinar, team.bob), (team.webinar, team.cat), (team.show, team.cat)]
    command = role_edits.set_roles(team.plan, names(team), cells, Role.RESPONSIBLE)
    assert command.text() == "set 2 cells to Responsible"


def test_clearing_many_cells_counts_the_roles_cleared(team):
    cells = [(team.webinar, p) for p in (team.bob, team.dee, team.cat)]
    command = role_edits.set_roles(team.plan, names(team), cells, None)
    assert command.text() == "clear 2 roles"
    team.document.run(command)
    assert team.roles(team.webinar) == {team.ann: Role.ACCOUNTABLE}


def test_accountable_on_two_cells_of_one_initiative_changes_nothing_anywhere(team):
    refusals = Refusals(team.document)
    cells = [(team.show, team.bob), (team.show, team.cat), (team.webinar, team.ann)]
    command = role_edits.set_roles(team.plan, names(team), cells, Role.ACCOUNTABLE)
    assert not team.document.run(command)
    assert "already has an Accountable owner" in refusals.messages[0]
    assert refusals.messages[0].endswith(MAKE_OWNER_HINT)
    assert team.roles(team.show) == {}


def test_make_owner_hands_over_and_the_old_owner_stays_responsible(team):
    command = role_edits.make_owner(team.plan, names(team), team.webinar, team.cat)
    assert command.text() == "make Cat Diaz owner of Webinar series"
    team.document.run(command)
    roles = team.roles(team.webinar)
    assert (roles[team.cat], roles[team.ann]) == (Role.ACCOUNTABLE, Role.RESPONSIBLE)


def test_make_owner_undoes_to_the_old_roles(team):
    before = team.roles(team.webinar)
    team.document.run(role_edits.make_owner(team.plan, names(team), team.webinar, team.bob))
    undo(team)
    assert team.roles(team.webinar) == before


def test_making_the_owner_owner_again_makes_no_command(team):
    assert role_edits.make_owner(team.plan, names(team), team.webinar, team.ann) is None


def test_role_edits_on_a_read_only_plan_are_refused(team, tmp_path):
    from planner import Plan
    from ui.document import PlanDocument

    path = tmp_path / "team.smplan"
    team.plan.save_copy(path)
    document = PlanDocument(Plan.open(path, read_only=True))
    try:
        refusals = Refusals(document)
        command = role_edits.set_roles(
            document.plan, names(team), [(team.show, team.bob)], Role.INFORMED
        )
        assert not document.run(command)
        assert "read-only" in refusals.messages[0]
    finally:
        document.close()
