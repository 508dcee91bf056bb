"""The folders the app offers: its own data folder, the person's Documents folder, and the
one rule for where a file dialog starts.

A dialog starts where the person last put such a file; else beside the open plan, unless
the plan is one the app keeps in its own data folder (the demo plan), a hidden place no one
should have to find a chart or a workbook in; else in Documents.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def data_folder() -> Path:
    """Where the app keeps its own files (the demo plan), per user."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def documents_folder() -> Path:
    """The person's Documents folder (their home folder where there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    # A fresh Linux account may have no ~/Documents; a file written there would fail.
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def start_folder(remembered: Path | None, plan_path: Path | None) -> Path:
    """Where a file dialog starts: ``remembered`` (the folder the last such file went to or
    came from) while it exists, else the plan's folder if it is the person's, else Documents."""
    if remembered is not None and remembered.is_dir():
        return remembered
    if plan_path is not None and not _kept_by_the_app(plan_path):
        return plan_path.parent
    return documents_folder()


def _kept_by_the_app(path: Path) -> bool:
    return path.parent.absolute() == data_folder().absolute()
