"""The Roles sheet: the RACI matrix, initiatives down and people across, people grouped under
their team's name, marketing and sales on one grid, with a legend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import Role, Team
from planner.workbook.export.cells import Styled
from planner.workbook.export.sheet_setup import Grid, define_name, fitted_widths, write_grid

if TYPE_CHECKING:
    from planner.domain import Person
    from planner.workbook.export.context import ExportContext

TITLE = "Roles"
RANGE_NAME = "Roles_Matrix"
PERSON_WIDTH = 4.5
LEGEND = {
    Role.ACCOUNTABLE: "Accountable: the one owner of the initiative",
    Role.RESPONSIBLE: "Responsible: does the work",
    Role.CONSULTED: "Consulted: asked before decisions",
    Role.INFORMED: "Informed: kept up to date",
}


def people_by_team(people: list[Person]) -> list[tuple[Team, list[Person]]]:
    """Teams in their usual order, each with its people by name (as the plan lists them)."""
    return [
        (team, members)
        for team in Team
        if (members := [person for person in people if person.team is team])
    ]


def write(ctx: ExportContext) -> None:
    """Add the Roles sheet."""
    facts = ctx.facts
    ws = ctx.new_sheet(TITLE)
    teams = people_by_team(facts.people)
    columns = [person for _team, members in teams for person in members]
    roles = {(a.initiative_id, a.person_id): a.role for a in facts.assignments}

    grid = Grid()
    grid.add(Styled("Roles (RACI): who does what on each initiative", "title"))
    grid.line(
        Styled(
            "Marketing and sales on one grid; every initiative has exactly one Accountable owner.",
            "subtitle",
        )
    )
    for role, meaning in LEGEND.items():
        grid.add(Styled(f"{role.value}   {meaning}", f"legend_{role.value}"))
    grid.blank()
    team_row = grid.add(
        Styled(None, "header"),
        *(
            Styled(team.value if n == 0 else None, "team")
            for team, members in teams
            for n in range(len(members))
        ),
    )
    first_column = 2
    for _team, members in teams:
        grid.merge(first_column, team_row, first_column + len(members) - 1)
        first_column += len(members)
    person_row = grid.add(
        Styled("Initiative", "header"),
        *(Styled(_shown_name(person), "header_rotated") for person in columns),
    )
    for initiative in facts.initiatives:
        grid.add(
            initiative.name,
            *(_role_cell(roles.get((initiative.id, person.id))) for person in columns),
        )
    last_row = grid.next_row - 1

    name_width = fitted_widths([[row[0]] for row in grid.rows[person_row - 1 :]], ctx.styles)
    widths = [max(name_width or [12.0]), *([PERSON_WIDTH] * len(columns))]
    longest = max((len(_shown_name(person)) for person in columns), default=8)
    # Rotated bold names: about 7.5 points a character, and a margin.
    grid.heights[person_row] = min(180.0, 7.5 * longest + 14.0)
    write_grid(
        ctx,
        ws,
        grid,
        freeze=f"B{person_row + 1}",
        title_rows=f"{team_row}:{person_row}",
        title_columns=1,
        widths=widths,
    )
    define_name(ctx.wb, RANGE_NAME, ws, 1, person_row, max(1, len(columns) + 1), last_row)


def _shown_name(person: Person) -> str:
    return person.name if person.active else f"{person.name} (inactive)"


def _role_cell(role: Role | None) -> Styled | None:
    return None if role is None else Styled(role.value, f"role_{role.value}")
