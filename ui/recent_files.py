"""What the app remembers between sessions in QSettings: the plans opened lately (for Open
Recent and for starting where you left), and the folders workbooks and charts went to."""

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
        return [path for path in self.remembered() if path.is_file()]

    def remembered(self) -> list[Path]:
        """Every plan remembered, those gone since included (Open Recent says they are)."""
        stored = self._settings.value(_KEY, [], type=list) or []
        return [Path(p) for p in stored if isinstance(p, str) and p]

    def last(self) -> Path | None:
        """The plan open when the app last closed (or the last one opened)."""
        paths = self.paths()
        return paths[0] if paths else None

    def add(self, path: Path) -> None:
        path = path.resolve()
        kept = [p for p in self.remembered() if p.resolve() != path]
        self._store([path, *kept][:KEEP])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.remembered() if p.resolve() != path.resolve()])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_KEY, [str(p) for p in paths])


class RememberedFolder:
    """The folder the last file of a kind went to or came from (see ui/folders.py for where a
    dialog starts when there is none)."""

    KEY = ""
    _EARLIER_KEYS: tuple[str, ...] = ()  # where the folder was kept before, read as well

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def last(self) -> Path | None:
        """The folder, while it still exists."""
        for key in (self.KEY, *self._EARLIER_KEYS):
            stored = self._settings.value(key, "", type=str)
            if stored:
                return Path(stored) if Path(stored).is_dir() else None
        return None

    def remember(self, file: Path) -> None:
        """Remember the folder of ``file``, just written or chosen."""
        self._settings.setValue(self.KEY, str(file.parent))


class WorkbookFolder(RememberedFolder):
    """The folder of the last workbook exported or file imported: the export's suggestion
    and the import's file picker both start there, so a workbook sent back beside the one
    sent out is one click away."""

    KEY = "workbook/folder"
    # Where each flow kept its own folder before they shared one.
    _EARLIER_KEYS = ("workbook/export_folder", "workbook/import_folder")


class ChartFolder(RememberedFolder):
    """The folder the last chart was saved to (Save Chart As starts there)."""

    KEY = "charts/folder"
