"""What every sheet shares: rows built before they are written (so columns can be fitted to
them), frozen header rows, landscape printing as :mod:`.printing` plans it with the header
rows and name columns repeated, and defined names for the ranges a reader may want to refer
to.

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

from planner.workbook.export.cells import Styled, shown_line
from planner.workbook.export.printing import (
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    MIN_SCALE,
    PAGE_HEIGHT,
    TEXT_POINTS,
    PrintLayout,
    fit_columns,
    pages_across,
    plan_layout,
)
from planner.workbook.export.styles import SCALE_POINTS

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.styles import Styles

HEADER_STYLES = frozenset({"header", "header_centre", "header_right", "header_apart"})
BOLD_STYLES = HEADER_STYLES | {"label", "total_label"}
MIN_WIDTH = 6.0
HEADER_LINES = 3  # the most a long header title wraps to
MAX_WIDTH = 50.0
FOOTER_NAME = 100  # characters of the plan's name in the page footer
LINE_HEIGHT = 15.0  # points per line of text at the default font
MAX_HEIGHT = 409.0  # Excel's tallest row
# Wrapped text runs about 1.15 characters per unit of column width (a unit is one "0") in
# DejaVu Sans, LibreOffice's stand-in for Calibri where Carlito is missing (Calibri itself
# fits a few more), less what word wrapping leaves at line ends (two characters a line).
CHARACTERS_PER_UNIT = 1.15


class Grid:
    """The rows of a sheet, held until the sheet is written; row numbers are Excel's."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.merges: list[str] = []
        self.heights: dict[int, float] = {}
        self.page_breaks: list[int] = []  # rows a printed page ends after
        self.lines: list[int] = []  # rows of one text across the first printed page

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def line(self, item: Styled) -> int:
        """Add a row of one text (a subtitle) that wraps across the sheet's first printed
        page; returns its row number."""
        self.lines.append(self.add(item))
        return self.lines[-1]

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

    Header titles wrap onto two lines (long ones onto three) rather than widen a column of
    short values; text that may wrap takes the width it needs on one line (see
    :func:`text_lines`)."""
    longest: list[int] = []
    for row in rows:
        for position, item in enumerate(row):
            if item is None:
                continue
            value, style = item if type(item) is Styled else (item, None)
            shown = styles.shown_width(style, value)
            if style in HEADER_STYLES and isinstance(value, str):
                words = value.split()
                lines = HEADER_LINES if len(words) >= HEADER_LINES and len(value) >= 20 else 2
                shown = max(max(map(len, words), default=0), math.ceil(len(value) / lines))
            elif style is not None and styles.look(style).wrap and isinstance(value, str):
                shown = math.ceil((shown + 2) / CHARACTERS_PER_UNIT) - 2
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


def headers_over(titles: Sequence[str], row: Sequence[Any], styles: Styles) -> list[Styled]:
    """Header cells for ``titles``, each aligned as the value under it in ``row`` is (see
    :meth:`.Styles.header_for`), so a column reads down one edge."""
    cells = list(row) + [None] * (len(titles) - len(row))
    return [
        Styled(title, styles.header_for(item.style if type(item) is Styled else None))
        for title, item in zip(titles, cells, strict=False)
    ]


def row_heights(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], styles: Styles
) -> dict[int, float]:
    """Heights for rows whose wrapped text needs more than one line in its column, or whose
    text is larger than the default. They are set rather than left to the reader (Excel does
    not fit rows to wrapped text on opening), so pages break alike everywhere."""
    heights = {}
    for number, row in enumerate(rows, 1):
        lines, size = 1, TEXT_POINTS
        for position, item in enumerate(row):
            if type(item) is not Styled or not isinstance(item.value, str):
                continue
            look = styles.look(item.style)
            if look.size:
                size = max(size, look.size)
            if not look.wrap or position >= len(widths):
                continue
            width = widths[position] / (1.1 if look.bold else 1.0)  # bold text runs wider
            lines = max(lines, text_lines(item.value, width))
        if lines > 1 or size > TEXT_POINTS:
            heights[number] = min(MAX_HEIGHT, max(LINE_HEIGHT * lines, _line_height(size)))
    return heights


def line_heights(grid: Grid, width: float) -> dict[int, float]:
    """Heights for the rows of ``grid.lines`` whose text wraps in ``width`` units."""
    heights = {}
    for number in grid.lines:
        text = grid.rows[number - 1][0].value
        lines = text_lines(text, width) if isinstance(text, str) else 1
        if lines > 1:
            heights[number] = min(MAX_HEIGHT, LINE_HEIGHT * lines)
    return heights


def _line_height(size: float) -> float:
    return round(LINE_HEIGHT * size / TEXT_POINTS, 1)


def text_lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide."""
    usable = max(1.0, width * CHARACTERS_PER_UNIT - 2.0)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))


