"""People: marketing, sales, leadership and agency people who take roles on initiatives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.domain import Person, Team
from planner.errors import ValidationError
from planner.services.base import Service, reject_unknown_fields, some_names

_FIELDS = frozenset({"name", "team", "title", "email", "active"})
_COLUMNS = "id, name, team, title, email, active"


def _person(row: tuple[Any, ...]) -> Person:
    return Person(
        id=row[0], name=row[1], team=Team(row[2]), title=row[3], email=row[4], active=bool(row[5])
    )


@dataclass(frozen=True, slots=True)
class PersonSnapshot:
    """A person and their roles, to put them back exactly after a delete (undo)."""

    record: dict[str, Any]
    roles: tuple[tuple[int, str], ...]  # (initiative id, role)


class PeopleService(Service):
    def list(self) -> list[Person]:
        rows = self._plan.read(f"SELECT {_COLUMNS} FROM people ORDER BY name COLLATE NOCASE")
        return [_person(row) for row in rows]

    def get(self, person_id: int) -> Person:
        self._require("people", "person", person_id, "person")
        row = self._plan.read(f"SELECT {_COLUMNS} FROM people WHERE id = ?", [person_id]).fetchone()
        return _person(row)

    def add(
        self,
        *,
        name: str,
        team: Team | str,
        title: str = "",
        email: str = "",
        active: bool = True,
    ) -> Change:
        """Add a person; the change's ``id`` is the new person's."""
        row = self._clean(
            {"name": name, "team": team, "title": title, "email": email, "active": active}
        )
        with self._plan.edit(Entity.PEOPLE, Action.ADDED, fields=row) as edit:
            self._claim_name("people", row, "person")
            edit.ids.add(edit.db["people"].insert(row).last_pk)
        return edit.change

    def update(self, person_id: int, **fields: Any) -> Change:
        """Change any of: name, team, title, email, active."""
        reject_unknown_fields(fields, _FIELDS)
        row = self._clean(fields)
        with self._plan.edit(Entity.PEOPLE, Action.UPDATED, ids={person_id}, fields=row) as edit:
            self._require("people", "person", person_id, "person")
            if "name" in row:
                self._claim_name("people", row, "person", except_id=person_id)
            if row:
                edit.db["people"].update(person_id, row)
        return edit.change

    def delete(self, person_id: int) -> Change:
        """Remove a person and their roles; refused while they own (are Accountable for) any
        initiative, naming those initiatives, so no initiative silently loses its owner.

        The change set announced holds the person's deletion and, when they had roles, an
        update of the roles of those initiatives.
        """
        with self._plan.batch():
            with self._plan.edit(Entity.PEOPLE, Action.DELETED, ids={person_id}) as edit:
                name = self._require("people", "person", person_id, "person")
                self._plan.versions.refuse_deleting_what_versions_use(
                    "person_id", person_id, name, "mark them inactive instead"
                )
                owned = [
                    row[0]
                    for row in edit.db.execute(
                        "SELECT i.name FROM roles r JOIN initiatives i ON i.id = r.initiative_id "
                        "WHERE r.person_id = ? AND r.role = 'A' ORDER BY i.name",
                        [person_id],
                    )
                ]
                if owned:
                    raise ValidationError(
                        "person",
                        "owns_initiatives",
                        f"{name} is accountable for {some_names(owned)}; "
                        "give those initiatives another owner first",
                    )
                on = {
                    row[0]
                    for row in edit.db.execute(
                        "SELECT initiative_id FROM roles WHERE person_id = ?", [person_id]
                    )
                }
                edit.db.execute("DELETE FROM people WHERE id = ?", [person_id])
            if on:
                with self._plan.edit(Entity.ROLES, Action.UPDATED, ids=on, fields={"role"}):
                    pass
        return edit.change

    def snapshot(self, person_id: int) -> PersonSnapshot:
        """The person and the roles they hold, for :meth:`restore`."""
        self._require("people", "person", person_id, "person")
        db = self._plan.db
        return PersonSnapshot(
            record=next(db.query("SELECT * FROM people WHERE id = ?", [person_id])),
            roles=tuple(
                (row[0], row[1])
                for row in db.execute(
                    "SELECT initiative_id, role FROM roles WHERE person_id = ? "
                    "ORDER BY initiative_id",
                    [person_id],
                )
            ),
        )

    def restore(self, snapshot: PersonSnapshot) -> Change:
        """Put a deleted person back with their id and roles. Roles on initiatives deleted
        since are dropped; an Accountable role on an initiative that has found another owner
        comes back as Responsible (an initiative has exactly one owner)."""
        record = snapshot.record
        with self._plan.batch():
            with self._plan.edit(
                Entity.PEOPLE, Action.ADDED, ids={record["id"]}, fields=record
            ) as edit:
                if edit.db.execute("SELECT 1 FROM people WHERE id = ?", [record["id"]]).fetchone():
                    raise ValidationError(
                        "person", "exists", f"{record['name']!r} is still in the plan"
                    )
                self._claim_name("people", record, "person")
                edit.db["people"].insert(record)
            on = {initiative for initiative, _ in snapshot.roles}
            if on:
                with self._plan.edit(
                    Entity.ROLES, Action.UPDATED, ids=on, fields={"role"}
                ) as roles:
                    roles.db.conn.executemany(
                        "INSERT INTO roles (initiative_id, person_id, role) "
                        "SELECT i.id, ?, CASE WHEN ? = 'A' AND EXISTS (SELECT 1 FROM roles r "
                        "WHERE r.initiative_id = i.id AND r.role = 'A') THEN 'R' ELSE ? END "
                        "FROM initiatives i WHERE i.id = ?",
                        [(record["id"], role, role, i) for i, role in snapshot.roles],
                    )
        return edit.change

    def _clean(self, fields: dict[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        if "name" in fields:
            row["name"] = check.name("name", fields["name"])
        if "team" in fields:
            row["team"] = check.choice("team", fields["team"], Team).value
        if "title" in fields:
            row["title"] = check.text("title", fields["title"], single_line=True)
        if "email" in fields:
            row["email"] = check.email("email", fields["email"])
        if "active" in fields:
            row["active"] = int(check.flag("active", fields["active"]))
        return row
