"""A version opened as a plan of its own.

The version is built in memory as a whole plan: a copy of the file (its settings, people,
segments, channels and actuals, which every version shares) whose planned side is replaced
by the version's. So every service, the analysis, the checks, the charts and the export read
it exactly as they read the working plan, with no second code path.

A scenario's edits are saved into the plan file as they are made, in the same step: before
the edit's transaction in memory commits, what it touched is written to the version's rows
in the file (and an actual, which all versions share, to the working plan's), in one
transaction of the file. If that write is refused (a locked version, a full disk), the edit
in memory is rolled back with it, so the file and the opened version never disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from planner.changes import Action, Change, Entity
from planner.errors import PlanError, ReadOnlyPlanError
from planner.plan import Edit, Plan
from planner.storage import connection
from planner.storage.content import check_version_content
from planner.versions import copying

if TYPE_CHECKING:
    from planner.versions.service import VersionInfo

# What every version shares with the working plan, and is changed only there.
_SHARED = {
    Entity.SETTINGS: "plan settings",
    Entity.PEOPLE: "people",
    Entity.SEGMENTS: "segments",
    Entity.CHANNELS: "channels",
    Entity.VERSIONS: "versions",
}


def touches_actuals(change: Change) -> bool:
    """Whether ``change`` may have changed actual values, which every version shares."""
    return change.entity is Entity.VALUES and (
        not change.fields or not change.fields.isdisjoint(copying.ACTUAL_COLUMNS)
    )


def shares(entity: Entity) -> bool:
    """Whether every version shares the records of ``entity`` with the working plan."""
    return entity in _SHARED


def open_version(working: Plan, version_id: int) -> VersionPlan:
    """Version ``version_id`` of ``working`` as a :class:`~planner.Plan` of its own, in
    memory: every service, analysis, check and export reads it as it reads the working plan.
    A scenario's edits are saved into the working plan's file as they are made; a locked
    version opens read-only. Close it (or use ``with``) when done."""
    return open_versions(working, [version_id])[0]


def open_versions(working: Plan, version_ids: Sequence[int]) -> list[VersionPlan]:
    """:func:`open_version` for each of ``version_ids`` (to compare them): each is copied from
    the working plan's connection in turn, then they are built side by side, as SQLite
    builds each in its own connection without holding Python's lock."""
    copies: list[tuple[VersionInfo, sqlite3.Connection]] = []
    try:
        for version_id in version_ids:
            info = working.versions.get(version_id)
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            copies.append((info, conn))
            working.db.conn.backup(conn)
    except BaseException:
        for _info, conn in copies:
            conn.close()
        raise
    if len(copies) == 1:
        return [_built(working, *copies[0])]
    with ThreadPoolExecutor(max_workers=len(copies)) as pool:
        futures = [pool.submit(_built, working, info, conn) for info, conn in copies]
    built = [future.result() for future in futures if future.exception() is None]
    failed = [future.exception() for future in futures if future.exception() is not None]
    if failed:
        for version in built:
            version.close()
        raise failed[0]  # type: ignore[misc]
    return built


def _built(working: Plan, info: VersionInfo, conn: sqlite3.Connection) -> VersionPlan:
    """The copy of the file in ``conn`` made version ``info`` (``conn`` closed on failure)."""
    try:
        db = connection.prepare(conn, read_only=False, where=working.where)
        check_version_content(db, info.id, where=working.where)
        # Built with foreign keys off (tables are dropped and made again: see adopt), then
        # every reference is checked before the copy is used.
        conn.execute("PRAGMA foreign_keys = OFF")
        with db.database.atomic():
            highest = copying.highest_initiative_id(conn)
            copying.adopt(conn, info.id, keep_facts=False, rebuild=True)
            # The copy is a plain plan: no version of its own (the file keeps those).
            copying.empty_versions(conn)
            copying.raise_initiative_sequence(conn, highest)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"references left broken: {broken[:3]}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise PlanError(
            f"{working.where}: {info.described} cannot be opened ({connection.one_line(error)})"
        ) from None
    except BaseException:
        conn.close()
        raise
    return VersionPlan(db, working=working, info=info)


