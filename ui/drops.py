"""Files dropped on the main window: a plan opens as File > Open opens it, a workbook or a CRM's
CSV goes to the same preview as File > Import Actuals; anything else is said in one line in the
notice bar and changes nothing.

What a drop means is decided from its URLs alone (:func:`what_was_dropped`), so the rule is
tested without a window; the window only passes the event on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from planner.version import PLAN_SUFFIX
from ui.recent_files import WorkbookFolder

if TYPE_CHECKING:
    from ui.main_window import MainWindow

WHAT_TO_DROP = f"Drop one plan ({PLAN_SUFFIX}), workbook (.xlsx) or CSV file"


class DropKind(Enum):
    PLAN = "plan"
    ACTUALS = "actuals"
    REFUSED = "refused"


@dataclass(frozen=True)
class Dropped:
    """What a drop asks for: the file, or (refused) the line that says why not."""

    kind: DropKind
    path: Path | None = None
    reason: str = ""


def what_was_dropped(urls: list[QUrl]) -> Dropped:
    """The meaning of a drop of ``urls``: one local plan, one local workbook or CSV, or a
    refusal naming what came."""
    if not urls:
        return Dropped(DropKind.REFUSED, reason=f"Nothing to open was dropped. {WHAT_TO_DROP}.")
    if len(urls) > 1:
        return Dropped(
            DropKind.REFUSED,
            reason=f"{len(urls)} files were dropped; nothing was opened. {WHAT_TO_DROP} at a time.",
        )
    url = urls[0]
    if not url.isLocalFile():
        return Dropped(
            DropKind.REFUSED,
            reason=f"{url.toDisplayString()} is not a file on this computer. {WHAT_TO_DROP}.",
        )
    # Loaded with the first drop: the importer's modules are not needed to start the app.
    from planner.workbook.importing.preview import CSV_SUFFIXES, WORKBOOK_SUFFIXES

    path = Path(url.toLocalFile())
    suffix = path.suffix.lower()
    if suffix == PLAN_SUFFIX:
        return Dropped(DropKind.PLAN, path)
    if suffix in WORKBOOK_SUFFIXES or suffix in CSV_SUFFIXES:
        return Dropped(DropKind.ACTUALS, path)
    return Dropped(
        DropKind.REFUSED,
        path,
        f"{path.name} is neither a plan nor actuals; nothing was opened. {WHAT_TO_DROP}.",
    )


def _urls(data: QMimeData | None) -> list[QUrl]:
    return list(data.urls()) if data is not None and data.hasUrls() else []


def drag_entered(event: QDragEnterEvent) -> None:
    """Take any drag of files, so that a drop the window cannot use is told, not ignored."""
    if event.mimeData().hasUrls():
        event.acceptProposedAction()
    else:
        event.ignore()


def dropped(window: MainWindow, event: QDropEvent) -> None:
    """Act on the drop ``event`` on ``window``."""
    event.acceptProposedAction()
    act_on(window, what_was_dropped(_urls(event.mimeData())))


def act_on(window: MainWindow, drop: Dropped) -> None:
    if drop.kind is DropKind.PLAN:
        assert drop.path is not None
        window.open_path(drop.path)  # the one open path: locks, damaged and hostile files
        return
    if drop.kind is DropKind.REFUSED:
        window.notice.show_message(drop.reason, "warning")
        return
    assert drop.path is not None
    document = window.document
    if document is None:
        window.notice.show_message(
            f"Open a plan first to import {drop.path.name} into it; nothing was imported.",
            "warning",
        )
        return
    if document.read_only:
        window.notice.show_message(
            f"The plan is open read-only, so {drop.path.name} can't be imported; "
            "save a copy to edit it.",
            "warning",
        )
        return
    path, workbook = drop.path, window.files.workbook

    def start() -> None:
        WorkbookFolder(window.settings).remember(path)
        workbook.importing.import_file(path)

    workbook.when_free(start)
