"""Undoable user actions. Each is one :class:`PlanCommand` that edits through the core.

The document runs a command's :meth:`~PlanCommand.do` once before pushing it, so an edit the
core refuses never reaches the undo stack; after that Qt calls :meth:`redo` and :meth:`undo`.
The command's text completes "Undo ..." in the Edit menu ("rename initiative").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner import PlanError


class PlanCommand(QUndoCommand):
    """A user action: :meth:`do` makes it through the core, :meth:`revert` takes it back."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed_done = True
        self.on_failure: Callable[[str], None] | None = None

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def refusal(self, error: PlanError) -> str:
        """The message shown when the core refuses this action."""
        return f"Could not {self.text()}: {error}"

    # Qt's side. QUndoStack.push calls redo() at once: the document already did the work.
    def redo(self) -> None:
        if self._pushed_done:
            self._pushed_done = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except PlanError as error:
            # The plan moved under this step (an edit from elsewhere); it cannot be replayed,
            # so say so and let the stack drop it rather than pretend.
            self.setObsolete(True)
            if self.on_failure is not None:
                self.on_failure(self.refusal(error))


class Edit(PlanCommand):
    """An action whose doing and undoing are each one call into the core."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def do(self) -> None:
        self._do()

    def revert(self) -> None:
        self._undo()
