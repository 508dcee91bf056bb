"""The File menu: new, open, open recent, save a copy, start next year's plan, export and
import, close, quit.

Every edit is saved as it is made, so there is no Save and no "save changes?" question.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from planner import PlanError
from planner.storage.peek import PlanTitle
from planner.version import PLAN_SUFFIX
from ui.background import TaskRunner
from ui.folders import documents_folder, start_folder
from ui.icons import icon
from ui.plan_on_a_page import PlanOnAPage
from ui.recent_menu import RecentMenu
from ui.workbook.actions import WorkbookActions

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.rollover_flow import RolloverFlow

FILE_FILTER = f"Smarketing plans (*{PLAN_SUFFIX});;All files (*)"


class FileActions:
    """The File menu's actions, acting on the window's current plan."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.new = self._action("&New Plan…", "new", QKeySequence.StandardKey.New, self.new_plan)
        self.open = self._action("&Open…", "open", QKeySequence.StandardKey.Open, self.open_dialog)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent = RecentMenu(
            self.recent_menu,
            window.recent.remembered,
            self._open_title,
            lambda: window.document.path if window.document is not None else None,
            window.open_path,
            window.recent.clear,
        )
        self.save_copy = self._action(
            "Save a &Copy As…", "save-copy", QKeySequence.StandardKey.SaveAs, self.save_copy_dialog
        )
        self.next_year = self._action(
            "Start &Next Year's Plan…", None, QKeySequence(), lambda: self.rollover.ask()
        )
        self.next_year.setStatusTip(
            "A new plan file for the next horizon, started from this one, with this year's "
            "plan kept in it as a baseline"
        )
        self.task = TaskRunner(window)  # next year's plan, written off the UI thread
        self.workbook = WorkbookActions(window)
        self.brief = PlanOnAPage(window)
        self.close = self._action(
            "&Close Plan", "close", QKeySequence.StandardKey.Close, window.close_plan
        )
        self.quit = self._action("&Quit", None, QKeySequence.StandardKey.Quit, window.close)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new)
        menu.addAction(self.open)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_copy)
        menu.addAction(self.next_year)
        menu.addSeparator()
        menu.addActions(self.workbook.actions())
        menu.addActions(self.brief.actions())
        menu.addSeparator()
        menu.addAction(self.close)
        menu.addSeparator()
        menu.addAction(self.quit)

    def plan_is_open(self, is_open: bool, *, version_shown: bool = False) -> None:
        """Offer what needs an open plan. While a version is shown, a copy of the file and
        next year's plan wait for the working plan: both start from the working plan, not
        from the version the window shows."""
        whole_file = is_open and not version_shown
        self.save_copy.setEnabled(whole_file)
        self.next_year.setEnabled(whole_file)
        self.close.setEnabled(is_open)
        self.workbook.plan_is_open(is_open)
        self.brief.plan_is_open(is_open)

    # The flow and its dialog load on first use, not while the app starts.
    @cached_property
    def rollover(self) -> RolloverFlow:
        from ui.rollover_flow import RolloverFlow

        return RolloverFlow(self.window, self.task)

    def shut(self) -> None:
        """Stop the work still running (the window is closing)."""
        self.task.shut()
        self.workbook.shut()
        self.brief.shut()
        self.recent.shut()

    # -- the actions -----------------------------------------------------------------------

    def new_plan(self) -> None:
        from ui.new_plan_dialog import NewPlanDialog  # loaded when first asked for

        # The dialog creates the plan itself, so that what stops it is said there, with
        # everything typed still in place.
        dialog = NewPlanDialog(self.window)
        if dialog.exec() == NewPlanDialog.DialogCode.Accepted and dialog.plan is not None:
            self.window.set_plan(dialog.plan)

    def open_dialog(self) -> None:
        start = str(start_folder(None, self.window.recent.last()))
        chosen, _ = QFileDialog.getOpenFileName(self.window, "Open a plan", start, FILE_FILTER)
        if chosen:
            self.window.open_path(Path(chosen))

    def save_copy_dialog(self) -> None:
        document = self.window.document
        if document is None:
            return
        current = document.path
        suggested = str(
            start_folder(None, current) / f"{current.stem} copy{PLAN_SUFFIX}"
            if current
            else documents_folder()
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save a copy of the plan", suggested, FILE_FILTER
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != PLAN_SUFFIX:
            target = target.with_name(target.name + PLAN_SUFFIX)
        try:
            written = document.plan.save_copy(target)
        except (PlanError, OSError) as error:
            self.window.show_problem("Can't save a copy", str(error))
            return
        self.window.notice.show_message(
            f"Saved a copy as {written}. You are still editing {document.path}.", "info"
        )

    # -- helpers ----------------------------------------------------------------------------

    def _open_title(self, path: Path) -> PlanTitle | None:
        """The title of the plan open in the window at ``path``, from the plan itself. Both
        paths are absolute and resolved when remembered (not resolved again here: that would
        touch the disk on the UI thread)."""
        document = self.window.document
        if document is None or document.path is None:
            return None
        if Path(os.path.normpath(document.path)) != path:
            return None
        settings = document.plan.settings.get()
        return PlanTitle(path, company=settings.company, name=settings.name)

    def _action(self, text, icon_name, shortcut, slot) -> QAction:
        action = QAction(text, self.window)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        return action
