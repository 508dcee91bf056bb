"""The plan's named versions: save, list, rename, lock, delete, open and promote.

    baseline = plan.versions.save("Board-approved FY2026")            # locked
    scenario = plan.versions.save("Cut events 30%", kind=Kind.SCENARIO)
    with open_version(plan, scenario.id) as what_if:                   # a Plan of its own
        what_if.initiatives.update(7, budget=21_000_00)

(:func:`planner.versions.opened.open_version`.)
A version is a copy of the working plan's planned side (see :mod:`planner.schema` m005);
actuals are shared. A **baseline** is saved locked: nothing changes it, by any path (an edit
of its opened plan is refused, as is any write of its rows here). A **scenario** is opened
for editing with every page of the app; each edit is saved into the file as it is made.
Every method is one transaction and returns its :class:`~planner.changes.Change`, so each
is one undoable step in the app (delete has :meth:`snapshot` and :meth:`restore`; promote
has :meth:`unpromote`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner import validation as check
from planner.changes import Action, Change, Entity
from planner.errors import ValidationError
from planner.services.base import Service
from planner.versions import copying
from planner.versions.kinds import Kind

if TYPE_CHECKING:
    pass

FIELD = "version name"


@dataclass(frozen=True, slots=True)
class VersionInfo:
    id: int
    name: str
    kind: Kind
    locked: bool
    saved_at: str  # ISO date and time, local, to the minute
    saved_from: str  # what it was copied from: "the working plan", or a version's name

    @property
    def described(self) -> str:
        """ "the locked baseline 'Board-approved'", "the scenario 'Cut events'"."""
        locked = "locked " if self.locked else ""
        return f"the {locked}{self.kind.value} {self.name!r}"


@dataclass(frozen=True, slots=True)
class VersionSnapshot:
    """A version as stored, to put it back exactly (same id) after a delete."""

    info: VersionInfo
    rows: tuple[tuple[tuple[Any, ...], ...], ...]  # per part of copying.PARTS


@dataclass(frozen=True, slots=True)
class Promotion:
    """What :meth:`VersionService.promote` did, for :meth:`VersionService.unpromote`."""

    promoted: VersionSnapshot
    kept_as: VersionInfo  # the working plan as it was, now a version
    kept_dropped: tuple[str, ...]  # initiatives with actuals the scenario lacked, kept dropped
    change: Change


WORKING_PLAN = "the working plan"
KEPT_PREFIX = "Working plan before '"
_SELECT = "SELECT id, name, kind, locked, saved_at, saved_from FROM plan_versions"


def _info(row: tuple[Any, ...]) -> VersionInfo:
    return VersionInfo(row[0], row[1], Kind(row[2]), bool(row[3]), row[4], row[5])


class VersionService(Service):
    def list(self) -> list[VersionInfo]:
        """Every version, oldest first."""
        return [_info(row) for row in self._plan.read(_SELECT + " ORDER BY id")]

    def get(self, version_id: int) -> VersionInfo:
        self._require("plan_versions", "version", version_id, "version")
        return _info(self._plan.read(_SELECT + " WHERE id = ?", [version_id]).fetchone())

    def find(self, name: str) -> VersionInfo:
        """The version named ``name`` in any letter case; refused naming the names there are."""
        key = check.name_key(" ".join(str(name).split()))
        row = self._plan.read(_SELECT + " WHERE name_key = ?", [key]).fetchone()
        if row is None:
            names = [info.name for info in self.list()]
            there = f"its versions are {', '.join(map(repr, names))}" if names else "it has none"
            raise ValidationError(
                "version", "unknown", f"the plan has no version named {name!r} ({there})"
            )
        return _info(row)

    def save(
        self,
        name: str,
        *,
        kind: Kind | str = Kind.BASELINE,
        locked: bool | None = None,
        source: int | None = None,
        saved_at: datetime.datetime | None = None,
    ) -> Change:
        """Copy the working plan (or version ``source``) as a new version named ``name``.

        A baseline is locked unless ``locked=False``; a scenario is editable unless
        ``locked=True``. The change's id is the new version's."""
        chosen = check.choice("kind", kind, Kind)
        record: dict[str, object] = {"name": check.name(FIELD, name)}
        if source is not None:
            self._refuse_if_damaged(source)
        with self._plan.edit(Entity.VERSIONS, Action.ADDED) as edit:
            self._claim_name("plan_versions", record, "version", field=FIELD)
            origin = WORKING_PLAN if source is None else self.get(source).name
            cursor = edit.db.execute(
                "INSERT INTO plan_versions (name, name_key, kind, locked, saved_at, saved_from) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    record["name"],
                    record["name_key"],
                    chosen.value,
                    int(chosen is Kind.BASELINE if locked is None else locked),
                    _stamp(saved_at),
                    origin,
                ],
            )
            version_id = int(cursor.lastrowid)
            if source is None:
                copying.save_working(edit.db, version_id)
            else:
                copying.save_version(edit.db, version_id, source)
            edit.ids.add(version_id)
        return edit.change

    def rename(self, version_id: int, name: str) -> Change:
        record: dict[str, object] = {"name": check.name(FIELD, name)}
        with self._plan.edit(
            Entity.VERSIONS, Action.UPDATED, ids={version_id}, fields={"name"}
        ) as edit:
            self._require("plan_versions", "version", version_id, "version")
            self._claim_name("plan_versions", record, "version", except_id=version_id, field=FIELD)
            edit.db.execute(
                "UPDATE plan_versions SET name = ?, name_key = ? WHERE id = ?",
                [record["name"], record["name_key"], version_id],
            )
        return edit.change

    def set_locked(self, version_id: int, locked: bool) -> Change:
        """Lock a version (nothing can change it) or unlock it (a scenario to edit again)."""
        with self._plan.edit(
            Entity.VERSIONS, Action.UPDATED, ids={version_id}, fields={"locked"}
        ) as edit:
            self._require("plan_versions", "version", version_id, "version")
            edit.db.execute(
                "UPDATE plan_versions SET locked = ? WHERE id = ?", [int(bool(locked)), version_id]
            )
        return edit.change

    def delete(self, version_id: int) -> Change:
        """Remove a version (a locked one too: it is the version's content that is locked,
        and the app offers undo)."""
        with self._plan.edit(Entity.VERSIONS, Action.DELETED, ids={version_id}) as edit:
            self._require("plan_versions", "version", version_id, "version")
            edit.db.execute("DELETE FROM plan_versions WHERE id = ?", [version_id])
        return edit.change

    def snapshot(self, version_id: int) -> VersionSnapshot:
        info = self.get(version_id)
        rows = tuple(
            tuple(copying.read_rows(self._plan.db.conn, part, version_id)) for part in copying.PARTS
        )
        return VersionSnapshot(info, rows)

    def restore(self, snapshot: VersionSnapshot) -> Change:
        """Put a deleted version back exactly, with its id."""
        with self._plan.edit(Entity.VERSIONS, Action.ADDED, ids={snapshot.info.id}) as edit:
            self._restore(edit.db, snapshot)
        return edit.change

    def _restore(self, db: Any, snapshot: VersionSnapshot) -> None:
        info = snapshot.info
        if db.execute("SELECT 1 FROM plan_versions WHERE id = ?", [info.id]).fetchone():
            raise ValidationError("version", "exists", f"{info.name!r} is still in the plan")
        record: dict[str, object] = {"name": info.name}
        self._claim_name("plan_versions", record, "version", field=FIELD)
        db.execute(
            "INSERT INTO plan_versions (id, name, name_key, kind, locked, saved_at, saved_from) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                info.id,
                info.name,
                record["name_key"],
                info.kind.value,
                int(info.locked),
                info.saved_at,
                info.saved_from,
            ],
        )
        for part, rows in zip(copying.PARTS, snapshot.rows, strict=True):
            copying.write_rows(db.conn, part, info.id, rows)

    def promote(self, version_id: int, *, keep_working_as: str) -> Promotion:
        """Make a version the working plan, in one transaction: the working plan's planned
        side is first saved as a scenario named ``keep_working_as``, then replaced by the
        version's, and the version itself is removed (it *is* the working plan now).

        Actuals stay with their initiatives. An initiative holding actuals that the version
        lacks is kept, marked dropped, so no fact is lost (named in the result)."""
        self._refuse_if_damaged(version_id)
        promoted = self.snapshot(version_id)
        with self._plan.batch():
            kept = self.get(self.save(keep_working_as, kind=Kind.SCENARIO).id)
            dropped = self._adopt(version_id)
            change = self.delete(version_id)
        return Promotion(promoted, kept, tuple(dropped), change)

    def kept_name(self, version_id: int) -> str:
        """A free name for the working plan that promoting version ``version_id`` keeps:
        "Working plan before 'Cut events'", numbered when taken, shortened to fit."""
        promoted = self.get(version_id).name
        taken = {check.name_key(info.name) for info in self.list()}
        number = 1
        while True:
            suffix = "'" if number == 1 else f"' ({number})"
            room = check.MAX_NAME - len(KEPT_PREFIX) - len(suffix)
            shown = promoted if len(promoted) <= room else promoted[: room - 1].rstrip() + "…"
            name = f"{KEPT_PREFIX}{shown}{suffix}"
            if check.name_key(name) not in taken:
                return name
            number += 1

    def unpromote(self, promotion: Promotion) -> Change:
        """Take a promotion back exactly: the working plan kept as a version becomes the
        working plan again, that version is removed, and the promoted one is put back."""
        kept_id = promotion.kept_as.id
        self.get(kept_id)
        with self._plan.batch():
            self._adopt(kept_id)
            self.delete(kept_id)
            change = self.restore(promotion.promoted)
        return change

    def _refuse_if_damaged(self, version_id: int) -> None:
        """A version whose rows were changed outside the app is not copied anywhere (the file
        is checked on opening, a version's rows when it is used)."""
        # Deferred: opening a plan loads the content check, which loads this package.
        from planner.storage.content import check_version_content

        self.get(version_id)
        check_version_content(self._plan.db, version_id, where=self._plan.where)

    def _adopt(self, version_id: int) -> list[str]:
        """Replace the working plan's planned side by a version's (inside a batch), and tell
        every view of what that replaced."""
        with self._plan.edit(Entity.INITIATIVES, Action.UPDATED) as edit:
            dropped = copying.adopt(edit.db, version_id, keep_facts=True)
        for replaced_too in (Entity.ROLES, Entity.VALUES, Entity.ASSUMPTIONS, Entity.HANDOFF):
            with self._plan.edit(replaced_too, Action.UPDATED):
                pass  # written above, in the same transaction
        return dropped

    def refuse_deleting_what_versions_use(
        self, column: str, record_id: int, name: str, advice: str
    ) -> None:
        """Refuse deleting a shared record (a person, segment or channel) a version refers to:
        deleting it would change that version. ``column`` is ``"person_id"``, ``"segment_id"``
        or ``"channel_id"``; ``advice`` says what to do instead."""
        table = {
            "person_id": "version_roles",
            "segment_id": "version_initiative_segments",
            "channel_id": "version_initiatives",
        }[column]
        using = [
            row[0]
            for row in self._plan.read(
                f"SELECT DISTINCT v.name FROM {table} t JOIN plan_versions v "
                f"ON v.id = t.version_id WHERE t.{column} = ? ORDER BY v.id",
                [record_id],
            )
        ]
        if using:
            what = column.removesuffix("_id")
            noun = "version" if len(using) == 1 else "versions"
            listed = ", ".join(repr(version) for version in using[:3])
            raise ValidationError(what, "in_version", f"{name} is in the {noun} {listed}; {advice}")


def _stamp(moment: datetime.datetime | None) -> str:
    return (moment or datetime.datetime.now()).strftime("%Y-%m-%d %H:%M")
