"""The plans opened lately, kept in QSettings for Open Recent and for starting where you left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "recentPlans"
KEEP = 8


class RecentFiles:
    """Most recent first; files that no longer exist are left out when listed."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        stored = self._settings.value(_KEY, [], type=list) or []
        return [Path(p) for p in stored if isinstance(p, str) and Path(p).is_file()]

    def last(self) -> Path | None:
        """The plan open when the app last closed (or the last one opened)."""
        paths = self.paths()
        return paths[0] if paths else None

    def add(self, path: Path) -> None:
        path = path.resolve()
        kept = [p for p in self.paths() if p.resolve() != path]
        self._store([path, *kept][:KEEP])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.paths() if p.resolve() != path.resolve()])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_KEY, [str(p) for p in paths])
