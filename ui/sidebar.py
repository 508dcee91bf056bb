"""The list of pages down the left of the plan window: icons and titles, or icons alone when
the window is too narrow for the titles beside a page and the findings panel."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.plain_text import plain_tooltip

FULL_WIDTH = 190  # "Targets & actuals" beside its icon
ICON_SIZE = 20
# The icon, the item's padding and the list's (STYLE below), and its frame.
COMPACT_WIDTH = ICON_SIZE + 2 * 8 + 2 * 6 + 4
STYLE = """
QListWidget#sidebar { border: none; padding: 8px 6px; background: palette(alternate-base); }
QListWidget#sidebar::item { padding: 7px 8px; border-radius: 6px; }
QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""
_TITLE_ROLE = Qt.ItemDataRole.UserRole


class Sidebar(QListWidget):
    """One row per page; :meth:`set_compact` shows icons only, each titled in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Pages")
        self.setObjectName("sidebar")
        self.setStyleSheet(STYLE)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._compact = False
        self.setFixedWidth(FULL_WIDTH)

    def add_page(self, page_icon: QIcon, title: str) -> None:
        item = QListWidgetItem(page_icon, title)
        item.setData(_TITLE_ROLE, title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.addItem(item)

    def title(self, row: int) -> str:
        return str(self.item(row).data(_TITLE_ROLE))

    def is_compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Icons alone (their titles in tooltips), or icons and titles."""
        if compact == self._compact:
            return
        self._compact = compact
        for row in range(self.count()):
            item = self.item(row)
            title = self.title(row)
            item.setText("" if compact else title)
            item.setToolTip(plain_tooltip(title if compact else ""))
        self.setFixedWidth(COMPACT_WIDTH if compact else FULL_WIDTH)
