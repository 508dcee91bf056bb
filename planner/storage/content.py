"""A plan's content checked against the app's own rules when it is opened.

SQLite's constraints (NOT NULL, STRICT, CHECK, UNIQUE, foreign keys) guard a plan the app
wrote, but a plan from someone else may hold values the schema admits and the app never
writes (a conversion rate of 0, a horizon starting in month 13, budgets whose sum overflows),
or have had its constraints edited out (a table rebuilt without them: a NULL name, text in a
number column). Every figure, chart and page assumes the app's rules, so a plan is read
against them once, when it is opened (:func:`check_content`, from
:mod:`planner.storage.opening`): by a command and by the app, for editing and read-only,
and after an upgrade. The rules are the ones every edit goes through
(:mod:`planner.validation`, :mod:`planner.months`, :class:`~planner.money.Currency`, the
domain's enums), not a second copy of them.

What breaks a rule refuses the plan in one line that names the table, the row and the field
(:class:`~planner.errors.PlanContentError`). Nothing is repaired on open: a read-only or
command-line open must never change the file, and an editing open that quietly rewrote a plan
from someone else would hide what was done to it. What the app can live with is left as it is:

=============================================================  ==============================
Found in the file                                              On open
=============================================================  ==============================
A settings, funnel-assumptions or hand-off row missing or      refused
doubled
A value of the wrong storage type (text in a number column,    refused
a number in a text column, NULL where a value is required)
Text that is not valid UTF-8                                   refused
A name empty, over 200 characters or with control characters;  refused
free text over 20,000 characters or with control characters
Two names with one key (any letter case), or a ``name_key``    refused
that is not its name's key
A status, team, tier, role, stage or flag not of its list      refused
A currency that is not an ISO 4217 code                        refused (edits take only
                                                               those codes too)
A horizon whose first month is no month of 1900-2999, a        refused
horizon of 0 or over 120 months, a fiscal year starting in
no month
A conversion or acceptance rate outside (0, 1], an average     refused
deal size of 0, hours or a return ratio negative, infinite or
above the limits of :mod:`planner.assumptions`, MQLs a month
above its limit
A seasonal profile that is not 12 weights from 0 to 1,000      refused
(one above 0), or stage lags that are not 5 months from 0 to
24 (:mod:`planner.phasing`)
An amount or count negative or above ``MAX_NUMBER``            refused
A column whose total over the plan is above ``MAX_TOTAL``      refused (its sums would
                                                               overflow 64-bit integers;
                                                               edits keep every total within
                                                               it, so the app writes none)
An initiative's start or end that is no month, or an end       refused
before its start
An initiative's start or end outside the horizon               opens: the app allows it
A monthly value in a month outside the horizon                 refused: the app never writes
                                                               one, cannot clear it, and
                                                               whole-plan totals would count
                                                               it
Follow-up hours of a month outside the horizon                 opens, kept, never counted
                                                               (the hand-off figures read the
                                                               horizon's months)
More than one Accountable on an initiative                     refused
No Accountable on an initiative with roles                     opens: the checks report the
                                                               missing owner, as the app
                                                               allows it
A key twice (a person's two roles on one initiative, two rows  refused
of one initiative's month, an id twice)
A reference to a row that does not exist                       refused
A saved CSV mapping that cannot be read as one                 opens: the import asks for the
                                                               columns again, as for a
                                                               mapping of a newer version
A version (``plan_versions``) whose kind is not baseline or    refused
scenario or whose lock is not 0 or 1, a value of the wrong
type or not UTF-8, an id twice; a row of a version's table
belonging to no version
A version's name the app would not write (empty, too long,     opens: every surface shows it
control characters, another's in other capitals, a name key    escaped, as plain text
not its name's)
A version's rows breaking a rule above, each version on its    that version is refused, in one
own (its names unique in it, its totals within the limits,     line naming the table, the row
one funnel-assumptions and hand-off row of its own), or a      and the field, when it is
row of a version's segments, roles or values naming an         opened, promoted or copied; the
initiative the version does not have                           plan opens, every other version
                                                               works, and the damaged one can
                                                               be deleted
=============================================================  ==============================

A version's rows are checked when the version is used (:func:`check_version_content`), not
when the plan is opened. They are a copy of the planned side that only opening, promoting or
copying that version reads (the working plan reads none of them), so damage there harms no
figure of the working plan; refusing the whole file for it would lock a user out of the plan
they work in over a copy they may not need, and checking every version on every open would
make a plan with many versions open more slowly for versions no one looks at. The list of
versions itself is checked on open: the app shows it, and every version path starts there.

A value breaking one of the schema's CHECK or NOT NULL constraints is named here too (the quick
check on open leaves those to this check on the current format; SQLite checks no CHECK
constraint on a read-only connection at all). A table SQLite keeps STRICT has its types
checked by that quick check, so only a table rebuilt without STRICT has each value's type read.

The check reads the small tables a column at a time through the validation functions, and the
one big table, ``monthly_values``, in one scan that stops at the first suspect row (none in a
sound plan); only then is that row read and judged by the same rules.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from planner import months as month_math
from planner import validation as check
from planner.domain import Metric, Role
from planner.errors import PlanContentError
from planner.money import Currency
from planner.storage import connection
from planner.storage.content_rules import (
    COUNT,
    MONTH,
    Column,
    Table,
    money_rule,
    month_problem,
    not_one_of,
    plan_tables,
    settings_table,
    shown,
    version_tables,
    versions_table,
)
from planner.storage.database import PlanConnection
from planner.storage.schema import ONE_ACCOUNTABLE_INDEX, VERSION_ONE_ACCOUNTABLE_INDEX
from planner.version import APP_NAME
from planner.versions import copying

_WAY_OUT = f"the plan was changed outside {APP_NAME} and is not opened; restore it from a copy"
_VERSION_WAY_OUT = (
    f"the version was changed outside {APP_NAME} and is not used; delete it, or restore the "
    "plan from a copy"
)
# How SQLite's typeof() names a storage type, as a message says it.
_HELD = {"integer": "a whole number", "real": "a number", "text": "text", "blob": "binary data"}
_DECLARED = {"integer": "INTEGER", "real": "REAL", "text": "TEXT"}


class _Breach(Exception):
    def __init__(self, table: str, row: str | None, field: str | None, message: str) -> None:
        super().__init__(message)
        self.table, self.row, self.field = table, row, field


def check_content(db: PlanConnection, *, where: str) -> None:
    """Refuse (:class:`PlanContentError`) a plan whose content breaks the app's rules; see the
    module's table. The rows of its versions are checked when a version is used
    (:func:`check_version_content`); the list of versions here. Only reads."""
    _refused_on(lambda: _Checker(db.conn).run(), where, _WAY_OUT)


def check_version_content(db: PlanConnection, version_id: int, *, where: str) -> None:
    """Refuse (:class:`PlanContentError`) version ``version_id`` of a plan (already opened, so
    checked by :func:`check_content`) when its rows break the rules of the working plan's
    (see the module's table), before it is opened, promoted or copied. Only reads."""
    _refused_on(lambda: _Checker(db.conn, version_id).run_version(), where, _VERSION_WAY_OUT)


def _refused_on(check: Callable[[], None], where: str, way_out: str) -> None:
    try:
        check()
    except sqlite3.DatabaseError as error:
        raise connection.damaged(where, error) from None
    except _Breach as breach:
        raise PlanContentError(
            f"{where}: {breach}; {way_out}",
            table=breach.table,
            row=breach.row,
            field=breach.field,
        ) from None


# -- the check -------------------------------------------------------------------------------

_METRIC_COLUMNS = tuple(
    column for metric in Metric for column in (metric.planned_column, metric.actual_column)
)
_ONE_OWNER_INDEXES = {
    "roles": ("one_accountable", ONE_ACCOUNTABLE_INDEX),
    "version_roles": ("version_one_accountable", VERSION_ONE_ACCOUNTABLE_INDEX),
}


class _Checker:
    def __init__(self, conn: sqlite3.Connection, version_id: int | None = None) -> None:
        self.conn = conn
        self.version_id = version_id  # the one version whose rows are checked
        # Names, for messages: the working plan's initiatives, the versions, and each
        # version's initiatives (by version id and initiative id).
        self.initiatives: dict[int, str] = {}
        self.versions: dict[int, str] = {}
        self.version_initiatives: dict[tuple[int, int], str] = {}

    def run(self) -> None:
        settings = self._table(settings_table())
        currency = Currency(settings["currency"][0])
        horizon = month_math.Horizon(settings["horizon_first"][0], settings["horizon_months"][0])
        tables = plan_tables(currency)
        for table in tables:
            columns = self._table(table)
            if table.name == "initiatives":
                self.initiatives = dict(zip(columns["id"], columns["name"], strict=True))
                self._initiatives(table, columns)
        self._references()
        self._roles("roles")
        self._values("monthly_values", _METRIC_COLUMNS, currency, horizon)
        self._listed_versions()

    def _listed_versions(self) -> None:
        """The versions as the plan lists them (names, kinds, locks), and no row of a
        version's table that belongs to no version: a version's rows are checked when it is
        used (:meth:`run_version`), so a plan with many versions opens as fast as one with
        none."""
        listed = self._table(versions_table())
        self.versions = dict(zip(listed["id"], listed["name"], strict=True))
        for part in copying.PARTS:
            # The versions a table holds rows of, each found once off its primary key.
            found = self.conn.execute(
                "WITH RECURSIVE held(id) AS (SELECT min(version_id) FROM "
                f"{part.version_table} UNION ALL SELECT (SELECT min(version_id) FROM "
                f"{part.version_table} WHERE version_id > held.id) FROM held "
                "WHERE held.id IS NOT NULL) SELECT typeof(id), CASE typeof(id) WHEN 'integer' "
                "THEN id ELSE CAST(id AS BLOB) END FROM held WHERE id IS NOT NULL "
                "AND (typeof(id) != 'integer' OR id NOT IN (SELECT id FROM plan_versions)) LIMIT 1"
            ).fetchone()
            if found is not None:
                kind, value = found
                held = value if kind == "integer" else f"{shown(value)} ({_HELD.get(kind, kind)})"
                raise _Breach(
                    part.version_table,
                    None,
                    "version_id",
                    f"{part.version_table}: a row's version_id is {held}, which is no version "
                    "of the plan",
                )

    def run_version(self) -> None:
        """Version :attr:`version_id`'s rows, by the rules of the working plan's (its names
        unique in it, its totals within the limits, one funnel-assumptions and hand-off row
        of its own)."""
        settings = self._table(settings_table())
        currency = Currency(settings["currency"][0])
        horizon = month_math.Horizon(settings["horizon_first"][0], settings["horizon_months"][0])
        listed = self._table(versions_table())
        self.versions = dict(zip(listed["id"], listed["name"], strict=True))
        for table in version_tables(plan_tables(currency)):
            columns = self._table(table)
            if table.single and not columns["version_id"]:
                label = self._version(self.version_id)
                raise _Breach(
                    table.name,
                    label,
                    None,
                    f"{label}: the plan has no {table.noun} of it in its {table.name} table, "
                    "where it has exactly one",
                )
            if table.name == "version_initiatives":
                keys = zip(columns["version_id"], columns["id"], strict=True)
                self.version_initiatives = dict(zip(keys, columns["name"], strict=True))
                self._initiatives(table, columns)
        self._version_references()
        self._roles("version_roles")
        self._values("version_values", copying.PLANNED_COLUMNS, currency, horizon)

    def _of_version(self, table: str, joined: str = "WHERE") -> str:
        """The condition keeping ``table``'s rows to the version checked (none for a working
        table), joined to the query by ``joined``."""
        if self.version_id is None or not table.startswith("version_"):
            return ""
        return f" {joined} version_id = {int(self.version_id)}"

    # -- the small tables, a column at a time ---------------------------------------------

    def _table(self, table: Table) -> dict[str, list[Any]]:
        """The table's columns (name -> values, row by row), every value checked; text is read
        as bytes and decoded here, so text that is not UTF-8 is a message, not SQLite's
        exception."""
        columns = table.columns
        typed = self._typed(table.name, {c.name: c.storage for c in columns})
        if typed:  # SQLite keeps the types: only text needs reading as bytes
            select = ", ".join(
                f"CAST({c.name} AS BLOB)" if c.storage == "text" else c.name for c in columns
            )
            rows = f"SELECT {select} FROM {table.name}{self._of_version(table.name)}"
            raw = self.conn.execute(rows).fetchall()
            kinds = None
        else:  # a table rebuilt without STRICT: every value's type is checked
            select = ", ".join(
                f"typeof({c.name}), CASE typeof({c.name}) WHEN 'text' "
                f"THEN CAST({c.name} AS BLOB) ELSE {c.name} END"
                for c in columns
            )
            rows = f"SELECT {select} FROM {table.name}{self._of_version(table.name)}"
            pairs = self.conn.execute(rows).fetchall()
            raw = [row[1::2] for row in pairs]
            kinds = [row[0::2] for row in pairs]
        if table.single and not table.versioned and len(raw) != 1:
            raise _Breach(
                table.name,
                None,
                None,
                f"{table.noun}: the plan has {len(raw)} rows in its {table.name} table, where "
                "it has exactly one",
            )
        values = [list(column) for column in zip(*raw, strict=True)] or [[] for _ in columns]
        for position, column in enumerate(columns):
            found = values[position]
            if kinds is not None:
                self._types(table, raw, position, column, [row[position] for row in kinds])
            elif not column.nullable and None in found:
                self._refuse(table, raw, found.index(None), column.name, "is empty (NULL)")
            if column.storage == "text":
                found = values[position] = self._decoded(table, raw, position, column, found)
            self._rule(table, raw, column, found)
        named = {column.name: found for column, found in zip(columns, values, strict=True)}
        if table.versioned:
            self._unique_in_versions(table, raw, named)
        else:
            key = columns[0].name  # the id, or what the table is keyed by
            self._unique(table, named[key], key)
        if table.single and not table.versioned and named["id"][0] != 1:
            self._refuse(table, raw, 0, "id", f"{named['id'][0]} must be 1")
        if table.named:
            scopes = named["version_id"] if table.versioned else None
            self._names(table, raw, named["name"], named["name_key"], scopes)
        return named

    def _typed(self, table: str, storage: dict[str, str]) -> bool:
        """Whether SQLite itself keeps each column of ``table`` to its storage type: a STRICT
        table declaring them as the app does (the quick check on open reports a value that
        is not)."""
        try:
            listed = self.conn.execute(f"PRAGMA table_list({table})").fetchone()
        except sqlite3.DatabaseError:  # an SQLite before 3.37 cannot tell: check every value
            return False
        if listed is None or not listed[5]:
            return False
        declared = {
            row[1]: row[2].upper() for row in self.conn.execute(f"PRAGMA table_info({table})")
        }
        return all(declared.get(name) == _DECLARED[kind] for name, kind in storage.items())

    def _types(
        self, table: Table, raw: list[Any], position: int, column: Column, kinds: list[str]
    ) -> None:
        for index, kind in enumerate(kinds):
            if kind == "null":
                if not column.nullable:
                    self._refuse(table, raw, index, column.name, "is empty (NULL)")
            elif kind != column.storage and not (column.storage == "real" and kind == "integer"):
                value = raw[index][position]
                held = f"text {shown(value)}" if kind == "text" else _HELD.get(kind, kind)
                self._refuse(
                    table,
                    raw,
                    index,
                    column.name,
                    f"holds {held} where {_HELD[column.storage]} belongs",
                )
            elif kind == "real" and not math.isfinite(raw[index][position]):
                self._refuse(
                    table, raw, index, column.name, f"{raw[index][position]} is not a finite number"
                )

    def _decoded(
        self, table: Table, raw: list[Any], position: int, column: Column, found: list[Any]
    ) -> list[Any]:
        try:
            if column.nullable:
                return [None if b is None else b.decode("utf-8") for b in found]
            return list(map(bytes.decode, found))  # UTF-8, strictly
        except UnicodeDecodeError:
            for index, row in enumerate(raw):
                try:
                    if row[position] is not None:
                        row[position].decode("utf-8")
                except UnicodeDecodeError:
                    self._refuse(
                        table,
                        raw,
                        index,
                        column.name,
                        f"{shown(row[position])} is not valid UTF-8 text",
                    )
            raise

    def _rule(self, table: Table, raw: list[Any], column: Column, values: list[Any]) -> None:
        rule = column.rule
        if rule is None:
            return
        present = [v for v in values if v is not None] if column.nullable else values
        if rule.all_pass is not None and rule.all_pass(present):
            return
        for index, value in enumerate(values):
            if value is None:
                continue
            problem = rule.problem(column.name, value)
            if problem is not None:
                quoted = shown(value) if isinstance(value, str) else str(value)
                self._refuse(table, raw, index, column.name, f"{quoted} {problem}")

    def _names(
        self,
        table: Table,
        raw: list[Any],
        names: list[str],
        keys: list[str],
        scopes: list[Any] | None = None,
    ) -> None:
        """Each name's key is the one the app gives it (``validation.name_key``), once (in
        its version, when ``scopes`` gives each row's)."""
        seen: dict[tuple[Any, str], int] = {}
        for index, (name, stored) in enumerate(zip(names, keys, strict=True)):
            key = check.name_key(name)
            if stored != key:
                self._refuse(
                    table,
                    raw,
                    index,
                    "name_key",
                    f"{shown(stored)} is not the key of its name ({shown(key)})",
                )
            scoped = (None if scopes is None else scopes[index], key)
            if scoped in seen:
                other = self._label(table, raw[seen[scoped]])
                self._refuse(table, raw, index, "name", f"is {other}'s name too (in any case)")
            seen[scoped] = index

    def _unique(self, table: Table, values: list[Any], field: str) -> None:
        if len(set(values)) == len(values):
            return
        seen: set[object] = set()
        for value in values:
            if value in seen:
                raise _Breach(
                    table.name,
                    None,
                    field,
                    f"{table.name}: {field} {shown(value)} is there more than once",
                )
            seen.add(value)

    def _unique_in_versions(
        self, table: Table, raw: list[Any], named: dict[str, list[Any]]
    ) -> None:
        """A version's table holds each row once in each version (its id's; for the assumptions
        and the hand-off agreement, one row)."""
        key = () if table.single else (table.columns[1].name,)
        rows = list(zip(named["version_id"], *(named[k] for k in key), strict=True))
        if len(set(rows)) == len(rows):
            return
        seen: set[tuple[Any, ...]] = set()
        field = key[0] if key else "version_id"
        problem = "there more than once" + (" (a version has exactly one)" if table.single else "")
        for index, row in enumerate(rows):
            if row in seen:
                self._refuse(table, raw, index, field, f"is {problem}")
            seen.add(row)

    def _label(self, table: Table, row: Sequence[Any]) -> str:
        """The row as a message names it: "initiative 12 'Webinar series'", or in a version
        "version 2 'Cut events', initiative 12 'Webinar series'"."""
        if table.versioned:
            within = replace(table, columns=table.columns[1:], versioned=False)
            return f"{self._version(row[0])}, {self._label(within, row[1:])}"
        if table.single:
            return table.noun
        first = row[0]
        if table.columns[0].name == "month":
            if month_problem("", first) is None:
                return f"{table.noun} of {month_math.label(first)}"
            return f"{table.noun} of month {shown(first)}"
        if first is None:
            label = f"{table.noun} without an id"
        else:
            label = f"{table.noun} {first if isinstance(first, int) else shown(first)}"
        if table.columns[1:2] and table.columns[1].name == "name" and row[1] is not None:
            label += f" {shown(row[1])}"
        return label

    def _refuse(self, table: Table, raw: list[Any], index: int, field: str, problem: str) -> None:
        label = self._label(table, raw[index])
        raise _Breach(table.name, label, field, f"{label}: {field} {problem}")

    def _initiatives(self, table: Table, columns: dict[str, list[Any]]) -> None:
        """Each initiative ends no earlier than it starts, and its money columns add up to
        what the app can add up (a version's in each version: it is opened as a plan)."""
        dates = zip(columns["start_month"], columns["end_month"], strict=True)
        for index, (start, end) in enumerate(dates):
            if end < start:
                label = self._label(table, [columns[c.name][index] for c in table.columns])
                raise _Breach(
                    table.name,
                    label,
                    "end_month",
                    f"{label}: end_month {end} is before its start_month {start}",
                )
        for column in ("budget", "revenue_target"):
            if not table.versioned:
                self._check_total(table.name, column, sum(columns[column]))
                continue
            totals: dict[int, int] = {}
            for version_id, amount in zip(columns["version_id"], columns[column], strict=True):
                totals[version_id] = totals.get(version_id, 0) + amount
            for version_id, total in totals.items():
                self._check_total(table.name, column, total, self._version(version_id))

    @staticmethod
    def _check_total(table: str, column: str, total: float, version: str | None = None) -> None:
        """Refuse a column adding up to more than ``MAX_TOTAL`` (in ``version``, when given)."""
        if total > check.MAX_TOTAL:
            where = f" of {version}" if version else ""
            raise _Breach(
                table,
                version,
                column,
                f"{table}: the {column} column{where} adds up to {total:,.0f}, more than the "
                f"{check.MAX_TOTAL:,} the app can add up",
            )

    def _initiative(self, initiative_id: object) -> str:
        name = self.initiatives.get(initiative_id)  # type: ignore[call-overload]
        shown_id = initiative_id if isinstance(initiative_id, int) else shown(initiative_id)
        return f"initiative {shown_id}" + (f" {shown(name)}" if name is not None else "")

    def _version(self, version_id: object) -> str:
        """A version as a message names it: "version 2 'Cut events 30%'"."""
        name = self.versions.get(version_id)  # type: ignore[call-overload]
        shown_id = version_id if isinstance(version_id, int) else shown(version_id)
        return f"version {shown_id}" + (f" {shown(name)}" if name is not None else "")

    def _owner(self, table: str, row: Sequence[Any]) -> str:
        """The initiative a row of ``table`` belongs to, as a message names it, from the
        row's first columns (the version's id and the initiative's, in a version's table)."""
        if not table.startswith("version_"):
            return self._initiative(row[0])
        name = self.version_initiatives.get((row[0], row[1]))
        shown_id = row[1] if isinstance(row[1], int) else shown(row[1])
        initiative = f"initiative {shown_id}" + (f" {shown(name)}" if name is not None else "")
        return f"{self._version(row[0])}, {initiative}"

    # -- references and roles, set-based ------------------------------------------------

    def _references(self) -> None:
        """Every reference is a whole number naming a row that exists (checked here rather than
        with PRAGMA foreign_key_check, which sees nothing once REFERENCES is edited out), and
        the link tables hold each pair once."""
        self._refer(
            (
                ("initiatives", "channel_id", "channels", "channel"),
                ("initiative_segments", "initiative_id", "initiatives", "initiative"),
                ("initiative_segments", "segment_id", "segments", "segment"),
                ("roles", "initiative_id", "initiatives", "initiative"),
                ("roles", "person_id", "people", "person"),
                ("monthly_values", "initiative_id", "initiatives", "initiative"),
            )
        )
        self._once(
            (
                ("initiative_segments", ("initiative_id", "segment_id")),
                ("roles", ("initiative_id", "person_id")),
                ("monthly_values", ("initiative_id", "month")),
            )
        )

    def _version_references(self) -> None:
        """As :meth:`_references`, for the versions' tables: each row's version is one of the
        plan's, its shared rows (channel, segment, person) are the working plan's, and its
        initiative one of that version's."""
        links = ("version_initiative_segments", "version_roles", "version_values")
        versioned = [part.version_table for part in copying.PARTS]
        self._refer(
            (
                *((table, "version_id", "plan_versions", "version") for table in versioned),
                ("version_initiatives", "channel_id", "channels", "channel"),
                ("version_initiative_segments", "segment_id", "segments", "segment"),
                ("version_roles", "person_id", "people", "person"),
            )
        )
        for table in links:
            found = self.conn.execute(
                f"SELECT version_id, initiative_id FROM (SELECT DISTINCT version_id, "
                f"initiative_id FROM {table}{self._of_version(table)}) AS row "
                "WHERE typeof(initiative_id) != 'integer' "
                "OR NOT EXISTS (SELECT 1 FROM version_initiatives v "
                "WHERE v.version_id = row.version_id AND v.id = row.initiative_id) LIMIT 1"
            ).fetchone()
            if found is not None:
                label = self._version(found[0])
                held = found[1] if isinstance(found[1], int) else shown(found[1])
                raise _Breach(
                    table,
                    label,
                    "initiative_id",
                    f"{label}: {table} holds initiative {held}, which the version does not have",
                )
        self._once(
            (
                ("version_initiative_segments", ("version_id", "initiative_id", "segment_id")),
                ("version_roles", ("version_id", "initiative_id", "person_id")),
                ("version_values", ("version_id", "initiative_id", "month")),
            )
        )

    def _refer(self, references: Sequence[tuple[str, str, str, str]]) -> None:
        """Each ``(table, column, parent, what)``: every value of the column is an id of the
        parent table."""
        for table, column, parent, what in references:
            # Each value once (read off an index when there is one), not each row.
            found = self.conn.execute(
                f"SELECT typeof(value), CASE typeof(value) WHEN 'integer' THEN value "
                f"ELSE CAST(value AS BLOB) END FROM (SELECT DISTINCT {column} AS value "
                f"FROM {table}{self._of_version(table)}) WHERE typeof(value) != 'integer' "
                f"OR value NOT IN (SELECT id FROM {parent}) LIMIT 1"
            ).fetchone()
            if found is not None:
                kind, value = found
                held = value if kind == "integer" else f"{shown(value)} ({_HELD.get(kind, kind)})"
                raise _Breach(
                    table,
                    None,
                    column,
                    f"{table}: a row's {column} is {held}, which is no {what} of the plan",
                )

    def _once(self, keys: Sequence[tuple[str, tuple[str, ...]]]) -> None:
        """Each ``(table, key)``: the table holds each key once."""
        for table, key in keys:
            if self._unique_key(table, key):
                continue
            twice = self.conn.execute(
                f"SELECT {', '.join(key)} FROM {table}{self._of_version(table)} "
                f"GROUP BY {', '.join(key)} "
                "HAVING count(*) > 1 LIMIT 1"
            ).fetchone()
            if twice is not None:
                label = self._owner(table, twice)
                raise _Breach(
                    table,
                    label,
                    key[-1],
                    f"{label}: {table} holds {key[-1]} {shown(twice[-1])} more than once",
                )

    def _unique_key(self, table: str, key: Sequence[str]) -> bool:
        """Whether a unique index (a primary key among them) keeps ``key`` unique in ``table``."""
        for index in self.conn.execute(f"PRAGMA index_list({table})").fetchall():
            if index[2]:
                info = self.conn.execute(f"PRAGMA index_info({index[1]!r})").fetchall()
                if [row[2] for row in info] == list(key):
                    return True
        return False

    def _one_owner_index(self, table: str) -> bool:
        """Whether the app's own index keeps each initiative to one Accountable."""
        name, sql = _ONE_OWNER_INDEXES[table]
        found = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND tbl_name = ?",
            [name, table],
        ).fetchone()
        return found is not None and found[0] == sql

    def _roles(self, table: str) -> None:
        """Every role of ``roles`` (or a version's, ``version_roles``) is one of the list,
        and an initiative has one Accountable at most."""
        owner = "version_id, initiative_id" if table == "version_roles" else "initiative_id"
        width = owner.count(",") + 1
        wrong = self.conn.execute(
            f"SELECT {owner}, person_id, typeof(role), CAST(role AS BLOB) FROM {table} "
            f"WHERE (typeof(role) != 'text' OR role NOT IN ({', '.join('?' * len(Role))}))"
            f"{self._of_version(table, 'AND')} LIMIT 1",
            [role.value for role in Role],
        ).fetchone()
        if wrong is not None:
            label = self._owner(table, wrong)
            person, kind, role = wrong[width:]
            held = shown(role) if kind == "text" else _HELD.get(kind, kind)
            raise _Breach(
                table,
                label,
                "role",
                f"{label}: role of person {person} {held} "
                f"{not_one_of([role.value for role in Role])}",
            )
        if self._one_owner_index(table):
            return
        owners = self.conn.execute(
            f"SELECT {owner}, count(*) FROM {table} WHERE role = 'A'"
            f"{self._of_version(table, 'AND')} "
            f"GROUP BY {owner} HAVING count(*) > 1 LIMIT 1"
        ).fetchone()
        if owners is not None:
            label = self._owner(table, owners)
            raise _Breach(
                table,
                label,
                "role",
                f"{label}: {owners[-1]} people are Accountable, where an initiative has "
                "exactly one owner",
            )

    # -- the monthly values, in one scan --------------------------------------------------

    def _values(
        self,
        table: str,
        metrics: Sequence[str],
        currency: Currency,
        horizon: month_math.Horizon,
    ) -> None:
        """A big table of monthly values (``monthly_values``, or the versions' planned ones,
        ``version_values``, whose ``metrics`` columns hold them) in one scan that stops at the
        first row breaking a rule; none in a sound plan. The scan of a STRICT table (its types
        kept by SQLite) tests each row's values OR-ed together: none is negative or as large as
        ``2**bits`` when that has no bit at or above ``bits``, where ``bits`` is chosen so that
        such values are within ``MAX_NUMBER`` and as many of them add up to at most
        ``MAX_TOTAL``. Only a plan whose values are that large is checked value by value and
        its columns totalled (a version's on their own), and only a row found breaking a rule
        is read, and the app's own rules say what is wrong with it."""
        exact = " OR ".join(
            [
                "typeof(month) != 'integer'",
                "month NOT BETWEEN :first AND :last",
                "month % 100 NOT BETWEEN 1 AND 12",
                *(
                    f"typeof({c}) NOT IN ('integer', 'null') OR {c} NOT BETWEEN 0 AND :largest"
                    for c in metrics
                ),
            ]
        )
        params = {"first": horizon.first, "last": horizon.last, "largest": check.MAX_NUMBER}
        (rows,) = self.conn.execute(
            f"SELECT count(*) FROM {table}{self._of_version(table)}"
        ).fetchone()
        versioned = table.startswith("version_")
        owner = ("version_id", "initiative_id") if versioned else ("initiative_id",)
        storage = dict.fromkeys((*owner, "month", *metrics), "integer")
        if self._typed(table, storage):
            bits = min(check.MAX_NUMBER, check.MAX_TOTAL // max(rows, 1)).bit_length() - 1
            combined = " | ".join(f"ifnull({c}, 0)" for c in metrics)
            quick = (
                f"(({combined}) >> :bits) != 0 OR ifnull(month, 0) NOT BETWEEN :first AND :last "
                "OR month % 100 NOT BETWEEN 1 AND 12"
            )
            suspect = self.conn.execute(
                f"SELECT 1 FROM {table} WHERE ({quick}){self._of_version(table, 'AND')} LIMIT 1",
                params | {"bits": bits},
            ).fetchone()
            if suspect is None:
                return
        self._month_row(table, owner, metrics, exact, params, currency, horizon)
        totals = ", ".join(f"total({c})" for c in metrics)
        by = "version_id" if versioned else "NULL"
        for version_id, *found in self.conn.execute(
            f"SELECT {by}, {totals} FROM {table}{self._of_version(table)} GROUP BY 1"
        ).fetchall():
            version = self._version(version_id) if versioned else None
            for column, total in zip(metrics, found, strict=True):
                self._check_total(table, column, total, version)

    def _month_row(
        self,
        table: str,
        owner: tuple[str, ...],
        metrics: Sequence[str],
        exact: str,
        params: dict[str, int],
        currency: Currency,
        horizon: month_math.Horizon,
    ) -> None:
        """Refuse the first row of ``table`` that ``exact`` finds, if any, saying which rule
        it breaks."""
        columns = ("month", *metrics)
        select = ", ".join(
            f"typeof({c}), CASE typeof({c}) WHEN 'text' THEN CAST({c} AS BLOB) ELSE {c} END"
            for c in columns
        )
        found = self.conn.execute(
            f"SELECT {', '.join(owner)}, {select} FROM {table} "
            f"WHERE ({exact}){self._of_version(table, 'AND')} LIMIT 1",
            params,
        ).fetchone()
        if found is None:
            return
        label = self._owner(table, found)
        kinds, raw = found[len(owner) :: 2], found[len(owner) + 1 :: 2]
        month = raw[0]
        if kinds[0] == "integer" and month_problem("", month) is None:
            label = f"{label}, {month_math.label(month)}"
            if month not in horizon:
                raise _Breach(
                    table,
                    label,
                    "month",
                    f"{label}: a value in month {month}, outside the plan's months "
                    f"({horizon.describe()})",
                )
        money = money_rule(currency)
        for position, column in enumerate(columns):
            if column == "month":
                spec = Column("month", "integer", MONTH)
            else:
                rule = money if Metric(column.rsplit("_", 1)[0]).is_money else COUNT
                spec = Column(column, "integer", rule, nullable=True)
            one = Table(table, label, (spec,), single=True)
            row = [[raw[position]]]
            self._types(one, row, 0, spec, [kinds[position]])
            self._rule(one, row, spec, [raw[position]])
