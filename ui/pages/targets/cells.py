"""Cells and blocks of the grid as plain data: which initiative, month and kind a cell
holds, rectangles of cells, and what the edits need to know of the grid (an :class:`Area`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from planner import Kind
from planner import months as month_math


@dataclass(frozen=True, slots=True)
class CellRef:
    """An editable cell: whose value, which month, planned or actual. Carries the
    initiative's name so commands and messages can name the cell."""

    initiative_id: int
    initiative_name: str
    month: int
    kind: Kind

    @property
    def label(self) -> str:
        """``Webinar series, Mar 2026``: how messages name the cell."""
        return f"{self.initiative_name}, {month_math.label(self.month)}"


@dataclass(frozen=True, slots=True)
class Rect:
    """Rows ``top``..``bottom`` and columns ``left``..``right`` of the grid, inclusive."""

    top: int
    left: int
    bottom: int
    right: int


def bounds(rects: Sequence[Rect]) -> Rect | None:
    """The smallest Rect holding all of ``rects``; None for none."""
    if not rects:
        return None
    return Rect(
        min(r.top for r in rects),
        min(r.left for r in rects),
        max(r.bottom for r in rects),
        max(r.right for r in rects),
    )


@dataclass(frozen=True)
class Area:
    """What the fills need to know of the grid: how many rows and month columns hold
    editable cells, each month column's kind, and each cell and its value."""

    rows: int  # initiative rows (the totals row is after them)
    kinds: list[Kind]  # kind of each month column (the total columns come after them)
    cell: Callable[[int, int], CellRef | None]
    value: Callable[[int, int], int | None]

    def clip(self, rect: Rect) -> Rect | None:
        """``rect`` without the totals row and total columns; None if nothing is left."""
        bottom, right = min(rect.bottom, self.rows - 1), min(rect.right, len(self.kinds) - 1)
        if rect.top > bottom or rect.left > right:
            return None
        return Rect(rect.top, rect.left, bottom, right)


Write = tuple[CellRef, object]  # a cell and what it gets: a number, text to parse, None clears
