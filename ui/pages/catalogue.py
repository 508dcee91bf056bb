"""The pages of the plan window, in sidebar order, named without importing them.

A page's module (its models, delegates and views) is imported when the page is first shown,
so the window starts with one page's code loaded, not eight.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.page import Page


@dataclass(frozen=True)
class PageEntry:
    """One page: its sidebar title and icon, its View menu text, the digit of its Ctrl
    shortcut, and where its class is."""

    title: str
    icon_name: str
    menu_text: str  # with the accelerator; "&&" shows as "&"
    module: str
    class_name: str
    # Ctrl+<key> shows it. Not its place in the sidebar: a page added later keeps the
    # shortcuts people already know for the others wherever it goes in the list.
    key: int

    def load(self) -> type[Page]:
        """The page's class (importing its module the first time)."""
        return getattr(import_module(self.module), self.class_name)

    def names(self, page_class: type) -> bool:
        """Whether ``page_class`` is this entry's page."""
        return (page_class.__module__, page_class.__qualname__) == (self.module, self.class_name)


DASHBOARD = PageEntry(
    "Dashboard", "dashboard", "&Dashboard", "ui.pages.dashboard.page", "DashboardPage", 1
)
INITIATIVES = PageEntry(
    "Initiatives", "initiatives", "&Initiatives", "ui.pages.initiatives.page", "InitiativesPage", 2
)
PEOPLE = PageEntry(
    "People & roles", "people", "&People && Roles", "ui.pages.people.page", "PeoplePage", 3
)
STRIKE_ZONE = PageEntry(
    "Strike zone", "strike-zone", "&Strike Zone", "ui.pages.strike_zone.page", "StrikeZonePage", 4
)
TARGETS = PageEntry(
    "Targets & actuals", "targets", "&Targets && Actuals", "ui.pages.targets.page", "TargetsPage", 5
)
SETTINGS = PageEntry(
    "Plan settings", "settings", "Plan Settin&gs", "ui.pages.settings.page", "SettingsPage", 6
)
TIMELINE = PageEntry(
    "Timeline", "timeline", "Ti&meline", "ui.pages.timeline.page", "TimelinePage", 7
)
WATERFALL = PageEntry(
    "Waterfall", "waterfall", "&Waterfall", "ui.pages.waterfall.page", "WaterfallPage", 8
)

PAGES: tuple[PageEntry, ...] = (
    DASHBOARD,
    INITIATIVES,
    TIMELINE,
    WATERFALL,
    PEOPLE,
    STRIKE_ZONE,
    TARGETS,
    SETTINGS,
)


def entry_of(page: type[Page] | PageEntry) -> PageEntry:
    """The entry of a page class (or the entry itself)."""
    if isinstance(page, PageEntry):
        return page
    return next(entry for entry in PAGES if entry.names(page))
