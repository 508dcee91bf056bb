"""The Initiatives page's "What if…" menu: "Scale budgets…", "Move budget…" and "Phase
Targets…", each opening its dialog (without blocking the window) and running what it asks
for as one undo step, announced in the window's notice bar with an Undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QToolButton

from planner import PlanError
from ui.icons import icon
from ui.plain_text import plain_tooltip

from . import phase_edits, what_if_edits
from .move_dialog import MoveBudgetDialog
from .phase_dialog import PhaseTargetsDialog
from .scale_dialog import CHANNEL, OWNER, SEGMENT, ScaleBudgetsDialog

if TYPE_CHECKING:
    from .page import InitiativesPage


class WhatIfMenu(QObject):
    """The menu's actions (:attr:`action` carries the menu, for the page's header), and the
    dialog open now, if any (:attr:`dialog`)."""

    def __init__(self, page: InitiativesPage) -> None:
        super().__init__(page)
        self._page = page
        self.dialog: QDialog | None = None
        self.scale_action = self._action(
            "&Scale budgets…",
            "Scale the budgets of a channel, an owner or a segment by a percentage",
            self.ask_scale,
        )
        self.move_action = self._action(
            "&Move budget…",
            "Move budget, or all that is unspent, from one initiative to others",
            self.ask_move,
        )
        self.phase_action = self._action(
            "Phase &Targets…",
            "Spread the selected initiatives' revenue targets, funnel and budgets over their "
            "months (the whole plan when none is selected)",
            self.ask_phase,
        )
        self.menu = QMenu("What if", page)
        self.menu.addActions([self.scale_action, self.move_action])
        self.menu.addSeparator()
        self.menu.addAction(self.phase_action)
        self.action = QAction(icon("what-if"), "&What if…", self)
        self.action.setToolTip(plain_tooltip("Try out a change to the plan's budgets"))
        self.action.setMenu(self.menu)

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(plain_tooltip(tip))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def show_in(self, button: QToolButton) -> None:
        """Make the header's button open the menu at once (a click, Space or Enter)."""
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_enabled(self, enabled: bool) -> None:
        for action in (self.action, self.scale_action, self.move_action, self.phase_action):
            action.setEnabled(enabled)

    def ask_scale(self) -> ScaleBudgetsDialog | None:
        """Open "Scale budgets", starting from the channel, owner or segment the filter
        shows, else from the selected initiative's channel."""
        if not self.scale_action.isEnabled():
            return None
        shown = self._page.filters.filter()
        selected = self._page.table.selected_ids()
        kind, chosen = CHANNEL, shown.channel_id
        if chosen is None and shown.owner_id is not None:
            kind, chosen = OWNER, shown.owner_id
        elif chosen is None and shown.segment_id is not None:
            kind, chosen = SEGMENT, shown.segment_id
        elif chosen is None and selected:
            chosen = self._page.plan.initiatives.get(selected[0]).channel_id
        dialog = ScaleBudgetsDialog(self._page.plan, self._page, kind=kind, chosen=chosen)
        dialog.accepted.connect(
            lambda: self._page.run_command(
                lambda: what_if_edits.scale_budgets(self._page.plan, dialog.request())
            )
        )
        return self._open(dialog)

    def ask_move(self) -> MoveBudgetDialog | None:
        """Open "Move budget", from the selected initiative, if one is."""
        if not self.move_action.isEnabled():
            return None
        selected = self._page.table.selected_ids()
        page = self._page
        dialog = MoveBudgetDialog(
            page.plan, page.analysis, page, source_id=selected[0] if selected else None
        )
        dialog.accepted.connect(
            lambda: page.run_command(
                lambda: what_if_edits.move_budget(page.plan, page.analysis, dialog.request())
            )
        )
        return self._open(dialog)

    def ask_phase(self, *, whole_plan: bool = False) -> PhaseTargetsDialog | None:
        """Open "Phase Targets" for the selected initiatives, or the whole plan when none is
        selected (or ``whole_plan``: the Plan menu's)."""
        if not self.phase_action.isEnabled():
            return None
        page = self._page
        selected = () if whole_plan else tuple(page.table.selected_ids())
        if not selected:
            ids, chosen = None, "the whole plan"
        elif len(selected) == 1:
            ids, chosen = selected, repr(page.plan.initiatives.get(selected[0]).name)
        else:
            ids, chosen = selected, f"{len(selected)} selected initiatives"
        try:
            dialog = PhaseTargetsDialog(page.plan, page, ids=ids, chosen=chosen)
        except PlanError as error:
            page.document.refused.emit(str(error))
            return None
        dialog.accepted.connect(
            lambda: page.run_command(
                lambda: phase_edits.PhaseTargets(page.plan, dialog.request(), dialog.phased())
            )
        )
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
