"""Plans whose tables hold any value SQLite will store, for the property tests that no content
of a plan file reaches the app's or the command line's catch-all (issue 15, item 4).

A plan is written the way a hostile or careless tool would: the small demo plan, copied, then
changed with ``sqlite3`` directly by a list of :class:`Mutation` steps that Hypothesis draws.
The file stays a plan the app recognises (its application_id, user_version and migrations
table are kept), so what follows the header check is the content itself:

- :class:`Rebuild` rebuilds a table without its NOT NULL, CHECK, UNIQUE, PRIMARY KEY,
  REFERENCES and STRICT (column types kept as plain affinity or dropped), with the content
  check's own helper (tests/plan_file/hostile_plans.py): what a database browser's "modify
  table" leaves behind;
- :class:`SetCell` / :class:`SetColumn` overwrite one cell or a whole column with any value:
  integers to +-2**63, floats (nan, inf, tiny, huge), any text (control characters, markup),
  blobs, text that is not UTF-8, NULL, and values aimed at the column's meaning (months off
  the horizon, rates of 0, currencies that are not ISO 4217, ids of rows that do not exist);
- :class:`DeleteRows` deletes one row or all of a table's (required rows included);
- :class:`CopyRow` inserts a copy of a row with some cells changed (duplicate names, a second
  Accountable, extra roles), or a new row into an empty table.

CHECK constraints are not enforced while mutating (``ignore_check_constraints``) and nor are
foreign keys; a step SQLite itself refuses (NOT NULL, a STRICT column's type, UNIQUE) is
skipped, so every plan written holds only what SQLite will store.

Plans the app itself writes are in ``app_written_plans.py``; how each plan is run and judged
is in ``fuzz_support.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fuzz_support import base_plan, plan_tables
from hypothesis import strategies as st
from plan_file.hostile_plans import rebuild_without_constraints

from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.domain import Role, Stage, Status, Team, Tier
from planner.validation import MAX_NUMBER, MAX_TOTAL

# -- values ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BytesAsText:
    """Text whose bytes are these, valid UTF-8 or not (lone surrogates, cut sequences):
    stored with ``CAST(? AS TEXT)``, as another program can."""

    data: bytes


_MARKUP = (
    "<b>bold</b>",
    "<span style='font-size:300px'>big</span>",
    "<a href='https://example.com'>link</a>",
    "&lt;escaped&gt; &amp;",
    "$x^2$",
    "$\\frac{1}{2$",
    '=HYPERLINK("http://example.com")',
    "+1-2",
    "@SUM(A1)",
    "line\nbreak\ttab\rreturn",
    "\x00nul\x07bell\x1b[31m",
    "\u202eright-to-left",
    "😀" * 50,
    "x" * 40_000,
    "",
    " ",
)

_INTEGERS = st.one_of(
    st.sampled_from(
        (
            0,
            1,
            -1,
            2,
            12,
            13,
            2**31 - 1,
            2**31,
            2**53 + 1,
            10**15,
            10**15 + 1,
            2**62,
            2**63 - 1,
            -(2**63),
            -(2**63) + 1,
            -(10**15),
        )
    ),
    st.integers(-(2**63), 2**63 - 1),
)
_FLOATS = st.one_of(
    st.sampled_from(
        (
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            1e-300,
            5e-324,
            1e300,
            1.7976931348623157e308,
            float("inf"),
            float("-inf"),
            float("nan"),
            9.3e18,
            -9.3e18,
        )
    ),
    st.floats(),
)
_TEXTS = st.one_of(st.sampled_from(_MARKUP), st.text(max_size=60))
# Text with lone surrogates cannot be bound as str; it goes in as its (invalid) UTF-8 bytes.
_SURROGATE_TEXTS = st.text(
    alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=4
).map(lambda text: BytesAsText(text.encode("utf-8", "surrogatepass")))
_NOT_UTF8 = st.one_of(
    st.sampled_from((b"\xff", b"\xc3", b"abc\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80")),
    st.binary(min_size=1, max_size=20),
).map(BytesAsText)
_BLOBS = st.binary(max_size=40)

ANY_VALUE = st.one_of(st.none(), _INTEGERS, _FLOATS, _TEXTS, _SURROGATE_TEXTS, _NOT_UTF8, _BLOBS)

# Values aimed at what a column means, beside any value at all.
_MONTHS = st.one_of(
    st.sampled_from(
        (
            202601,
            202512,
            202612,
            202613,
            202700,
            202800,
            202600,
            190001,
            189912,
            299912,
            300001,
            100,
            0,
            -202601,
            999999,
            10**8 + 1,
            2**63 - 1,
        )
    ),
    st.integers(180000, 310012),
)
_RATES = st.sampled_from((0.0, -0.1, 1.0, 1.0000001, 2.0, 1e-320, 100.0, 0.25))
# At and just past each limit the app has: where its checks and the code after them meet.
_MONEY = st.sampled_from(
    (0, -1, MAX_NUMBER, MAX_NUMBER + 1, MAX_TOTAL // 22, MAX_TOTAL, 2**62, 2**63 - 1)
)


def _up_to(limit: float) -> st.SearchStrategy[object]:
    return st.sampled_from((0, -1, limit, limit + 1, limit * 10, 2**31, MAX_NUMBER, 1e300))


_IDS = st.one_of(st.integers(-2, 30), st.sampled_from((2**31, 2**63 - 1, -(2**63))))
_CURRENCIES = st.sampled_from(("USD", "EUR", "JPY", "XXX", "usd", "ABC", "US", "USDX", "€€€", ""))


def _enum_texts(values: Sequence[str]) -> st.SearchStrategy[object]:
    return st.sampled_from((*values, "", "?", "ACTIVE", "a ", "Z", "none"))


_AIMED: dict[str, st.SearchStrategy[object]] = {
    "horizon_first": _MONTHS,
    "start_month": _MONTHS,
    "end_month": _MONTHS,
    "month": _MONTHS,
    "horizon_months": st.sampled_from((0, 1, 12, 36, 120, 121, 1200, 10**6, -1, 2**63 - 1)),
    "fiscal_year_start": st.integers(-2, 14),
    "currency": _CURRENCIES,
    "stage": _enum_texts([stage.value for stage in Stage]),
    "team": _enum_texts([team.value for team in Team]),
    "tier": _enum_texts([tier.value for tier in Tier]),
    "status": _enum_texts([status.value for status in Status]),
    "role": _enum_texts([role.value for role in Role]),
    "active": st.sampled_from((0, 1, 2, -1)),
    "retired": st.sampled_from((0, 1, 2, -1)),
    "position": _IDS,
    "id": _IDS,
    "initiative_id": _IDS,
    "person_id": _IDS,
    "segment_id": _IDS,
    "channel_id": _IDS,
    "budget": _MONEY,
    "revenue_target": _MONEY,
    "average_deal_size": _MONEY,
    "mqls_per_month": _up_to(MAX_MQLS_PER_MONTH),
    "lead_to_mql": _RATES,
    "mql_to_sal": _RATES,
    "sal_to_sql": _RATES,
    "sql_to_opportunity": _RATES,
    "opportunity_to_won": _RATES,
    "acceptance_rate": _RATES,
    "min_return_ratio": st.one_of(_RATES, _up_to(MAX_RETURN_RATIO)),
    "followup_hours": _up_to(MAX_FOLLOWUP_HOURS),
    "header_key": st.sampled_from(('["Amount", "Campaign"]', "[]", "not json", "{}", "null")),
    "mapping": st.sampled_from(("{}", "[]", "null", "not json", '{"columns": 1}', '"x"', "1")),
}


def value_for(column: str) -> st.SearchStrategy[object]:
    """Any value SQLite will store, or one aimed at what ``column`` means."""
    aimed = _AIMED.get(column)
    if aimed is None and column.endswith(("_plan", "_actual")):
        aimed = _MONEY
    if aimed is None and column in ("name", "name_key"):
        aimed = st.sampled_from(("Webinar series", "webinar SERIES", "", " ", "Ａ", "A\u0301"))
    return ANY_VALUE if aimed is None else st.one_of(aimed, ANY_VALUE)


# -- mutations -------------------------------------------------------------------------------


class Mutation:
    """One change a hostile tool makes to a plan's tables (see the module's docstring)."""

    table: str

    def apply(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Rebuild:
    """The table rebuilt by :func:`hostile_plans.rebuild_without_constraints` (content-check's
    helper): no NOT NULL, CHECK, UNIQUE, PRIMARY KEY, REFERENCES, DEFAULT or STRICT;
    ``keep_types`` keeps the declared types as plain affinity."""

    table: str
    keep_types: bool = True


@dataclass(frozen=True)
class SetCell(Mutation):
    table: str
    column: str
    row: int  # the n-th row (modulo how many there are)
    value: object

    def apply(self, conn: sqlite3.Connection) -> None:
        key = _row_key(conn, self.table, self.row)
        if key is None:
            return
        where, params = key
        sql, param = _bound(self.value)
        conn.execute(
            f'UPDATE "{self.table}" SET {_quoted(self.column)} = {sql} WHERE {where}',
            [param, *params],
        )


@dataclass(frozen=True)
class SetColumn(Mutation):
    table: str
    column: str
    value: object

    def apply(self, conn: sqlite3.Connection) -> None:
        sql, param = _bound(self.value)
        conn.execute(f'UPDATE "{self.table}" SET {_quoted(self.column)} = {sql}', [param])


@dataclass(frozen=True)
class DeleteRows(Mutation):
    table: str
    row: int | None  # None: every row

    def apply(self, conn: sqlite3.Connection) -> None:
        if self.row is None:
            conn.execute(f'DELETE FROM "{self.table}"')
            return
        key = _row_key(conn, self.table, self.row)
        if key is not None:
            where, params = key
            conn.execute(f'DELETE FROM "{self.table}" WHERE {where}', params)


@dataclass(frozen=True)
class CopyRow(Mutation):
    table: str
    row: int
    changes: tuple[tuple[str, object], ...] = field(default=())

    def apply(self, conn: sqlite3.Connection) -> None:
        # Each cell as an SQL expression and its parameters.
        cells: dict[str, tuple[str, list[object]]] = {}
        source, params = "", []
        key = _row_key(conn, self.table, self.row)
        if key is not None:
            # Copied in SQL: a cell that is not valid UTF-8 cannot pass through Python.
            cells = {column: (_quoted(column), []) for column in _columns(conn, self.table)}
            if "id" in cells:
                cells["id"] = ("NULL", [])  # a new id, as the app would give
            where, params = key
            source = f' FROM "{self.table}" WHERE {where}'
        for column, value in self.changes:
            sql, param = _bound(value)
            cells[column] = (sql, [param])
        if not cells:
            conn.execute(f'INSERT INTO "{self.table}" DEFAULT VALUES')
            return
        expressions = ", ".join(sql for sql, _ in cells.values())
        conn.execute(
            f'INSERT INTO "{self.table}" ({_names(list(cells))}) SELECT {expressions}{source}',
            [param for _, bound in cells.values() for param in bound] + params,
        )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(columns: Sequence[str] | dict[str, object]) -> str:
    return ", ".join(_quoted(column) for column in columns)


def _bound(value: object) -> tuple[str, object]:
    if isinstance(value, BytesAsText):
        return "CAST(? AS TEXT)", value.data
    return "?", value


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _without_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:
        return True
    return False


def _row_key(conn: sqlite3.Connection, table: str, row: int) -> tuple[str, list[object]] | None:
    """A WHERE clause naming the ``row``-th row of ``table`` (modulo its size), or None when
    it is empty."""
    if _without_rowid(conn, table):
        keys = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5] > 0]
    else:
        keys = ["rowid"]
    names = ", ".join(key if key == "rowid" else _quoted(key) for key in keys)
    rows = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {names}').fetchall()
    if not rows:
        return None
    where = " AND ".join(f"{name} IS ?" for name in names.split(", "))
    return where, list(rows[row % len(rows)])


def write_hostile_plan(
    path: Path, rebuilt: Sequence[Rebuild], mutations: Sequence[Mutation]
) -> list[Mutation]:
    """The demo plan at ``path`` with the ``rebuilt`` tables, changed by each of
    ``mutations`` that SQLite accepts; returns those it accepted."""
    path.write_bytes(base_plan())
    for rebuild in rebuilt:
        rebuild_without_constraints(path, rebuild.table, keep_types=rebuild.keep_types)
    applied = []
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for mutation in mutations:
            conn.execute("SAVEPOINT step")
            try:
                mutation.apply(conn)
            except sqlite3.IntegrityError:  # NOT NULL, UNIQUE, a STRICT column's type
                conn.execute("ROLLBACK TO step")
            except sqlite3.OperationalError as error:
                if "datatype mismatch" not in str(error) and "cannot store" not in str(error):
                    raise
                conn.execute("ROLLBACK TO step")
            else:
                applied.append(mutation)
            conn.execute("RELEASE step")
    finally:
        conn.close()
    return applied


# -- strategies ------------------------------------------------------------------------------


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    tables = plan_tables()
    table = draw(st.sampled_from(sorted(tables)))
    columns = list(tables[table])
    kind = draw(st.sampled_from(("cell", "cell", "cell", "column", "delete", "copy")))
    row = draw(st.integers(0, 200))
    if kind == "delete":
        return DeleteRows(table, draw(st.none() | st.just(row)))
    if kind == "copy":
        changed = draw(st.lists(st.sampled_from(columns), unique=True, max_size=3))
        return CopyRow(table, row, tuple((c, draw(value_for(c))) for c in changed))
    column = draw(st.sampled_from(columns))
    value = draw(value_for(column))
    return SetCell(table, column, row, value) if kind == "cell" else SetColumn(table, column, value)


@dataclass(frozen=True)
class HostilePlan:
    rebuilt: tuple[Rebuild, ...]
    steps: tuple[Mutation, ...]

    def write(self, path: Path) -> None:
        write_hostile_plan(path, self.rebuilt, self.steps)


@st.composite
def hostile_plans(draw: st.DrawFn) -> HostilePlan:
    """A few tables rebuilt without constraints (often none), then a few changes to rows."""
    tables = draw(st.lists(st.sampled_from(sorted(plan_tables())), unique=True, max_size=3))
    rebuilt = tuple(Rebuild(table, keep_types=draw(st.booleans())) for table in tables)
    return HostilePlan(rebuilt, tuple(draw(st.lists(mutations(), min_size=1, max_size=6))))
