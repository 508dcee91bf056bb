"""Undoable user actions. Each is one :class:`PlanCommand` that edits through the core.

The document runs a command's :meth:`~PlanCommand.do` once before pushing it, so an edit the
core refuses never reaches the undo stack; after that Qt calls :meth:`redo` and :meth:`undo`.
The command's text completes "Undo ..." in the Edit menu ("rename initiative").
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from planner import Change, ListenerError, Plan, PlanError


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

    def announcement(self) -> str | None:
        """What to tell the user once this action is done, when the page does not show it
        (a deleted row is simply gone); ``None`` for most actions."""
        return None

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
        except ListenerError as error:
            report_listener_failure(error)  # the step was saved: the stack moves on
        except PlanError as error:
            # The plan moved under this step (an edit from elsewhere); it cannot be replayed,
            # so say so and let the stack drop it rather than pretend.
            self.setObsolete(True)
            if self.on_failure is not None:
                self.on_failure(self.refusal(error))


class Fields(Protocol):
    """A core service whose records' fields are read with ``get`` and set with ``update``."""

    def get(self, record_id: int) -> Any: ...
    def update(self, record_id: int, **fields: Any) -> Change: ...


def set_field(text: str, records: Fields, record_id: int, field: str, new: object) -> Overwrite:
    """Set one field of one record; undo puts back what it held when the edit was done."""
    return Overwrite(
        text,
        lambda: records.update(record_id, **{field: new}),
        read=lambda: getattr(records.get(record_id), field),
        restore=lambda old: records.update(record_id, **{field: old}),
    )


def report_listener_failure(error: ListenerError) -> None:
    """Show the failure of a view told of a saved edit as the bug it is, through the app's
    one reporter of the unexpected (``sys.excepthook``), without undoing or refusing the edit."""
    first = error.failures[0]
    sys.excepthook(type(first), first, first.__traceback__)


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


class Overwrite(PlanCommand):
    """An edit whose undo puts back what it overwrote: ``read`` takes that from the core just
    before each ``do``, and ``restore`` writes it back.

    Never taken from a view's copy, which may be stale (an edit on another page, an import):
    undo restores exactly what the plan held.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        *,
        read: Callable[[], Any],
        restore: Callable[[Any], object],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._read = read
        self._restore = restore
        self._old: Any = None

    def do(self) -> None:
        self._old = self._read()
        self._do()

    def revert(self) -> None:
        self._restore(self._old)


class Restorable(Protocol):
    """A core service whose records can be put back exactly after a delete (people,
    segments, initiatives)."""

    def snapshot(self, record_id: int) -> Any: ...
    def delete(self, record_id: int) -> Change: ...
    def restore(self, snapshot: Any) -> Change: ...


class AddRecord(PlanCommand):
    """Add one record. Undo deletes it; redo puts the same record (same id) back, so the
    later steps on the stack still find it."""

    def __init__(self, text: str, records: Restorable, add: Callable[[], Change]) -> None:
        super().__init__(text)
        self._records = records
        self._add = add
        self.record_id: int | None = None
        self._snapshot: Any = None

    def do(self) -> None:
        if self._snapshot is None:
            self.record_id = self._add().id
        else:
            self._records.restore(self._snapshot)

    def revert(self) -> None:
        assert self.record_id is not None
        # Taken now, not when added: it holds the edits made since (a rename, roles).
        self._snapshot = self._records.snapshot(self.record_id)
        self._records.delete(self.record_id)


class DeleteRecords(PlanCommand):
    """Delete records as one step; undo puts every one back exactly (same ids).

    ``name`` is the first record's name and ``plural`` what several of the records are
    called ("initiatives"), for the notice that says what was deleted.
    """

    def __init__(
        self,
        text: str,
        plan: Plan,
        records: Restorable,
        ids: Sequence[int],
        *,
        name: str,
        plural: str,
    ) -> None:
        if not ids:
            raise ValueError("nothing to delete")
        super().__init__(text)
        self._plan = plan
        self._records = records
        self.record_ids = tuple(dict.fromkeys(ids))
        self._name = name
        self._plural = plural
        self._snapshots: tuple[Any, ...] = ()

    def announcement(self) -> str:
        """ "Deleted 'Webinar series'", or "Deleted 3 initiatives"."""
        if len(self.record_ids) == 1:
            return f"Deleted '{self._name}'"
        return f"Deleted {len(self.record_ids)} {self._plural}"

    def do(self) -> None:
        with self._plan.batch():
            # Taken on each do, so a redo after an undo keeps what the undo put back.
            self._snapshots = tuple(self._records.snapshot(i) for i in self.record_ids)
            for record_id in self.record_ids:
                self._records.delete(record_id)

    def revert(self) -> None:
        with self._plan.batch():
            for snapshot in self._snapshots:
                self._records.restore(snapshot)
