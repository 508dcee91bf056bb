"""The grid's colours and fonts, derived from the palette so light and dark schemes both read."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QFont, QPalette


def _blend(base: QColor, tint: QColor, share: float) -> QColor:
    """``base`` moved ``share`` of the way towards ``tint``."""
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * share,
        base.greenF() + (tint.greenF() - base.greenF()) * share,
        base.blueF() + (tint.blueF() - base.blueF()) * share,
    )


@dataclass(frozen=True)
class GridStyle:
    """Brushes and fonts for the kinds of cell the grid has."""

    outside_run: QBrush  # a month outside the initiative's start..end (still editable)
    total: QBrush  # the totals row and the total columns
    dimmed: QBrush  # text of a dropped initiative
    bold: QFont

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont | None = None) -> GridStyle:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        bold = QFont(font) if font is not None else QFont()
        bold.setBold(True)
        return cls(
            outside_run=QBrush(_blend(base, text, 0.07)),
            total=QBrush(_blend(base, highlight, 0.10)),
            dimmed=QBrush(palette.color(QPalette.ColorRole.PlaceholderText)),
            bold=bold,
        )
