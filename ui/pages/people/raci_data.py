"""The RACI grid as plain data: which initiatives are rows, which people are columns (grouped
by team), and who holds which role. Built from what the core returns; no Qt, no plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner import Assignment, Initiative, Person, Role, Team

# Marketing and sales side by side first: the grid exists to put them on one page.
TEAM_ORDER: tuple[Team, ...] = (Team.MARKETING, Team.SALES, Team.LEADERSHIP, Team.PARTNER)


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One person's column; ``group`` counts team groups from 0, left to right."""

    person_id: int
    name: str
    team: Team
    title: str
    active: bool
    group: int


@dataclass(frozen=True, slots=True)
class GridRow:
    """One initiative's row."""

    initiative_id: int
    name: str


@dataclass(frozen=True, slots=True)
class TeamGroup:
    """Adjacent columns of one team: ``first`` to ``last`` inclusive."""

    team: Team
    first: int
    last: int


@dataclass
class RaciGrid:
    """Rows, columns and the roles between them, with lookups by id."""

    rows: list[GridRow] = field(default_factory=list)
    columns: list[GridColumn] = field(default_factory=list)
    roles: dict[int, dict[int, Role]] = field(default_factory=dict)  # initiative -> person -> role
    owners: dict[int, int] = field(default_factory=dict)  # initiative -> its Accountable person
    person_names: dict[int, str] = field(default_factory=dict)  # everyone, shown or not
    initiative_names: dict[int, str] = field(default_factory=dict)

    def role(self, initiative_id: int, person_id: int) -> Role | None:
        row = self.roles.get(initiative_id)
        return None if row is None else row.get(person_id)

    def owner_name(self, initiative_id: int) -> str | None:
        """The name of the initiative's Accountable owner, if it has one."""
        owner = self.owners.get(initiative_id)
        return None if owner is None else self.person_names.get(owner)

    def groups(self) -> list[TeamGroup]:
        """The team groups of the columns, left to right."""
        groups: list[TeamGroup] = []
        for n, column in enumerate(self.columns):
            if groups and groups[-1].team == column.team:
                groups[-1] = TeamGroup(column.team, groups[-1].first, n)
            else:
                groups.append(TeamGroup(column.team, n, n))
        return groups

    def replace_roles(self, initiative_id: int, assignments: Iterable[Assignment]) -> None:
        """Give one initiative's row exactly these roles (after an edit of that row)."""
        self.roles.pop(initiative_id, None)
        self.owners.pop(initiative_id, None)
        for assignment in assignments:
            self._put(assignment)

    def _put(self, assignment: Assignment) -> None:
        row = self.roles.setdefault(assignment.initiative_id, {})
        row[assignment.person_id] = assignment.role
        if assignment.role is Role.ACCOUNTABLE:
            self.owners[assignment.initiative_id] = assignment.person_id


def regroup(grid: RaciGrid, people: Iterable[Person], *, show_inactive: bool = True) -> RaciGrid:
    """The same initiatives and roles with new columns (people renamed, moved between teams,
    shown or hidden): no need to ask the core for initiatives and roles again."""
    everyone = list(people)
    columns = _columns(everyone, show_inactive)
    return RaciGrid(
        rows=grid.rows,
        columns=columns,
        roles=dict(grid.roles),
        owners=dict(grid.owners),
        person_names={p.id: p.name for p in everyone},
        initiative_names=grid.initiative_names,
    )


def build_grid(
    initiatives: Iterable[Initiative],
    people: Iterable[Person],
    assignments: Iterable[Assignment],
    *,
    show_inactive: bool = True,
) -> RaciGrid:
    """The grid for these records: initiatives in the order given (the core sorts them by
    name), people grouped by team in :data:`TEAM_ORDER` and by name within a team; inactive
    people left out unless ``show_inactive``."""
    everyone = list(people)
    rows = [GridRow(i.id, i.name) for i in initiatives]
    grid = RaciGrid(
        rows=rows,
        columns=_columns(everyone, show_inactive),
        person_names={p.id: p.name for p in everyone},
        initiative_names={row.initiative_id: row.name for row in rows},
    )
    for assignment in assignments:
        grid._put(assignment)
    return grid


def _columns(people: list[Person], show_inactive: bool) -> list[GridColumn]:
    rank = {team: n for n, team in enumerate(TEAM_ORDER)}
    shown = sorted(
        (p for p in people if show_inactive or p.active),
        key=lambda p: (rank.get(p.team, len(rank)), p.name.casefold()),
    )
    columns: list[GridColumn] = []
    group = -1
    for person in shown:
        if not columns or columns[-1].team != person.team:
            group += 1
        columns.append(
            GridColumn(person.id, person.name, person.team, person.title, person.active, group)
        )
    return columns
