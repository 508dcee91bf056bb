"""The grid's plain data: its rows (initiatives), its columns (months, then totals), the
values of one metric and their totals. No Qt: built from what the core returns and tested
on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner import Currency, Initiative, Kind, Metric, Status
from planner import months as month_math

Pair = tuple[int | None, int | None]  # (planned, actual) of one cell; None: not entered
EMPTY: Pair = (None, None)


class View(StrEnum):
    """Which values the grid shows: one kind, or both side by side (plan | actual)."""

    PLANNED = "planned"
    ACTUAL = "actual"
    BOTH = "both"

    @property
    def title(self) -> str:
        return {"planned": "Planned", "actual": "Actual", "both": "Both"}[self.value]

    @property
    def kinds(self) -> tuple[Kind, ...]:
        if self is View.PLANNED:
            return (Kind.PLANNED,)
        if self is View.ACTUAL:
            return (Kind.ACTUAL,)
        return (Kind.PLANNED, Kind.ACTUAL)


@dataclass(frozen=True, slots=True)
class GridRow:
    """One initiative as the grid shows it."""

    id: int
    name: str
    start_month: int
    end_month: int
    dropped: bool

    def runs_in(self, month: int) -> bool:
        """Whether ``month`` lies within the initiative's start..end months."""
        return self.start_month <= month <= self.end_month

    @property
    def run(self) -> str:
        return f"{month_math.label(self.start_month)} to {month_math.label(self.end_month)}"


@dataclass(frozen=True, slots=True)
class GridColumn:
    """A month's planned or actual values; ``month`` None is the total over the months."""

    month: int | None
    kind: Kind

    @property
    def is_total(self) -> bool:
        return self.month is None

    @property
    def key(self) -> tuple[int, str]:
        """A key that survives a reload: (month or 0 for the total, kind)."""
        return (self.month or 0, self.kind.value)


def grid_rows(initiatives: Iterable[Initiative]) -> list[GridRow]:
    """The grid's rows, in the core's order (by name)."""
    return [
        GridRow(i.id, i.name, i.start_month, i.end_month, i.status is Status.DROPPED)
        for i in initiatives
    ]


def grid_columns(months: Sequence[int], view: View) -> list[GridColumn]:
    """A column per month and kind shown (plan | actual per month in Both), then the totals."""
    columns = [GridColumn(month, kind) for month in months for kind in view.kinds]
    columns += [GridColumn(None, kind) for kind in view.kinds]
    return columns


def _add(total: int | None, value: int) -> int:
    return value if total is None else total + value


