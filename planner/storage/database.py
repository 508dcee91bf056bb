"""sqlite-utils, imported without numpy and without dateutil's parser.

sqlite-utils imports numpy (and pandas) when it is first imported, only to map their scalar
types to column types. The plan never hands it either, and numpy costs as much as the rest
of the core to import (80 ms here), in every command and on every start of the app. So the
first import of sqlite-utils is made with numpy hidden from the thread making it; a later
``import numpy`` (the charts, the in-memory sums), or one in another thread meanwhile, is
unaffected. If numpy is already imported, sqlite-utils sees it as usual.

It also imports dateutil's parser (with dateutil's time zones, ctypes and zoneinfo) for
two recipes that parse dates in text, which the plan never calls. That import is made
lazy: the parser module is executed on first use (matplotlib's dates use it), not at start.

Every module of the core imports sqlite-utils from here.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from importlib.util import LazyLoader

_HIDDEN = frozenset({"numpy", "pandas"})
_DEFERRED = frozenset({"dateutil.parser"})


class _HiddenFromThisThread(MetaPathFinder):
    """Makes ``import numpy`` (or pandas) fail in one thread while it is in ``sys.meta_path``,
    and ``import dateutil.parser`` lazy."""

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


def _import_sqlite_utils() -> None:
    finder = _HiddenFromThisThread()
    sys.meta_path.insert(0, finder)
    try:
        import sqlite_utils  # noqa: F401
    finally:
        sys.meta_path.remove(finder)


if "sqlite_utils" not in sys.modules:
    _import_sqlite_utils()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]
