"""A plan's SQLite connection, and sqlite-utils, imported when a write first needs it.

Opening a plan and reading it need nothing of sqlite-utils: the checks on open and every
query of the analysis and the services run on the plain ``sqlite3`` connection. sqlite-utils
(its ``Database`` for writes and transactions, its ``Migrations`` for upgrades) brings click,
pluggy and a large regular expression with it, so :class:`PlanConnection` makes its
``Database`` on the first write or migration, and the app loads the module in the
background once its window has painted (:func:`load_sqlite_utils`).

sqlite-utils imports numpy (and pandas) when it is first imported, only to map their scalar
types to column types. The plan never hands it either, and numpy costs as much as the rest
of the core to import, in every command and on every start of the app. So the first import of
sqlite-utils is made with numpy hidden from the thread making it; a later ``import numpy``
(the charts, the in-memory sums), or one in another thread meanwhile, is unaffected. If numpy
is already imported, sqlite-utils sees it as usual.

It also imports dateutil's parser (with dateutil's time zones, ctypes and zoneinfo) for
two recipes that parse dates in text, which the plan never calls. That import is made
lazy: the parser module is executed on first use (matplotlib's dates use it), not at start.

Every module of the core reaches sqlite-utils through this one.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Mapping, Sequence
from importlib.machinery import ModuleSpec, PathFinder
from importlib.util import LazyLoader
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

_HIDDEN = frozenset({"numpy", "pandas"})
_DEFERRED = frozenset({"dateutil.parser"})


class _HiddenFromThisThread:
    """Makes ``import numpy`` (or pandas) fail in one thread while it is in ``sys.meta_path``,
    and ``import dateutil.parser`` lazy. (A meta path finder needs only ``find_spec``: not
    deriving from ``importlib.abc.MetaPathFinder`` keeps that module out of every start.)"""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: object = None
    ) -> ModuleSpec | None:
        if threading.get_ident() != self.thread:
            return None
        if fullname in _HIDDEN:
            raise ModuleNotFoundError(f"{fullname} is not loaded for sqlite-utils", name=fullname)
        if fullname in _DEFERRED:
            spec = PathFinder.find_spec(fullname, path)
            if spec is not None and spec.loader is not None:
                spec.loader = LazyLoader(spec.loader)
            return spec
        return None


def load_sqlite_utils() -> None:
    """Import sqlite-utils (numpy hidden, dateutil's parser lazy) unless it is imported; from
    any thread (a second thread importing it meanwhile waits for the first to finish)."""
    if "sqlite_utils" in sys.modules:
        return
    finder = _HiddenFromThisThread()
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils  # noqa: F401
    finally:
        sys.meta_path.remove(finder)


def new_migrations(name: str) -> Migrations:
    """An empty sqlite-utils migration set."""
    load_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    return Migrations(name)


class PlanConnection:
    """One plan's open SQLite connection.

    Reads (``SELECT`` and pragmas that only read) run on :attr:`conn` itself, through
    :meth:`read`. Writes go through :attr:`database`, sqlite-utils' ``Database`` on the same
    connection, made on first use: its ``execute`` commits a write made outside a
    transaction, and ``atomic`` makes the transactions of the edits and migrations.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    def read(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
        """Run a query that only reads."""
        return self.conn.execute(sql, parameters)

    @property
    def database(self) -> Database:
        """sqlite-utils' ``Database`` on this connection (sqlite-utils is imported on first use)."""
        if self._database is None:
            load_sqlite_utils()
            from sqlite_utils import Database

            # Neither option touches the connection: no pragma, no plugin's functions.
            self._database = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._database

    def close(self) -> None:
        self.conn.close()