class GridValues:
    """One metric's values by (initiative, month), with the totals the grid shows: per
    initiative over the months, per month over the initiatives, and overall.

    A total of nothing is ``None`` (shown empty), not 0: an initiative with no values entered
    reads differently from one that entered zeros.
    """

    def __init__(
        self,
        values: Mapping[tuple[int, int], Pair],
        row_ids: Iterable[int],
        months: Sequence[int],
    ) -> None:
        self.months = list(months)
        self._month_set = set(self.months)
        self._row_ids = set(row_ids)
        self._values: dict[tuple[int, int], Pair] = dict(values)
        self._row_totals: dict[int, Pair] = {}
        self._month_totals: dict[int, Pair] = {}
        self._grand: Pair = EMPTY
        self._recount_all()

    # -- reading -------------------------------------------------------------------------

    def pair(self, initiative_id: int, month: int) -> Pair:
        return self._values.get((initiative_id, month), EMPTY)

    def value(self, initiative_id: int, month: int, kind: Kind) -> int | None:
        return self.pair(initiative_id, month)[0 if kind is Kind.PLANNED else 1]

    def row_total(self, initiative_id: int, kind: Kind) -> int | None:
        return self._row_totals.get(initiative_id, EMPTY)[0 if kind is Kind.PLANNED else 1]

    def month_total(self, month: int, kind: Kind) -> int | None:
        return self._month_totals.get(month, EMPTY)[0 if kind is Kind.PLANNED else 1]

    def grand_total(self, kind: Kind) -> int | None:
        return self._grand[0 if kind is Kind.PLANNED else 1]

    def items(self) -> Iterable[tuple[tuple[int, int], Pair]]:
        return self._values.items()

    # -- changing ------------------------------------------------------------------------

    def update(self, cells: Mapping[tuple[int, int], Pair]) -> list[tuple[int, int]]:
        """Put new (planned, actual) pairs in; returns the cells that changed. Only the
        totals of the initiatives and months touched are summed again."""
        changed = []
        for key, pair in cells.items():
            if key[0] not in self._row_ids or key[1] not in self._month_set:
                continue
            if self._values.get(key, EMPTY) == pair:
                continue
            if pair == EMPTY:
                self._values.pop(key, None)
            else:
                self._values[key] = pair
            changed.append(key)
        if changed:
            self._recount(
                {initiative for initiative, _ in changed}, {month for _, month in changed}
            )
        return changed

    # -- totals --------------------------------------------------------------------------

    def _recount_all(self) -> None:
        """Sum everything in one pass over the values: this runs on every reload of a
        72,000-cell grid, so it is written for speed (a missing key is a None total)."""
        rows_p: dict[int, int] = {}
        rows_a: dict[int, int] = {}
        months_p: dict[int, int] = {}
        months_a: dict[int, int] = {}
        row_ids, month_set = self._row_ids, self._month_set
        stray = []
        for key, (planned, actual) in self._values.items():
            initiative, month = key
            if initiative not in row_ids or month not in month_set:
                # A value of a month outside the horizon (after the plan was shortened) is
                # kept by the core but has no column here.
                stray.append(key)
                continue
            if planned is not None:
                rows_p[initiative] = rows_p.get(initiative, 0) + planned
                months_p[month] = months_p.get(month, 0) + planned
            if actual is not None:
                rows_a[initiative] = rows_a.get(initiative, 0) + actual
                months_a[month] = months_a.get(month, 0) + actual
        for key in stray:
            del self._values[key]
        self._row_totals = {
            i: (rows_p.get(i), rows_a.get(i)) for i in rows_p.keys() | rows_a.keys()
        }
        self._month_totals = {
            m: (months_p.get(m), months_a.get(m)) for m in months_p.keys() | months_a.keys()
        }
        self._grand = _sum_pairs(self._month_totals.values())

    def _recount(self, initiatives: set[int], months: set[int]) -> None:
        for initiative in initiatives:
            self._row_totals[initiative] = _sum_pairs(
                self._values.get((initiative, month), EMPTY) for month in self.months
            )
        for month in months:
            self._month_totals[month] = _sum_pairs(
                self._values.get((initiative, month), EMPTY) for initiative in self._row_ids
            )
        self._grand = _sum_pairs(self._month_totals.values())


def _sum_pairs(pairs: Iterable[Pair]) -> Pair:
    planned: int | None = None
    actual: int | None = None
    for p, a in pairs:
        if p is not None:
            planned = _add(planned, p)
        if a is not None:
            actual = _add(actual, a)
    return (planned, actual)


@dataclass
class Grid:
    """Everything the grid model shows: one metric of every initiative, month by month."""

    metric: Metric
    currency: Currency
    view: View
    rows: list[GridRow]
    columns: list[GridColumn]
    values: GridValues


def build_grid(
    metric: Metric,
    currency: Currency,
    view: View,
    initiatives: Iterable[Initiative],
    months: Sequence[int],
    values: Mapping[tuple[int, int], Pair],
) -> Grid:
    """The grid of ``metric`` from the core's initiatives and ``values.grid(metric)``."""
    rows = grid_rows(initiatives)
    return Grid(
        metric,
        currency,
        view,
        rows,
        grid_columns(months, view),
        GridValues(values, (row.id for row in rows), months),
    )


def with_rows(grid: Grid, initiatives: Iterable[Initiative]) -> Grid:
    """The same values under fresh rows (a renamed, re-dated or dropped initiative): no need
    to ask the core for the values again."""
    rows = grid_rows(initiatives)
    kept = dict(grid.values.items())
    return Grid(
        grid.metric,
        grid.currency,
        grid.view,
        rows,
        grid.columns,
        GridValues(kept, (row.id for row in rows), grid.values.months),
    )


def with_metric(grid: Grid, metric: Metric, values: Mapping[tuple[int, int], Pair]) -> Grid:
    """Another metric's ``values`` under the same rows and columns."""
    return Grid(
        metric,
        grid.currency,
        grid.view,
        grid.rows,
        grid.columns,
        GridValues(values, (row.id for row in grid.rows), grid.values.months),
    )


def with_view(grid: Grid, view: View) -> Grid:
    """The same values shown as another view."""
    return Grid(
        grid.metric,
        grid.currency,
        view,
        grid.rows,
        grid_columns(grid.values.months, view),
        grid.values,
    )


def cells_of_initiative(
    initiative_id: int, months: Sequence[int], found: Mapping[int, Pair]
) -> dict[tuple[int, int], Pair]:
    """Every month of one initiative as (planned, actual), empty where ``found`` has none:
    what a targeted refresh puts into :meth:`GridValues.update`."""
    return {(initiative_id, month): found.get(month, EMPTY) for month in months}
