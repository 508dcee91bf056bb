"""The Help menu's own entries; each window it opens is built when first asked for.

F1 (Help on This Field) works in the window's dialogs too: the action goes with the focus
into each dialog of the window (:class:`FieldHelpInDialogs`), and over a modal dialog the
glossary opens as a window of that dialog, which the dialog does not block."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from ui.icons import icon

if TYPE_CHECKING:
    from ui.help.browser import HelpWindow
    from ui.main_window import MainWindow

GUIDE_FILE = "guide.md"
GLOSSARY_NAME = "glossary"


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
        self.field_help_in_dialogs = FieldHelpInDialogs(self.field_help_action, self.window)
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
        """The glossary, at the entry ``key`` when given. While a modal dialog is in front,
        the glossary is one of its own windows: the window's glossary would be blocked."""
        modal = QApplication.activeModalWidget()
        glossary = self._glossary_of(modal) if modal is not None else self._window_glossary()
        glossary.show()
        glossary.raise_()
        glossary.activateWindow()
        glossary.go_to(key)
        return glossary

    def _window_glossary(self) -> HelpWindow:
        if self.glossary is None:
            self.glossary = self._new_glossary(self.window)
        return self.glossary

    def _glossary_of(self, dialog: QWidget) -> HelpWindow:
        """The glossary window of ``dialog`` (made when first asked for), closed with it."""
        from ui.help.browser import HelpWindow

        for child in dialog.findChildren(HelpWindow, GLOSSARY_NAME):
            if child.parentWidget() is dialog:
                return child
        glossary = self._new_glossary(dialog)
        if isinstance(dialog, QDialog):
            dialog.finished.connect(glossary.close)
        return glossary

    def _new_glossary(self, parent: QWidget) -> HelpWindow:
        from ui.help.browser import HelpWindow
        from ui.help.terms import glossary_html

        glossary = HelpWindow("Glossary", parent)
        glossary.setObjectName(GLOSSARY_NAME)
        glossary.show_page(glossary_html(), markdown=False)
        return glossary

    def help_on_focus(self) -> HelpWindow:
        """F1: the glossary at the term of the field in focus (at its top if it has none)."""
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
        # As the guide and the glossary: a window manager may leave a new dialog behind the
        # focus (openbox does), and then Escape and the arrows go to the window under it.
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()
        return self.shortcuts_dialog


class FieldHelpInDialogs(QObject):
    """Takes the F1 action into each dialog of ``window`` the focus enters: the action's
    shortcut is for the window it is in, and a dialog is a window of its own. The Help
    windows are left out (F1 there would only scroll the page away)."""

    def __init__(self, action: QAction, window: QWidget) -> None:
        super().__init__(window)
        self.action = action
        self.window = window
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        dialog = new.window() if new is not None else None
        if not isinstance(dialog, QDialog):
            return  # the main window: the action is in its menu bar already
        from ui.help.browser import HelpWindow

        if (
            not isinstance(dialog, HelpWindow)
            and self._is_of_window(dialog)
            and self.action not in dialog.actions()
        ):
            dialog.addAction(self.action)

    def _is_of_window(self, dialog: QWidget) -> bool:
        holder = dialog.parentWidget()
        while holder is not None and holder is not self.window:
            holder = holder.parentWidget()
        return holder is self.window
