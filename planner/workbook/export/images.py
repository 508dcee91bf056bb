"""The Charts sheet (with ``ExportOptions.chart_images``): the app's own dashboard charts as
pictures, drawn by :mod:`planner.charts` exactly as ``smarketing chart`` draws them."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl.drawing.image import Image

from planner.charts import KINDS, TITLES, build_chart
from planner.workbook.export.cells import Styled
from planner.workbook.export.sheet_setup import Grid, write_grid

if TYPE_CHECKING:
    from planner.plan import Plan
    from planner.workbook.export.context import ExportContext

TITLE = "Charts"
DPI = 100
ROW_PIXELS = 20  # a row at the default height
GAP_ROWS = 3


def chart_png(plan: Plan, kind: str) -> bytes:
    """The chart ``kind`` of the plan as PNG bytes."""
    figure = build_chart(plan, kind)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=figure.get_facecolor())
    return buffer.getvalue()


def draw_pictures(plan: Plan) -> tuple[tuple[str, bytes], ...]:
    """Every dashboard chart of ``plan`` as (kind, PNG bytes), in the Charts sheet's order:
    for ``ExportOptions.pictures``."""
    return tuple((kind, chart_png(plan, kind)) for kind in KINDS)


def write(ctx: ExportContext, pictures: tuple[tuple[str, bytes], ...] = ()) -> None:
    """Add the Charts sheet, one picture under another (``pictures`` drawn already, by kind;
    the rest are drawn here)."""
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("Charts as the app draws them", "title"))
    grid.add(
        Styled(
            "Pictures of the dashboard's charts. The Summary and Monthly sheets have native "
            "Excel charts drawn from the workbook's cells.",
            "subtitle",
        )
    )
    grid.blank()
    placed = []
    drawn = dict(pictures)
    for kind in KINDS:
        ctx.progress.check()
        png = drawn[kind] if kind in drawn else chart_png(ctx.plan, kind)
        picture = Image(io.BytesIO(png))
        grid.add(Styled(TITLES[kind], "section"))
        placed.append((picture, f"A{grid.next_row}"))
        grid.blank(-(-int(picture.height) // ROW_PIXELS) + GAP_ROWS)
    write_grid(ctx, ws, grid, freeze=None, title_rows=None, widths=[12.0] * 12)
    for picture, anchor in placed:
        ws.add_image(picture, anchor)
