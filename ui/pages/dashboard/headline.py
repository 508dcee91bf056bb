"""The row of headline figures above the charts: one card each, reflowed to the width."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.plain_text import plain_label, plain_tooltip

from .figures import AHEAD, ALARM, BEHIND, HeadlineFigure

# Colour backs up the words ("behind plan"), never replaces them; these read on light and
# dark backgrounds alike (Okabe & Ito's green and vermilion, as the charts use).
TONE_COLOURS = {AHEAD: "#009E73", BEHIND: "#D55E00", ALARM: "#dc2626"}
CARD_WIDTH = 128  # below this a card's caption and figure no longer fit on one line
NARROWEST_COLUMNS = 4  # cards side by side on the narrowest window (three rows of them)
# The cards' order, however the figures arrive (the findings come from another thread).
ORDER = (
    "target",
    "phased",
    "won",
    "attainment",
    "forecast",
    "landing",
    "pipeline",
    "budget",
    "findings",
)


class FigureCard(QFrame):
    """One figure, large, with a caption above and a note below."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = plain_label(caption)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = plain_label("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(font)
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = QFont(self.note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.note.setFont(small)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note, 1)
        self.setMinimumWidth(CARD_WIDTH)
        # As tall as the tallest card of its row: the row reads as one band.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def needed_width(self) -> int:
        """Room for the caption and the figure on one line each (the note wraps)."""
        margins = self.layout().contentsMargins()
        words = max(self.caption.sizeHint().width(), self.value.sizeHint().width())
        return words + margins.left() + margins.right() + 2 * self.frameWidth()

    def show_figure(self, figure: HeadlineFigure) -> None:
        """Show ``figure``, coloured by its tone, and say it whole to screen readers."""
        self.caption.setText(figure.caption)
        self.value.setText(figure.value)
        self.note.setText(figure.note)
        colour = TONE_COLOURS.get(figure.tone)
        if colour:
            palette = QPalette(self.value.palette())
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.value.setPalette(palette)
        else:
            # No colour of its own: the label follows the window's, light or dark.
            self.value.setPalette(QPalette())
        said = f"{figure.caption}: {figure.value}, {figure.note}"
        self.setAccessibleName(said)
        self.setAccessibleDescription(figure.definition)
        shown = f"{said}\n\n{figure.definition}" if figure.definition else said
        self.setToolTip(plain_tooltip(shown))


class HeadlineStrip(QWidget):
    """The cards in one row when they fit, else in two even rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[str, FigureCard] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._columns = 0

    def show_figures(self, figures: Sequence[HeadlineFigure]) -> None:
        """Show these figures, each in its card (made on first use, placed in ORDER)."""
        for figure in figures:
            card = self.cards.get(figure.key)
            if card is None:
                card = self.cards[figure.key] = FigureCard(figure.caption)
                self._columns = 0  # lay out again with the new card
            card.show_figure(figure)
        self._reflow(self.width())

    def minimumSizeHint(self) -> QSize:
        """As narrow as four cards side by side: all in one row (nine cards), or five, would
        hold the window wider than a laptop's screen, and it reflows only once resized. The
        narrowest windows hold the page at this width (the sidebar folds to icons first)."""
        count = max(len(self.cards), 1)
        columns = min(count, NARROWEST_COLUMNS)
        spacing = self._grid.spacing()
        width = columns * self._card_width() + (columns - 1) * spacing
        return QSize(width, super().minimumSizeHint().height())

    def _card_width(self) -> int:
        return max([CARD_WIDTH, *(card.needed_width() for card in self.cards.values())])

    def columns_for(self, width: int) -> int:
        """All cards in one row when ``width`` holds them (each as wide as its caption
        needs), else as few even rows as hold them."""
        count = max(len(self.cards), 1)
        spacing = self._grid.spacing()
        need = self._card_width()
        fits = max(1, (width + spacing) // (need + spacing))
        if fits >= count:
            return count
        rows = math.ceil(count / fits)
        return math.ceil(count / rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        columns = self.columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self._grid.removeWidget(card)
        known = {key: n for n, key in enumerate(ORDER)}
        keys = sorted(self.cards, key=lambda key: known.get(key, len(ORDER)))
        for n, key in enumerate(keys):
            self._grid.addWidget(self.cards[key], n // columns, n % columns)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
