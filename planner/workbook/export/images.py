"""The Charts sheet (with ``ExportOptions.chart_images``): the app's own dashboard charts as
pictures, drawn by :mod:`planner.charts` exactly as ``smarketing chart`` draws them. Asked
for, they print: two to a page, each under its title."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl.drawing.image import Image

from planner.charts import KINDS, TITLES, build_chart
from planner.workbook.export.cells import Styled
from planner.workbook.export.sheet_setup import Grid, write_grid

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.workbook.export.context import ExportContext

TITLE = "Charts"
DPI = 100
ROW_PIXELS = 20  # a row at the default height
GAP_ROWS = 1
SHOWN = 0.8  # of a picture's drawn size: two fit a printed page
PER_PAGE = 2
WIDTHS = [12.0] * 8  # about a picture's width


def chart_png(analysis: Analysis, kind: str) -> bytes:
    """The chart ``kind`` of the analysed plan as PNG bytes."""
    figure = build_chart(analysis, kind)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=figure.get_facecolor())
    return buffer.getvalue()


def draw_pictures(analysis: Analysis) -> tuple[tuple[str, bytes], ...]:
    """Every dashboard chart of the analysed plan as (kind, PNG bytes), in the Charts sheet's
    order: for ``ExportOptions.pictures``."""
    return tuple((kind, chart_png(analysis, kind)) for kind in KINDS)


def write(
    ctx: ExportContext, analysis: Analysis, pictures: tuple[tuple[str, bytes], ...] = ()
) -> None:
    """Add the Charts sheet, one picture under another (``pictures`` drawn already, by kind;
    the rest are drawn here)."""
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("Charts as the app draws them", "title"))
    grid.line(
        Styled(
            "Pictures of the dashboard's charts. The Summary and Monthly sheets have native "
            "Excel charts drawn from the workbook's cells.",
            "subtitle",
        )
    )
    grid.blank()
    placed = []
    drawn = dict(pictures)
    for position, kind in enumerate(KINDS, 1):
        ctx.progress.check()
        png = drawn[kind] if kind in drawn else chart_png(analysis, kind)
        picture = Image(io.BytesIO(png))
        picture.width, picture.height = round(picture.width * SHOWN), round(picture.height * SHOWN)
        grid.add(Styled(TITLES[kind], "section"))
        placed.append((picture, f"A{grid.next_row}"))
        grid.blank(-(-int(picture.height) // ROW_PIXELS) + GAP_ROWS)
        if position % PER_PAGE == 0 and position < len(KINDS):
            grid.page_breaks.append(grid.next_row - 1)
    write_grid(ctx, ws, grid, freeze=None, title_rows=None, widths=WIDTHS)
    for picture, anchor in placed:
        ws.add_image(picture, anchor)
