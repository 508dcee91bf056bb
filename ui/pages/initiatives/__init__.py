"""The Initiatives page: the plan's campaigns and programs, edited in a table with a detail
pane for each one's story, segments and people.

The page's class is loaded when first asked for (``from ui.pages.initiatives import
InitiativesPage``), not with the package: the Timeline page reuses the filter bar of this
package, and showing it need not load the whole Initiatives page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.pages.initiatives.page import InitiativesPage

__all__ = ["InitiativesPage"]


def __getattr__(name: str) -> Any:
    if name == "InitiativesPage":
        from ui.pages.initiatives.page import InitiativesPage

        return InitiativesPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
