"""The Help menu's own entries; each window it opens is built when first asked for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from ui.icons import icon

if TYPE_CHECKING:
    from ui.help.browser import HelpWindow
    from ui.main_window import MainWindow

GUIDE_FILE = "guide.md"


def guide_pictures(text: str) -> list[str]:
    """The pictures a guide in Markdown shows, as it names them (relative to its folder)."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text)


class HelpMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.shortcuts_dialog: QDialog | None = None
        self.guide: HelpWindow | None = None
        self.glossary: HelpWindow | None = None

    def fill_menu(self, menu: QMenu) -> None:
        self.guide_action = menu.addAction("&Guide", self.show_guide)
        self.glossary_action = menu.addAction("G&lossary", lambda: self.show_glossary())
        self.field_help_action = menu.addAction("&Help on This Field", self.help_on_focus)
        self.field_help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.field_help_action.setStatusTip("What the term of the field or column in focus means")
        self.shortcuts_action = menu.addAction("&Keyboard Shortcuts", self.show_shortcuts)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        menu.addSeparator()
        self.demo_action = menu.addAction(icon("dashboard"), "Open the &Demo Plan")
        self.demo_action.triggered.connect(self.window.open_demo)

    def show_guide(self) -> HelpWindow:
        """The guide (``resources/help/guide.md``), its pictures beside it, in its window."""
        from ui.help.browser import HelpWindow, help_folder

        if self.guide is None:
            self.guide = HelpWindow("Guide", self.window)
            text = (help_folder() / GUIDE_FILE).read_text(encoding="utf-8")
            self.guide.show_page(text, markdown=True)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def show_glossary(self, key: str | None = None) -> HelpWindow:
        """The glossary, at the entry ``key`` when given."""
        from ui.help.browser import HelpWindow
        from ui.help.terms import glossary_html

        if self.glossary is None:
            self.glossary = HelpWindow("Glossary", self.window)
            self.glossary.show_page(glossary_html(), markdown=False)
        self.glossary.show()
        self.glossary.raise_()
        self.glossary.activateWindow()
        self.glossary.go_to(key)
        return self.glossary

    def help_on_focus(self) -> HelpWindow:
        """F1: the glossary at the term of the field in focus (at its top if it has none)."""
        from PySide6.QtWidgets import QApplication

        from ui.help.terms import term_for

        found = term_for(QApplication.focusWidget())
        return self.show_glossary(found.key if found else None)

    def missing_pictures(self) -> list[str]:
        """The guide's pictures its window cannot load (none, in an install that is whole)."""
        from PySide6.QtGui import QTextDocument

        from ui.help.browser import help_folder

        guide = self.guide or self.show_guide()
        document = guide.browser.document()
        return [
            name
            for name in guide_pictures((help_folder() / GUIDE_FILE).read_text(encoding="utf-8"))
            if document.resource(QTextDocument.ResourceType.ImageResource, name) is None
        ]

    def show_shortcuts(self) -> QDialog:
        """The shortcut sheet, made afresh: the open plan's pages give their keys too."""
        from ui.help.shortcuts import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog
