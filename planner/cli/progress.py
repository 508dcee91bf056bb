"""A percentage on one terminal line, for the minute a large export or import can take."""

from __future__ import annotations

import sys


class TerminalProgress:
    """Called with ``(done, total)``; shows "Exporting… 42%" on stderr, redrawn in place.
    ``total`` 0 means not known yet: nothing is shown until it is."""

    def __init__(self, verb: str) -> None:
        self._verb = verb
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not total:
            return
        percent = min(100, 100 * done // total)
        if percent != self._shown:
            self._shown = percent
            print(f"\r{self._verb}… {percent}%", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        """Clear the line, so what follows starts on a clean one."""
        if self._shown >= 0:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def terminal_progress(verb: str) -> TerminalProgress | None:
    """A progress line when stderr is a terminal; ``None`` (say nothing) when it is piped or
    captured, so logs and scripts see only the result."""
    return TerminalProgress(verb) if sys.stderr.isatty() else None
