"""Undoable edits of the RACI grid: set or clear roles on cells, hand over ownership.

An edit of many cells is one command: its :meth:`do` runs in one ``plan.batch()`` and its
:meth:`revert` gives each touched initiative back the roles it had (``roles.replace``), so a
refused cell leaves the whole plan as it was and undo is exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from planner import Assignment, Plan, PlanError, Role, ValidationError
from ui.commands import PlanCommand
from ui.pages.people.wording import role_phrase

Cell = tuple[int, int]  # (initiative id, person id)

MAKE_OWNER_HINT = "Make owner (Ctrl+Shift+A) on one cell hands an initiative over."


class Names:
    """Names for command texts: people and initiatives by id."""

    def __init__(self, people: Mapping[int, str], initiatives: Mapping[int, str]) -> None:
        self.people = people
        self.initiatives = initiatives

    def person(self, person_id: int) -> str:
        return self.people.get(person_id, f"person {person_id}")

    def initiative(self, initiative_id: int) -> str:
        return self.initiatives.get(initiative_id, f"initiative {initiative_id}")


class RoleEdit(PlanCommand):
    """Give roles to cells of some initiatives; undo restores each initiative's roles."""

    def __init__(
        self,
        plan: Plan,
        text: str,
        wanted: dict[int, dict[int, Role | None]],
        before: dict[int, list[Assignment]],
        hint: str = MAKE_OWNER_HINT,
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._wanted = wanted
        self._before = before
        self._hint = hint  # the way out when a second Accountable is refused

    def do(self) -> None:
        with self._plan.batch():
            for initiative_id, cells in self._wanted.items():
                self._apply(initiative_id, cells)

    def revert(self) -> None:
        with self._plan.batch():
            for initiative_id, assignments in self._before.items():
                self._plan.roles.replace(initiative_id, assignments)

    def refusal(self, error: PlanError) -> str:
        text = super().refusal(error)
        if isinstance(error, ValidationError) and error.rule == "second_accountable":
            return f"{text}. {self._hint}"
        return text

    def _apply(self, initiative_id: int, cells: dict[int, Role | None]) -> None:
        if len(cells) == 1 or Role.ACCOUNTABLE in cells.values():
            # roles.set says which owner is in the way when a second A is asked for.
            for person_id, role in cells.items():
                self._plan.roles.set(initiative_id, person_id, role)
            return
        # Many cells of one row: one call, not one per cell (a whole row of a big plan).
        roles = {a.person_id: a.role for a in self._before[initiative_id]}
        for person_id, role in cells.items():
            if role is None:
                roles.pop(person_id, None)
            else:
                roles[person_id] = role
        self._plan.roles.replace(
            initiative_id, [Assignment(initiative_id, p, r) for p, r in roles.items()]
        )


def set_roles(
    plan: Plan, names: Names, cells: Iterable[Cell], role: Role | None
) -> RoleEdit | None:
    """Set ``role`` (``None`` clears) on ``cells``; ``None`` when no cell would change.

    The roles the touched initiatives have now are read from the core, for undo.
    """
    by_initiative: dict[int, set[int]] = {}
    for initiative_id, person_id in cells:
        by_initiative.setdefault(initiative_id, set()).add(person_id)
    before = {i: plan.roles.for_initiative(i) for i in by_initiative}
    wanted: dict[int, dict[int, Role | None]] = {}
    old_roles: list[Role | None] = []
    for initiative_id, people in by_initiative.items():
        current = {a.person_id: a.role for a in before[initiative_id]}
        for person_id in sorted(people):
            if current.get(person_id) != role:
                wanted.setdefault(initiative_id, {})[person_id] = role
                old_roles.append(current.get(person_id))
    if not wanted:
        return None
    before = {i: before[i] for i in wanted}
    text = _role_text(names, wanted, role, old_roles)
    hint = MAKE_OWNER_HINT
    if len(old_roles) == 1:
        person = names.person(next(iter(next(iter(wanted.values())))))
        hint = f"Make owner (Ctrl+Shift+A) hands it to {person}."
    return RoleEdit(plan, text, wanted, before, hint)


def _role_text(
    names: Names, wanted: dict[int, dict[int, Role | None]], role: Role | None, old: list
) -> str:
    count = sum(len(cells) for cells in wanted.values())
    if count > 1:
        return f"clear {count} roles" if role is None else f"set {count} cells to {role.title}"
    initiative_id, cells = next(iter(wanted.items()))
    person = names.person(next(iter(cells)))
    initiative = names.initiative(initiative_id)
    if role is None:
        if old[0] is Role.ACCOUNTABLE:
            return f"remove owner of {initiative}"
        return f"remove {person} from {initiative}"
    return f"make {person} {role_phrase(role)} {initiative}"


class MakeOwner(PlanCommand):
    """Hand an initiative to a new Accountable owner; the old owner stays on as Responsible."""

    def __init__(
        self, plan: Plan, text: str, initiative_id: int, person_id: int, before: list[Assignment]
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._initiative_id = initiative_id
        self._person_id = person_id
        self._before = before

    def do(self) -> None:
        self._plan.roles.set_owner(self._initiative_id, self._person_id)

    def revert(self) -> None:
        self._plan.roles.replace(self._initiative_id, self._before)


def make_owner(plan: Plan, names: Names, initiative_id: int, person_id: int) -> MakeOwner | None:
    """Make ``person_id`` the owner of ``initiative_id``; ``None`` if they already are."""
    before = plan.roles.for_initiative(initiative_id)
    if any(a.person_id == person_id and a.role is Role.ACCOUNTABLE for a in before):
        return None
    text = f"make {names.person(person_id)} owner of {names.initiative(initiative_id)}"
    return MakeOwner(plan, text, initiative_id, person_id, before)
