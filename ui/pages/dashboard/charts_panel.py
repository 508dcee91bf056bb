"""The Dashboard's charts, one tab each, the chosen one drawn large.

Only the chart on screen is kept current: an edit or a new filter marks every chart stale
and recomputes the shown one's record; a chart is drawn again only when its record (or its
style: currency, light or dark) differs from the one on screen, into the same Figure when
only values changed. The others catch up when their tab is chosen. Imported with
matplotlib, once the dashboard has first been painted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QToolButton, QWidget

from planner.analysis import Analysis
from planner.charts import KINDS, TITLES, chart_module
from planner.charts.options import ChartOptions
from planner.charts.returns import ReturnsChoice
from planner.charts.style import ChartStyle

from .chart_view import ChartView
from .returns_tab import ReturnsTab

# Tab labels short enough for seven tabs and the chart buttons side by side at 1280 pixels.
SHORT_TITLES = {"handoff": "Hand-off", "strike-zone": "Strike zone"}
# What a chart's unnamed bars measure, for their tooltips.
MEASURES = {"attainment": "Attainment to date"}


def tab_title(kind: str) -> str:
    """ "Revenue", "Funnel", ... "Hand-off": the tab of a chart kind."""
    return SHORT_TITLES.get(kind) or TITLES[kind].split(":")[0]


@dataclass
class _Chart:
    """What one tab shows now, and whether it still reflects the plan."""

    view: ChartView
    stale: bool = True
    record: Any = None
    style: ChartStyle | None = None


class ChartsPanel(QTabWidget):
    """A tab per chart kind; :attr:`drill_requested` gives the key of a clicked bar."""

    drill_requested = Signal(str)

    def __init__(self, analysis: Callable[[], Analysis], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._analysis = analysis
        self.options = ChartOptions(returns=ReturnsChoice())
        self.charts: dict[str, _Chart] = {}
        self.redraws = 0  # charts drawn anew (a record or style that changed): tests count
        self._chart_buttons: list[QToolButton] = []  # see add_chart_actions
        self._corner_full_width = 0  # their width with words beside the icons
        self.setDocumentMode(True)
        self.setAccessibleName("Charts")
        for kind in KINDS:
            view = ChartView()
            view.setAccessibleName(TITLES[kind])
            view.measure = MEASURES.get(kind, "")
            view.clicked.connect(self.drill_requested)
            self.charts[kind] = _Chart(view)
            tab: QWidget = view
            if kind == "returns":
                self.returns_tab = ReturnsTab(view)
                self.returns_tab.chosen.connect(self.choose_returns)
                tab = self.returns_tab
            index = self.addTab(tab, tab_title(kind))
            self.setTabToolTip(index, TITLES[kind])
        self.currentChanged.connect(lambda _index: self.refresh_current())

    # -- what is shown ---------------------------------------------------------------------

    def current_kind(self) -> str:
        return list(KINDS)[max(self.currentIndex(), 0)]

    def show_kind(self, kind: str) -> None:
        self.setCurrentIndex(list(KINDS).index(kind))

    def view(self, kind: str | None = None) -> ChartView:
        return self.charts[kind or self.current_kind()].view

    def record(self, kind: str | None = None) -> Any:
        """The data record the chart of ``kind`` (the shown one) was last computed from."""
        return self.charts[kind or self.current_kind()].record

    def add_chart_actions(self, actions: Sequence[QAction]) -> None:
        """Offer ``actions`` (save, copy) as buttons beside the tabs and in every chart's
        context menu."""
        corner = QWidget()
        layout = QHBoxLayout(corner)
        # No margin nor spacing: seven tabs and the two buttons fit beside each other in the
        # narrowest dashboard (1024 pixels, findings shown), the buttons raised on hover only.
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            layout.addWidget(button)
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self._chart_buttons = corner.findChildren(QToolButton)
        self._corner_full_width = corner.sizeHint().width()
        self._fit_corner(self.width())
        for chart in self.charts.values():
            chart.view.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            chart.view.canvas.addActions(list(actions))

    def set_describer(self, describe: Callable[[str], str]) -> None:
        """How tooltips name what a key stands for ("month:202603" -> "Mar 2026")."""
        for chart in self.charts.values():
            chart.view.describe = describe

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_corner(event.size().width())

    def _fit_corner(self, width: int) -> None:
        """The chart buttons lose their words (keeping icons and tooltips) when the tabs and
        the worded buttons do not fit side by side: every tab stays in sight, never behind
        the tab bar's scroll arrows."""
        roomy = self.tabBar().sizeHint().width() + self._corner_full_width <= width
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if roomy
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        for button in self._chart_buttons:
            button.setToolButtonStyle(style)

    # -- keeping current -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_current()

    def set_options(self, options: ChartOptions) -> None:
        """Narrow every chart to ``options``; the others recompute when next shown. The
        returns chart keeps the figure and grouping chosen on its tab."""
        options = dataclasses.replace(options, returns=self.options.returns)
        if options != self.options:
            self.options = options
            self.mark_stale()

    def choose_returns(self, choice: ReturnsChoice) -> None:
        """Show ``choice`` (a figure and a grouping) on the returns chart, now if shown."""
        self.returns_tab.choose(choice)
        if choice != self.options.returns:
            self.options = dataclasses.replace(self.options, returns=choice)
            self.charts["returns"].stale = True
            self.refresh_current()

    def mark_stale(self) -> None:
        for chart in self.charts.values():
            chart.stale = True

    def refresh_current(self) -> bool:
        """Recompute the shown chart if stale; ``True`` if it was drawn again."""
        if not self.isVisible():
            return False
        return self.refresh(self.current_kind())

    def refresh(self, kind: str) -> bool:
        """Recompute the chart of ``kind`` if stale and draw it if its record changed."""
        chart = self.charts[kind]
        if not chart.stale:
            return False
        chart.stale = False
        analysis = self._analysis()
        plan = analysis.plan
        module = chart_module(kind)
        record = module.data(analysis, self.options)
        style = ChartStyle.for_plan(plan, dark=self.options.dark, on_screen=True)
        if record == chart.record and style == chart.style:
            return False
        # Into the Figure on screen when the record has its shape (an edited value): its Axes,
        # ticks and layout are kept and only what changed costs drawing.
        figure = module.draw(record, style, into=chart.view.figure)
        chart.view.currency = plan.currency
        chart.view.show_figure(figure)  # rendered now when on screen
        chart.record, chart.style = record, style
        self.redraws += 1
        return True

    # -- for files and the clipboard -------------------------------------------------------

    def light_figure(self, kind: str | None = None) -> Figure:
        """The chart of ``kind`` (the shown one by default) drawn afresh in the light style,
        as a document or a slide wants it whatever the window's scheme."""
        kind = kind or self.current_kind()
        chart = self.charts[kind]
        analysis = self._analysis()
        module = chart_module(kind)
        record = chart.record if not chart.stale and chart.record is not None else None
        if record is None:
            record = module.data(analysis, self.options)
        return module.draw(record, ChartStyle.for_plan(analysis.plan, dark=False))
