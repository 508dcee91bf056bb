"""The Help menu's own entries; each window it opens is built when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class HelpMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.shortcuts_dialog: QDialog | None = None

    def fill_menu(self, menu: QMenu) -> None:
        self.shortcuts_action = menu.addAction("&Keyboard Shortcuts", self.show_shortcuts)

    def show_shortcuts(self) -> QDialog:
        """The shortcut sheet, made afresh: the open plan's pages give their keys too."""
        from ui.help.shortcuts import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog
