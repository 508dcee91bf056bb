"""The Waterfall page's chart of the chosen group (:mod:`planner.charts.waterfall`), drawn only
while its tab is shown. matplotlib is imported off the UI thread the first time the chart is
wanted (the Dashboard may have loaded it already), with a line saying so meanwhile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from planner import Currency
from planner.analysis.waterfall import WaterfallRow
from ui.plain_text import plain_label
from ui.theme import is_dark

if TYPE_CHECKING:
    from ui.pages.dashboard.chart_view import ChartView


class _ChartModules(QThread):
    def run(self) -> None:
        from planner.charts import waterfall  # noqa: F401 (imported to be loaded)
        from ui.pages.dashboard import chart_view  # noqa: F401


class WaterfallChart(QStackedWidget):
    """A placeholder until the chart modules are in, then the chart of the row last given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = plain_label("Drawing the chart…")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.addWidget(self.placeholder)
        self.view: ChartView | None = None
        self._row: WaterfallRow | None = None
        self._currency = Currency("USD")
        self._drawn_for: tuple[WaterfallRow, Currency, bool] | None = None
        self._modules = _ChartModules(self)
        self._modules.finished.connect(self._modules_in)

    def show_row(self, row: WaterfallRow | None, currency: Currency) -> None:
        """Chart ``row`` (``None``: nothing to chart) when shown; now if shown already."""
        self._row, self._currency = row, currency
        if self.isVisible():
            self.draw()

    def draw(self) -> None:
        """Draw the row last given (loading the chart modules first if need be)."""
        if self.view is None:
            if not self._modules.isRunning():
                self._modules.start()
            return
        row = self._row
        if row is None:
            self.setCurrentWidget(self.placeholder)
            self.placeholder.setText("Nothing to chart: the filter keeps no live initiative.")
            return
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and is_dark(app)
        wanted = (row, self._currency, dark)
        if wanted == self._drawn_for:
            return
        from planner.charts import waterfall
        from planner.charts.style import ChartStyle

        figure = waterfall.draw(
            waterfall.from_row(row), ChartStyle(self._currency, dark), into=self.view.figure
        )
        self.view.currency = self._currency
        self.view.show_figure(figure)
        self.setCurrentWidget(self.view)
        self._drawn_for = wanted

    def ensure_view(self) -> ChartView:
        """The chart's view, made now if it is not yet (this loads matplotlib)."""
        if self.view is None:
            from ui.pages.dashboard.chart_view import ChartView

            self.view = ChartView(design=(4.6, 3.3))
            self.view.clickable = False
            self.view.measure = "Share of the need"
            self.addWidget(self.view)
        return self.view

    def wait(self) -> None:
        """Let the module loading started end (a closing page, or a test)."""
        self._modules.wait()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw()

    def _modules_in(self) -> None:
        self.ensure_view()
        if self.isVisible():
            self.draw()
