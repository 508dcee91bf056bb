"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy (and pandas) when it is first imported, only to map their scalar
types to column types. The plan never hands it either, and numpy costs as much as the rest
of the core to import (80 ms here), in every command and on every start of the app. So the
first import of sqlite-utils is made with numpy hidden; a later ``import numpy`` (the
charts, the value cache) is unaffected. If numpy is already imported, it is left in view.

Every module of the core imports sqlite-utils from here.
"""

from __future__ import annotations

import sys

_HIDDEN = "numpy", "pandas"


def _import_without_hidden() -> None:
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


if "sqlite_utils" not in sys.modules:
    _import_without_hidden()

from sqlite_utils import Database  # noqa: E402
from sqlite_utils.migrations import Migrations  # noqa: E402

__all__ = ["Database", "Migrations"]
