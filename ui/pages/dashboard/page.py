"""The first page: are we on plan, and where? The headline figures and seven charts over one
period and filter, following every edit made anywhere in the app.

matplotlib costs more to import than the rest of the window takes to start, so this module
never imports it: the charts are built once the page has first been painted (or when a
caller needs them, :meth:`DashboardPage.ensure_charts`), and the window shows the plan first.

Edits arrive one at a time; several in one turn of the event loop (a paste, an undo of a
batch) are recomputed once, by a zero-delay single-shot timer. The headline figures and
only the chart on screen are recomputed; that chart is drawn again only when its data
changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner import ChangeSet, Plan, PlanError
from planner.checks import Finding
from ui.background import keep_loaded
from ui.document import PlanDocument
from ui.folders import start_folder
from ui.icons import icon
from ui.page import Page
from ui.pages.catalogue import DASHBOARD
from ui.plain_text import plain_tooltip
from ui.recent_files import ChartFolder
from ui.theme import is_dark
from ui.widgets.page_header import PageHeader
from ui.widgets.problem_box import show_problem

from .baseline_box import BaselineBox
from .drill import DrillDown, KeyNames, drill_down
from .figures import findings_figure, headline_figures
from .filter_bar import DashboardFilters
from .headline import HeadlineStrip
from .periods import period_choices
from .refresh_rules import affects_dashboard, changes_choices, changes_names
from .selection import Selection

if TYPE_CHECKING:
    from .charts_panel import ChartsPanel

SAVE_SHORTCUT = "Ctrl+Alt+S"  # Ctrl+Shift+S is File > Save a Copy As
COPY_SHORTCUT = "Ctrl+Shift+C"


class _ChartsPlaceholder(QLabel):
    """Stands where the charts go until they are built; asks for them once painted, so the
    window shows the plan before matplotlib is loaded."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()


class _ChartModules(QThread):
    """Imports matplotlib and the chart modules, so the UI thread does not wait for them; then
    what the first edit needs, so that edit does not wait for it either."""

    def run(self) -> None:
        from . import charts_panel  # noqa: F401 (imported for its side effect: loaded)

        Plan.prepare_for_edits()


