"""File > Open Recent: each plan remembered, named by its company and file
("Tidewater Software — FY2026 Demand Plan.smplan"), read when the menu opens without opening
the plan; a file gone since, or one that cannot be read, says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMenu

from planner.storage.peek import PlanTitle, read_title
from ui.plain_text import menu_text, plain_tooltip


@dataclass(frozen=True)
class RecentEntry:
    """One line of the menu: its text (plain: no ``&`` shortcut of its own), the status tip
    that says more, and whether choosing it opens anything."""

    path: Path
    text: str
    tip: str
    can_open: bool = True


def recent_entry(path: Path, open_plan: PlanTitle | None = None) -> RecentEntry:
    """The line for the plan at ``path``; ``open_plan`` is the title of the plan the window
    has open there (a file this process holds is not read again beside its connection)."""
    if not path.exists():
        return RecentEntry(
            path, f"{path.name} — no longer there", f"{path}: moved or deleted", False
        )
    title = open_plan if open_plan is not None else read_title(path)
    if title.problem:
        return RecentEntry(path, f"{path.name} — can't be read", f"{path}: {title.problem}")
    company, name = (" ".join(text.split()) for text in (title.company, title.name))
    text = f"{company} — {path.name}" if company else path.name
    plan = f"{name}, " if name else ""
    return RecentEntry(path, text, f"{plan}{path}")


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
