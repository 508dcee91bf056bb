"""The people table's columns over :class:`planner.Person` rows."""

from __future__ import annotations

from planner import Person
from ui.pages.people.raci_data import TEAM_ORDER
from ui.tables.rows_model import Column

ACTIVE = "active"


def _team_rank(person: Person) -> tuple[int, str]:
    return (TEAM_ORDER.index(person.team), person.name.casefold())


def people_columns() -> list[Column[Person]]:
    """Name, team, title, e-mail and active; all editable. The team edits as its value
    ("Sales"), the active flag as a check box (see :class:`PeopleModel`)."""
    return [
        Column(
            "name",
            "Name",
            show=lambda p: p.name,
            edit=lambda p: p.name,
            sort=lambda p: p.name.casefold(),
        ),
        Column(
            "team",
            "Team",
            show=lambda p: p.team.value,
            edit=lambda p: p.team.value,
            sort=_team_rank,
            header_tip="Marketing, Sales, Leadership or Partner/agency",
        ),
        Column(
            "title",
            "Title",
            show=lambda p: p.title,
            edit=lambda p: p.title,
            sort=lambda p: p.title.casefold(),
        ),
        Column(
            "email",
            "E-mail",
            show=lambda p: p.email,
            edit=lambda p: p.email,
            sort=lambda p: p.email.casefold(),
        ),
        Column(
            ACTIVE,
            "Active",
            show=lambda p: "",
            sort=lambda p: (not p.active, p.name.casefold()),
            tip=lambda p: f"{p.name} is {'active' if p.active else 'no longer active'}",
            header_tip="Inactive people stay on past initiatives but are set back in the grid",
        ),
    ]


def team_choices() -> list[tuple[str, str]]:
    """The team editor's choices, in the grid's order."""
    return [(team.value, team.value) for team in TEAM_ORDER]
