"""How each sheet prints: one page wide where its text stays readable, else across pages that
end at chosen columns, its name column repeated on each, never below :data:`MIN_SCALE`.

Pages are planned for the smaller of the two common papers in landscape (Letter's width, A4's
height) and for the wider of the two ways a column prints: LibreOffice without Calibri's
metric twin (Carlito) lays a unit of column width out at 7 points where Excel takes 5.25. A
sheet planned so is never cut where it was not meant to be; in Excel it prints a little
larger than it had to.

A sheet one page wide is fitted to the page by the program that prints it (the page then takes
Excel's narrower columns at a larger scale). A sheet with page breaks of its own, across or
down, gets a scale instead: Excel ignores manual page breaks on a sheet fitted to pages.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 0.4, 0.5, 0.75  # inches
# Points: Letter landscape is 11 in wide, A4 landscape 8.27 in tall.
PAGE_WIDTH = (11.0 - 2 * MARGIN_SIDE) * 72
PAGE_HEIGHT = (8.27 - MARGIN_TOP - MARGIN_BOTTOM) * 72
UNIT_WIDTH = 7.0  # points a unit of column width prints at full scale (see above)
TEXT_POINTS = 11.0  # the sheets' text (Excel's default font size)
MIN_POINTS = 8.0  # the smallest text a reader is asked to read
MIN_SCALE = math.ceil(100 * MIN_POINTS / TEXT_POINTS)  # per cent: 73
MAX_SCALE = 100
ROOM = 0.98  # of a page's width that a sheet planned to fill it takes
MAX_CHOICES = 2_000  # ways to break a sheet across pages worth weighing one by one


@dataclass(frozen=True, slots=True)
class PrintLayout:
    """``scale`` in per cent, or ``None`` to fit the sheet to the page's width (and, with
    ``fit_height``, to one page tall); ``column_breaks``: the columns a printed page ends
    after."""

    scale: int | None = None
    fit_height: bool = False
    column_breaks: tuple[int, ...] = ()


def page_room(widths: Sequence[float], title_columns: int) -> float:
    """Units of column width a page holds at the smallest scale, beside the title columns
    (a little less than fill it: programs round a scale and a width their own way)."""
    return ROOM * PAGE_WIDTH * 100 / (MIN_SCALE * UNIT_WIDTH) - sum(widths[:title_columns])


def fits_one_page_wide(widths: Sequence[float]) -> bool:
    return sum(widths) * UNIT_WIDTH * MIN_SCALE <= ROOM * PAGE_WIDTH * 100


def pages_across(
    widths: Sequence[float],
    *,
    title_columns: int = 0,
    ends: Sequence[int] | None = None,
    slack: Sequence[float] | None = None,
    extra: int = 0,
) -> list[int] | None:
    """The last column (1-based) of each page across, at the smallest scale: as few pages as
    the columns take (and ``extra`` more), each ending after one of ``ends`` (any column
    when not given) and led by the ``title_columns``. ``None`` when the columns cannot be
    broken into that many pages.

    Of the ways to break them into that many pages, the one that leaves the most room where
    columns have ``slack`` (units they would take to stop wrapping) is chosen; without slack,
    or with too many ways to weigh, the most even one (it prints at the largest scale)."""
    if fits_one_page_wide(widths) and not extra:
        return [len(widths)]
    room = page_room(widths, title_columns)
    blocks = _blocks(widths, title_columns, ends)
    count = len(_pack(blocks, room)) + extra
    if count > len(blocks):
        return None
    if not slack or math.comb(len(blocks) - 1, count - 1) > MAX_CHOICES:
        return None if extra else _pack(blocks, _narrowest_room(blocks, room, count))
    best: tuple[tuple[float, float], list[int]] | None = None
    choices = itertools.combinations(range(1, len(blocks)), count - 1)
    for cuts in choices:
        pages = [blocks[first:last] for first, last in itertools.pairwise((0, *cuts, len(blocks)))]
        used = [sum(block.width for block in page) for page in pages]
        if max(used) > room:
            continue
        # The more slack taken up the better; then the more even.
        taken = sum(
            min(room - width, sum(slack[page[0].first - 1 : page[-1].last]))
            for page, width in zip(pages, used, strict=True)
        )
        score = (-taken, max(used))
        if best is None or score < best[0]:
            best = (score, [page[-1].last for page in pages])
    if best is None:
        return None if extra else _pack(blocks, room)
    return best[1]


def fit_columns(
    capped: list[float],
    natural: list[float],
    *,
    title_columns: int,
    ends: Sequence[int] | None,
    pages_down: Callable[[list[float], list[int]], int],
) -> tuple[list[float], list[int]]:
    """Column widths and the last column of each page across for a sheet whose columns are
    ``capped`` short of their ``natural`` widths, wrapping their text; ``pages_down`` tells
    how many pages down given widths and pages take at the smallest scale.

    A sheet too wide for one page lets those columns out into the room left on their page
    (see :func:`_let_out`), fewer lines to a row making fewer pages down; it goes one page
    further across when that prints it on fewer pages in all, and takes as little of the
    room as prints it one page tall."""
    slack = [
        max(0.0, wide - narrow) if position >= title_columns else 0.0
        for position, (narrow, wide) in enumerate(zip(capped, natural, strict=True))
    ]
    fewest = pages_across(capped, title_columns=title_columns, ends=ends, slack=slack)
    fewest = fewest or [len(capped)]  # (only a further page can be missing)
    if len(fewest) == 1 or pages_down(capped, fewest) == 1:
        return capped, fewest
    pages = fewest
    down = pages_down(_let_out(capped, slack, fewest, title_columns, 1.0), fewest)
    further = pages_across(capped, title_columns=title_columns, ends=ends, slack=slack, extra=1)
    if down > 1 and further:
        further_down = pages_down(_let_out(capped, slack, further, title_columns, 1.0), further)
        if len(further) * further_down < len(fewest) * down:
            pages, down = further, further_down
    if down > 1:  # more than one page down whatever the widths: all the room
        return _let_out(capped, slack, pages, title_columns, 1.0), pages
    low, high = 0.0, 1.0
    for _ in range(8):
        middle = (low + high) / 2
        wider = _let_out(capped, slack, pages, title_columns, middle)
        low, high = (low, middle) if pages_down(wider, pages) == 1 else (middle, high)
    return _let_out(capped, slack, pages, title_columns, high), pages


def _let_out(
    widths: list[float], slack: list[float], pages: list[int], title_columns: int, part: float
) -> list[float]:
    """``widths`` of a sheet printed across ``pages``, its columns with ``slack`` let out
    into ``part`` of the room left on their page, the least wanting first, so as many as can
    stop wrapping."""
    room = page_room(widths, title_columns)
    wider = list(widths)
    for first, last in itertools.pairwise((title_columns, *pages)):
        left = part * (room - sum(widths[first:last]))
        for column, more in _share_out(left, slack[first:last]).items():
            wider[first + column] = math.ceil(10 * (widths[first + column] + more)) / 10
    return wider


def _share_out(room: float, wants: Sequence[float]) -> dict[int, float]:
    """``room`` shared among those that ``wants`` some, evenly, none given more than it
    wants: by position, what each gets."""
    given = dict.fromkeys((n for n, want in enumerate(wants) if want > 0), 0.0)
    waiting = sorted(given, key=lambda n: wants[n])
    while waiting and room > 0:
        each = room / len(waiting)
        least = waiting[0]
        if wants[least] - given[least] > each:
            for n in waiting:
                given[n] += each
            break
        room -= wants[least] - given[least]
        given[least] = wants[least]
        waiting.pop(0)
    return given


def plan_layout(
    widths: Sequence[float],
    heights: Sequence[float],
    *,
    title_columns: int = 0,
    column_breaks: Sequence[int] = (),
    row_breaks: Sequence[int] = (),
) -> PrintLayout:
    """The print layout of a sheet with these column ``widths`` (in units) and row
    ``heights`` (in points, every printed row), breaking across pages after the
    ``column_breaks`` (see :func:`pages_across`; each page led by the ``title_columns``) and
    down after the ``row_breaks``.

    Each page across or planned down (``row_breaks``) is scaled to fit; a sheet that fits one
    page tall at a readable scale is printed on one.
    """
    widest = _widest_page(widths, title_columns, column_breaks)
    across = ROOM * PAGE_WIDTH / max(1.0, widest * UNIT_WIDTH)
    down = PAGE_HEIGHT / max(1.0, _tallest_page(heights, row_breaks))
    if row_breaks:
        # Pages planned down the sheet must each fit; the last one too if it can, else it
        # runs on as it needs.
        last = PAGE_HEIGHT / max(1.0, sum(heights[max(row_breaks) :]))
        return PrintLayout(
            scale=_percent(min(across, down, last if last * 100 >= MIN_SCALE else 1.0))
        )
    one_tall = down * 100 >= MIN_SCALE
    if not column_breaks:
        return PrintLayout(fit_height=one_tall)
    return PrintLayout(
        scale=max(MIN_SCALE, _percent(min(across, down) if one_tall else across)),
        column_breaks=tuple(column_breaks),
    )


def _percent(scale: float) -> int:
    return max(10, min(MAX_SCALE, math.floor(scale * 100)))


def _widest_page(
    widths: Sequence[float], title_columns: int, column_breaks: Sequence[int]
) -> float:
    """Units of the widest page across, its title columns included."""
    if not column_breaks:
        return sum(widths)
    title = sum(widths[:title_columns])
    return title + max(
        sum(widths[first:last])
        for first, last in itertools.pairwise((title_columns, *column_breaks, len(widths)))
    )


def _tallest_page(heights: Sequence[float], row_breaks: Sequence[int]) -> float:
    """The height of the whole sheet, or with ``row_breaks`` of its tallest page that ends
    at one of them (the last page, after them, left out)."""
    if not row_breaks:
        return sum(heights)
    tallest, first = 0.0, 0
    for last in sorted(row_breaks):
        tallest = max(tallest, sum(heights[first:last]))
        first = last
    return tallest


@dataclass(frozen=True, slots=True)
class _Block:
    """A run of columns (1-based, inclusive) no page break may split."""

    first: int
    last: int
    width: float


def _blocks(
    widths: Sequence[float], title_columns: int, ends: Sequence[int] | None
) -> list[_Block]:
    """The columns after the title columns, in runs that each end where a page may."""
    last = len(widths)
    allowed = sorted({end for end in (ends or range(1, last + 1)) if title_columns < end < last})
    blocks, first = [], title_columns
    for end in [*allowed, last]:
        blocks.append(_Block(first + 1, end, sum(widths[first:end])))
        first = end
    return blocks


def _narrowest_room(blocks: list[_Block], room: float, pages: int) -> float:
    """The narrowest room (within 0.1 unit) that lays ``blocks`` on as few as ``pages``."""
    narrow, wide = max(block.width for block in blocks), max(room, *(b.width for b in blocks))
    while wide - narrow > 0.1:
        middle = (narrow + wide) / 2
        narrow, wide = (narrow, middle) if len(_pack(blocks, middle)) <= pages else (middle, wide)
    return wide


def _pack(blocks: list[_Block], room: float) -> list[int]:
    """The last column of each page when ``blocks`` are laid in order onto pages ``room``
    units wide."""
    ends: list[int] = []
    used = math.inf  # no page yet
    for block in blocks:
        if used + block.width > room:
            ends.append(block.last)
            used = block.width
        else:
            ends[-1] = block.last
            used += block.width
    return ends
