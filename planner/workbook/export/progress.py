"""Progress of an export in work units (rows written), and its cancellation.

The caller hears at most about a hundred times, however big the plan, and a cancel request is
seen at the next report or within a few thousand rows, whichever comes first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from planner.workbook.export.options import ExportCancelled

REPORTS = 100  # how many progress calls a whole export makes, about
CHECK_EVERY = 2_000  # rows between looks at the cancel flag


class Progress:
    """Counts work units towards ``total`` and reports ``(done, total)``."""

    def __init__(
        self,
        target: Path,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self._target = target
        self._on_progress = on_progress
        self._cancel = cancel
        self.total = 1
        self.done = 0
        self._next_report = 0
        self._next_check = 0
        self._step = 1

    def start(self, total: int) -> None:
        """Begin counting towards ``total`` units (reports 0 of it)."""
        self.total = max(1, total)
        self._step = max(1, self.total // REPORTS)
        self.done = 0
        self._next_report = 0
        self._next_check = 0
        self.advance(0)

    def advance(self, units: int) -> None:
        """Count ``units`` more as done; report and check for cancellation when due."""
        self.done += units
        if self.done >= self._next_report:
            self._next_report = self.done + self._step
            self._report(min(self.done, self.total))
            self._next_check = 0  # the report may have asked to cancel
        if self.done >= self._next_check:
            self._next_check = self.done + CHECK_EVERY
            self.check()

    def check(self) -> None:
        """Raise :class:`ExportCancelled` if the user asked to stop."""
        if self._cancel is not None and self._cancel.is_set():
            raise ExportCancelled(f"Export cancelled; {self._target} was not changed")

    def finish(self) -> None:
        """Report the whole of the work as done."""
        self.done = self.total
        self._report(self.total)

    def _report(self, done: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, self.total)
