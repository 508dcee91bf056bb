"""Everything the window shows of one plan: the sidebar, its pages and the findings panel.

Built afresh for each document, so a page is given its document once and never swaps it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner import Metric
from planner.checks import Finding
from ui.document import PlanDocument
from ui.findings.panel import FindingsPanel
from ui.findings.watcher import FindingsWatcher
from ui.icons import icon
from ui.page import Page
from ui.pages.dashboard.page import DashboardPage
from ui.pages.initiatives.page import InitiativesPage
from ui.pages.people.page import PeoplePage
from ui.pages.settings.page import SettingsPage
from ui.pages.strike_zone.page import StrikeZonePage
from ui.pages.targets.page import TargetsPage

PAGES: tuple[type[Page], ...] = (
    DashboardPage,
    InitiativesPage,
    PeoplePage,
    StrikeZonePage,
    TargetsPage,
    SettingsPage,
)

# Which page fixes a finding about this field; the initiatives page takes the rest.
_FIELD_PAGES: dict[str, type[Page]] = {
    "owner": PeoplePage,
    "roles": PeoplePage,
    "values": TargetsPage,
    **{metric.value: TargetsPage for metric in Metric},
    "handoff": SettingsPage,
    "mqls_per_month": SettingsPage,
    "tier": StrikeZonePage,
}


class PlanView(QWidget):
    page_changed = Signal(str)  # the title of the page now shown

    def __init__(
        self,
        document: PlanDocument,
        findings: list[Finding] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.pages = [page_class(document) for page_class in PAGES]
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.sidebar.addItem(QListWidgetItem(icon(page.icon_name), page.title))
            self.stack.addWidget(self._padded(page))
        self.sidebar.currentRowChanged.connect(self._show_page)

        self.findings_panel = FindingsPanel()
        self.findings_panel.setMinimumWidth(240)
        self.findings_panel.reveal_requested.connect(self.reveal)
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
        if findings is None:
            self.watcher.run_now()
        else:
            self.watcher.findings = findings
            self._show_findings(findings)

    def page(self, page_class: type[Page]) -> Page:
        return next(page for page in self.pages if isinstance(page, page_class))

    def current_page(self) -> Page:
        return self.pages[self.sidebar.currentRow()]

    def show_page(self, page_class: type[Page]) -> Page:
        page = self.page(page_class)
        self.sidebar.setCurrentRow(self.pages.index(page))
        return page

    def reveal(self, initiative_id: int | None, field: str | None) -> bool:
        """Show the page and the row or field that fixes a finding."""
        preferred = _FIELD_PAGES.get(field or "")
        if initiative_id is None and field == "segments":
            preferred = StrikeZonePage
        ordered = sorted(self.pages, key=lambda p: not isinstance(p, preferred or InitiativesPage))
        shown = self.current_page()
        for page in ordered:
            # Shown first, so the page's widgets can take the focus it gives them.
            self.show_page(type(page))
            if page.reveal(initiative_id, field):
                return True
        self.show_page(type(shown))
        return False

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.page_changed.emit(self.pages[row].title)

    def _show_findings(self, findings: list[Finding]) -> None:
        self.findings_panel.show_findings(findings)
        for page in self.pages:
            set_findings = getattr(page, "set_findings", None)
            if set_findings is not None:
                set_findings(findings)

    @staticmethod
    def _padded(page: Page) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(page)
        return holder
