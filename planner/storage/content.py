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
=============================================================  ==============================

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
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planner import months as month_math
from planner import validation as check
from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.domain import Metric, Role, Stage, Status, Team, Tier
from planner.errors import PlanContentError, ValidationError
from planner.money import Currency
from planner.storage import connection
from planner.storage.database import PlanConnection
from planner.storage.schema import ONE_ACCOUNTABLE_INDEX
from planner.version import APP_NAME

_WAY_OUT = f"the plan was changed outside {APP_NAME} and is not opened; restore it from a copy"
# How much of a text from the file a message quotes.
_SHOWN = 60
# How SQLite's typeof() names a storage type, as a message says it.
_HELD = {"integer": "a whole number", "real": "a number", "text": "text", "blob": "binary data"}
_DECLARED = {"integer": "INTEGER", "real": "REAL", "text": "TEXT"}


class _Breach(Exception):
    def __init__(self, table: str, row: str | None, field: str | None, message: str) -> None:
        super().__init__(message)
        self.table, self.row, self.field = table, row, field


def check_content(db: PlanConnection, *, where: str) -> None:
    """Refuse (:class:`PlanContentError`) a plan whose content breaks the app's rules; see the
    module's table. Only reads."""
    try:
        _Checker(db.conn).run()
    except sqlite3.DatabaseError as error:
        raise connection.damaged(where, error) from None
    except _Breach as breach:
        raise PlanContentError(
            f"{where}: {breach}; {_WAY_OUT}",
            table=breach.table,
            row=breach.row,
            field=breach.field,
        ) from None