class VersionPlan(Plan):
    """A version of a plan, open in memory; see the module's docstring."""

    def __init__(self, db: Any, *, working: Plan, info: VersionInfo) -> None:
        reason = working.read_only_reason
        if info.locked:
            reason = "a locked version cannot change"
        super().__init__(db, path=working.path, read_only_reason=reason)
        self.working = working
        self.version: VersionInfo = info

    @property
    def where(self) -> str:
        return f"{self.working.where}, {self.version.kind.value} {self.version.name!r}"

    def save_copy(self, target: Any) -> Any:
        raise PlanError(f"{self.where}: save a copy of the working plan, not of a version")

    @contextmanager
    def edit(
        self,
        entity: Entity,
        action: Action,
        *,
        ids: Iterable[int] = (),
        fields: Iterable[str] = (),
        months: Iterable[int] = (),
    ) -> Iterator[Edit]:
        if entity in _SHARED and self.read_only_reason is None:
            raise ReadOnlyPlanError(
                f"{self.where}: {_SHARED[entity]} are shared by every version of the plan; "
                "change them in the working plan"
            )
        in_batch = self._pending is not None
        with super().edit(entity, action, ids=ids, fields=fields, months=months) as scope:
            yield scope
            if not in_batch:
                self._save([scope.change])

    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._pending is not None:
            with super().batch():
                yield
            return
        with super().batch():
            yield
            self._save(list(self._pending or ()))

    # -- saving into the file --------------------------------------------------------------

    def _save(self, changes: list[Change]) -> None:
        """Write what ``changes`` touched into the file, inside this plan's transaction."""
        if not changes:
            return
        working = self.working
        with working.batch():
            with working.edit(Entity.VERSIONS, Action.UPDATED, ids={self.version.id}) as edit:
                row = edit.db.execute(
                    "SELECT locked FROM plan_versions WHERE id = ?", [self.version.id]
                ).fetchone()
                if row is None:
                    raise PlanError(f"{self.where}: the version is no longer in the plan")
                if row[0]:
                    raise ReadOnlyPlanError(f"{self.where}: the version is locked")
                self._save_planned(edit.db, changes)
            self._save_shared(changes)

    def _save_planned(self, db: Any, changes: list[Change]) -> None:
        version_id = self.version.id
        touched: set[int] = set()
        everything = False
        for change in changes:
            if change.entity in (Entity.INITIATIVES, Entity.ROLES, Entity.VALUES):
                if not change.ids:
                    everything = True
                touched |= change.ids
        if everything:
            touched = {row[0] for row in self.read("SELECT id FROM initiatives")}
            touched |= {
                row[0]
                for row in db.execute(
                    "SELECT id FROM version_initiatives WHERE version_id = ?", [version_id]
                ).fetchall()
            }
        if touched:
            ids = copying.ids_json(sorted(touched))
            db.execute(
                f"DELETE FROM version_initiatives WHERE version_id = ? AND id IN {copying.IDS}",
                [version_id, ids],
            )
            for part in copying.INITIATIVE_PARTS:
                rows = self.read(
                    f"SELECT {part.listed} FROM {part.working_table} "
                    f"WHERE {part.initiative_column} IN {copying.IDS}"
                    + (
                        " AND coalesce(" + ", ".join(copying.PLANNED_COLUMNS) + ") IS NOT NULL"
                        if part.working_table == "monthly_values"
                        else ""
                    ),
                    [ids],
                ).fetchall()
                copying.write_rows(db.conn, part, version_id, rows)
            (highest,) = self.read(
                "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'initiatives'), 0)"
            ).fetchone()
            copying.raise_initiative_sequence(db, highest)
        for part in copying.SINGLE_PARTS:
            if any(change.entity is _SINGLE_ENTITY[part.working_table] for change in changes):
                values = self.read(f"SELECT {part.listed} FROM {part.working_table}").fetchone()
                db.execute(
                    f"UPDATE {part.version_table} SET ({part.listed}) = "
                    f"({', '.join('?' * len(part.columns))}) WHERE version_id = ?",
                    [*values, version_id],
                )

    def _save_shared(self, changes: list[Change]) -> None:
        """Actuals, follow-up hours and saved CSV mappings belong to the working plan."""
        value_changes = [c for c in changes if touches_actuals(c)]
        if value_changes:
            self._save_actuals(value_changes)
        if any(c.entity is Entity.HANDOFF for c in changes):
            rows = self.read("SELECT month, followup_hours FROM handoff_months").fetchall()
            with self.working.edit(Entity.HANDOFF, Action.UPDATED) as edit:
                edit.db.execute("DELETE FROM handoff_months")
                edit.db.conn.executemany("INSERT INTO handoff_months VALUES (?, ?)", rows)
        if any(c.entity is Entity.IMPORT_MAPPINGS for c in changes):
            rows = self.read("SELECT header_key, mapping FROM import_mappings").fetchall()
            with self.working.edit(Entity.IMPORT_MAPPINGS, Action.UPDATED) as edit:
                edit.db.execute("DELETE FROM import_mappings")
                edit.db.conn.executemany("INSERT INTO import_mappings VALUES (?, ?)", rows)

    def _save_actuals(self, changes: list[Change]) -> None:
        ids = (
            sorted(set().union(*(c.ids for c in changes)))
            if all(c.ids for c in changes)
            else [row[0] for row in self.read("SELECT id FROM initiatives")]
        )
        actual = ", ".join(copying.ACTUAL_COLUMNS)
        rows = self.read(
            f"SELECT initiative_id, month, {actual} FROM monthly_values "
            f"WHERE initiative_id IN {copying.IDS}",
            [copying.ids_json(ids)],
        ).fetchall()
        with self.working.edit(Entity.VALUES, Action.UPDATED, ids=ids) as edit:
            present = {
                row[0]
                for row in edit.db.execute(
                    f"SELECT id FROM initiatives WHERE id IN {copying.IDS}",
                    [copying.ids_json(ids)],
                ).fetchall()
            }
            only_here = sorted(
                {
                    row[0]
                    for row in rows
                    if row[0] not in present and any(v is not None for v in row[2:])
                }
            )
            if only_here:
                names = [
                    row[0]
                    for row in self.read(
                        f"SELECT name FROM initiatives WHERE id IN {copying.IDS} ORDER BY name",
                        [copying.ids_json(only_here)],
                    )
                ]
                raise PlanError(
                    f"{self.where}: {', '.join(map(repr, names[:3]))} "
                    f"{'is' if len(names) == 1 else 'are'} only in this scenario; actuals are "
                    "recorded against the working plan's initiatives, which every version shares"
                )
            edit.db.execute(
                f"UPDATE monthly_values SET ({actual}) = ({', '.join(['NULL'] * len(copying.ACTUAL_COLUMNS))}) "
                f"WHERE initiative_id IN {copying.IDS}",
                [copying.ids_json(sorted(present))],
            )
            merged = ", ".join(f"{c} = excluded.{c}" for c in copying.ACTUAL_COLUMNS)
            edit.db.conn.executemany(
                f"INSERT INTO monthly_values (initiative_id, month, {actual}) VALUES "
                f"({', '.join('?' * (len(copying.ACTUAL_COLUMNS) + 2))}) "
                f"ON CONFLICT (initiative_id, month) DO UPDATE SET {merged}",
                [row for row in rows if row[0] in present and any(v is not None for v in row[2:])],
            )


_SINGLE_ENTITY = {"funnel_assumptions": Entity.ASSUMPTIONS, "handoff_agreement": Entity.HANDOFF}
