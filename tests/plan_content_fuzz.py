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

Beside those, :func:`app_written_plans` writes plans through the app's own services, with
values at the edges of what they take (the largest amounts and totals, rates near 0, a
120-month horizon, long text, markup): a plan the app wrote must never be refused.

``SMARKETING_FUZZ_EXAMPLES=N`` turns the suite's bounded, derandomised run into a random run
of N examples (see :func:`fuzz_settings`).
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import hashlib
import io
import os
import sqlite3
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from plan_file.hostile_plans import rebuild_without_constraints

from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO
from planner.domain import Role, Stage, Status, Team, Tier
from planner.storage import connection
from planner.storage.database import Database
from planner.storage.lock import lock_path_for
from planner.validation import MAX_NUMBER, MAX_TOTAL

# -- how long and how hard -------------------------------------------------------------------

_LONG_RUN = os.environ.get("SMARKETING_FUZZ_EXAMPLES")


def fuzz_settings(suite_examples: int) -> settings:
    """The suite's run: ``suite_examples`` examples, the same ones every run (derandomised, no
    example database), so CI is deterministic and bounded. With SMARKETING_FUZZ_EXAMPLES=N: N
    random examples, for the long run."""
    common = {
        "deadline": None,
        "database": None,
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
        "print_blob": True,
    }
    if _LONG_RUN:
        return settings(max_examples=int(_LONG_RUN), derandomize=False, **common)
    return settings(max_examples=suite_examples, derandomize=True, **common)


# A command still running after this long is taken for a hang; the watchdog ends the whole
# process, with every thread's traceback, when a hang cannot even be left behind.
COMMAND_TIMEOUT = 30.0
WATCHDOG_TIMEOUT = 120.0


# -- the plan to start from --------------------------------------------------------------------


@functools.cache
def base_plan() -> bytes:
    """The small demo plan's bytes, built once per process."""
    from planner.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="content-fuzz-") as folder:
        path = Path(folder) / "demo.smplan"
        build_demo(path)
        return path.read_bytes()


@functools.cache
def plan_tables() -> dict[str, tuple[str, ...]]:
    """The plan's own tables and their columns, read from a plan of the current format (so the
    strategies follow planner/storage/schema.py as it changes)."""
    db = Database(sqlite3.connect(":memory:"))
    connection.initialise(db)
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    tables = {
        name: tuple(row[1] for row in db.execute(f'PRAGMA table_info("{name}")')) for name in names
    }
    db.close()
    return tables


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


# -- what must hold after a command --------------------------------------------------------


@dataclass(frozen=True)
class FileState:
    digest: str
    beside: tuple[str, ...]  # every name in the plan's folder

    @classmethod
    def of(cls, path: Path) -> FileState:
        return cls(
            hashlib.sha256(path.read_bytes()).hexdigest(),
            tuple(sorted(entry.name for entry in path.parent.iterdir())),
        )


def assert_left_alone(path: Path, before: FileState, what: str) -> None:
    after = FileState.of(path)
    assert not lock_path_for(path).exists(), f"{what} left its lock file beside the plan"
    assert after.beside == before.beside, f"{what} left files beside the plan: {after.beside}"
    assert after.digest == before.digest, f"{what} changed the plan file"


# -- the command line, in this process -------------------------------------------------------


