"""Undoable edits of the people table: change a field, add a person, delete people.

Each builder returns one :class:`~ui.commands.PlanCommand` for the document to run; a field
edit reads what it overwrites from the core as it is done, so undo puts back exactly that.
Commands never touch widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner import Person, Plan, Team
from planner.validation import name_key
from ui.commands import AddRecord, DeleteRecords, PlanCommand, set_field

NEW_PERSON = "New person"

_FIELD_WORDS = {"team": "team", "title": "title", "email": "e-mail"}


def edit_person(plan: Plan, person: Person, key: str, value: Any) -> PlanCommand:
    """Set one field (name, team, title, email, active) of ``person`` (as the table shows it,
    for the command's text); undo puts back what the plan held when the edit was done."""
    return set_field(person_edit_text(person, key, value), plan.people, person.id, key, value)


def person_edit_text(person: Person, key: str, value: Any) -> str:
    """The undo text of a field edit: "rename Ann Lee", "change team of Ann Lee"..."""
    if key == "name":
        return f"rename {person.name}"
    if key == "active":
        return f"mark {person.name} {'active' if value else 'inactive'}"
    return f"change {_FIELD_WORDS.get(key, key)} of {person.name}"


def unique_new_name(people: Sequence[Person]) -> str:
    """ "New person", or "New person 2", 3... whichever no one has (in any letter case)."""
    taken = {name_key(p.name) for p in people}
    name, n = NEW_PERSON, 1
    while name_key(name) in taken:
        n += 1
        name = f"{NEW_PERSON} {n}"
    return name


class AddPerson(AddRecord):
    """Add a person (in Marketing, as the grid lists marketers first)."""

    def __init__(self, plan: Plan, name: str, team: Team = Team.MARKETING) -> None:
        super().__init__("add person", plan.people, lambda: plan.people.add(name=name, team=team))

    @property
    def person_id(self) -> int | None:
        return self.record_id


def add_person(plan: Plan) -> AddPerson:
    """Add "New person" (made unique) in Marketing; ``command.person_id`` after it ran."""
    return AddPerson(plan, unique_new_name(plan.people.list()))


class DeletePeople(DeleteRecords):
    """Delete people and their roles in one step; undo restores each with id and roles.

    The core refuses (naming the initiatives) while any of them is Accountable somewhere.
    """

    def __init__(self, plan: Plan, people: Sequence[Person]) -> None:
        names = [p.name for p in people]
        text = f"delete {names[0]}" if len(names) == 1 else f"delete {len(names)} people"
        super().__init__(
            text, plan, plan.people, [p.id for p in people], name=names[0], plural="people"
        )


def delete_people(plan: Plan, people: Sequence[Person]) -> DeletePeople:
    """Delete ``people`` (at least one) as one undoable step."""
    if not people:
        raise ValueError("no one to delete")
    return DeletePeople(plan, people)
