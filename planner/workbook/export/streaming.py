"""Rows of styled cells into openpyxl's write-only worksheets, fast.

openpyxl's ``append`` takes a pre-styled cell only by failing to bind it as a value first
(an exception, with the cell's repr built for its message) and then copying a fresh cell
after it: on rows like the Actuals sheet's, three of six cells styled, that measured about 40%
slower than writing plain values. A write-only worksheet turns each appended row into cells
through its ``_values_to_row`` method; :class:`SheetWriter` puts its own there, which hands
over one reusable, already-styled cell per style (a write-only row is serialised as it is
appended, so one cell can carry every value of its style in turn). Where that hook is missing
(another openpyxl), it falls back to fresh styled cells through the public ``append``.

Every string becomes a text cell here, never a formula, after :class:`.cells.TextFitter` has
fitted it to a cell (see :mod:`.cells`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from planner.workbook.export.cells import Styled, TextFitter, needs_quote_prefix
from planner.workbook.export.styles import GRID, Look, Styles

_HOOK = "_values_to_row"
_THIN = Side(style="thin", color=GRID)


class SheetWriter:
    """Appends rows to one write-only worksheet. A row is a sequence of plain values
    (``None`` for an empty cell) and :class:`~.cells.Styled` values."""

    def __init__(
        self, ws: WriteOnlyWorksheet, styles: Styles, texts: TextFitter, *, fast: bool = True
    ) -> None:
        self.ws = ws
        self.styles = styles
        self.texts = texts
        self.row = 0  # the last row written
        self._pool: dict[tuple[str | None, bool], Cell] = {}
        self.fast = fast and callable(getattr(ws, _HOOK, None))
        if self.fast:
            setattr(ws, _HOOK, self._cells_of)

    def append(self, items: Sequence[Any]) -> None:
        """Write the next row."""
        self.row += 1
        if self.fast:
            self.ws.append(items)
        else:
            self.ws.append([self._fresh_cell(item, column) for column, item in enumerate(items, 1)])

    def blank(self, count: int = 1) -> None:
        """Write ``count`` empty rows."""
        for _ in range(count):
            self.append(())

    # -- the fast path: one pooled cell per style, bound just before it is serialised -----

    def _cells_of(self, items: Sequence[Any], row: int) -> Iterator[Cell]:
        for column, item in enumerate(items, 1):
            if item is None:
                continue
            value, style = item if type(item) is Styled else (item, _default_style(item))
            if value is None and style is None:
                continue
            quoted = False
            if isinstance(value, str):
                value = self.texts.cell(value, self.ws.title, row, column)
                quoted = needs_quote_prefix(value)
            cell = self._pool.get((style, quoted))
            if cell is None:
                cell = self._pool[(style, quoted)] = self._styled_cell(style, quoted)
            _bind(cell, value)
            cell.row = row
            cell.column = column
            yield cell

    # -- the public path -------------------------------------------------------------------

    def _fresh_cell(self, item: Any, column: int) -> Cell | None:
        value, style = item if type(item) is Styled else (item, _default_style(item))
        if value is None and style is None:
            return None
        quoted = False
        if isinstance(value, str):
            value = self.texts.cell(value, self.ws.title, self.row, column)
            quoted = needs_quote_prefix(value)
        cell = self._styled_cell(style, quoted)
        _bind(cell, value)
        return cell

    def _styled_cell(self, style: str | None, quoted: bool) -> Cell:
        cell = WriteOnlyCell(self.ws)
        if style is not None:
            dress(cell, self.styles.look(style))
        if quoted:
            cell.quotePrefix = True
        return cell


def _default_style(value: Any) -> str | None:
    # A date needs a date format, and binding one to a shared plain cell would restyle it.
    if isinstance(value, dt.datetime):
        return "timestamp"
    if isinstance(value, dt.date):
        return "month"
    return None


def _bind(cell: Cell, value: Any) -> None:
    cell.value = value
    if isinstance(value, str):
        # openpyxl takes "=..." for a formula and "#N/A" for an error; user text is text.
        cell.data_type = "s"


def dress(cell: Cell, look: Look) -> None:
    """Give ``cell`` the font, fill, format, alignment, border and protection of ``look``."""
    if look.bold or look.italic or look.size or look.colour:
        cell.font = Font(bold=look.bold, italic=look.italic, size=look.size, color=look.colour)
    if look.fill:
        cell.fill = PatternFill("solid", start_color=look.fill, end_color=look.fill)
    if look.number_format:
        cell.number_format = look.number_format
    if look.horizontal or look.vertical or look.wrap or look.rotation or look.indent:
        cell.alignment = Alignment(
            horizontal=look.horizontal or ("left" if look.indent else None),
            vertical=look.vertical,
            wrap_text=look.wrap or None,
            text_rotation=look.rotation or 0,
            indent=look.indent,
        )
    if look.box:
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    elif look.top_border:
        cell.border = Border(top=_THIN)
    if not look.locked:
        cell.protection = Protection(locked=False)


def discard(wb: Workbook) -> None:
    """Close the sheets of an unsaved write-only workbook and delete the temporary files
    openpyxl streams their rows into (it would otherwise keep them until the app exits)."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()
