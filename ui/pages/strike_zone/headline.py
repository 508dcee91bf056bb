"""The row of figures at the top of the strike-zone page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from planner.analysis.strike_zone import Coverage
from ui.icons import icon
from ui.pages.strike_zone.figures import ZoneFigures
from ui.plain_text import plain_label

# The icon beside each kind of coverage news. No segments at all is a plan not set up yet
# (info); segments with none in the zone, or a core one nothing aims at, miss the point of a
# strike zone (warning); an edge or outside segment left alone is worth knowing (info).
COVERAGE_ICONS: dict[Coverage, str] = {
    Coverage.NO_SEGMENTS: "info",
    Coverage.NO_CORE: "warning",
    Coverage.CORE_UNCOVERED: "warning",
    Coverage.OTHERS_UNCOVERED: "info",
    Coverage.ALL_COVERED: "ok",
}

# Amber, partly transparent: it tints a light or a dark background alike.
_WARNING_FILL = QColor(222, 150, 20, 45)
_WARNING_EDGE = QColor(222, 150, 20, 170)


class TintedFrame(QFrame):
    """A panel that turns amber while it holds a warning.

    Painted by hand rather than with a style sheet: a style sheet freezes the palette of the
    labels inside, so they would keep light-mode text after a switch to dark mode.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.warning = False

    def set_warning(self, warning: bool) -> None:
        if warning != self.warning:
            self.warning = warning
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.warning:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_WARNING_EDGE)
        painter.setBrush(_WARNING_FILL)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()


class FigureCard(TintedFrame):
    """A large number, a caption and a muted detail line."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = plain_label("—")
        font = QFont(self.number.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.number.setFont(font)
        self.number.setAccessibleName(accessible)
        self.caption = plain_label()
        self.caption.setWordWrap(True)
        self.detail = plain_label()
        self.detail.setWordWrap(True)
        self.detail.setEnabled(False)  # the palette's muted text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(1)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, number: str, caption: str, detail: str, warning: bool = False) -> None:
        self.number.setText(number)
        self.caption.setText(caption)
        self.detail.setText(detail)
        self.detail.setEnabled(warning)  # muted, unless it explains a warning
        self.number.setAccessibleDescription(f"{caption}; {detail}")
        self.set_warning(warning)


class UncoveredCard(TintedFrame):
    """The segments nothing is aimed at, with the icon of that news; tinted as a warning
    when the strike zone itself is missed (a core segment left alone, or no core at all)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = plain_label()
        self.icon_name = ""  # the icon shown ("ok", "info", "warning")
        self.text = plain_label()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Segments nothing aims at")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)

    def show_uncovered(self, text: str, coverage: Coverage) -> None:
        self.text.setText(text)
        self.icon_name = COVERAGE_ICONS[coverage]
        self.icon.setPixmap(icon(self.icon_name).pixmap(20, 20))
        self.set_warning(self.icon_name == "warning")


class ZoneHeadline(QWidget):
    """Share of budget in the zone, share of revenue target, and uncovered segments."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.budget = FigureCard("Share of budget inside the strike zone")
        self.target = FigureCard("Share of revenue target inside the strike zone")
        self.uncovered = UncoveredCard()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.budget, 1)
        layout.addWidget(self.target, 1)
        layout.addWidget(self.uncovered, 1)

    def show_figures(self, figures: ZoneFigures) -> None:
        self.budget.show_figure(
            figures.budget_share, figures.budget_caption, figures.budget_detail, figures.budget_low
        )
        self.target.show_figure(figures.target_share, figures.target_caption, figures.target_detail)
        self.uncovered.show_uncovered(figures.uncovered, figures.coverage)
