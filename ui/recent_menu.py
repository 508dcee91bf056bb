"""File > Open Recent: each plan remembered, named by its company and file
("Tidewater Software — FY2026 Demand Plan.smplan"), read without opening the plan; a file gone
since, or one that cannot be read, says so.

The files are read off the UI thread each time the menu opens, and the menu is filled at once
from what was read last (a file not read yet shows its name): a plan on a network drive that
has gone to sleep holds the reader, never the menu. The open plan is named from the plan
itself: a file this process holds is not read again beside its connection."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMenu

from planner.storage.peek import PlanTitle, read_title
from ui.background import Outcome, TaskRunner
from ui.plain_text import menu_text, plain_tooltip


@dataclass(frozen=True)
class RecentEntry:
    """One line of the menu: its text (plain: no ``&`` shortcut of its own), the status tip
    that says more, and whether choosing it opens anything."""

    path: Path
    text: str
    tip: str
    can_open: bool = True


def recent_entry(path: Path) -> RecentEntry:
    """The line for the plan at ``path``, read from the file (in the reader's thread)."""
    try:
        there = path.exists()
    except OSError as error:  # a folder that may not be listed, a dead mount
        return RecentEntry(path, f"{path.name} — can't be read", f"{path}: {error.strerror}")
    if not there:
        return RecentEntry(
            path, f"{path.name} — no longer there", f"{path}: moved or deleted", False
        )
    return titled_entry(path, read_title(path))


def titled_entry(path: Path, title: PlanTitle) -> RecentEntry:
    """The line for the plan at ``path`` whose title is ``title``."""
    if title.problem:
        return RecentEntry(path, f"{path.name} — can't be read", f"{path}: {title.problem}")
    company, name = (" ".join(text.split()) for text in (title.company, title.name))
    text = f"{company} — {path.name}" if company else path.name
    plan = f"{name}, " if name else ""
    return RecentEntry(path, text, f"{plan}{path}")


def read_entries(paths: list[Path], held: Path | None) -> dict[Path, RecentEntry]:
    """The lines of ``paths``, read from their files, leaving out the file the window holds
    (``held``) under another name: closing a second handle on it would drop its locks."""
    entries = {}
    for path in paths:
        try:
            same = held is not None and os.path.samefile(path, held)
        except OSError:
            same = False  # gone, or not to be reached: recent_entry says which
        if not same:
            entries[path] = recent_entry(path)
    return entries


def unread_entry(path: Path) -> RecentEntry:
    """The line for a plan not read yet: its file's name."""
    return RecentEntry(path, path.name, str(path))


def fill_recent_menu(
    menu: QMenu,
    entries: list[RecentEntry],
    open_path: Callable[[Path], None],
    clear: Callable[[], None],
) -> None:
    menu.clear()
    menu.setToolTipsVisible(True)
    for number, entry in enumerate(entries, start=1):
        # Numbered 1 to 9 for the keyboard; the rest of the text is the file's, shown as written.
        action = menu.addAction(f"&{number} {menu_text(entry.text)}")
        action.setToolTip(plain_tooltip(entry.tip))
        action.setStatusTip(entry.tip)
        action.setEnabled(entry.can_open)
        action.triggered.connect(lambda _=False, p=entry.path: open_path(p))
    if not entries:
        menu.addAction("No recent plans").setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction("Clear Recent Plans", clear)


class RecentMenu:
    """The Open Recent menu of a window: ``remembered`` gives the plans to list, newest first;
    ``open_title`` the title of the plan the window holds at a path (``None`` for any other
    path, decided without touching the disk); ``held`` the file of that plan."""

    def __init__(
        self,
        menu: QMenu,
        remembered: Callable[[], list[Path]],
        open_title: Callable[[Path], PlanTitle | None],
        held: Callable[[], Path | None],
        open_path: Callable[[Path], None],
        clear: Callable[[], None],
    ) -> None:
        self.menu = menu
        self._remembered = remembered
        self._open_title = open_title
        self._held = held
        self._open_path = open_path
        self._clear = clear
        self._read: dict[Path, RecentEntry] = {}
        self._reader = TaskRunner(menu)
        menu.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        """Fill the menu from what is known, and read the files again in the background."""
        paths = self._remembered()
        self._fill(paths)
        unread = [path for path in paths if self._open_title(path) is None]
        if unread and not self._reader.busy():
            held = self._held()
            self._reader.start(
                lambda _progress, _cancel: read_entries(unread, held), on_done=self._have_read
            )

    def reading(self) -> bool:
        return self._reader.busy()

    def wait(self) -> None:
        """Block until the reading under way is in the menu (tests)."""
        self._reader.wait()

    def shut(self) -> None:
        """Let go of a reading still under way (the window is closing): a file on a stalled
        drive must not hold the window open."""
        self._reader.abandon()

    def _have_read(self, outcome: Outcome) -> None:
        if isinstance(outcome.result, dict):
            self._read.update(outcome.result)
        self._fill(self._remembered())

    def _fill(self, paths: list[Path]) -> None:
        fill_recent_menu(
            self.menu, [self._entry(path) for path in paths], self._open_path, self._clear
        )

    def _entry(self, path: Path) -> RecentEntry:
        title = self._open_title(path)
        if title is not None:
            return titled_entry(path, title)
        return self._read.get(path) or unread_entry(path)
