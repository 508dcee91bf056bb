"""A cheaper answer to the question PySide6 asks of every module imported after it.

PySide6 supports ``from __feature__ import snake_case`` by asking, after each import, whether
the new module's source mentions "PySide6"; it finds out with ``inspect.getsource``, which
goes through ``linecache`` and keeps every source file in memory. Over the 200 modules the
app imports before its first paint that is 60 ms of a 0.6 s start and 6 MB (app starts
measured side by side with and without this module, six of each). Reading the file's bytes
answers the same question for a ``.py`` file; anything else (a frozen module in the bundle,
a built-in, a namespace package) still gets PySide6's own answer.

The app uses no ``__feature__``; the answer is kept exact all the same, so one that does
would still work. Importing this module installs the check; :mod:`ui.app` imports it first.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (sets up shibokensupport.feature, replaced below)

_FEATURE_MODULE = "shibokensupport.feature"


def uses_pyside(module: ModuleType, upstream) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``module``'s source mentions PySide6, as PySide6's own check decides it."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return upstream(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return upstream(module)


def install() -> bool:
    """Put the cheaper check in PySide6's place; ``False`` (and nothing changed) if this
    PySide6 has no such check, so a new version that drops or renames it is left alone."""
    feature = sys.modules.get(_FEATURE_MODULE)
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream):
        return False
    if isinstance(upstream, _Check):
        return True
    feature._mod_uses_pyside = _Check(upstream)  # type: ignore[attr-defined]
    return True


class _Check:
    """The cheaper check, holding PySide6's own for what it cannot answer (and for tests)."""

    def __init__(self, upstream) -> None:  # type: ignore[no-untyped-def]
        self.upstream = upstream

    def __call__(self, module: ModuleType) -> bool:
        return uses_pyside(module, self.upstream)


install()
