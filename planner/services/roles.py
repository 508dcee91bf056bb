"""The RACI grid: who is Accountable (the one owner), Responsible, Consulted or Informed."""

from __future__ import annotations

from collections.abc import Iterable

from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Assignment, Role
from planner.errors import ValidationError
from planner.services.base import Service


class RoleService(Service):
    def all(self) -> list[Assignment]:
        rows = self._plan.read(
            "SELECT initiative_id, person_id, role FROM roles ORDER BY initiative_id, person_id"
        )
        return [Assignment(r[0], r[1], Role(r[2])) for r in rows]

    def for_initiative(self, initiative_id: int) -> list[Assignment]:
        rows = self._plan.read(
            "SELECT initiative_id, person_id, role FROM roles WHERE initiative_id = ? "
            "ORDER BY role = 'A' DESC, person_id",
            [initiative_id],
        )
        return [Assignment(r[0], r[1], Role(r[2])) for r in rows]

    def set(self, initiative_id: int, person_id: int, role: Role | str | None) -> Change:
        """Give a person a role on an initiative, or take it away with ``None``.

        Making someone Accountable while the initiative has another owner is refused: an
        initiative has exactly one owner (see :meth:`set_owner` to hand it over).
        """
        wanted = None if role is None or role == "" else check.choice("role", role, Role)
        with self._plan.edit(
            Entity.ROLES, Action.UPDATED, ids={initiative_id}, fields={"role"}
        ) as edit:
            initiative = self._require("initiatives", "initiative", initiative_id, "initiative")
            self._require("people", "person", person_id, "person")
            if wanted is None:
                edit.db.execute(
                    "DELETE FROM roles WHERE initiative_id = ? AND person_id = ?",
                    [initiative_id, person_id],
                )
            else:
                if wanted is Role.ACCOUNTABLE:
                    owner = self._owner(initiative_id)
                    if owner is not None and owner[0] != person_id:
                        raise ValidationError(
                            "role",
                            "second_accountable",
                            f"{initiative!r} already has an Accountable owner, {owner[1]}; an "
                            "initiative has exactly one (hand it over instead)",
                        )
                self._upsert(initiative_id, person_id, wanted)
        return edit.change

    def set_owner(self, initiative_id: int, person_id: int) -> Change:
        """Make ``person_id`` the Accountable owner; the previous owner stays on as Responsible."""
        with self._plan.edit(
            Entity.ROLES, Action.UPDATED, ids={initiative_id}, fields={"role", "owner"}
        ) as edit:
            self._require("initiatives", "initiative", initiative_id, "initiative")
            self._require("people", "person", person_id, "person")
            owner = self._owner(initiative_id)
            if owner is not None and owner[0] != person_id:
                self._upsert(initiative_id, owner[0], Role.RESPONSIBLE)
            self._upsert(initiative_id, person_id, Role.ACCOUNTABLE)
        return edit.change

    def replace(self, initiative_id: int, assignments: Iterable[Assignment]) -> Change:
        """Give the initiative exactly these roles (as :meth:`for_initiative` returned them),
        to undo any change of its grid in one step."""
        wanted = [
            (a.person_id, check.choice("role", a.role, Role))
            for a in assignments
            if a.initiative_id == initiative_id
        ]
        if sum(role is Role.ACCOUNTABLE for _, role in wanted) > 1:
            raise ValidationError(
                "role", "second_accountable", "an initiative has exactly one Accountable owner"
            )
        with self._plan.edit(
            Entity.ROLES, Action.UPDATED, ids={initiative_id}, fields={"role", "owner"}
        ) as edit:
            self._require("initiatives", "initiative", initiative_id, "initiative")
            for person_id, _ in wanted:
                self._require("people", "person", person_id, "person")
            edit.db.execute("DELETE FROM roles WHERE initiative_id = ?", [initiative_id])
            edit.db.conn.executemany(
                "INSERT INTO roles (initiative_id, person_id, role) VALUES (?, ?, ?)",
                [(initiative_id, person, role.value) for person, role in wanted],
            )
        return edit.change

    def _owner(self, initiative_id: int) -> tuple[int, str] | None:
        row = self._plan.read(
            "SELECT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
            "WHERE r.initiative_id = ? AND r.role = 'A'",
            [initiative_id],
        ).fetchone()
        return (row[0], row[1]) if row else None

    def _upsert(self, initiative_id: int, person_id: int, role: Role) -> None:
        self._plan.db.execute(
            "INSERT INTO roles (initiative_id, person_id, role) VALUES (?, ?, ?) "
            "ON CONFLICT (initiative_id, person_id) DO UPDATE SET role = excluded.role",
            [initiative_id, person_id, role.value],
        )
