"""The main window: menus, the notice bar and status bar, and the plan view of the open plan.

It wires pieces together and little else: pages edit, the document undoes, the opener opens.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import APP_NAME, APP_VERSION, ChangeSet, Entity, Plan
from planner.analysis import Analysis
from ui import drops
from ui.commands import PlanCommand
from ui.document import PlanDocument
from ui.file_actions import FileActions
from ui.help.menu import HelpMenu
from ui.icons import app_icon, icon
from ui.notice_bar import NoticeBar
from ui.opening import OpenFailure, PlanOpener, offer_read_only
from ui.pages.catalogue import PAGES, PageEntry
from ui.plain_text import rich, window_title
from ui.plan_view import PlanView
from ui.recent_files import RecentFiles
from ui.versions.menu import VersionsMenu
from ui.versions.wording import version_title
from ui.welcome import Welcome
from ui.widgets.problem_box import show_problem
from ui.widgets.status_bar import StatusBar
from ui.window_geometry import (
    ROOM_FOR_FINDINGS,
    first_geometry,
    fitted,
    frame_of,
    remember_place,
    restore_place,
)


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, demo: Callable[[], tuple[Path, Callable]]) -> None:
        super().__init__()
        self.settings = settings
        self.recent = RecentFiles(settings)
        self._demo = demo
        self.document: PlanDocument | None = None
        self.view: PlanView | None = None
        self.undo_group = QUndoGroup(self)
        self.opener = PlanOpener(self)
        self.opener.opened.connect(lambda analysis: self.set_plan(analysis.plan, analysis))
        self.opener.failed.connect(self._open_failed)

        self.notice = NoticeBar()
        self.welcome = Welcome()
        # While a plan opens (the last one, as the app starts) the page says which.
        self.opener.started.connect(self.welcome.show_opening)
        self.opener.ended.connect(self.welcome.show_start)
        self.welcome.new_requested.connect(lambda: self.files.new_plan())
        self.welcome.open_requested.connect(lambda: self.files.open_dialog())
        self.welcome.demo_requested.connect(self.open_demo)
        self.body = QStackedWidget()
        self.body.addWidget(self.welcome)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)

        self.files = FileActions(self)
        self.versions = VersionsMenu(self)
        self.versions.offer_compare(self._compare_versions)
        self._build_menus()
        status = StatusBar()
        self.setStatusBar(status)
        self.location = status.location
        self.setWindowIcon(app_icon())
        self.setGeometry(first_geometry(self.screen().availableGeometry()))
        self.show_title()
        self.files.plan_is_open(False)
        self.setAcceptDrops(True)
        self.file_drops = drops.FileDrops(self)  # files dropped on a text field too

    # -- plans ---------------------------------------------------------------------------------

    def open_path(
        self,
        path: Path,
        prepare: Callable[[Path], None] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """Open ``path`` off the UI thread, for editing unless ``read_only``; it replaces the
        open plan once it has opened."""
        current = self.document.path if self.document is not None else None
        # Another spelling of the open plan's path (a symlink, "..") is the same plan.
        if current is not None and current.resolve() == path.resolve():
            self.statusBar().showMessage(f"{path.name} is already open", 4000)
            return
        self.statusBar().showMessage(f"Opening {path}…")
        self.opener.open(path, prepare, read_only=read_only)

    def open_demo(self) -> None:
        path, prepare = self._demo()
        self.open_path(path, prepare)

    def set_plan(self, plan: Plan, analysis: Analysis | None = None) -> None:
        """Show ``plan`` in the window, closing the plan shown before; ``analysis`` is its
        analysis when the opener made it already (else the document chooses one)."""
        self.close_plan()
        self.document = self.make_document(plan, analysis)
        self.view = self.make_view(self.document)
        self.body.addWidget(self.view)
        self.body.setCurrentWidget(self.view)
        self._restore_view_state()
        self.files.plan_is_open(True)
        self.findings_toggle.setEnabled(True)
        self.versions.plan_opened(self.document)
        if plan.path is not None:
            self.recent.add(plan.path)
        self.show_title()
        self.statusBar().showMessage(f"Opened {plan.where}", 4000)
        if plan.read_only:
            self.notice.show_message(
                f"Opened read-only ({plan.read_only_reason}). Save a copy to edit it.",
                "info",
                lasting=True,
            )
        elif plan.upgraded_from is not None:
            self.notice.show_message(
                f"This plan was upgraded to the current format; the original is kept as "
                f"{plan.upgrade_backup}.",
                "info",
                lasting=True,
            )

    def close_plan(self) -> None:
        """Close the open plan (every edit is already saved) and show the welcome page."""
        if self.document is None:
            return
        self.versions.close()  # a version shown closes first: it saves into the plan's file
        self._save_view_state()
        document, view = self.document, self.view
        self.document = self.view = None
        self.drop(document, view, view)
        self.notice.clear()
        self.body.setCurrentWidget(self.welcome)
        self.files.plan_is_open(False)
        self.findings_toggle.setEnabled(False)
        self.show_title()
        gc.unfreeze()  # what the plan leaves behind can be collected (see keep_loaded)

    def make_document(self, plan: Plan, analysis: Analysis | None = None) -> PlanDocument:
        """A document of ``plan`` (the working plan or a version) whose refusals, notices and
        edits this window shows; its undo stack joins the window's undo group as the one
        that Undo acts on."""
        document = PlanDocument(plan, self, analysis=analysis)
        document.refused.connect(self._refused)
        document.announced.connect(functools.partial(self._announced, document))
        # A notice about the last action goes with the next edit (and undo) or page change.
        document.changed.connect(lambda _changes: self.notice.clear_transient())
        document.changed.connect(self._changed)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        return document

    def make_view(self, document: PlanDocument) -> PlanView:
        view = PlanView(document)
        view.page_changed.connect(lambda title: self.statusBar().showMessage(title, 2000))
        view.page_changed.connect(lambda _title: self.notice.clear_transient())
        return view

    def show_document(self, document: PlanDocument, view: PlanView, shown: QWidget) -> None:
        """Show ``document`` (its ``view`` in the body as ``shown``, already added): the
        window's menus, Undo and title act on it from now on."""
        self.document, self.view = document, view
        self.undo_group.setActiveStack(document.undo_stack)
        view.findings_panel.setVisible(self.findings_toggle.isChecked())
        self.body.setCurrentWidget(shown)
        self.files.plan_is_open(True, version_shown=document.plan.version is not None)
        self.show_title()

    def drop(self, document: PlanDocument, view: PlanView, shown: QWidget) -> None:
        """Close ``document`` and its ``view`` (in the body as ``shown``)."""
        self.undo_group.removeStack(document.undo_stack)
        view.shut()
        self.body.removeWidget(shown)
        shown.deleteLater()
        document.close()
        document.deleteLater()

    def _compare_versions(self) -> None:
        # Loaded when asked for: it brings the charts and the checks, which no start needs.
        from ui.versions.compare_dialog import show_compare_dialog

        if self.document is not None:
            show_compare_dialog(self, self.document)

    def show_problem(self, title: str, message: str) -> QMessageBox:
        """A warning that does not block the event loop (window-modal, opened not exec'd)."""
        return show_problem(self, title, message)

    # -- window --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # A plan still opening (from a stalled disk, say) must not hold the window open.
        self.opener.abandon()
        self.files.shut()
        remember_place(self.settings, self)
        self.settings.setValue("window/state", self.saveState())
        self.close_plan()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.file_drops.watch()  # the window's QWindow exists from its first show

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        drops.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        drops.dropped(self, event)

    def restore_window_state(self) -> None:
        if not restore_place(self.settings, self):
            # Kept as one place for every screen before the window remembered one per screen.
            geometry = self.settings.value("window/geometry", QByteArray(), type=QByteArray)
            if geometry:
                self.restoreGeometry(geometry)
        state = self.settings.value("window/state", QByteArray(), type=QByteArray)
        if state:
            self.restoreState(state)
        self.keep_on_screen()

    def keep_on_screen(self) -> None:
        """Shrink and move the window into its screen's free area: it may have been saved
        on a bigger screen."""
        margins, inner = frame_of(self), self.geometry()
        wanted = fitted(inner.marginsAdded(margins), self.screen().availableGeometry(), margins)
        if wanted != inner:
            self.setGeometry(wanted)

    def _save_view_state(self) -> None:
        if self.view is not None:
            self.settings.setValue("view/splitter", self.view.splitter.saveState())
            # By the page's name: its row moves when a page is added before it.
            row = max(self.view.sidebar.currentRow(), 0)
            self.settings.setValue("view/page_shown", PAGES[row].class_name)
            self.settings.remove("view/page")
            self.settings.setValue("view/findings", self.view.findings_panel.isVisibleTo(self.view))

    def _restore_view_state(self) -> None:
        assert self.view is not None
        splitter = self.settings.value("view/splitter", QByteArray(), type=QByteArray)
        if splitter:
            self.view.splitter.restoreState(splitter)
        entry = _page_shown_last(self.settings)
        if entry is not None:
            self.view.sidebar.setCurrentRow(PAGES.index(entry))
        roomy = self.width() >= ROOM_FOR_FINDINGS  # else hidden until F9 shows it
        shown = self.settings.value("view/findings", roomy, type=bool)
        self.view.findings_panel.setVisible(shown)
        self.findings_toggle.setChecked(shown)

    def _build_menus(self) -> None:
        self.files.fill_menu(self.menuBar().addMenu("&File"))

        edit = self.menuBar().addMenu("&Edit")
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(icon("undo"))
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setIcon(icon("redo"))
        edit.addAction(undo)
        edit.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        view = self.menuBar().addMenu("&View")
        self.page_actions: list[QAction] = []
        for row, entry in enumerate(PAGES):
            action = view.addAction(icon(entry.icon_name), entry.menu_text)
            action.setShortcut(QKeySequence(f"Ctrl+{entry.key}"))
            action.triggered.connect(lambda _=False, row=row: self._go_to_page(row))
            self.page_actions.append(action)
        view.addSeparator()
        self.findings_toggle = view.addAction("Show &Findings")
        self.findings_toggle.setCheckable(True)
        self.findings_toggle.setChecked(True)
        self.findings_toggle.setShortcut(QKeySequence("F9"))
        self.findings_toggle.setIcon(icon("findings"))
        self.findings_toggle.toggled.connect(self._toggle_findings)
        self.findings_toggle.setEnabled(False)

        self.versions.fill_menu(self.menuBar().addMenu("Ve&rsions"))

        plan_menu = self.menuBar().addMenu("&Plan")
        self.phase_action = plan_menu.addAction("Phase &Targets…")
        self.phase_action.setStatusTip(
            "Spread every initiative's revenue target, funnel and budget over its months"
        )
        self.phase_action.triggered.connect(self.phase_targets)
        plan_menu.aboutToShow.connect(self._plan_menu_shown)
        self._plan_menu_shown()

        help_menu = self.menuBar().addMenu("&Help")
        self.help = HelpMenu(self)
        self.help.fill_menu(help_menu)
        help_menu.addSeparator()
        help_menu.addAction(f"&About {APP_NAME}", self._about)

    def _plan_menu_shown(self) -> None:
        self.phase_action.setEnabled(self.document is not None and not self.document.read_only)

    def phase_targets(self) -> QDialog | None:
        """Open Phase Targets for the whole plan, on the Initiatives page."""
        if self.document is None or self.view is None or self.document.read_only:
            return None
        from ui.pages.catalogue import INITIATIVES
        from ui.pages.initiatives.page import InitiativesPage

        page = self.view.show_page(INITIATIVES)
        assert isinstance(page, InitiativesPage)
        return page.what_if.ask_phase(whole_plan=True)

    def _go_to_page(self, row: int) -> None:
        if self.view is not None:
            self.view.sidebar.setCurrentRow(row)
            self.view.page_at(row).setFocus()

    def _toggle_findings(self, shown: bool) -> None:
        if self.view is not None:
            self.view.findings_panel.setVisible(shown)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            rich(
                "<b>{}</b> {}<br>Plan marketing that ties to revenue, with sales on the same "
                "page. Your plan is one file, saved after every edit.",
                APP_NAME,
                APP_VERSION,
            ),
        )

    def show_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            self.location.set_path("")
            return
        plan = self.document.plan
        name = plan.settings.get().name
        where = plan.path.name if plan.path else "in memory"
        if plan.version is not None:
            where += f" — {version_title(plan.version)}"
        marker = " (read-only)" if plan.read_only else ""
        self.setWindowTitle(window_title(f"{name} — {where}{marker} — {APP_NAME}"))
        self.setWindowFilePath(str(plan.path or ""))
        self.location.set_path(str(plan.path or ""))

    def _changed(self, changes: ChangeSet) -> None:
        if changes.touches(Entity.SETTINGS):
            self.show_title()
        self.statusBar().showMessage("Saved", 2500)

    def _refused(self, message: str) -> None:
        self.notice.show_message(message, "warning")
        self.statusBar().showMessage(message, 8000)

    def _announced(self, document: PlanDocument, message: str, command: PlanCommand) -> None:
        # The undo of the document that did it: a version's step, or one of the working
        # plan's (a version saved, renamed, promoted) while a version is shown.
        undo = ("Undo", lambda: document.undo_if_last(command))
        self.notice.show_message(message, "info", action=undo)

    def _open_failed(self, failure: OpenFailure) -> None:
        self.statusBar().clearMessage()
        self.recent_missing(failure.path)
        if failure.read_only_would_open:
            offer_read_only(self, failure, lambda: self.open_path(failure.path, read_only=True))
        else:
            self.show_problem(failure.title, failure.message)

    def recent_missing(self, path: Path) -> None:
        if not path.exists():
            self.recent.remove(path)


def _page_shown_last(settings: QSettings) -> PageEntry | None:
    """The page the window showed when it last closed. Before the Timeline it was kept by its
    row, which was then its shortcut's digit less one."""
    name = settings.value("view/page_shown", "", type=str)
    if name:
        return next((entry for entry in PAGES if entry.class_name == name), None)
    row = settings.value("view/page", -1, type=int)
    return next((entry for entry in PAGES if entry.key == row + 1), None)
