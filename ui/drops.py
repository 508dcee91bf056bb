"""Files dropped on the main window: a plan opens as File > Open opens it, a workbook or a CRM's
CSV goes to the same preview as File > Import Actuals; anything else is said in one line in the
notice bar and changes nothing.

What a drop means is decided from its URLs alone (:func:`what_was_dropped`), so the rule is
tested without a window; the window only passes the event on.

A file dropped on a widget that takes text (a search box, a story field, a spin box, a table's
cell editor) means the same as one dropped beside it: :class:`FileDrops` takes drags of files
before Qt hands them to the widget under the pointer, which would type the file's address
(``file:///…``) into itself. A field for a file's path fills in the path instead
(:data:`TAKES_FILE_PATHS`), and text or a web link dropped on a text field is left to Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from planner.version import PLAN_SUFFIX
from ui.recent_files import WorkbookFolder

if TYPE_CHECKING:
    from ui.main_window import MainWindow

WHAT_TO_DROP = f"Drop one plan ({PLAN_SUFFIX}), workbook (.xlsx) or CSV file"

# A widget property: set on a field for a file's path, which fills in a file dropped on it
# itself (see ui.widgets.path_field); the window leaves drags over such a field to it.
TAKES_FILE_PATHS = "takesFilePaths"

_DRAGS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
_BLOCKING = (QEvent.Type.WindowBlocked, QEvent.Type.WindowUnblocked)


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


def carries_files(data: QMimeData | None) -> bool:
    """Whether a drag brings files of this computer (from a file manager, say), as opposed
    to text or web addresses, which text fields take as text."""
    return any(url.isLocalFile() for url in _urls(data))


def one_file(data: QMimeData | None) -> Path | None:
    """The file a drag brings when it brings one file of this computer and nothing else."""
    urls = _urls(data)
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    return Path(urls[0].toLocalFile())


def drag_entered(event: QDragEnterEvent) -> None:
    """Take any drag of URLs that comes to the window itself (files, which
    :class:`FileDrops` brings, or a web link dropped beside the fields), so that a drop the
    window cannot use is told, not ignored."""
    if event.mimeData().hasUrls():
        event.acceptProposedAction()
    else:
        event.ignore()


def dropped(window: MainWindow, event: QDropEvent) -> None:
    """Act on the drop ``event`` on ``window``."""
    event.acceptProposedAction()
    act_on(window, what_was_dropped(_urls(event.mimeData())))


class FileDrops(QObject):
    """Takes every drag of files over ``window``, wherever on it the pointer is.

    Qt offers a drag to the deepest widget under the pointer that accepts drops, and a line
    edit, a text edit or a spin box accepts a file's address as text. Every drag into the
    window reaches the window's own QWindow first, which hands it on to that widget; a filter
    there sees each drag before any widget does, including widgets made later (a page built
    on first show, a cell editor). It sees none of the widgets' own events, only the
    window's (a mouse move, a key, a repaint), a few microseconds each.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # Whether a modal dialog (the import's preview, a problem) blocks the window, as Qt
        # tells its QWindow.
        self._blocked = False

    def watch(self) -> None:
        """Watch the window's QWindow, which exists once the window is shown (and is made
        anew when the window is recreated); watching it again changes nothing."""
        handle = self._window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _BLOCKING:
            self._blocked = kind == QEvent.Type.WindowBlocked
            return False
        if kind not in _DRAGS or not isinstance(event, QDropEvent):
            return False
        if not carries_files(event.mimeData()) or self._path_field_at(event):
            return False  # Qt's way: text for text fields, the path for a path field
        if self._blocked:
            # The window waits for a dialog: a plan opened now would be pulled from under
            # it. Qt refuses such drags itself (seen on X11); this says so where one gets
            # through.
            event.ignore()
            if kind == QEvent.Type.Drop:
                self._window.notice.show_message(
                    f"Close the open dialog first, then drop {_named(event.mimeData())} "
                    "again; nothing was opened.",
                    "warning",
                )
            return True
        if kind == QEvent.Type.Drop:
            dropped(self._window, event)
        else:
            event.acceptProposedAction()
        return True

    def _path_field_at(self, event: QDropEvent) -> bool:
        widget: QWidget | None = self._window.childAt(event.position().toPoint())
        while widget is not None and widget is not self._window:
            if widget.property(TAKES_FILE_PATHS):
                return True
            widget = widget.parentWidget()
        return False


def _named(data: QMimeData) -> str:
    """What a drag brings, in a few words: the file's name, or how many files."""
    urls = _urls(data)
    if len(urls) == 1:
        return urls[0].fileName() or urls[0].toDisplayString()
    return f"{len(urls)} files"


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
