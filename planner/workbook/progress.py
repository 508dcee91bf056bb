"""Progress of a long export or import in work units (rows), and its cancellation.

The caller hears about a hundred times however big the job (every ``CHECK_EVERY`` units when
the total is not known yet), and a cancel request is seen at the next report or within a few
thousand units, whichever comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from planner.errors import PlanError

REPORTS = 100  # how many progress calls a whole job makes, about
CHECK_EVERY = 2_000  # units between looks at the cancel flag

ProgressCallback = Callable[[int, int], None]


class Progress:
    """Counts work units towards ``total`` and reports ``(done, total)`` to ``on_progress``;
    once ``cancel`` is set, the next check raises the error ``cancelled()`` makes."""

    def __init__(
        self,
        *,
        cancelled: Callable[[], PlanError],
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self._cancelled = cancelled
        self._on_progress = on_progress
        self._cancel = cancel
        self.total = 0
        self.done = 0
        self._next_report = 0
        self._next_check = 0
        self._step = CHECK_EVERY

    def start(self, total: int) -> None:
        """Begin counting towards ``total`` units (0: not known yet); reports 0 of it."""
        self.total = max(0, total)
        self._step = max(1, self.total // REPORTS) if self.total else CHECK_EVERY
        self.done = 0
        self._next_report = 0
        self._next_check = 0
        self.advance(0)

    def advance(self, units: int) -> None:
        """Count ``units`` more as done; report and check for cancellation when due. Cheap
        enough to call for every row."""
        self.done += units
        if self.done >= self._next_report:
            self._next_report = self.done + self._step
            self._report(self.done)
            self._next_check = 0  # the report may have asked to cancel
        if self.done >= self._next_check:
            self._next_check = self.done + CHECK_EVERY
            self.check()

    def reach(self, done: int) -> None:
        """Count up to ``done`` units in all (for a caller that numbers its rows)."""
        self.advance(done - self.done)

    def check(self) -> None:
        """Raise the cancellation error if the user asked to stop."""
        if self._cancel is not None and self._cancel.is_set():
            raise self._cancelled()

    def finish(self) -> None:
        """Report the whole of the work as done (after a last look at the cancel flag)."""
        self.check()
        self.done = max(self.done, self.total)
        self._report(self.done)

    def _report(self, done: int) -> None:
        if self._on_progress is not None:
            self._on_progress(min(done, self.total) if self.total else done, self.total)
