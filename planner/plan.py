"""The Plan: one open plan file and the services that read and edit it.

    with Plan.open("q3.smplan") as plan:
        change = plan.initiatives.update(7, budget="25,000")
        plan.values.set(7, "2026-03", "mql", actual=41)

Every edit is validated, runs in one transaction and produces a :class:`~planner.changes.Change`
that is returned and, once committed, sent to every subscriber as a
:class:`~planner.changes.ChangeSet`. ``with plan.batch():`` makes several edits one transaction
and one change set (a paste, an import).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import assumptions as defaults
from planner import validation as check
from planner.changes import Action, Change, ChangeSet, Entity
from planner.domain import Stage
from planner.errors import (
    ListenerError,
    PlanError,
    PlanFileError,
    ReadOnlyPlanError,
    ValidationError,
)
from planner.money import Currency
from planner.months import MAX_HORIZON_MONTHS, Horizon
from planner.storage import targets
from planner.storage.copies import backup_to
from planner.storage.lock import PlanLock

if TYPE_CHECKING:
    from planner.storage.database import Database, PlanConnection
    from planner.storage.opening import OpenedFile
    from planner.versions.service import VersionInfo

Listener = Callable[[ChangeSet], None]


@dataclass
class Edit:
    """One edit in progress: the database to write, and what it is changing."""

    db: Database
    entity: Entity
    action: Action
    ids: set[int]
    fields: set[str]
    months: set[int]

    @property
    def change(self) -> Change:
        return Change(
            self.entity,
            self.action,
            ids=frozenset(self.ids),
            fields=frozenset(self.fields),
            months=frozenset(self.months),
        )


class Plan:
    """An open plan. Create one with :meth:`open`, :meth:`create` or :meth:`in_memory`."""

    def __init__(
        self,
        connection: PlanConnection,
        *,
        path: Path | None,
        lock: PlanLock | None = None,
        read_only_reason: str | None = None,
        upgraded_from: int | None = None,
        upgrade_backup: Path | None = None,
    ) -> None:
        from planner.services import (
            ChannelService,
            FunnelService,
            HandoffService,
            InitiativeService,
            PeopleService,
            RoleService,
            SegmentService,
            SettingsService,
            TimelineService,
            ValueService,
            WhatIfService,
        )
        from planner.services.import_mappings import ImportMappingService
        from planner.services.phasing import PhasingService
        from planner.versions.service import VersionService

        self._connection = connection
        self.path = path
        self.read_only_reason = read_only_reason
        self.upgraded_from = upgraded_from
        self.upgrade_backup = upgrade_backup  # the original, set aside before the upgrade
        self._lock = lock
        self._listeners: list[Listener] = []
        self._pending: list[Change] | None = None
        self._currency: Currency | None = None
        self._horizon: Horizon | None = None
        self.settings = SettingsService(self)
        self.funnel = FunnelService(self)
        self.handoff = HandoffService(self)
        self.people = PeopleService(self)
        self.segments = SegmentService(self)
        self.channels = ChannelService(self)
        self.initiatives = InitiativeService(self)
        self.roles = RoleService(self)
        self.values = ValueService(self)
        self.what_if = WhatIfService(self)
        self.phasing = PhasingService(self)
        self.timeline = TimelineService(self)
        self.import_mappings = ImportMappingService(self)
        self.versions = VersionService(self)
        # The version this plan is (a VersionInfo), or None for the working plan.
        self.version: VersionInfo | None = None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Plan:
        """Open a plan file for editing, or read-only.

        Refuses with a :class:`PlanFileError` whose message names the file and the reason: not
        a SQLite file, another app's database, a plan from a newer version, a damaged plan, a
        plan altered outside the app; :class:`PlanLockedError` when another process has it
        open. A write-protected file opens read-only (see :attr:`read_only_reason`). An older
        plan is upgraded after a copy of it is set aside.
        """
        from planner.storage import opening

        return cls._of(opening.open_file(Path(path), read_only=read_only))

    @classmethod
    def _of(cls, opened: OpenedFile) -> Plan:
        try:
            return cls(
                opened.db,
                path=opened.path,
                lock=opened.lock,
                read_only_reason=opened.read_only_reason,
                upgraded_from=opened.upgraded_from,
                upgrade_backup=opened.upgrade_backup,
            )
        except BaseException:
            opened.db.close()
            if opened.lock is not None:
                opened.lock.release()
            raise

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        name: str,
        company: str = "",
        currency: str = "USD",
        fiscal_year_start: int = 1,
        first_month: str | int,
        months: int = 12,
        stage: Stage | str = Stage.SCALING,
        overwrite: bool = False,
    ) -> Plan:
        """Create a new plan file (written whole, or not at all) and open it for editing.

        With ``overwrite``, a plan of that name that is open (here or in another process) is
        not replaced: :class:`PlanLockedError`.
        """
        from planner.storage import opening

        target = Path(path).expanduser().absolute()
        opening.check_creatable(target, overwrite=overwrite)
        lock = PlanLock(target)
        lock.acquire()
        try:
            db, working = opening.create_file(target, overwrite=overwrite)
            try:
                _write_initial_settings(
                    db, name, company, currency, fiscal_year_start, first_month, months, stage
                )
            except BaseException:
                opening.abandon_create(db, working)
                raise
            opening.finish_create(db, working, target)
        except BaseException:
            lock.release()
            raise
        return cls._of(opening.open_file(target, lock=lock))

    @classmethod
    def in_memory(
        cls,
        *,
        name: str = "Plan",
        company: str = "",
        currency: str = "USD",
        fiscal_year_start: int = 1,
        first_month: str | int = "2026-01",
        months: int = 12,
        stage: Stage | str = Stage.SCALING,
    ) -> Plan:
        """A plan that lives in memory only (tests, scratch work)."""
        from planner.storage import connection

        conn = sqlite3.connect(":memory:", check_same_thread=False)
        db = connection.prepare(conn, read_only=False, where=":memory:")
        connection.initialise(db)
        _write_initial_settings(
            db, name, company, currency, fiscal_year_start, first_month, months, stage
        )
        return cls(db, path=None)

    @staticmethod
    def prepare_for_edits() -> None:
        """Load what the first edit of any plan needs (sqlite-utils, which opening and reading
        a plan do without): the app calls this in the background once a plan is on screen,
        so that edit does not wait for the import."""
        from planner.storage.database import load_sqlite_utils

        load_sqlite_utils()

    def close(self) -> None:
        """Close the file and free its lock; safe to call twice."""
        try:
            self._connection.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Plan:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def db(self) -> Database:
        """sqlite-utils' Database on the plan, for writes (made on the first of them)."""
        return self._connection.database

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "the plan"

    def save_copy(self, target: str | Path) -> Path:
        """Write a consistent snapshot of the plan to ``target`` (SQLite backup API), atomically."""
        destination = Path(target).expanduser().absolute()
        targets.check_target(destination, open_plan=self.path, noun="copy")
        with targets.target_locked(destination, noun="copy"):
            backup_to(self._connection.conn, destination)
        return destination

    # -- cached settings the services need on every edit --------------------------------

    @property
    def currency(self) -> Currency:
        if self._currency is None:
            self._currency = Currency(self.settings.get().currency)
        return self._currency

    @property
    def horizon(self) -> Horizon:
        if self._horizon is None:
            self._horizon = self.settings.get().horizon
        return self._horizon

    def _forget_cached_settings(self) -> None:
        self._currency = None
        self._horizon = None

    # -- change notification -------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with each committed change set; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every edit inside one transaction and one change set, or none of them."""
        if self._pending is not None:  # already batching: the outer batch decides
            with self._transaction():
                yield
            return
        self._pending = []
        try:
            with self._transaction():
                yield
            pending = self._pending
        finally:
            self._pending = None
        self._notify(pending)

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
        """The one way services write: a transaction, then its change is announced.

        The body may add to ``edit.ids`` (the id of a new record); ``edit.change`` is the
        resulting :class:`Change` once the block has committed.
        """
        scope = Edit(self.db, entity, action, set(ids), set(fields), set(months))
        with self._transaction():
            yield scope
        if self._pending is not None:
            self._pending.append(scope.change)
        else:
            self._notify([scope.change])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only_reason is not None:
            raise ReadOnlyPlanError(
                f"{self.where}: the plan is open read-only ({self.read_only_reason}); "
                "nothing was changed"
            )
        try:
            with self.db.atomic():
                yield
        except sqlite3.IntegrityError as error:
            self._forget_cached_settings()
            raise PlanError(
                f"{self.where}: the change breaks a rule of the plan ({error})"
            ) from None
        except sqlite3.DatabaseError as error:
            self._forget_cached_settings()
            raise PlanFileError(
                f"{self.where}: the change could not be saved ({error}); the plan is as it was"
            ) from None
        except BaseException:
            self._forget_cached_settings()
            raise

    def _notify(self, changes: list[Change]) -> None:
        if not changes:
            return
        change_set = ChangeSet.of(changes)
        failures = []
        for listener in list(self._listeners):
            # The edit is committed: every listener must hear of it, even if one of them fails.
            try:
                listener(change_set)
            except Exception as error:
                failures.append(error)
        if failures:
            raise ListenerError(failures) from failures[0]

    # -- raw queries for the analysis layer ---------------------------------------------

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query and return all rows (for the analysis and checks layers)."""
        return self._connection.read(sql, params).fetchall()

    def read(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run a query that only reads (the services' getters); writes go through an edit."""
        return self._connection.read(sql, params)


