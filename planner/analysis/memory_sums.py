"""Sums of a plan's monthly values held in memory as arrays, for a session that asks for
roll-ups again and again (the app's Dashboard after every edit).

Summing 1.3 million values in SQLite takes 100-300 ms however the query is written, because
every column of every row is read. Held as arrays (initiatives x months x metrics), the same
sums take a few milliseconds, and an edit re-reads only the initiatives it touched.

The copy is exact by construction: every write to a plan goes through its services, each of
which announces what it changed once committed (:meth:`planner.Plan.edit`); the initiatives
named by a change of values or initiatives are read again before the next sum (all of them
when a change names none), and a value in a month not held yet (the horizon grew) reads
everything again. A test makes an edit through every public service and checks these sums
against SQL's after each one.

This is the one module that imports numpy, so that a session summing in SQL never loads it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.analysis.sums import Sums
from planner.changes import ChangeSet, Entity
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.plan import Plan

_METRICS = len(Metric)
# Values are never negative (the table's CHECKs), so -1 can stand for "not entered".
_READ = "SELECT initiative_id, month, " + ", ".join(
    f"ifnull({column}, -1)"
    for metric in Metric
    for column in (metric.planned_column, metric.actual_column)
)
_EVERYTHING = f"{_READ} FROM monthly_values"
_SOME = _EVERYTHING + " WHERE initiative_id IN ({marks})"
# Changes that can move monthly values, by the initiatives they name.
_VALUE_ENTITIES = (Entity.VALUES, Entity.INITIATIVES)


class MemorySums:
    """A :class:`~planner.analysis.sums.SumsSource` over every monthly value of one plan,
    read once and kept in step with the plan's edits until :meth:`close`."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._stale: set[int] | None = None  # initiatives to read again; None: everything
        self._rows: dict[int, int] = {}
        self.months = np.zeros(0, np.int64)
        self.planned = self.actual = np.zeros((0, 0, _METRICS), np.int64)
        self.entered = np.zeros((0, 0, _METRICS), bool)
        self._unsubscribe = plan.subscribe(self._heard)
        self._in_step()

    def close(self) -> None:
        self._unsubscribe()

    # -- keeping in step ---------------------------------------------------------------------

    def _heard(self, changes: ChangeSet) -> None:
        for change in changes.changes:
            if change.entity not in _VALUE_ENTITIES or self._stale is None:
                continue
            self._stale = self._stale | change.ids if change.ids else None

    def _in_step(self) -> None:
        if self._stale is None:
            self._load_everything()
        elif self._stale:
            self._reload(sorted(self._stale))
        self._stale = set()

    def _load_everything(self) -> None:
        table = _as_array(self._plan.query(_EVERYTHING))
        ids = np.unique(table[:, 0])
        self.months = np.union1d(table[:, 1], np.array(self._plan.horizon.months(), np.int64))
        self._rows = {int(i): n for n, i in enumerate(ids)}
        shape = (len(ids), len(self.months), _METRICS)
        self.planned = np.zeros(shape, np.int64)
        self.actual = np.zeros(shape, np.int64)
        self.entered = np.zeros(shape, bool)
        self._store(table)

    def _reload(self, ids: list[int]) -> None:
        table = np.zeros((0, 2 + 2 * _METRICS), np.int64)
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters
            chunk = ids[start : start + 500]
            sql = _SOME.format(marks=", ".join("?" * len(chunk)))
            table = np.concatenate([table, _as_array(self._plan.query(sql, chunk))])
        if not np.isin(table[:, 1], self.months).all():
            self._load_everything()
            return
        new = [i for i in ids if i not in self._rows]
        if new:
            self._grow(new)
        rows = [self._rows[i] for i in ids]
        self.planned[rows] = 0
        self.actual[rows] = 0
        self.entered[rows] = False
        self._store(table)

    def _grow(self, new: list[int]) -> None:
        for initiative_id in new:
            self._rows[initiative_id] = len(self._rows)
        extra = (len(new), len(self.months), _METRICS)
        self.planned = np.concatenate([self.planned, np.zeros(extra, np.int64)])
        self.actual = np.concatenate([self.actual, np.zeros(extra, np.int64)])
        self.entered = np.concatenate([self.entered, np.zeros(extra, bool)])

    def _store(self, table: Any) -> None:
        if not len(table):
            return
        rows = np.array([self._rows[int(i)] for i in table[:, 0]], np.intp)
        columns = np.searchsorted(self.months, table[:, 1])
        values = table[:, 2:].reshape(len(table), _METRICS, 2)
        self.planned[rows, columns] = np.maximum(values[:, :, 0], 0)
        self.actual[rows, columns] = np.maximum(values[:, :, 1], 0)
        self.entered[rows, columns] = values[:, :, 1] >= 0

    # -- reading -----------------------------------------------------------------------------

    def _span(self, months: tuple[int, int] | None) -> slice:
        if months is None:
            return slice(None)
        first, last = months
        return slice(
            int(np.searchsorted(self.months, first, "left")),
            int(np.searchsorted(self.months, last, "right")),
        )

    def _until(self, span: slice, last: int | None) -> slice:
        """The months of ``span`` up to ``last`` (all of them when ``last`` is None)."""
        if last is None:
            return span
        start = span.start or 0
        stop = len(self.months) if span.stop is None else span.stop
        through = int(np.searchsorted(self.months, last, "right"))
        return slice(start, max(start, min(stop, through)))

    def _kept_rows(self, kept: Collection[int] | None) -> tuple[list[int], Any]:
        """(initiative ids, their rows) of the kept initiatives that hold values."""
        if kept is None:
            return list(self._rows), slice(None)
        ids = [i for i in kept if i in self._rows]
        return ids, np.array([self._rows[i] for i in ids], np.intp)

    def by_initiative(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]:
        self._in_step()
        ids, rows = self._kept_rows(kept)
        span = self._span(months)
        done = self._until(span, actual_through)
        sums = _as_sums(
            self.planned[rows, span].sum(axis=1),
            self.actual[rows, done].sum(axis=1),
            self.entered[rows, done].any(axis=1),
        )
        return dict(zip(ids, sums, strict=True))

    def by_month(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]:
        self._in_step()
        _ids, rows = self._kept_rows(kept)
        span = self._span(months)
        actual = self.actual[rows, span].sum(axis=0)
        entered = self.entered[rows, span].any(axis=0)
        if actual_through is not None:
            later = self.months[span] > actual_through
            actual[later] = 0
            entered[later] = False
        sums = _as_sums(self.planned[rows, span].sum(axis=0), actual, entered)
        return dict(zip(self.months[span].tolist(), sums, strict=True))

    def plan_without_actual(
        self, months: tuple[int, int] | None, kept: Collection[int] | None
    ) -> tuple[int, ...]:
        self._in_step()
        _ids, rows = self._kept_rows(kept)
        span = self._span(months)
        standing_in = np.where(self.entered[rows, span], 0, self.planned[rows, span])
        return tuple(standing_in.sum(axis=(0, 1)).tolist())

    def latest_actual(self, first: int, last: int) -> int | None:
        self._in_step()
        inside = (self.months >= first) & (self.months <= last)
        holding = self.entered.any(axis=(0, 2)) & inside
        return int(self.months[holding].max()) if holding.any() else None


def _as_sums(planned: Any, actual: Any, entered: Any) -> list[Sums]:
    """One :data:`~planner.analysis.sums.Sums` per row of (groups x metrics) arrays."""
    both = np.stack([planned, actual], axis=-1).reshape(len(planned), 2 * _METRICS).tolist()
    for row, metric in zip(*np.nonzero(~entered), strict=True):
        both[row][2 * metric + 1] = None
    return [tuple(row) for row in both]


def _as_array(rows: list[tuple[Any, ...]]) -> Any:
    if not rows:
        return np.zeros((0, 2 + 2 * _METRICS), np.int64)
    return np.array(rows, np.int64)
