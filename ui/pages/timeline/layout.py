"""Where the Timeline page puts each lane and bar, and what a drag or a key does to a bar's
months: plain numbers, worked out once per timeline built (an edit, a filter, a grouping),
so a frame only looks up the rows it shows.

No Qt here: rows, columns and grips are tested without a window. A row is one lane's header
or one bar (each initiative on a row of its own, so its label has room after its bar).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum

from planner import months as month_math
from planner.months import Month
from planner.timeline import Bar, Lane, Timeline


class Zoom(StrEnum):
    """How many months the page's width shows."""

    QUARTER = "quarter"
    YEAR = "year"
    HORIZON = "horizon"

    @property
    def label(self) -> str:
        return {"quarter": "Quarter", "year": "Year", "horizon": "Whole plan"}[self.value]

    def months_shown(self, horizon: int) -> int:
        """How many months fit the width (never more than the plan has)."""
        wanted = {"quarter": 3, "year": 12, "horizon": horizon}[self.value]
        return max(1, min(wanted, horizon))


class BarLabel(StrEnum):
    """The figure a bar's label gives beside its owner: the lead's choice."""

    BUDGET = "budget"
    TARGET = "target"

    @property
    def label(self) -> str:
        return "Budget" if self is BarLabel.BUDGET else "Revenue target"


class Grip(Enum):
    """What part of a bar a drag holds: the whole bar, or one of its ends."""

    BODY = "body"
    START = "start"
    END = "end"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the page: a lane's header (``bar`` None) or one of its bars."""

    lane: Lane
    bar: Bar | None = None


class Layout:
    """The rows of a :class:`Timeline` in the order drawn, and its months as columns
    (column 0 is the horizon's first month)."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.columns = len(timeline.months)
        self._first_index = month_math.index(timeline.months[0]) if timeline.months else 0
        rows: list[Row] = []
        self._row_of: dict[int, int] = {}
        self._bar_rows: list[int] = []  # the rows holding bars, top to bottom
        for lane in timeline.lanes:
            rows.append(Row(lane))
            for bar in lane.bars:
                self._row_of[bar.initiative_id] = len(rows)
                self._bar_rows.append(len(rows))
                rows.append(Row(lane, bar))
        self.rows: tuple[Row, ...] = tuple(rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def bar_count(self) -> int:
        return len(self._bar_rows)

    def column(self, month: Month) -> int:
        """The column of ``month`` (negative before the horizon, ``columns`` or more after)."""
        return month_math.index(month) - self._first_index

    def month(self, column: int) -> Month:
        """The month of ``column`` (any column, inside the horizon or not)."""
        return month_math.from_index(self._first_index + column)

    def span(self, start: Month, end: Month) -> tuple[int, int]:
        """The columns from ``start`` up to the one after ``end``: a bar's left and right
        edges in columns."""
        return self.column(start), self.column(end) + 1

    def row_of(self, initiative_id: int) -> int | None:
        """The row of the initiative's bar, ``None`` when it is not shown."""
        return self._row_of.get(initiative_id)

    def bar(self, initiative_id: int) -> Bar | None:
        row = self._row_of.get(initiative_id)
        return None if row is None else self.rows[row].bar

    def bars(self) -> Iterable[Bar]:
        for row in self._bar_rows:
            bar = self.rows[row].bar
            assert bar is not None
            yield bar

    def neighbour(self, initiative_id: int | None, step: int) -> int | None:
        """The bar ``step`` bars below (negative: above) the initiative's, stopping at the
        first and last; with nothing chosen, the first bar (or the last, going up)."""
        if not self._bar_rows:
            return None
        row = None if initiative_id is None else self._row_of.get(initiative_id)
        if row is None:
            place = 0 if step > 0 else len(self._bar_rows) - 1
        else:
            place = bisect.bisect_left(self._bar_rows, row) + step
            place = max(0, min(place, len(self._bar_rows) - 1))
        bar = self.rows[self._bar_rows[place]].bar
        assert bar is not None
        return bar.initiative_id


def rows_between(top: float, bottom: float, row_height: int, count: int) -> range:
    """The rows any part of which lies between ``top`` and ``bottom`` (content pixels)."""
    first = max(0, int(top // row_height))
    last = min(count, int(bottom // row_height) + 1)
    return range(first, max(first, last))


def dragged(start: Month, end: Month, grip: Grip, months: int) -> tuple[Month, Month]:
    """A bar's months once ``grip`` is dragged ``months`` later (negative: earlier). An end
    dragged past the other stops there: a bar is never shorter than one month."""
    if grip is Grip.BODY:
        return month_math.add(start, months), month_math.add(end, months)
    if grip is Grip.START:
        return min(month_math.add(start, months), end), end
    return start, max(month_math.add(end, months), start)


def grip_at(x: float, left: float, right: float, edge: float) -> Grip | None:
    """What a press at ``x`` holds of a bar drawn from ``left`` to ``right``: an end within
    ``edge`` pixels of it (the nearer, on a bar too short for both), the body inside it,
    or nothing outside it."""
    if x < left - edge or x > right + edge:
        return None
    near_start, near_end = abs(x - left) <= edge, abs(x - right) <= edge
    if near_start and near_end:
        return Grip.START if x - left < right - x else Grip.END
    if near_start:
        return Grip.START
    if near_end:
        return Grip.END
    return Grip.BODY if left <= x <= right else None


class Side(Enum):
    """Where a bar's label goes: in the bar, or beside it when the bar is too short."""

    INSIDE = "inside"
    AFTER = "after"
    BEFORE = "before"


GAP = 4  # pixels between a bar and a label beside it


def label_place(
    left: float, right: float, first: float, last: float, needed: float
) -> tuple[Side, float, float]:
    """Where a label ``needed`` pixels wide goes for a bar from ``left`` to ``right``, when
    labels may use the pixels from ``first`` to ``last``: ``(side, x, width)``. In the bar's
    part in sight if it fits there, else after the bar, else before it; when it fits
    nowhere, where there is most room (and it is cut short). A bar scrolled wholly out of
    sight has its label at the edge it went past, so its row still says whose it is."""
    inside_left = max(left, first)
    after = max(right + GAP, first)
    before = min(left, last) - GAP
    places = [
        (Side.INSIDE, inside_left, min(right, last) - inside_left),
        (Side.AFTER, after, last - after),
        (Side.BEFORE, first, before - first),
    ]
    for side, x, width in places:
        if width >= needed:
            if side is Side.BEFORE:
                return side, before - needed, needed
            return side, x, width
    return max(places, key=lambda place: place[2])
