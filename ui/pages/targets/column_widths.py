"""Column widths of the grid, worked out from the widest figure each kind of column can
hold (its totals) rather than by measuring every cell, which a 2,000-row plan cannot afford."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from ui.pages.targets.formatting import shown
from ui.pages.targets.grid_model import GROUP_ROLE, SUBLABEL_ROLE, TargetsGridModel
from ui.pages.targets.grid_style import GridStyle

MAX_NAME_WIDTH = 320  # px; longer initiative names are elided (the tooltip has them whole)
CELL_PADDING = 18  # px around the widest figure a column holds
HEADING_PADDING = 24  # px around a heading (room for the sort arrow)


def widest(texts: Iterable[str], metrics: QFontMetrics) -> int:
    """The width in pixels of the widest of ``texts``."""
    return max((metrics.horizontalAdvance(text) for text in texts), default=0)


def fit_columns(table: QTableView, model: TargetsGridModel) -> None:
    """Every month column as wide as the widest (so the grid reads as a table), the total
    columns as wide as the grand total, the names as wide as the longest (up to a limit)."""
    grid = model.grid
    if grid is None:
        return
    header = table.horizontalHeader()
    heading_metrics = header.fontMetrics()
    bold = QFontMetrics(GridStyle.from_palette(table.palette(), table.font()).bold)
    kinds = grid.view.kinds
    horizontal = Qt.Orientation.Horizontal

    def heading(column: int) -> int:
        sub = model.headerData(column, horizontal, SUBLABEL_ROLE)
        if sub is None:
            title = str(model.headerData(column, horizontal))
            return widest([title], heading_metrics) + HEADING_PADDING
        # In the Both view the month is written once over its plan and actual columns.
        group = str(model.headerData(column, horizontal, GROUP_ROLE))
        shared = (widest([group], bold) + HEADING_PADDING) // len(kinds)
        return max(widest([str(sub)], heading_metrics) + HEADING_PADDING, shared)

    month_columns = model.month_columns
    month_totals = [
        shown(grid.metric, grid.currency, grid.values.month_total(month, kind))
        for month in grid.values.months
        for kind in kinds
    ]
    month_width = max(
        max((heading(c) for c in range(month_columns)), default=0),
        widest(month_totals, bold) + CELL_PADDING,
    )
    grand_totals = [shown(grid.metric, grid.currency, grid.values.grand_total(k)) for k in kinds]
    total_width = max(
        month_width,
        widest(grand_totals, bold) + CELL_PADDING,
        *(heading(c) for c in range(month_columns, len(grid.columns))),
    )
    for column in range(len(grid.columns)):
        width = month_width if column < month_columns else total_width
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)

    rows = table.verticalHeader()
    # The longest names by letters are the widest in pixels, give or take: measuring a few
    # dozen of them instead of 2,000 keeps a reload fast.
    names = [*heapq.nlargest(40, (row.name for row in grid.rows), key=len), "Total"]
    rows.setFixedWidth(min(widest(names, rows.fontMetrics()) + 20, MAX_NAME_WIDTH))
