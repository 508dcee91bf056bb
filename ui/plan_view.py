"""Everything the window shows of one plan: the sidebar, its pages and the findings panel.

Built afresh for each document, so a page is given its document once and never swaps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import Metric
from planner.checks import Finding
from ui.background import keep_loaded
from ui.document import PlanDocument
from ui.findings.panel import FindingsPanel
from ui.findings.watcher import FindingsWatcher
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import (
    DASHBOARD,
    INITIATIVES,
    PAGES,
    PEOPLE,
    SETTINGS,
    STRIKE_ZONE,
    TARGETS,
    TIMELINE,
    WATERFALL,
    PageEntry,
    entry_of,
)
from ui.sidebar import COMPACT_WIDTH, FULL_WIDTH, Sidebar

if TYPE_CHECKING:
    from ui.pages.dashboard.drill import DrillDown
    from ui.pages.initiatives.page import InitiativesPage

# Which page fixes a finding about this field; the initiatives page takes the rest.
_FIELD_PAGES: dict[str, PageEntry] = {
    "owner": PEOPLE,
    "roles": PEOPLE,
    "values": TARGETS,
    **{metric.value: TARGETS for metric in Metric},
    **{metric.planned_column: TARGETS for metric in Metric},
    "handoff": SETTINGS,
    "mqls_per_month": SETTINGS,
    "tier": STRIKE_ZONE,
}


class PlanView(QWidget):
    page_changed = Signal(str)  # the title of the page now shown

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        # Pages are built when first shown: opening a big plan then builds one page, not six.
        self._built: dict[PageEntry, Page] = {}
        self._findings: list[Finding] = []
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        for entry in PAGES:
            self.sidebar.add_page(icon(entry.icon_name), entry.title)
            self.stack.addWidget(QWidget())  # a stand-in until the page is first shown
        self.sidebar.currentRowChanged.connect(self._show_page)

        self.findings_panel = FindingsPanel()
        self.findings_panel.setMinimumWidth(240)
        self.findings_panel.reveal_requested.connect(self.reveal)
        self.findings_panel.channel_reveal_requested.connect(self.reveal_channel)
        self.watcher = FindingsWatcher(document, self)
        self.watcher.updated.connect(self._show_findings)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.findings_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 300])
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.splitter, 1)

        self.sidebar.setCurrentRow(0)
        self._painted = False  # the first check waits for it: see paintEvent

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # The plan is shown first and its findings follow: the first check reads the
            # whole plan, a moment on a big one, so it starts once this frame is drawn.
            self._painted = True
            self.watcher.check_soon()
            QTimer.singleShot(0, self, lambda: keep_loaded(self.document.analysis))

    def shut(self) -> None:
        """Stop background work before the document closes."""
        self.watcher.stop()
        for page in self._built.values():
            page.shut()

    def page(self, which: type[Page] | PageEntry) -> Page:
        """The page of this class or entry, built (and given the findings) on first use."""
        entry = entry_of(which)
        page = self._built.get(entry)
        if page is None:
            page = self._built[entry] = entry.load()(self.document)
            row = PAGES.index(entry)
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, self._padded(page))
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._give_findings(page)
            if entry is DASHBOARD:
                from ui.pages.dashboard.page import DashboardPage  # loaded just now

                assert isinstance(page, DashboardPage)
                page.drill_requested.connect(self.open_drill_down)
            elif entry is TIMELINE:
                from ui.pages.timeline.page import TimelinePage  # loaded just now

                assert isinstance(page, TimelinePage)
                page.open_requested.connect(self.open_initiative)
            elif entry is WATERFALL:
                from ui.pages.waterfall.page import WaterfallPage  # loaded just now

                assert isinstance(page, WaterfallPage)
                page.open_requested.connect(self.open_initiative)
        return page

    def page_at(self, row: int) -> Page:
        return self.page(PAGES[row])

    def built_pages(self) -> list[Page]:
        return list(self._built.values())

    def current_page(self) -> Page:
        return self.page_at(self.sidebar.currentRow())

    def show_page(self, which: type[Page] | PageEntry) -> Page:
        page = self.page(which)
        self.sidebar.setCurrentRow(PAGES.index(entry_of(which)))
        return page

    def open_drill_down(self, drill: DrillDown) -> InitiativesPage:
        """Show the Initiatives page listing only the initiatives behind a Dashboard bar."""
        from ui.pages.initiatives.page import InitiativesPage  # loaded by show_page

        page = self.show_page(INITIATIVES)
        assert isinstance(page, InitiativesPage)
        page.show_only(
            drill.title,
            drill.initiative_ids,
            channel_id=drill.channel_id,
            owner_id=drill.owner_id,
            segment_id=drill.segment_id,
            tier=drill.tier,
        )
        return page

    def open_initiative(self, initiative_id: int) -> bool:
        """Show an initiative's row on the Initiatives page (clearing filters that hide it)."""
        return self.reveal(initiative_id, None)

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Show the page and the row or field that fixes a finding."""
        preferred = _FIELD_PAGES.get(field or "")
        if initiative_id is None and field == "segments":
            preferred = STRIKE_ZONE
        ordered = sorted(PAGES, key=lambda entry: entry is not (preferred or INITIATIVES))
        shown = PAGES[max(self.sidebar.currentRow(), 0)]
        for entry in ordered:
            # Shown first, so the page's widgets can take the focus it gives them.
            page = self.show_page(entry)
            if page.reveal(initiative_id, field):
                return True
        self.show_page(shown)
        return False

    def reveal_channel(self, channel_id: int, field: str | None) -> bool:
        """Show a channel's ``field`` (one of its rates) in the settings page's channels."""
        from ui.pages.settings.page import SettingsPage  # loaded by show_page

        page = self.show_page(SETTINGS)
        assert isinstance(page, SettingsPage)
        return page.reveal_channel(channel_id, field)

    # -- fitting a narrow window -----------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        """With the sidebar's icons alone: a laptop's screen holds the page and the
        findings panel once the sidebar drops its titles (see :meth:`_fit_sidebar`)."""
        width = COMPACT_WIDTH + self.splitter.minimumSizeHint().width()
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sidebar()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # the findings shown or hidden, a page built
            self._fit_sidebar()
        return handled

    def _fit_sidebar(self) -> None:
        """Titles in the sidebar while the window has room for them beside the page (and
        the findings panel), icons alone when it has not."""
        needed = FULL_WIDTH + self.splitter.minimumSizeHint().width()
        self.sidebar.set_compact(self.width() < needed)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self.page_at(row)
        self.stack.setCurrentIndex(row)
        self.page_changed.emit(page.title)

    def _show_findings(self, findings: list[Finding]) -> None:
        self._findings = findings
        self.findings_panel.show_findings(findings)
        for page in self._built.values():
            self._give_findings(page)

    def _give_findings(self, page: Page) -> None:
        set_findings = getattr(page, "set_findings", None)
        if set_findings is not None:
            set_findings(self._findings)

    @staticmethod
    def _padded(page: Page) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page)
        return holder
