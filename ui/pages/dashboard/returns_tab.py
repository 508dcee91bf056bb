"""The Returns tab: which figure ("ROMI", "Cost per MQL"...) and which groups ("Channel",
"Owner"...) its chart shows, above the chart. Imported with the charts (matplotlib)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from planner.analysis import Dimension
from planner.charts.returns import DEFAULT_BY, ReturnsChoice
from planner.returns_figures import DEFAULT_FIGURE, FIGURES, GROUPINGS
from ui.plain_text import plain_label
from ui.widgets.combos import choice_combo, choose

from .chart_view import ChartView


class ReturnsTab(QWidget):
    """The chart of ``view`` under two choosers; :attr:`chosen` gives the new
    :class:`ReturnsChoice` when the user changes one."""

    chosen = Signal(object)

    def __init__(self, view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.figure = choice_combo(
            "Returns figure",
            "What each dollar returns: the figure the chart shows",
            [(figure.label, figure.name) for figure in FIGURES],
        )
        self.by = choice_combo(
            "Returns by",
            "The groups the chart compares (the filters above still apply)",
            [(label, dimension.value) for dimension, label in GROUPINGS.items()],
        )
        choose(self.figure, DEFAULT_FIGURE)
        choose(self.by, DEFAULT_BY.value)
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 0)
        row.setSpacing(6)
        row.addWidget(plain_label("Show"))
        row.addWidget(self.figure)
        row.addWidget(plain_label("by"))
        row.addWidget(self.by)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        self.figure.currentIndexChanged.connect(lambda _n: self.chosen.emit(self.choice()))
        self.by.currentIndexChanged.connect(lambda _n: self.chosen.emit(self.choice()))

    def choice(self) -> ReturnsChoice:
        """The figure and grouping shown in the choosers."""
        return ReturnsChoice(self.figure.currentData(), Dimension(self.by.currentData()))

    def choose(self, choice: ReturnsChoice) -> None:
        """Show ``choice`` in the choosers, without a signal."""
        choose(self.figure, choice.figure)
        choose(self.by, Dimension(choice.by).value)
