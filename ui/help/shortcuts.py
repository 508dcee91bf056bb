"""Help > Keyboard Shortcuts: a sheet read off the window's own actions, so it cannot drift
from them. The menus give their actions by menu; every page gives those it holds (the page is
built for it), each shortcut in the platform's own notation. A key that acts on one widget of
a page (a letter on the RACI grid, an arrow on the Timeline) is an action of that widget
(:mod:`ui.widgets.key_actions`), so it is here too; the few keys a widget still reads in its
``keyPressEvent`` are declared on its class (``keys_read``), and the sheet reads those."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.pages.catalogue import PAGES
from ui.plain_text import show_own_page

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class Shortcut:
    """One line of the sheet: where the action lives, what it does and its keys. ``action``
    is ``None`` for a key a widget reads itself (:class:`~ui.widgets.key_actions.ReadKey`)."""

    group: str
    text: str
    keys: str
    action: QAction | None


def keys_of(action: QAction) -> str:
    """The action's shortcuts in the platform's notation ("Ctrl+Shift+N, Ins")."""
    return native(action.shortcuts())


def native(keys: list[QKeySequence]) -> str:
    return ", ".join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys if not key.isEmpty()
    )


def action_text(action: QAction) -> str:
    """An action's text as read, without its accelerator marker or trailing dots."""
    text = action.text() or action.toolTip()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts(window: MainWindow) -> list[Shortcut]:
    """Every action of ``window`` that has a shortcut, by menu and then by page. With a plan
    open its pages are built, so the sheet holds the keys of pages not shown yet."""
    found: list[Shortcut] = []
    seen: set[int] = set()

    def take(group: str, actions: list[QAction]) -> None:
        for action in actions:
            if id(action) in seen:
                continue
            if (menu := action.menu()) is not None:
                take(group, menu.actions())
            elif keys := keys_of(action):
                seen.add(id(action))
                found.append(Shortcut(group, action_text(action), keys, action))

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            take(action_text(top), menu.actions())
    if window.view is not None:
        for entry in PAGES:
            page = window.view.page(entry)
            take(entry.title, page.findChildren(QAction))
            found += keys_read(entry.title, page)
    return found


def keys_read(group: str, page: QWidget) -> list[Shortcut]:
    """The keys the widgets of ``page`` read themselves, once per kind of widget."""
    found: list[Shortcut] = []
    kinds: set[type] = set()
    for widget in page.findChildren(QWidget):
        kind = type(widget)
        if kind in kinds or not (declared := getattr(kind, "keys_read", ())):
            continue
        kinds.add(kind)
        found += [Shortcut(group, key.text, native(key.sequences()), None) for key in declared]
    return found


def sheet_html(rows: list[Shortcut], plan_open: bool) -> str:
    """The sheet as our own markup: a table per group (every text in it is the app's own).
    A line is said once per group, though several fields of a page have it (each story field
    of the Initiatives page saves on Ctrl+Enter)."""
    parts = ["<h2>Keyboard shortcuts</h2>"]
    group = None
    said: set[tuple[str, str, str]] = set()
    for row in rows:
        if (row.group, row.text, row.keys) in said:
            continue
        said.add((row.group, row.text, row.keys))
        if row.group != group:
            if group is not None:
                parts.append("</table>")
            group = row.group
            parts.append(f"<h3>{escape(group)}</h3><table cellpadding='3' width='100%'>")
        parts.append(
            f"<tr><td width='60%'>{escape(row.text)}</td><td><b>{escape(row.keys)}</b></td></tr>"
        )
    if group is not None:
        parts.append("</table>")
    if not plan_open:
        parts.append("<p><i>Open a plan to see the keys of each page as well.</i></p>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    """The sheet, in a window of its own that can stay open beside the plan."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = shortcuts(window)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        show_own_page(self.browser, sheet_html(self.rows, window.view is not None))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)
