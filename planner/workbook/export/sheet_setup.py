"""What every sheet shares: rows built before they are written (so columns can be fitted to
them), frozen header rows, landscape printing one page wide with the header repeated, and
defined names for the ranges a reader may want to refer to.

A write-only worksheet writes its columns, panes and page properties when its first row
goes out, so :func:`prepare` must run before any row is appended.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from planner.workbook.export.cells import Styled
from planner.workbook.export.styles import SCALE_POINTS

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.streaming import SheetWriter
    from planner.workbook.export.styles import Styles

HEADER_STYLES = frozenset({"header", "header_centre"})
BOLD_STYLES = frozenset({"header", "header_centre", "label", "total_label"})
MIN_WIDTH = 6.0
MAX_WIDTH = 50.0
FOOTER_NAME = 100  # characters of the plan's name in the page footer
LINE_HEIGHT = 15.0  # points per line of text at the default font
MAX_HEIGHT = 409.0  # Excel's tallest row


class Grid:
    """The rows of a sheet, held until the sheet is written; row numbers are Excel's."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.merges: list[str] = []
        self.heights: dict[int, float] = {}
        self.page_breaks: list[int] = []  # rows a printed page ends after

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def add(self, *items: Any) -> int:
        """Add a row of values; returns its row number."""
        self.rows.append(list(items))
        return len(self.rows)

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.rows.append([])

    def merge(self, first_column: int, row: int, last_column: int) -> None:
        """Merge the cells of ``row`` from ``first_column`` to ``last_column``."""
        if last_column > first_column:
            self.merges.append(
                f"{get_column_letter(first_column)}{row}:{get_column_letter(last_column)}{row}"
            )


def fitted_widths(
    rows: Sequence[Sequence[Any]],
    styles: Styles,
    *,
    minimum: float = MIN_WIDTH,
    maximum: float = MAX_WIDTH,
    caps: dict[int, float] | None = None,
) -> list[float]:
    """Column widths from the longest value shown in each column, within the bounds;
    ``caps`` narrows some columns further (1-based column: width), their text wrapping.

    Header titles wrap onto two lines rather than widen a column of short values."""
    longest: list[int] = []
    for row in rows:
        for position, item in enumerate(row):
            if item is None:
                continue
            value, style = item if type(item) is Styled else (item, None)
            shown = styles.shown_width(style, value)
            if style in HEADER_STYLES and isinstance(value, str):
                words = max((len(word) for word in value.split()), default=0)
                shown = max(words, math.ceil(len(value) / 2))
            if style in BOLD_STYLES:
                shown = int(shown * 1.1) + 1
            if position >= len(longest):
                longest.extend([0] * (position + 1 - len(longest)))
            longest[position] = max(longest[position], shown)
    widths = [min(maximum, max(minimum, width + 2.0)) for width in longest]
    for column, cap in (caps or {}).items():
        if column <= len(widths):
            widths[column - 1] = min(widths[column - 1], cap)
    return widths


def wrapped_heights(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], styles: Styles
) -> dict[int, float]:
    """Heights for rows whose wrapped text needs more than one line in its column (set
    rather than left to the reader: Excel does not fit rows to wrapped text on opening)."""
    heights = {}
    for number, row in enumerate(rows, 1):
        lines = 1
        for position, item in enumerate(row):
            if type(item) is not Styled or not isinstance(item.value, str):
                continue
            look = styles.look(item.style)
            if not look.wrap or position >= len(widths):
                continue
            width = widths[position] / (1.1 if look.bold else 1.0)  # bold text runs wider
            lines = max(lines, text_lines(item.value, width))
        if lines > 1:
            heights[number] = min(MAX_HEIGHT, LINE_HEIGHT * lines)
    return heights


