"""Progress reports and cancellation for a long preview (run off the UI thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from planner.workbook.importing.errors import ImportCancelled

ProgressCallback = Callable[[int, int], None]


class Progress:
    """Calls ``on_progress(done, total)`` every ``every`` steps and raises
    :class:`ImportCancelled` at those points once ``cancel`` is set."""

    def __init__(
        self,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        *,
        every: int = 2000,
    ) -> None:
        self._on_progress = on_progress
        self._cancel = cancel
        self._every = every
        self._next = 0
        self.total = 0

    def start(self, total: int) -> None:
        self.total = max(total, 0)
        self._next = self._every
        self.check()
        self._report(0)

    def step(self, done: int) -> None:
        """Cheap to call for every row: does something only every ``every`` rows."""
        if done >= self._next:
            self._next = done + self._every
            self.check()
            self._report(done)

    def finish(self) -> None:
        self.check()
        self._report(self.total)

    def check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise ImportCancelled("the import was cancelled; nothing was changed")

    def _report(self, done: int) -> None:
        if self._on_progress is not None:
            self._on_progress(min(done, self.total) if self.total else done, self.total)