class DashboardPage(Page):
    """Headline figures and charts of the plan over a period and filter; a click on a bar
    emits :attr:`drill_requested` with the initiatives behind it."""

    title = DASHBOARD.title
    icon_name = DASHBOARD.icon_name
    drill_requested = Signal(object)  # a DrillDown

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.charts: ChartsPanel | None = None
        self.selection: Selection | None = None  # what the figures and charts show now
        self.recomputes = 0  # how often the figures were recomputed: tests count
        self._findings: list[Finding] | None = None
        self._names = KeyNames(document.plan)
        self._shut = False  # see shut()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._recompute)

        self.header = PageHeader(self.title, "")
        self.filters = DashboardFilters()
        self.header.add_widget(self.filters.period_box)
        self.baseline_box = BaselineBox()
        self.header.add_widget(self.baseline_box)
        self.header.add_widget(self.baseline_box.compare_button)
        self.headline = HeadlineStrip()
        self.placeholder = _ChartsPlaceholder("Drawing the charts…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        # Once painted (the window shows the plan), matplotlib is imported off the UI thread
        # (0.6 s here) and the charts follow. Queued, the import starts when the window's
        # first frame is done, not halfway through it: the rest of the frame (the findings,
        # the status bar) does not wait on the import for the interpreter.
        self._chart_modules = _ChartModules(self)
        self._chart_modules.finished.connect(self._build_charts)
        self.placeholder.painted.connect(
            self._load_chart_modules, Qt.ConnectionType.QueuedConnection
        )
        self.save_action = self._action(
            "&Save Chart As…",
            "save-copy",
            SAVE_SHORTCUT,
            self.save_chart,
            "Save this chart as a PNG, SVG or PDF file",
        )
        self.copy_action = self._action(
            "&Copy Chart",
            "duplicate",
            COPY_SHORTCUT,
            self.copy_chart,
            "Copy this chart as an image, to paste into a slide or a message",
        )

        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.filters)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.placeholder, 1)
        chain = self.filters.focus_chain()
        chain[3:3] = self.baseline_box.focus_chain()  # after the period's controls
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.filters.changed.connect(lambda _selection: self._schedule())
        choice = document.baseline
        self.baseline_box.chosen.connect(choice.choose)
        self.baseline_box.compare_requested.connect(self.compare_versions)
        choice.changed.connect(self._baseline_changed)
        choice.versions_changed.connect(self._offer_versions)

    def _action(
        self, text: str, icon_name: str, keys: str, slot: Callable[[], object], tip: str
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        shortcut = QKeySequence(keys)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(plain_tooltip(f"{tip} ({native})"))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- the charts, built late --------------------------------------------------------------

    def _load_chart_modules(self) -> None:
        if self._shut:
            return  # the plan closed as its page was first painted
        if not self._chart_modules.isRunning() and not self._chart_modules.isFinished():
            self._chart_modules.start()

    def _build_charts(self) -> None:
        if not self._shut:  # the plan closed before its charts were due
            self.ensure_charts()

    def ensure_charts(self) -> ChartsPanel:
        """The charts panel, built now if it is not yet (this loads matplotlib)."""
        if self.charts is not None:
            return self.charts
        from .charts_panel import ChartsPanel  # matplotlib comes with it

        charts = ChartsPanel(lambda: self.analysis)
        charts.set_describer(self._names.describe)
        charts.add_chart_actions([self.save_action, self.copy_action])
        charts.drill_requested.connect(self.drill)
        if self.selection is not None:
            baseline = self.document.baseline.baseline
            charts.set_options(self.selection.options(dark=self._dark(), baseline=baseline))
        self._layout.replaceWidget(self.placeholder, charts)
        self.placeholder.hide()
        self.placeholder.deleteLater()
        self.charts = charts
        chain = self.filters.focus_chain()
        QWidget.setTabOrder(chain[-1], charts.tabBar())
        charts.show()  # draws the shown chart, if the page is on screen
        keep_loaded(self.analysis)  # matplotlib, now loaded
        return charts

    # -- following the plan ----------------------------------------------------------------

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Follow ``changes`` (``None``: everything, at once): refill the filters' choices
        they may have moved, and recompute the figures and the shown chart at the end of
        this turn of the event loop, once however many edits arrive in it."""
        if not affects_dashboard(changes):
            return  # a story typed on the Initiatives page: nothing here shows it
        if changes_names(changes):
            self._names.forget()
        self._refill(changes)
        if self.charts is not None:
            self.charts.mark_stale()
        if changes is None:
            self.recompute_now()
        else:
            self._schedule()

    def shut(self) -> None:
        """Drop a pending recompute and charts not built yet: the document is about to
        close."""
        self._shut = True
        self._timer.stop()
        self._chart_modules.wait()  # a thread must not outlive its page
        for dialog in self.findChildren(QDialog, "compareVersions"):
            dialog.reject()  # its comparison reads the plan

    @property
    def refresh_pending(self) -> bool:
        """Whether edits were heard that the figures and chart do not show yet."""
        return self._timer.isActive()

    def recompute_now(self) -> None:
        """Recompute what a pending refresh would, now (before a chart is saved or copied)."""
        self._timer.stop()
        self._recompute()

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """The plan's open findings, for their headline card."""
        self._findings = list(findings)
        self.headline.show_figures([findings_figure(self._findings)])

    def _refill(self, changes: ChangeSet | None) -> None:
        plan = self.plan
        if changes is None:
            self._offer_versions()
        if changes_choices(changes):
            settings = plan.settings.get()
            self.header.title.setText(settings.name)
            parts = [settings.company, settings.horizon.describe(), settings.stage.value.title()]
            self.header.subtitle.setText(" · ".join(part for part in parts if part))
            self.filters.set_people(plan.people.list())
            self.filters.set_segments(plan.segments.list())
            self.filters.set_channels(plan.channels.list())
        # Cheap, and the current fiscal year moves with the latest actual: every time.
        self.filters.set_periods(period_choices(self.analysis), plan.horizon.months())

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _recompute(self) -> None:
        if not self.isVisible():
            # Hidden since the edit was heard: catch up when shown, as any page does.
            self._stale = True
            return
        selection = self.filters.selection()
        self.selection = selection
        self.recomputes += 1
        baseline = self.document.baseline.baseline
        figures = headline_figures(
            self.analysis, selection.months, selection.where, self._findings, baseline
        )
        self.headline.show_figures(figures)
        if self.charts is not None:
            self.charts.set_options(selection.options(dark=self._dark(), baseline=baseline))
            self.charts.refresh_current()

    # -- the baseline compared with ---------------------------------------------------------

    def _offer_versions(self) -> None:
        choice = self.document.baseline
        offered = choice.offered()
        # A version shown in the window is not offered, yet compares with the working plan.
        comparable = bool(offered) or self.plan.version is not None
        self.baseline_box.set_versions(offered, choice.version_id, comparable=comparable)
        self.baseline_box.set_opening(choice.opening())

    def _baseline_changed(self) -> None:
        choice = self.document.baseline
        self._offer_versions()
        if self.charts is not None:
            # At once, not at the recompute: the baseline shown before is closed next.
            options = self.charts.options
            self.charts.set_options(dataclasses.replace(options, baseline=choice.baseline))
        if self.selection is not None:
            self._schedule()

    def compare_versions(self) -> None:
        """Compare two or three versions of the plan side by side, in a dialog."""
        from ui.versions.compare_dialog import show_compare_dialog

        show_compare_dialog(self, self.document)

    @staticmethod
    def _dark() -> bool:
        app = QApplication.instance()
        return isinstance(app, QApplication) and is_dark(app)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Light or dark switched: the charts follow (their record is the same, their style
        # is not, so they are drawn again).
        palette = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette:
            # Icons are drawn in the palette's text colour: draw them again in the new one.
            self.save_action.setIcon(icon("save-copy"))
            self.copy_action.setIcon(icon("duplicate"))
            if self.selection is not None:
                self._schedule()

    # -- drilling down ---------------------------------------------------------------------

    def drill(self, key: str) -> DrillDown | None:
        """Open the initiatives behind ``key`` as a click on its bar does; what was asked."""
        if self.selection is None:
            return None
        found = drill_down(self.analysis, key, self.selection)
        if found is not None:
            self.drill_requested.emit(found)
        return found

    # -- out of the app --------------------------------------------------------------------

    def save_chart(self, path: Path | None = None) -> Path | None:
        """Save the shown chart, in the light style, where the user says (or ``path``); a
        failure is told in a message that does not block the window, and leaves no file."""
        from . import export
        from .charts_panel import tab_title

        charts = self.ensure_charts()
        if self.refresh_pending:  # an edit of this very turn belongs in the picture
            self.recompute_now()
        # The window's settings remember the folder; a page shown on its own has none.
        settings = getattr(self.window(), "settings", None)
        remembered = ChartFolder(settings) if isinstance(settings, QSettings) else None
        if path is None:
            folder = start_folder(remembered.last() if remembered else None, self.plan.path)
            title = tab_title(charts.current_kind())
            name = export.suggested_name(self.plan.settings.get().name, title)
            path = export.ask_path(self, folder, name)
            if path is None:
                return None
        try:
            saved = export.save(charts.light_figure(), path)
        except PlanError as error:
            self._problem("Can't save the chart", str(error))
            return None
        if remembered is not None:
            remembered.remember(saved)
        self._say(f"Saved the chart to {saved}")
        return saved

    def copy_chart(self) -> None:
        """Put the shown chart, in the light style, on the clipboard as an image."""
        from . import export

        charts = self.ensure_charts()
        if self.refresh_pending:  # an edit of this very turn belongs in the picture
            self.recompute_now()
        export.copy(charts.light_figure())
        self._say("Copied the chart")

    def _problem(self, title: str, message: str) -> QMessageBox:
        return show_problem(self.window(), title, message)

    def _say(self, message: str) -> None:
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(message, 4000)