def _write_initial_settings(
    connection: PlanConnection,
    name: str,
    company: str,
    currency: str,
    fiscal_year_start: int,
    first_month: str | int,
    months: int,
    stage: Stage | str,
) -> None:
    plan_name = check.name("name", name)
    company_name = check.text("company", company, single_line=True)
    try:
        money = Currency(str(currency).strip().upper())
    except ValueError as error:
        raise ValidationError("currency", "format", str(error)) from None
    start = check.count("fiscal_year_start", fiscal_year_start)
    if not 1 <= start <= 12:
        raise ValidationError("fiscal_year_start", "range", "must be a month number from 1 to 12")
    first = check.month("first_month", first_month)
    count = check.count("months", months)
    if not 1 <= count <= MAX_HORIZON_MONTHS:
        raise ValidationError(
            "months", "range", f"the horizon must be 1 to {MAX_HORIZON_MONTHS} months"
        )
    plan_stage = check.choice("stage", stage, Stage)
    funnel = defaults.default_assumptions(money.scale)
    handoff = defaults.default_handoff()
    db = connection.database
    with db.atomic():
        db["plan_settings"].insert(
            {
                "id": 1,
                "name": plan_name,
                "company": company_name,
                "currency": money.code,
                "fiscal_year_start": start,
                "horizon_first": first,
                "horizon_months": count,
                "stage": plan_stage.value,
            }
        )
        db["funnel_assumptions"].insert({"id": 1, **_fields_of(funnel)})
        db["handoff_agreement"].insert({"id": 1, **_fields_of(handoff)})


def _fields_of(record: object) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]