def text_lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide."""
    # Text runs about 1.25 characters per unit of column width (a unit is one "0") in
    # Calibri and in LibreOffice's stand-in, less what word wrapping leaves at line ends.
    usable = max(1.0, width * 1.25 - 2.0)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))


def prepare(
    ws: WriteOnlyWorksheet,
    *,
    widths: Sequence[float],
    freeze: str | None,
    title_rows: str | None,
    plan_name: str,
) -> None:
    """Column widths, frozen panes and print setup; call before the first row is written.

    ``freeze`` is the top-left cell left scrolling (``"A5"`` freezes rows 1-4);
    ``title_rows`` the rows printed on every page (``"4:4"``).
    """
    for position, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(position)].width = round(width, 1)
    if freeze:
        ws.freeze_panes = freeze
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    # Excel's own top and bottom margins: LibreOffice cuts the footer in a smaller one.
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    # Header and footer codes start with "&": a plan name's own "&" is doubled. Excel
    # refuses a footer longer than 255 characters in all.
    ws.oddFooter.left.text = plan_name[:FOOTER_NAME].replace("&", "&&")
    ws.oddFooter.center.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


def declare_size(ws: WriteOnlyWorksheet, last_row: int, last_column: int) -> None:
    """Write the sheet's size at its top, as Excel does. A write-only sheet does not know it
    before its rows, so it writes none, and then a reader that wants the size (openpyxl's
    read-only mode, the import among them) parses the whole sheet an extra time to find it:
    28 s for the large plan's Actuals. openpyxl asks the sheet for ``calculate_dimension``
    when it starts writing; this gives it one. Call before the first row is appended."""
    ref = f"A1:{get_column_letter(last_column)}{last_row}"
    ws.calculate_dimension = lambda: ref  # type: ignore[method-assign]


def write_grid(
    ctx: ExportContext,
    ws: WriteOnlyWorksheet,
    grid: Grid,
    *,
    freeze: str | None,
    title_rows: str | None,
    widths: Sequence[float] | None = None,
    caps: dict[int, float] | None = None,
) -> SheetWriter:
    """Prepare ``ws`` and write every row of ``grid`` to it, counting them as progress.

    Columns are fitted to the rows unless ``widths`` are given (see :func:`fitted_widths`
    for ``caps``); rows are made tall enough for their wrapped text, except those of
    ``grid.heights``, which get the height given there.
    """
    if widths is None:
        widths = fitted_widths(grid.rows, ctx.styles, caps=caps)
    heights = wrapped_heights(grid.rows, widths, ctx.styles)
    heights.update(grid.heights)
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    prepare(
        ws,
        widths=widths,
        freeze=freeze,
        title_rows=title_rows,
        plan_name=ctx.facts.settings.name,
    )
    writer = ctx.writer(ws)
    for row in grid.rows:
        writer.append(row)
    for merged in grid.merges:
        ws.merged_cells.add(merged)
    for row in grid.page_breaks:
        ws.row_breaks.append(Break(id=row))
    ctx.progress.advance(len(grid.rows))
    return writer


def define_name(
    wb: Workbook,
    name: str,
    ws: WriteOnlyWorksheet,
    first_column: int,
    first_row: int,
    last_column: int,
    last_row: int,
) -> None:
    """A workbook-wide name for a block of ``ws`` (``Actuals_Data``)."""
    ref = (
        f"{quote_sheetname(ws.title)}!${get_column_letter(first_column)}${first_row}:"
        f"${get_column_letter(last_column)}${max(first_row, last_row)}"
    )
    wb.defined_names[name] = DefinedName(name, attr_text=ref)


def attainment_scale() -> ColorScaleRule:
    """The colour scale of attainment cells: red well below plan, amber near it, green at it."""
    (low, low_colour), (mid, mid_colour), (high, high_colour) = SCALE_POINTS
    return ColorScaleRule(
        start_type="num",
        start_value=low,
        start_color=low_colour,
        mid_type="num",
        mid_value=mid,
        mid_color=mid_colour,
        end_type="num",
        end_value=high,
        end_color=high_colour,
    )