@contextlib.contextmanager
def watchdog() -> Iterator[None]:
    """End the process, printing every thread's traceback, if the block is still running after
    :data:`WATCHDOG_TIMEOUT`: a hang that holds the GIL or the UI thread cannot be left behind
    by a timeout, and a suite that stands still forever reports nothing."""
    faulthandler.dump_traceback_later(WATCHDOG_TIMEOUT, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@dataclass(frozen=True)
class CommandResult:
    code: int
    out: str
    err: str


def run_cli(args: Sequence[str | Path], *, timeout: float = COMMAND_TIMEOUT) -> CommandResult:
    """``smarketing ARGS`` through :func:`planner.cli.main.main` in this process, its output
    captured. A command still running after ``timeout`` seconds fails the test as a hang; one
    that holds the GIL so long that even that cannot happen ends the process with every
    thread's traceback (faulthandler)."""
    from planner.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    outcome: list[int | BaseException] = []

    def command() -> None:
        try:
            outcome.append(main([str(arg) for arg in args]))
        except BaseException as error:  # reported by the caller
            outcome.append(error)

    worker = threading.Thread(target=command, daemon=True, name=f"smarketing {args[0]}")
    with watchdog(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        worker.start()
        worker.join(timeout)
    assert not worker.is_alive(), f"smarketing {args[0]} still running after {timeout:.0f} s"
    (result,) = outcome
    if isinstance(result, BaseException):
        raise AssertionError(f"smarketing {args[0]} raised {result!r}") from result
    return CommandResult(result, out.getvalue(), err.getvalue())


def assert_worked_or_refused_in_one_line(result: CommandResult, what: str) -> None:
    """Exit 0 (or 1 for ``check`` with errors found), or 2 with one line that says why; never
    the catch-all's "unexpected error"."""
    assert "unexpected error" not in result.err, f"{what}: {result.err.strip()}"
    assert "Traceback" not in result.out + result.err, f"{what}: {result.err.strip()}"
    if result.code == 2:
        lines = result.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("smarketing: "), (
            f"{what} refused without one clear line: {result.err!r}"
        )
    else:
        assert result.code in (0, 1), f"{what} exited {result.code}: {result.err!r}"


# -- plans the app itself can write ------------------------------------------------------------
#
# The same commands must never refuse these: every edit goes through the app's own services
# (an edit they refuse is skipped), so whatever the file holds is within the app's rules, and
# a crash on it is a bug downstream of any content check.

_EXTREME_NUMBERS = st.one_of(
    st.sampled_from((0, 1, 2, 99, 10**15 - 1, 10**15, 10**14, 2**53 + 1)),
    st.integers(0, 10**15),
)


def _at_most(limit: int) -> st.SearchStrategy[int]:
    """``limit`` and the numbers just below it, or any number up to it."""
    return st.one_of(st.sampled_from((limit, limit - 1, 0, 1)), st.integers(0, limit))


_EXTREME_RATES = st.one_of(
    st.sampled_from((1e-300, 5e-324, 1e-9, 0.0001, 0.5, 1.0, "0.0000001%", "100%", "1e-30")),
    st.floats(min_value=0, max_value=1, exclude_min=True),
)
_NAMES = st.one_of(
    st.sampled_from(
        (
            "$\\frac{1}{2$",
            "$x^2$",
            "$",
            "\\",
            "<b>bold</b>",
            "&lt;&amp;",
            "=1+1",
            "-5",
            "@x",
            "{0} %s %(x)s",
            "😀" * 30,
            "\u202eevil",
            "A\u0301",
            "x" * 200,
            "ﬀ",
            "İ",
            "ß",
        )
    ),
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=60),
)
_LONG_TEXTS = st.one_of(_NAMES, st.sampled_from(("", "line\nbreak\ttab", "y" * 20_000)))
_YEARS_MONTHS = st.tuples(
    st.one_of(st.sampled_from((1900, 1999, 2026, 2999)), st.integers(1900, 2999)),
    st.integers(1, 12),
).map(lambda year_month: f"{year_month[0]}-{year_month[1]:02d}")


@dataclass(frozen=True)
class Edit:
    """``plan.<service>.<method>(*args, **kwargs)``, where an ``int`` argument named in
    ``picks`` is an index (modulo their number) into the plan's initiatives, people,
    segments or channels at the time, or into its horizon's months."""

    service: str
    method: str
    args: tuple[object, ...] = ()
    kwargs: tuple[tuple[str, object], ...] = ()
    picks: tuple[str, ...] = ()  # what each positional argument indexes, or "" (as given)

    def apply(self, plan) -> None:  # type: ignore[no-untyped-def]
        pools = {
            "initiative": lambda: [i.id for i in plan.initiatives.list()],
            "person": lambda: [p.id for p in plan.people.list()],
            "segment": lambda: [s.id for s in plan.segments.list()],
            "channel": lambda: [c.id for c in plan.channels.list()],
            "month": lambda: list(plan.horizon.months()),
        }
        args = []
        for arg, pick in zip(self.args, self.picks + ("",) * len(self.args), strict=False):
            if pick:
                pool = pools[pick]()
                if not pool:
                    return
                arg = pool[int(arg) % len(pool)]  # type: ignore[call-overload]
            args.append(arg)
        kwargs = {}
        for name, value in self.kwargs:
            if isinstance(value, Pick):
                pool = pools[value.pool]()
                if not pool:
                    return
                value = pool[value.index % len(pool)]
            kwargs[name] = value
        getattr(getattr(plan, self.service), self.method)(*args, **kwargs)


@dataclass(frozen=True)
class FillEverything:
    """Every metric of every initiative, planned and actual, in every month: ``value``, or
    (None) the largest value that keeps each column's total within the plan's limit."""

    value: int | None

    def apply(self, plan) -> None:  # type: ignore[no-untyped-def]
        from planner.domain import Metric
        from planner.services.values import Kind, ValueEntry

        cells = [
            (initiative.id, month)
            for initiative in plan.initiatives.list()
            for month in plan.horizon.months()
        ]
        value = self.value
        if value is None:
            value = min(MAX_NUMBER, MAX_TOTAL // max(len(cells), 1))
        plan.values.set_many(
            ValueEntry(initiative, month, metric, kind, value)
            for initiative, month in cells
            for metric in Metric
            for kind in Kind
        )


@dataclass(frozen=True)
class Pick:
    pool: str
    index: int


def _pick(pool: str) -> st.SearchStrategy[Pick]:
    return st.integers(0, 400).map(lambda index: Pick(pool, index))


_METRIC_NAMES = st.sampled_from(
    ("spend", "leads", "mql", "sal", "sql", "opportunities", "pipeline", "deals_won", "revenue_won")
)


@st.composite
def app_edits(draw: st.DrawFn) -> Edit | FillEverything:
    kind = draw(
        st.sampled_from(
            (
                "settings",
                "horizon",
                "initiative",
                "initiative",
                "add_initiative",
                "value",
                "value",
                "values_everywhere",
                "funnel",
                "handoff",
                "followup",
                "person",
                "segment",
                "role",
                "channel",
                "delete",
            )
        )
    )
    index = st.integers(0, 400)
    if kind == "settings":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("company"), _NAMES),
                st.tuples(
                    st.just("currency"), st.sampled_from(("JPY", "KRW", "XAU", "EUR", "ZZZ"))
                ),
                st.tuples(st.just("fiscal_year_start"), st.integers(1, 12)),
                st.tuples(st.just("stage"), st.sampled_from([stage.value for stage in Stage])),
            )
        )
        return Edit("settings", "update", kwargs=((field_, value),))
    if kind == "horizon":
        return Edit(
            "settings",
            "update",
            kwargs=(
                ("first_month", draw(_YEARS_MONTHS)),
                ("months", draw(st.sampled_from((1, 2, 12, 13, 36, 119, 120)))),
            ),
        )
    if kind == "initiative":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.sampled_from(("budget", "revenue_target")), _EXTREME_NUMBERS),
                st.tuples(st.sampled_from(("start_month", "end_month")), _pick("month")),
                st.tuples(st.just("status"), st.sampled_from([s.value for s in Status])),
                st.tuples(st.just("channel_id"), _pick("channel")),
                st.tuples(st.sampled_from(("problem", "so_what", "why_us", "notes")), _LONG_TEXTS),
            )
        )
        return Edit(
            "initiatives", "update", (draw(index),), ((field_, value),), picks=("initiative",)
        )
    if kind == "add_initiative":
        return Edit(
            "initiatives",
            "add",
            kwargs=(
                ("name", draw(_NAMES)),
                ("budget", draw(_EXTREME_NUMBERS)),
                ("revenue_target", draw(_EXTREME_NUMBERS)),
                ("status", draw(st.sampled_from([s.value for s in Status]))),
            ),
        )
    if kind == "value":
        return Edit(
            "values",
            "set",
            (draw(index), draw(index), draw(_METRIC_NAMES)),
            tuple(
                (which, draw(st.none() | _EXTREME_NUMBERS))
                for which in draw(st.sets(st.sampled_from(("planned", "actual")), min_size=1))
            ),
            picks=("initiative", "month", ""),
        )
    if kind == "values_everywhere":
        return FillEverything(draw(st.none() | _EXTREME_NUMBERS))
    if kind == "funnel":
        field_ = draw(
            st.sampled_from(
                (
                    "lead_to_mql",
                    "mql_to_sal",
                    "sal_to_sql",
                    "sql_to_opportunity",
                    "opportunity_to_won",
                    "average_deal_size",
                    "min_return_ratio",
                )
            )
        )
        value = draw(
            _EXTREME_NUMBERS.filter(bool)
            if field_ == "average_deal_size"
            else st.one_of(_EXTREME_RATES, _at_most(MAX_RETURN_RATIO))
            if field_ == "min_return_ratio"
            else _EXTREME_RATES
        )
        return Edit("funnel", "update", kwargs=((field_, value),))
    if kind == "handoff":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("mqls_per_month"), _at_most(MAX_MQLS_PER_MONTH)),
                st.tuples(st.just("acceptance_rate"), _EXTREME_RATES),
                st.tuples(st.just("followup_hours"), _EXTREME_RATES | _at_most(MAX_FOLLOWUP_HOURS)),
                st.tuples(st.just("quality_bar"), _LONG_TEXTS),
            )
        )
        return Edit("handoff", "update", kwargs=((field_, value),))
    if kind == "followup":
        return Edit(
            "handoff",
            "set_followup_hours",
            (draw(index), draw(st.none() | _at_most(MAX_FOLLOWUP_HOURS))),
            picks=("month", ""),
        )
    if kind == "person":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("team"), st.sampled_from([t.value for t in Team])),
                st.tuples(st.just("title"), _NAMES),
                st.tuples(st.just("active"), st.booleans()),
            )
        )
        return Edit("people", "update", (draw(index),), ((field_, value),), picks=("person",))
    if kind == "segment":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES),
                st.tuples(st.just("tier"), st.sampled_from([t.value for t in Tier])),
                st.tuples(st.just("notes"), _LONG_TEXTS),
            )
        )
        return Edit("segments", "update", (draw(index),), ((field_, value),), picks=("segment",))
    if kind == "role":
        return Edit(
            "roles",
            "set",
            (draw(index), draw(index), draw(st.none() | st.sampled_from([r.value for r in Role]))),
            picks=("initiative", "person", ""),
        )
    if kind == "channel":
        field_, value = draw(
            st.one_of(
                st.tuples(st.just("name"), _NAMES), st.tuples(st.just("retired"), st.booleans())
            )
        )
        return Edit("channels", "update", (draw(index),), ((field_, value),), picks=("channel",))
    service, pool = draw(
        st.sampled_from(
            (
                ("initiatives", "initiative"),
                ("people", "person"),
                ("segments", "segment"),
                ("channels", "channel"),
            )
        )
    )
    return Edit(service, "delete", (draw(index),), picks=(pool,))


def write_app_plan(
    path: Path, edits: Sequence[Edit | FillEverything]
) -> list[Edit | FillEverything]:
    """The demo plan at ``path``, changed by each of ``edits`` that the app's services accept;
    returns those they accepted."""
    from planner import Plan, PlanError

    path.write_bytes(base_plan())
    applied = []
    with Plan.open(path) as plan:
        for edit in edits:
            try:
                edit.apply(plan)
            except PlanError:
                continue
            applied.append(edit)
    return applied


@dataclass(frozen=True)
class AppWrittenPlan:
    edits: tuple[Edit | FillEverything, ...]

    def write(self, path: Path) -> None:
        write_app_plan(path, self.edits)


def app_written_plans() -> st.SearchStrategy[AppWrittenPlan]:
    """The demo plan after a few edits at the edges of what the app accepts."""
    return st.lists(app_edits(), min_size=1, max_size=8).map(
        lambda edits: AppWrittenPlan(tuple(edits))
    )
