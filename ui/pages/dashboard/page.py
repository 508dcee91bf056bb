"""The first page: the headline figures leadership asks for first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from planner import ChangeSet, Metric, Status
from planner import months as month_math
from planner.analysis import Headline, headline
from ui.page import Page
from ui.widgets.page_header import PageHeader


class FigureCard(QFrame):
    """One figure, large, with a caption above and a note below."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(font)
        self.value.setAccessibleName(caption)
        self.note = QLabel()
        self.note.setEnabled(False)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def show_figure(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


def _share(part: int | None, whole: int) -> str:
    return "—" if part is None or not whole else f"{part / whole:.0%}"


class DashboardPage(Page):
    title = "Dashboard"
    icon_name = "dashboard"

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.header = PageHeader(self.title, "")
        self.cards = {
            key: FigureCard(caption)
            for key, caption in (
                ("initiatives", "Live initiatives"),
                ("budget", "Budget"),
                ("target", "Revenue target"),
                ("spend", "Spend to date"),
                ("revenue", "Revenue won to date"),
                ("mql", "MQLs to date"),
            )
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 3, n % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def refresh(self, changes: ChangeSet | None = None) -> None:
        figures = headline(self.plan)
        settings = self.plan.settings.get()
        self.header.title.setText(settings.name)
        self.header.subtitle.setText(
            f"{settings.company} · {settings.horizon.describe()} · {settings.stage.value.title()}"
            if settings.company
            else settings.horizon.describe()
        )
        self._show(figures)

    def _show(self, figures: Headline) -> None:
        money = self.plan.currency.format_short
        live = figures.initiatives - figures.initiatives_by_status[Status.DROPPED]
        active = figures.initiatives_by_status[Status.ACTIVE]
        self.cards["initiatives"].show_figure(str(live), f"{active} active")
        self.cards["budget"].show_figure(money(figures.budget))
        self.cards["target"].show_figure(
            money(figures.revenue_target),
            f"{figures.revenue_target / figures.budget:.1f} × the budget" if figures.budget else "",
        )
        through = figures.progress.actuals_through
        as_of = f"actuals through {month_math.label(through)}" if through else "no actuals yet"
        for key, metric in (
            ("spend", Metric.SPEND),
            ("revenue", Metric.REVENUE_WON),
            ("mql", Metric.MQL),
        ):
            numbers = figures.progress.metrics[metric]
            shown = numbers.actual_to_date
            if shown is None:
                self.cards[key].show_figure("—", as_of)
                continue
            text = money(shown) if metric.is_money else f"{shown:,}"
            planned = numbers.planned_to_date
            self.cards[key].show_figure(text, f"{_share(shown, planned)} of plan to date · {as_of}")