def prepare(
    ws: WriteOnlyWorksheet,
    *,
    widths: Sequence[float],
    freeze: str | None,
    title_rows: str | None,
    plan_name: str,
    layout: PrintLayout,
    title_columns: int = 0,
    print_area: str | None = None,
) -> None:
    """Column widths, frozen panes and print setup; call before the first row is written.

    ``freeze`` is the top-left cell left scrolling (``"A5"`` freezes rows 1-4);
    ``title_rows`` the rows printed on every page (``"4:4"``), ``title_columns`` how many
    leftmost columns print on every page across; ``print_area`` the cells printed, when not
    all of them.
    """
    for position, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(position)].width = round(width, 1)
    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape"
    if layout.scale is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if layout.fit_height else 0
    else:
        ws.page_setup.scale = layout.scale
    # Pages across, then down: a wide table's halves follow each other.
    ws.page_setup.pageOrder = "overThenDown"
    for column in layout.column_breaks:
        ws.col_breaks.append(Break(id=column))
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    # Excel's own bottom margin: LibreOffice cuts the footer in a smaller one. The top has
    # no header to hold.
    ws.page_margins.top = MARGIN_TOP
    ws.page_margins.bottom = MARGIN_BOTTOM
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    if title_columns:
        ws.print_title_cols = f"A:{get_column_letter(title_columns)}"
    if print_area:
        ws.print_area = print_area
    # Header and footer codes start with "&": a plan name's own "&" is doubled. Excel
    # refuses a footer longer than 255 characters in all.
    ws.oddFooter.left.text = shown_line(plan_name, FOOTER_NAME).replace("&", "&&")
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
    title_columns: int = 0,
    widths: Sequence[float] | None = None,
    caps: dict[int, float] | None = None,
    ends: Sequence[int] | None = None,
    print_rows: int | None = None,
) -> PrintLayout:
    """Prepare ``ws`` and write every row of ``grid`` to it, counting them as progress;
    returns how it prints.

    Columns are fitted to the rows unless ``widths`` are given (see :func:`fitted_widths`
    for ``caps``; a sheet printed across pages lets capped columns out into the room left
    on their page, see :func:`.printing.fit_columns`); rows are made tall enough for their wrapped text,
    except those of ``grid.heights``, which get the height given there. The sheet prints all
    of it or its first ``print_rows`` rows, across pages that end after one of ``ends``
    (see :func:`.printing.pages_across`) with its first ``title_columns`` on each.
    """
    styles = ctx.styles
    printed = len(grid.rows) if print_rows is None else print_rows
    lines = set(grid.lines)

    def heights_of(widths: Sequence[float], pages: list[int]) -> dict[int, float]:
        heights = {
            row: height
            for row, height in row_heights(grid.rows, widths, styles).items()
            if row not in lines
        }
        # Lines of text wrap across the first page (beside the title columns when there
        # are more pages, see below).
        first = title_columns if len(pages) > 1 else 0
        heights.update(line_heights(grid, sum(widths[first : pages[0]])))
        heights.update(grid.heights)
        return heights

    def pages_down(widths: Sequence[float], pages: list[int]) -> int:
        """Pages down at the smallest scale (about: rows do not split)."""
        heights = heights_of(widths, pages)
        down = sum(heights.get(row, LINE_HEIGHT) for row in range(1, printed + 1))
        return math.ceil(down * MIN_SCALE / (PAGE_HEIGHT * 100))

    if widths is None and caps:
        widths, pages = fit_columns(
            fitted_widths(grid.rows, styles, caps=caps),
            fitted_widths(grid.rows, styles),
            title_columns=title_columns,
            ends=ends,
            pages_down=pages_down,
        )
    else:
        widths = fitted_widths(grid.rows, styles) if widths is None else widths
        pages = pages_across(widths, title_columns=title_columns, ends=ends) or [len(widths)]
    heights = heights_of(widths, pages)
    layout = plan_layout(
        widths,
        [heights.get(row, LINE_HEIGHT) for row in range(1, printed + 1)],
        title_columns=title_columns,
        column_breaks=pages[:-1],
        row_breaks=[row for row in grid.page_breaks if row < printed],
    )
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    first = 1
    if len(pages) > 1 and title_columns and title_rows:
        # Every page across repeats the title columns, the rows above the table included:
        # the sheet's title and lines start beside them, so later pages show no cut-off text.
        first += title_columns
        for row in range(int(title_rows.split(":")[0]) - 1):
            grid.rows[row] = [None] * title_columns + list(grid.rows[row])
    for row in grid.lines:
        grid.merge(first, row, pages[0])
    prepare(
        ws,
        widths=widths,
        freeze=freeze,
        title_rows=title_rows,
        plan_name=ctx.facts.settings.name,
        layout=layout,
        title_columns=title_columns,
        print_area=None
        if print_rows is None
        else f"A1:{get_column_letter(len(widths))}{print_rows}",
    )
    writer = ctx.writer(ws)
    for row in grid.rows:
        writer.append(row)
    for merged in grid.merges:
        ws.merged_cells.add(merged)
    for row in grid.page_breaks:
        ws.row_breaks.append(Break(id=row))
    ctx.progress.advance(len(grid.rows))
    return layout


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
