"""Blocks of cells to and from a spreadsheet's clipboard: tab-separated text parsed into rows
of cells, checked against the room in the grid and turned into the core's ValueEntry list;
and a selection written back out as tab-separated plain numbers. No Qt here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence

from planner import Metric, ValueEntry
from ui.pages.targets.cells import Area, CellRef, Rect, Write, bounds

Block = list[list[str]]


def parse_block(text: str) -> Block:
    """Rows of cells from tab-separated text as spreadsheets copy it.

    Rows end in ``\\n`` or ``\\r\\n`` and one trailing line end is ignored; cells are
    separated by tabs; a cell in double quotes may hold tabs or line ends (how Excel copies
    such a cell). Cells are trimmed; an empty cell is ``""``. Empty text is an empty block.
    """
    if not text:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"')
    # csv gives [] for a blank line in the middle: that is one empty cell, not no row.
    return [[cell.strip() for cell in row] or [""] for row in reader]


def block_size(block: Block) -> tuple[int, int]:
    """(rows, columns): the widest row sets the columns."""
    return len(block), max((len(row) for row in block), default=0)


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def fit_problem(
    block: tuple[int, int],
    room: tuple[int, int],
    anchor: CellRef,
    *,
    columns_are_months: bool,
) -> str | None:
    """Why a block of ``block`` (rows, columns) does not fit in ``room`` (rows, columns)
    from ``anchor``, or None when it fits."""
    rows, columns = block
    free_rows, free_columns = room
    if rows <= free_rows and columns <= free_columns:
        return None
    room_word = "month" if columns_are_months else "column"
    kind = "" if columns_are_months else f" ({anchor.kind.value})"
    return (
        f"The pasted block is {_count(rows, 'row')} × {_count(columns, 'column')} but only "
        f"{_count(free_rows, 'row')} × {_count(free_columns, room_word)} fit from "
        f"{anchor.label}{kind}. Nothing was pasted."
    )


def entry(metric: Metric, cell: CellRef, value: object) -> ValueEntry:
    """The core's entry writing ``value`` (a number, text to parse, or None to clear) into
    ``cell``; ``where`` names the cell for the core's messages."""
    if isinstance(value, str) and not value.strip():
        value = None
    return ValueEntry(cell.initiative_id, cell.month, metric, cell.kind, value, where=cell.label)


def plan_paste(
    block: Block,
    area: Area,
    rects: Sequence[Rect],
    *,
    columns_are_months: bool,
) -> list[Write] | str:
    """The writes that paste ``block`` onto the selection ``rects`` of ``area``, or why
    they cannot be made (a message naming the sizes and the cell).

    One value onto a selection of several cells fills them all; anything else goes from the
    top-left selected cell, as far right and down as the block reaches, and must fit in the
    initiatives' month cells (never the totals).
    """
    if not block:
        return "Nothing to paste: the clipboard holds no text."
    rows, columns = block_size(block)
    selected = [
        cell
        for rect in rects
        for row in range(rect.top, rect.bottom + 1)
        for column in range(rect.left, rect.right + 1)
        if (cell := area.cell(row, column)) is not None
    ]
    if (rows, columns) == (1, 1) and len(selected) > 1:
        return [(cell, block[0][0]) for cell in selected]
    box = bounds(rects)
    anchor = area.cell(box.top, box.left) if box else None
    if box is None or anchor is None:
        return "Choose a month of an initiative to paste into: totals are worked out, not entered."
    room = (area.rows - box.top, len(area.kinds) - box.left)
    problem = fit_problem((rows, columns), room, anchor, columns_are_months=columns_are_months)
    if problem:
        return problem
    writes: list[Write] = []
    for r, line in enumerate(block):
        for c, value in enumerate(line):
            target = area.cell(box.top + r, box.left + c)
            assert target is not None  # the block fits: every target is a month cell
            writes.append((target, value))
    return writes


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Tab-separated text of ``rows`` of plain cells, one line each, for the clipboard."""
    return "\n".join("\t".join(row) for row in rows)


def selection_tsv(ranges: Sequence[Rect], text_at: Callable[[int, int], str]) -> str:
    """The selected ``ranges`` as tab-separated text: their bounding block, with the cells
    between ranges left empty (as a spreadsheet copies a multiple selection)."""
    box = bounds(ranges)
    if box is None:
        return ""
    lines = [[""] * (box.right - box.left + 1) for _ in range(box.bottom - box.top + 1)]
    for rect in ranges:
        for row in range(rect.top, rect.bottom + 1):
            line = lines[row - box.top]
            for column in range(rect.left, rect.right + 1):
                line[column - box.left] = text_at(row, column)
    return to_tsv(lines)
