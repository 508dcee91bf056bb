"""One open plan in the app: the core :class:`~planner.Plan`, the analysis every page, chart
and check reads it through, its undo stack, and Qt signals that tell every view what changed
or what was refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner import ChangeSet, ListenerError, Plan, PlanError
from planner.analysis import Analysis, worth_keeping_in_memory
from ui.commands import PlanCommand, report_listener_failure
from ui.versions.baseline import BaselineChoice


class PlanDocument(QObject):
    """The plan a window shows. Views read through :attr:`plan` and :attr:`analysis`, edit
    through :meth:`run`, and refresh themselves when :attr:`changed` fires; they compare
    with the version :attr:`baseline` holds, when one is chosen."""

    changed = Signal(object)  # a ChangeSet, after each committed edit (undo and redo too)
    refused = Signal(str)  # why an edit was refused; the plan is as it was
    # What an action did that the page does not show ("Deleted 'Webinar series'"), and the
    # command, so the window can offer to undo exactly that step (see undo_if_last).
    announced = Signal(str, object)

    def __init__(
        self, plan: Plan, parent: QObject | None = None, *, analysis: Analysis | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.undo_stack = QUndoStack(self)
        # Made before subscribing: values kept in memory must hear of an edit before the
        # pages that sum them do. (The opener makes it in its worker thread.)
        self.analysis = analysis or self.analysis_for(plan)
        self._unsubscribe: Callable[[], None] | None = plan.subscribe(self._announce)
        self.baseline = BaselineChoice(self)

    @staticmethod
    def analysis_for(plan: Plan) -> Analysis:
        """The analysis a window needs: a big plan's values in memory (every edit asks for
        the Dashboard's roll-ups again), a small plan's summed in SQL (fast enough, and no
        numpy to load)."""
        if worth_keeping_in_memory(plan):
            return Analysis.in_memory(plan)
        return Analysis.in_sql(plan)

    @property
    def path(self) -> Path | None:
        return self.plan.path

    @property
    def read_only(self) -> bool:
        return self.plan.read_only

    def run(self, command: PlanCommand, *, refused: Callable[[str], object] | None = None) -> bool:
        """Do ``command`` now and put it on the undo stack; ``False`` (with :attr:`refused`
        emitted) when the core refused it, in which case nothing changed. A view that fails
        once the edit is saved is reported as a bug; the edit stays done and undoable.

        ``refused`` is told the refusal instead of :attr:`refused`: a dialog says it beside
        the field and stays open, so the window's notice bar need not say it too."""
        failure = None
        try:
            command.do()
        except PlanError as error:
            (refused or self.refused.emit)(command.refusal(error))
            return False
        except ListenerError as error:
            failure = error  # saved all the same: it goes on the undo stack
        command.on_failure = self.refused.emit
        self.undo_stack.push(command)  # marked done: push's redo() does not repeat it
        news = command.announcement()
        if news:
            self.announced.emit(news, command)
        if failure is not None:
            report_listener_failure(failure)
        return True

    def undo_if_last(self, command: PlanCommand) -> bool:
        """Undo ``command`` if it is the last step done; ``False``, with nothing undone, once
        the stack has moved on (another edit, or an undo past it), so an Undo offered for one
        step never takes back another."""
        stack = self.undo_stack
        if stack.index() == 0 or stack.command(stack.index() - 1) is not command:
            return False
        stack.undo()
        return True

    def close(self) -> None:
        """Stop listening and close the plan file (releasing its lock); safe to call twice."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
            self.undo_stack.clear()
            self.baseline.close()
            self.analysis.close()
        self.plan.close()

    def _announce(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)
