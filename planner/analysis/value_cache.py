"""A copy of a plan's monthly values held in memory, for a session that asks for roll-ups
again and again (the app's dashboard after every edit).

Summing 1.3 million values in SQLite takes 100-300 ms however the query is written, because
every column of every row is read. Held as arrays (initiatives x months x metrics), the same
sums take a few milliseconds, and an edit re-reads only the initiatives it touched.

The copy stays exact by construction:
- the plan's change notifications name the initiatives whose values may have moved; those are
  read again before the next roll-up;
- a write it was not told about (the connection's change counter moved since the last
  notification) makes it read everything again, as does a change of the plan's settings.

A one-shot caller (the command line) never builds one: reading every value into memory costs
more than one SQL roll-up.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.changes import ChangeSet, Entity
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.filters import Filter
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


@dataclass(frozen=True, slots=True)
class Sums:
    """Sums over some initiatives and months, one row per group: ``planned`` and ``actual``
    (0 where nothing was entered) and ``entered`` (how many actuals were), each of shape
    (groups, metrics) in :class:`~planner.domain.Metric` order, and ``present``: whether any
    value row of the plan falls in the group (SQL's GROUP BY keeps only those)."""

    planned: Any
    actual: Any
    entered: Any
    present: Any


class ValueCache:
    """Every monthly value of one plan as arrays, kept in step with the plan's edits."""

    def __init__(self, plan: Plan) -> None:
        self._plan = weakref.ref(plan)
        self._dirty: set[int] | None = None  # None: read everything again
        self._counted = -1  # the connection's change counter when last in step
        self._rows: dict[int, int] = {}
        self.initiative_ids = np.zeros(0, np.int64)
        self.months = np.zeros(0, np.int64)
        self.planned = self.actual = np.zeros((0, 0, _METRICS), np.int64)
        self.entered = np.zeros((0, 0, _METRICS), bool)
        self.present = np.zeros((0, 0), bool)
        self._unsubscribe = plan.subscribe(self._heard)

    def close(self) -> None:
        """Stop following the plan."""
        self._unsubscribe()

    # -- keeping in step ---------------------------------------------------------------------

    def _heard(self, changes: ChangeSet) -> None:
        plan = self._plan()
        if plan is None:
            return
        for change in changes.changes:
            if change.entity in _VALUE_ENTITIES and self._dirty is not None:
                if not change.ids:
                    self._dirty = None
                else:
                    self._dirty |= change.ids
            elif change.entity is Entity.SETTINGS:
                self._dirty = None  # a new horizon can move or drop months
        self._counted = _changes_made(plan)

    def _sync(self, plan: Plan) -> None:
        if self._counted != _changes_made(plan):
            self._dirty = None
        if self._dirty is None:
            self._load_everything(plan)
        elif self._dirty:
            self._reload(plan, sorted(self._dirty))
        self._dirty = set()
        self._counted = _changes_made(plan)

    def _load_everything(self, plan: Plan) -> None:
        table = _as_array(plan.query(_EVERYTHING))
        ids = np.unique(table[:, 0])
        months = np.union1d(table[:, 1], np.array(plan.horizon.months(), np.int64))
        self.initiative_ids, self.months = ids, months
        self._rows = {int(i): n for n, i in enumerate(ids)}
        shape = (len(ids), len(months), _METRICS)
        self.planned = np.zeros(shape, np.int64)
        self.actual = np.zeros(shape, np.int64)
        self.entered = np.zeros(shape, bool)
        self.present = np.zeros(shape[:2], bool)
        self._store(table)

    def _reload(self, plan: Plan, ids: list[int]) -> None:
        table = np.zeros((0, 2 + 2 * _METRICS), np.int64)
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters
            chunk = ids[start : start + 500]
            sql = _SOME.format(marks=", ".join("?" * len(chunk)))
            table = np.concatenate([table, _as_array(plan.query(sql, chunk))])
        if not np.isin(table[:, 1], self.months).all():
            self._load_everything(plan)
            return
        new = [i for i in ids if i not in self._rows]
        if new:
            self._grow(new)
        rows = [self._rows[i] for i in ids]
        self.planned[rows] = 0
        self.actual[rows] = 0
        self.entered[rows] = False
        self.present[rows] = False
        self._store(table)

    def _grow(self, new: list[int]) -> None:
        for initiative_id in new:
            self._rows[initiative_id] = len(self._rows)
        self.initiative_ids = np.concatenate([self.initiative_ids, np.array(new, np.int64)])
        extra = (len(new), len(self.months), _METRICS)
        self.planned = np.concatenate([self.planned, np.zeros(extra, np.int64)])
        self.actual = np.concatenate([self.actual, np.zeros(extra, np.int64)])
        self.entered = np.concatenate([self.entered, np.zeros(extra, bool)])
        self.present = np.concatenate([self.present, np.zeros(extra[:2], bool)])

    def _store(self, table: Any) -> None:
        if not len(table):
            return
        rows = np.array([self._rows[int(i)] for i in table[:, 0]], np.intp)
        columns = np.searchsorted(self.months, table[:, 1])
        values = table[:, 2:].reshape(len(table), _METRICS, 2)
        self.planned[rows, columns] = np.maximum(values[:, :, 0], 0)
        self.actual[rows, columns] = np.maximum(values[:, :, 1], 0)
        self.entered[rows, columns] = values[:, :, 1] >= 0
        self.present[rows, columns] = True

    # -- reading -----------------------------------------------------------------------------

    def ensure_in_step(self) -> None:
        """Read whatever changed since the last read (everything, the first time)."""
        self._plan_in_step()

    def _plan_in_step(self) -> Plan:
        plan = self._plan()
        if plan is None:
            raise RuntimeError("the plan of this value cache is closed")
        self._sync(plan)
        return plan

    def _chosen(
        self, plan: Plan, months: tuple[int, int] | None, where: Filter | None
    ) -> tuple[Any, slice]:
        """The initiative rows ``where`` keeps (``None``: all) and the months' slice."""
        span = slice(None)
        if months is not None:
            first, last = months
            span = slice(
                int(np.searchsorted(self.months, first, "left")),
                int(np.searchsorted(self.months, last, "right")),
            )
        if where is None:
            return None, span
        condition, params = where.sql("x.id")
        kept = [
            row[0]
            for row in plan.query(f"SELECT x.id FROM initiatives x WHERE {condition}", params)
        ]
        rows = np.array([self._rows[i] for i in kept if i in self._rows], np.intp)
        return rows, span

    def by_initiative(
        self, months: tuple[int, int] | None, where: Filter | None
    ) -> tuple[Any, Sums]:
        """(initiative ids, their sums over ``months``), for the initiatives ``where`` keeps
        that hold a value in those months (a deleted initiative holds none)."""
        plan = self._plan_in_step()
        rows, span = self._chosen(plan, months, where)
        if rows is None:
            rows = np.arange(len(self.initiative_ids))
        present = self.present[rows, span].any(axis=1)
        rows = rows[present]
        return self.initiative_ids[rows], Sums(
            self.planned[rows, span].sum(axis=1),
            self.actual[rows, span].sum(axis=1),
            self.entered[rows, span].sum(axis=1),
            present[present],
        )

    def by_month(self, months: tuple[int, int] | None, where: Filter | None) -> tuple[Any, Sums]:
        """(months, the kept initiatives' sums in each of them)."""
        plan = self._plan_in_step()
        rows, span = self._chosen(plan, months, where)
        pick = slice(None) if rows is None else rows
        return self.months[span], Sums(
            self.planned[pick, span].sum(axis=0),
            self.actual[pick, span].sum(axis=0),
            self.entered[pick, span].sum(axis=0),
            self.present[pick, span].any(axis=0),
        )

    def latest_actual(self, first: int, last: int) -> int | None:
        """The latest month from ``first`` to ``last`` holding any actual value."""
        self._plan_in_step()
        months = self.months
        inside = (months >= first) & (months <= last)
        holding = self.entered.any(axis=(0, 2)) & inside
        return int(months[holding].max()) if holding.any() else None


def _changes_made(plan: Plan) -> int:
    return plan.db.conn.total_changes


def _as_array(rows: list[tuple[Any, ...]]) -> Any:
    if not rows:
        return np.zeros((0, 2 + 2 * _METRICS), np.int64)
    return np.array(rows, np.int64)
