"""The Versions menu: save a baseline, make a scenario, show a version, promote the scenario
shown, manage the versions; and the steps behind it, each one undoable step on the working
plan's document (see :mod:`ui.versions.commands`)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from planner import Plan, PlanError
from planner.versions.service import Kind, VersionInfo
from ui.commands import PlanCommand
from ui.document import PlanDocument
from ui.plain_text import menu_text, plain_tooltip

from . import wording
from .commands import PromoteVersion, SaveVersion, delete_version, lock_version, rename_version
from .switching import VersionSwitcher

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    from .manage_dialog import ManageVersionsDialog
    from .name_dialog import VersionNameDialog

_Dialog = TypeVar("_Dialog", bound=QDialog)

_EXPLAINED = {
    Kind.BASELINE: "A baseline is a locked copy kept in this plan file: the plan as it was "
    "approved, to compare the plan against as it changes.",
    Kind.SCENARIO: "A scenario is a copy kept in this plan file that you edit with every page; "
    "the working plan does not change. It is shown once made.",
}


class VersionsMenu(QObject):
    """The menu's actions and the dialog open now, if any (:attr:`dialog`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.switcher = VersionSwitcher(window)
        self.switcher.changed.connect(self.refresh)
        self.switcher.promote_requested.connect(self.ask_promote)
        self.dialog: QDialog | None = None
        self.today: Callable[[], datetime.date] = datetime.date.today
        self.save_baseline = self._action(
            "Save as &Baseline…",
            "Keep a locked copy of the plan as it is now, to compare against later",
            lambda: self.ask_new(Kind.BASELINE),
        )
        self.new_scenario = self._action(
            "New &Scenario…",
            "Make an editable copy of the plan to try out changes on",
            lambda: self.ask_new(Kind.SCENARIO),
        )
        self.show_menu = QMenu("Show &Version", window)
        self.show_menu.aboutToShow.connect(self._fill_show_menu)
        self.promote = self._action(
            "&Promote This Scenario to Working Plan…",
            "Make the scenario shown the working plan, keeping the working plan as a version",
            self.ask_promote,
        )
        # Offered once the compare dialog is connected (see offer_compare): never a dead item.
        self.compare_action = self._action(
            "&Compare Versions…", "Compare two or three versions side by side"
        )
        self.compare_action.setVisible(False)
        self._compare: Callable[[], object] | None = None
        self.manage = self._action(
            "&Manage Versions…",
            "Rename, lock, unlock or delete the plan's versions",
            self.ask_manage,
        )
        self.refresh()

    def fill_menu(self, menu: QMenu) -> None:
        menu.aboutToShow.connect(self.refresh)
        menu.addAction(self.save_baseline)
        menu.addAction(self.new_scenario)
        menu.addSeparator()
        menu.addMenu(self.show_menu)
        menu.addAction(self.promote)
        menu.addAction(self.compare_action)
        menu.addSeparator()
        menu.addAction(self.manage)

    def offer_compare(self, open_compare: Callable[[], object]) -> None:
        """Show "Compare Versions…" in the menu, opening the comparison with ``open_compare``."""
        self._compare = open_compare
        self.compare_action.triggered.connect(lambda _=False: open_compare())
        self.compare_action.setVisible(True)
        self.refresh()

    # -- what the window tells it ------------------------------------------------------------

    @property
    def working_document(self) -> PlanDocument | None:
        return self.switcher.working_document

    def plan_opened(self, document: PlanDocument) -> None:
        self.switcher.plan_opened(document)
        self.refresh()

    def close(self) -> None:
        """The plan is closing: its dialogs close and the version shown goes."""
        if self.dialog is not None:
            self.dialog.reject()
        self.switcher.close()
        self.refresh()

    def refresh(self) -> None:
        """Offer what can be done now."""
        document = self.working_document
        is_open = document is not None and not self.switcher.busy()
        writable = is_open and document is not None and not document.read_only
        shown = self.switcher.shown
        for action in (self.save_baseline, self.new_scenario):
            action.setEnabled(writable)
        self.show_menu.setEnabled(is_open)
        self.promote.setEnabled(writable and shown is not None and shown.kind is Kind.SCENARIO)
        self.manage.setEnabled(is_open)
        has_versions = document is not None and bool(document.plan.versions.list())
        self.compare_action.setEnabled(self._compare is not None and is_open and has_versions)

    # -- the actions -------------------------------------------------------------------------

    def show(self, version_id: int | None) -> bool:
        """Show version ``version_id``, or the working plan (``None``)."""
        if version_id is None:
            self.switcher.go_back()
            return True
        if self.switcher.shown is not None and self.switcher.shown.id == version_id:
            return True
        # A notice about the last action goes as another plan is shown, as it does when
        # another page is.
        self._window.notice.clear_transient()
        return self.switcher.show_version(version_id)

    def ask_new(self, kind: Kind) -> VersionNameDialog | None:
        """Ask for the name of a new baseline or scenario and what it copies (what is shown,
        to begin with)."""
        document = self.working_document
        if document is None or document.read_only:
            return None
        plan = document.plan
        sources = [(wording.WORKING_PLAN, None)] + [
            (wording.menu_entry(info), info.id) for info in plan.versions.list()
        ]
        shown = self.switcher.shown
        from .name_dialog import VersionNameDialog

        dialog = VersionNameDialog(
            self._window,
            title="Save as Baseline" if kind is Kind.BASELINE else "New Scenario",
            explanation=_EXPLAINED[kind],
            name=wording.dated_name(kind, self.today(), self._taken),
            ok_text="Save Baseline" if kind is Kind.BASELINE else "Make Scenario",
            attempt=lambda name, source: self._save(kind, name, source),
            sources=sources,
            source=shown.id if shown is not None else None,
        )
        return self._open(dialog)

    def ask_promote(self) -> VersionNameDialog | None:
        """Ask what to keep the working plan as, then promote the scenario shown."""
        shown = self.switcher.shown
        document = self.working_document
        if shown is None or shown.kind is not Kind.SCENARIO or document is None:
            return None
        from .name_dialog import VersionNameDialog

        dialog = VersionNameDialog(
            self._window,
            title="Promote Scenario",
            explanation=wording.promote_explained(shown.name),
            name=document.plan.versions.kept_name(shown.id),
            ok_text="Promote",
            attempt=lambda name, _source: self._promote(document, shown, name),
        )
        return self._open(dialog)

    def ask_manage(self) -> ManageVersionsDialog | None:
        if self.working_document is None:
            return None
        from .manage_dialog import ManageVersionsDialog

        return self._open(ManageVersionsDialog(self, self._window))

    # -- the steps (each says why it was refused, or None once done) -------------------------

    def rename(self, info: VersionInfo, name: str) -> str | None:
        return self._run_on_plan(lambda plan: rename_version(plan, info, name))

    def set_locked(self, info: VersionInfo, locked: bool) -> str | None:
        return self._run_on_plan(lambda plan: lock_version(plan, info, locked))

    def delete(self, info: VersionInfo) -> str | None:
        return self._run_on_plan(lambda plan: delete_version(plan, info))

    def _save(self, kind: Kind, name: str, source: int | None) -> str | None:
        document = self.working_document
        if document is None:
            return "The plan is closed."
        command = SaveVersion(document.plan, name, kind, source)
        refusal = self._run(command)
        if refusal is None and kind is Kind.SCENARIO:
            assert command.record_id is not None
            # Its notice stays, with the Undo that takes the new scenario back.
            self.switcher.show_version(command.record_id)
        return refusal

    def _promote(self, document: PlanDocument, shown: VersionInfo, keep_as: str) -> str | None:
        refusal = self._run(PromoteVersion(document.plan, shown, keep_as))
        if refusal is None:
            self.switcher.show_working()  # the scenario is the working plan now
        return refusal

    def _run_on_plan(self, make: Callable[[Plan], PlanCommand]) -> str | None:
        document = self.working_document
        return "The plan is closed." if document is None else self._run(make(document.plan))

    def _run(self, command: PlanCommand) -> str | None:
        """Run ``command`` on the working plan's document: ``None`` once done, else why not."""
        document = self.working_document
        refusals: list[str] = []
        if document is None or not document.run(command, refused=refusals.append):
            return refusals[0] if refusals else "The plan is closed."
        self.refresh()
        return None

    # -- helpers -----------------------------------------------------------------------------

    def _taken(self, name: str) -> bool:
        """Whether the plan has a version of this name (as the core compares names)."""
        document = self.working_document
        if document is None:
            return False
        try:
            document.plan.versions.find(name)
        except PlanError:
            return False
        return True

    def _fill_show_menu(self) -> None:
        menu = self.show_menu
        menu.clear()
        document = self.working_document
        if document is None:
            return
        shown = self.switcher.shown
        entries: list[tuple[str, int | None]] = [(wording.WORKING_PLAN, None)]
        entries += [(wording.menu_entry(info), info.id) for info in document.plan.versions.list()]
        for n, (text, version_id) in enumerate(entries):
            action = menu.addAction(menu_text(text))
            action.setCheckable(True)
            # A tick, not a radio dot: the menu is made afresh each time it opens.
            action.setChecked(version_id == (shown.id if shown is not None else None))
            action.triggered.connect(lambda _=False, chosen=version_id: self.show(chosen))
            if n == 0 and len(entries) > 1:
                menu.addSeparator()
        if len(entries) == 1:
            menu.addAction("No versions yet").setEnabled(False)

    def _open(self, dialog: _Dialog) -> _Dialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _action(self, text: str, tip: str, slot: Callable[[], object] | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(plain_tooltip(tip))
        action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _=False: slot())
        return action