def shown(value: object) -> str:
    """Text from the file as a message quotes it: in quotes, cut short, every control or
    invisible character escaped, so the message stays one line."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return repr(text)


# -- rules, each the app's own --------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    """What is wrong with one value (``None``: nothing), and optionally a quick test of a
    whole column that is true when every value passes (the usual case, at C speed)."""

    problem: Callable[[str, Any], str | None]
    all_pass: Callable[[list[Any]], bool] | None = None


def _validated(
    function: Callable[..., object],
    all_pass: Callable[[list[Any]], bool] | None = None,
    **options: object,
) -> _Rule:
    """A rule from a validation function: what its ValidationError says, if it raises."""

    def problem(field: str, value: Any) -> str | None:
        try:
            function(field, value, **options)
        except ValidationError as error:
            return error.detail
        return None

    return _Rule(problem, all_pass)


def _one_of(choices: type[StrEnum] | tuple[int, ...]) -> _Rule:
    allowed = frozenset(getattr(choice, "value", choice) for choice in choices)
    words = _not_one_of([getattr(choice, "value", choice) for choice in choices])
    return _Rule(lambda _field, value: None if value in allowed else words, allowed.issuperset)


def _not_one_of(allowed: Sequence[object]) -> str:
    return "is not one of: " + ", ".join(
        shown(choice) if isinstance(choice, str) else str(choice) for choice in allowed
    )


def _month_problem(_field: str, value: Any) -> str | None:
    try:
        month_math.parse_month(value)
    except ValueError as error:
        return f"is not a month ({error})"
    return None


def _currency_problem(_field: str, value: Any) -> str | None:
    try:
        Currency(value)
    except ValueError:
        return "is not an ISO 4217 currency code, such as USD"
    return None


def _between(low: int, high: int, words: str) -> _Rule:
    return _Rule(lambda _field, value: None if low <= value <= high else words)


def _texts_pass(values: list[str]) -> bool:
    return max(map(len, values), default=0) <= check.MAX_TEXT and all(map(check.showable, values))


def _numbers_pass(values: list[int]) -> bool:
    return min(values, default=0) >= 0 and max(values, default=0) <= check.MAX_NUMBER


def _money(currency: Currency) -> _Rule:
    return _validated(check.amount, _numbers_pass, currency=currency)


_NAME = _validated(check.name)
_TEXT = _validated(check.text, _texts_pass)
_RATE = _validated(check.rate)
_COUNT = _validated(check.count, _numbers_pass)
_MQLS = _validated(check.count, highest=MAX_MQLS_PER_MONTH)
_AGREED_HOURS = _validated(check.positive_number, allow_zero=False, highest=MAX_FOLLOWUP_HOURS)
_HOURS = _validated(check.positive_number, highest=MAX_FOLLOWUP_HOURS)
_RATIO = _validated(check.positive_number, highest=MAX_RETURN_RATIO)
_FLAG = _one_of((0, 1))
_MONTH = _Rule(
    _month_problem, lambda values: all(_month_problem("", v) is None for v in set(values))
)


@dataclass(frozen=True)
class _Column:
    name: str
    storage: str  # "integer", "real" or "text", as the app's STRICT table declares it
    rule: _Rule | None = None
    nullable: bool = False


@dataclass(frozen=True)
class _Table:
    name: str
    noun: str  # one row, as a message names it
    columns: tuple[_Column, ...]
    single: bool = False  # exactly one row, id 1
    named: bool = False  # a name unique by its name_key


def _id() -> _Column:
    return _Column("id", "integer")


def _settings() -> _Table:
    return _Table(
        "plan_settings",
        "plan settings",
        (
            _id(),
            _Column("name", "text", _NAME),
            _Column("company", "text", _TEXT),
            _Column("currency", "text", _Rule(_currency_problem)),
            _Column(
                "fiscal_year_start",
                "integer",
                _between(1, 12, "must be a month number from 1 to 12"),
            ),
            _Column("horizon_first", "integer", _MONTH),
            _Column(
                "horizon_months",
                "integer",
                _between(
                    1,
                    month_math.MAX_HORIZON_MONTHS,
                    f"the horizon must be 1 to {month_math.MAX_HORIZON_MONTHS} months",
                ),
            ),
            _Column("stage", "text", _one_of(Stage)),
        ),
        single=True,
    )


def _tables(currency: Currency) -> tuple[_Table, ...]:
    """The small tables after the settings, in the order they are read (the initiatives
    before the tables that refer to them, so a message can name an initiative)."""
    money = _money(currency)
    deal_size = _Rule(
        lambda field, value: (
            money.problem(field, value) or (None if value > 0 else "must be above zero")
        )
    )
    return (
        _Table(
            "funnel_assumptions",
            "funnel assumptions",
            (
                _id(),
                *(
                    _Column(rate, "real", _RATE)
                    for rate in (
                        "lead_to_mql",
                        "mql_to_sal",
                        "sal_to_sql",
                        "sql_to_opportunity",
                        "opportunity_to_won",
                    )
                ),
                _Column("average_deal_size", "integer", deal_size),
                _Column("min_return_ratio", "real", _RATIO),
            ),
            single=True,
        ),
        _Table(
            "handoff_agreement",
            "hand-off agreement",
            (
                _id(),
                _Column("mqls_per_month", "integer", _MQLS),
                _Column("acceptance_rate", "real", _RATE),
                _Column("followup_hours", "real", _AGREED_HOURS),
                _Column("quality_bar", "text", _TEXT),
            ),
            single=True,
        ),
        _Table(
            "people",
            "person",
            (
                _id(),
                _Column("name", "text", _NAME),
                _Column("name_key", "text"),
                _Column("team", "text", _one_of(Team)),
                _Column("title", "text", _TEXT),
                _Column("email", "text", _TEXT),
                _Column("active", "integer", _FLAG),
            ),
            named=True,
        ),
        _Table(
            "segments",
            "segment",
            (
                _id(),
                _Column("name", "text", _NAME),
                _Column("name_key", "text"),
                _Column("tier", "text", _one_of(Tier)),
                _Column("notes", "text", _TEXT),
            ),
            named=True,
        ),
        _Table(
            "channels",
            "channel",
            (
                _id(),
                _Column("name", "text", _NAME),
                _Column("name_key", "text"),
                _Column("position", "integer"),
                _Column("retired", "integer", _FLAG),
            ),
            named=True,
        ),
        _Table(
            "initiatives",
            "initiative",
            (
                _id(),
                _Column("name", "text", _NAME),
                _Column("name_key", "text"),
                _Column("channel_id", "integer"),
                _Column("status", "text", _one_of(Status)),
                _Column("start_month", "integer", _MONTH),
                _Column("end_month", "integer", _MONTH),
                _Column("budget", "integer", money),
                _Column("revenue_target", "integer", money),
                *(
                    _Column(story, "text", _TEXT)
                    for story in ("problem", "so_what", "why_us", "notes")
                ),
            ),
            named=True,
        ),
        _Table(
            "handoff_months",
            "follow-up hours",
            (
                _Column("month", "integer"),
                _Column("followup_hours", "real", _HOURS, nullable=True),
            ),
        ),
        _Table(
            "import_mappings",
            "saved CSV mapping",
            (_Column("header_key", "text"), _Column("mapping", "text")),
        ),
    )


# -- the check -------------------------------------------------------------------------------

_METRIC_COLUMNS = tuple(
    column for metric in Metric for column in (metric.planned_column, metric.actual_column)
)


class _Checker:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.initiatives: dict[int, str] = {}  # id -> name, for messages

    def run(self) -> None:
        settings = self._table(_settings())
        currency = Currency(settings["currency"][0])
        horizon = month_math.Horizon(settings["horizon_first"][0], settings["horizon_months"][0])
        for table in _tables(currency):
            columns = self._table(table)
            if table.name == "initiatives":
                self.initiatives = dict(zip(columns["id"], columns["name"], strict=True))
                self._initiative_dates(columns)
                for column in ("budget", "revenue_target"):
                    self._check_total(table.name, column, sum(columns[column]))
        self._references()
        self._roles()
        self._monthly_values(currency, horizon)

    # -- the small tables, a column at a time ---------------------------------------------

    def _table(self, table: _Table) -> dict[str, list[Any]]:
        """The table's columns (name -> values, row by row), every value checked; text is read
        as bytes and decoded here, so text that is not UTF-8 is a message, not SQLite's
        exception."""
        columns = table.columns
        typed = self._typed(table.name, {c.name: c.storage for c in columns})
        if typed:  # SQLite keeps the types: only text needs reading as bytes
            select = ", ".join(
                f"CAST({c.name} AS BLOB)" if c.storage == "text" else c.name for c in columns
            )
            raw = self.conn.execute(f"SELECT {select} FROM {table.name}").fetchall()
            kinds = None
        else:  # a table rebuilt without STRICT: every value's type is checked
            select = ", ".join(
                f"typeof({c.name}), CASE typeof({c.name}) WHEN 'text' "
                f"THEN CAST({c.name} AS BLOB) ELSE {c.name} END"
                for c in columns
            )
            pairs = self.conn.execute(f"SELECT {select} FROM {table.name}").fetchall()
            raw = [row[1::2] for row in pairs]
            kinds = [row[0::2] for row in pairs]
        if table.single and len(raw) != 1:
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
        key = columns[0].name  # the id, or what the table is keyed by
        self._unique(table, named[key], key)
        if table.single and named["id"][0] != 1:
            self._refuse(table, raw, 0, "id", f"{named['id'][0]} must be 1")
        if table.named:
            self._names(table, raw, named["name"], named["name_key"])
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
        self, table: _Table, raw: list[Any], position: int, column: _Column, kinds: list[str]
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
        self, table: _Table, raw: list[Any], position: int, column: _Column, found: list[Any]
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

    def _rule(self, table: _Table, raw: list[Any], column: _Column, values: list[Any]) -> None:
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

    def _names(self, table: _Table, raw: list[Any], names: list[str], keys: list[str]) -> None:
        """Each name's key is the one the app gives it (``validation.name_key``), once."""
        seen: dict[str, int] = {}
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
            if key in seen:
                other = self._label(table, raw[seen[key]])
                self._refuse(table, raw, index, "name", f"is {other}'s name too (in any case)")
            seen[key] = index

    def _unique(self, table: _Table, values: list[Any], field: str) -> None:
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

    @staticmethod
    def _label(table: _Table, row: Sequence[Any]) -> str:
        """The row as a message names it: "initiative 12 'Webinar series'"."""
        if table.single:
            return table.noun
        first = row[0]
        if table.columns[0].name == "month":
            if _month_problem("", first) is None:
                return f"{table.noun} of {month_math.label(first)}"
            return f"{table.noun} of month {shown(first)}"
        if first is None:
            label = f"{table.noun} without an id"
        else:
            label = f"{table.noun} {first if isinstance(first, int) else shown(first)}"
        if table.named and row[1] is not None:
            label += f" {shown(row[1])}"
        return label

    def _refuse(self, table: _Table, raw: list[Any], index: int, field: str, problem: str) -> None:
        label = self._label(table, raw[index])
        raise _Breach(table.name, label, field, f"{label}: {field} {problem}")

    def _initiative_dates(self, columns: dict[str, list[Any]]) -> None:
        dates = zip(columns["id"], columns["start_month"], columns["end_month"], strict=True)
        for initiative_id, start, end in dates:
            if end < start:
                label = self._initiative(initiative_id)
                raise _Breach(
                    "initiatives",
                    label,
                    "end_month",
                    f"{label}: end_month {end} is before its start_month {start}",
                )

    @staticmethod
    def _check_total(table: str, column: str, total: float) -> None:
        if total > check.MAX_TOTAL:
            raise _Breach(
                table,
                None,
                column,
                f"{table}: the {column} column adds up to {total:,.0f}, more than the "
                f"{check.MAX_TOTAL:,} the app can add up",
            )

    def _initiative(self, initiative_id: object) -> str:
        name = self.initiatives.get(initiative_id)  # type: ignore[call-overload]
        shown_id = initiative_id if isinstance(initiative_id, int) else shown(initiative_id)
        return f"initiative {shown_id}" + (f" {shown(name)}" if name is not None else "")

    # -- references and roles, set-based ------------------------------------------------

    def _references(self) -> None:
        """Every reference is a whole number naming a row that exists (checked here rather than
        with PRAGMA foreign_key_check, which sees nothing once REFERENCES is edited out), and
        the link tables hold each pair once."""
        for table, column, parent, what in (
            ("initiatives", "channel_id", "channels", "channel"),
            ("initiative_segments", "initiative_id", "initiatives", "initiative"),
            ("initiative_segments", "segment_id", "segments", "segment"),
            ("roles", "initiative_id", "initiatives", "initiative"),
            ("roles", "person_id", "people", "person"),
            ("monthly_values", "initiative_id", "initiatives", "initiative"),
        ):
            # Each value once (read off an index when there is one), not each row.
            found = self.conn.execute(
                f"SELECT typeof(value), CASE typeof(value) WHEN 'integer' THEN value "
                f"ELSE CAST(value AS BLOB) END FROM (SELECT DISTINCT {column} AS value "
                f"FROM {table}) WHERE typeof(value) != 'integer' "
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
        for table, key in (
            ("initiative_segments", ("initiative_id", "segment_id")),
            ("roles", ("initiative_id", "person_id")),
            ("monthly_values", ("initiative_id", "month")),
        ):
            if self._unique_key(table, key):
                continue
            twice = self.conn.execute(
                f"SELECT {', '.join(key)} FROM {table} GROUP BY {', '.join(key)} "
                "HAVING count(*) > 1 LIMIT 1"
            ).fetchone()
            if twice is not None:
                label = self._initiative(twice[0])
                raise _Breach(
                    table,
                    label,
                    key[1],
                    f"{label}: {table} holds {key[1]} {shown(twice[1])} more than once",
                )

    def _unique_key(self, table: str, key: Sequence[str]) -> bool:
        """Whether a unique index (a primary key among them) keeps ``key`` unique in ``table``."""
        for index in self.conn.execute(f"PRAGMA index_list({table})").fetchall():
            if index[2]:
                info = self.conn.execute(f"PRAGMA index_info({index[1]!r})").fetchall()
                if [row[2] for row in info] == list(key):
                    return True
        return False

    def _one_owner_index(self) -> bool:
        """Whether the app's own index keeps each initiative to one Accountable."""
        found = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'one_accountable' "
            "AND tbl_name = 'roles'"
        ).fetchone()
        return found is not None and found[0] == ONE_ACCOUNTABLE_INDEX

    def _roles(self) -> None:
        wrong = self.conn.execute(
            "SELECT initiative_id, person_id, typeof(role), CAST(role AS BLOB) FROM roles "
            f"WHERE typeof(role) != 'text' OR role NOT IN ({', '.join('?' * len(Role))}) LIMIT 1",
            [role.value for role in Role],
        ).fetchone()
        if wrong is not None:
            label = self._initiative(wrong[0])
            held = shown(wrong[3]) if wrong[2] == "text" else _HELD.get(wrong[2], wrong[2])
            raise _Breach(
                "roles",
                label,
                "role",
                f"{label}: role of person {wrong[1]} {held} "
                f"{_not_one_of([role.value for role in Role])}",
            )
        if self._one_owner_index():
            return
        owners = self.conn.execute(
            "SELECT initiative_id, count(*) FROM roles WHERE role = 'A' "
            "GROUP BY initiative_id HAVING count(*) > 1 LIMIT 1"
        ).fetchone()
        if owners is not None:
            label = self._initiative(owners[0])
            raise _Breach(
                "roles",
                label,
                "role",
                f"{label}: {owners[1]} people are Accountable, where an initiative has "
                "exactly one owner",
            )

    # -- the monthly values, in one scan --------------------------------------------------

    def _monthly_values(self, currency: Currency, horizon: month_math.Horizon) -> None:
        """The big table in one scan that stops at the first row breaking a rule; none in a
        sound plan. The scan of a STRICT table (its types kept by SQLite) tests each row's
        values OR-ed together: none is negative or as large as ``2**bits`` when that has no
        bit at or above ``bits``, where ``bits`` is chosen so that such values are within
        ``MAX_NUMBER`` and as many of them add up to at most ``MAX_TOTAL``. Only a plan whose
        values are that large is checked value by value and its columns totalled, and only a
        row found breaking a rule is read, and the app's own rules say what is wrong with
        it."""
        exact = " OR ".join(
            [
                "typeof(month) != 'integer'",
                "month NOT BETWEEN :first AND :last",
                "month % 100 NOT BETWEEN 1 AND 12",
                *(
                    f"typeof({c}) NOT IN ('integer', 'null') OR {c} NOT BETWEEN 0 AND :largest"
                    for c in _METRIC_COLUMNS
                ),
            ]
        )
        params = {"first": horizon.first, "last": horizon.last, "largest": check.MAX_NUMBER}
        (rows,) = self.conn.execute("SELECT count(*) FROM monthly_values").fetchone()
        storage = {"initiative_id": "integer", "month": "integer"}
        if self._typed("monthly_values", storage | dict.fromkeys(_METRIC_COLUMNS, "integer")):
            bits = min(check.MAX_NUMBER, check.MAX_TOTAL // max(rows, 1)).bit_length() - 1
            combined = " | ".join(f"ifnull({c}, 0)" for c in _METRIC_COLUMNS)
            quick = (
                f"(({combined}) >> :bits) != 0 OR ifnull(month, 0) NOT BETWEEN :first AND :last "
                "OR month % 100 NOT BETWEEN 1 AND 12"
            )
            suspect = self.conn.execute(
                f"SELECT 1 FROM monthly_values WHERE {quick} LIMIT 1", params | {"bits": bits}
            ).fetchone()
            if suspect is None:
                return
        self._month_row(exact, params, currency, horizon)
        totals = ", ".join(f"total({c})" for c in _METRIC_COLUMNS)
        found = self.conn.execute(f"SELECT {totals} FROM monthly_values").fetchone()
        for column, total in zip(_METRIC_COLUMNS, found, strict=True):
            self._check_total("monthly_values", column, total)

    def _month_row(
        self, exact: str, params: dict[str, int], currency: Currency, horizon: month_math.Horizon
    ) -> None:
        """Refuse the first row of ``monthly_values`` that ``exact`` finds, if any, saying
        which rule it breaks."""
        columns = ("month", *_METRIC_COLUMNS)
        select = ", ".join(
            f"typeof({c}), CASE typeof({c}) WHEN 'text' THEN CAST({c} AS BLOB) ELSE {c} END"
            for c in columns
        )
        found = self.conn.execute(
            f"SELECT initiative_id, {select} FROM monthly_values WHERE {exact} LIMIT 1", params
        ).fetchone()
        if found is None:
            return
        label = self._initiative(found[0])
        kinds, raw = found[1::2], found[2::2]
        table = _Table("monthly_values", "monthly values", ())
        month = raw[0]
        if kinds[0] == "integer" and _month_problem("", month) is None:
            label = f"{label}, {month_math.label(month)}"
            if month not in horizon:
                raise _Breach(
                    table.name,
                    label,
                    "month",
                    f"{label}: a value in month {month}, outside the plan's months "
                    f"({horizon.describe()})",
                )
        money = _money(currency)
        for position, column in enumerate(columns):
            if column == "month":
                spec = _Column("month", "integer", _MONTH)
            else:
                rule = money if Metric(column.rsplit("_", 1)[0]).is_money else _COUNT
                spec = _Column(column, "integer", rule, nullable=True)
            one = _Table("monthly_values", label, (spec,), single=True)
            row = [[raw[position]]]
            self._types(one, row, 0, spec, [kinds[position]])
            self._rule(one, row, spec, [raw[position]])
