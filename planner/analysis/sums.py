"""Plain sums of the nine funnel metrics, planned and actual: what a source of sums hands the
analysis engine (:mod:`planner.analysis.engine`), and the records its roll-ups return.

A :data:`Sums` is 18 numbers in :data:`COLUMNS` order (planned, actual, per metric), money in
minor units: a planned sum is 0 where nothing is planned, an actual sum is ``None`` where no
actual was entered ("no data", never 0).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from planner.domain import Metric

if TYPE_CHECKING:
    from planner.plan import Plan

Sums = tuple[int | None, ...]
METRICS = tuple(Metric)
COLUMNS = tuple(column for m in METRICS for column in (m.planned_column, m.actual_column))
NOTHING: Sums = (0, None) * len(Metric)


class Dimension(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    INITIATIVE = "initiative"
    OWNER = "owner"
    TEAM = "team"
    SEGMENT = "segment"
    TIER = "tier"
    CHANNEL = "channel"
    TOTAL = "total"


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums of every metric: ``planned`` (0 where nothing is planned) and ``actual`` (``None``
    where no actual has been entered). Money metrics are in minor units."""

    planned: dict[Metric, int]
    actual: dict[Metric, int | None]

    @classmethod
    def of(cls, sums: Sums) -> Totals:
        """The totals of 18 sums in :data:`COLUMNS` order."""
        return cls(
            dict(zip(METRICS, sums[0::2], strict=True)), dict(zip(METRICS, sums[1::2], strict=True))
        )  # type: ignore[arg-type]

    @property
    def empty(self) -> bool:
        """Whether nothing is planned and no actual entered."""
        return not any(self.planned.values()) and all(a is None for a in self.actual.values())

    def attainment(self, metric: Metric) -> float | None:
        """Actual over planned; ``None`` when nothing is planned or nothing is in yet."""
        planned, actual = self.planned[metric], self.actual[metric]
        if not planned or actual is None:
            return None
        return actual / planned


@dataclass(frozen=True, slots=True)
class RollupRow:
    key: int | str | None
    label: str
    totals: Totals


def added(rows: Collection[Sums]) -> Sums:
    """``rows`` added up column by column; an actual stays ``None`` only when no row has one."""
    if len(rows) == 1:
        return next(iter(rows))
    if not rows:
        return NOTHING
    result: list[int | None] = []
    for index, column in enumerate(zip(*rows, strict=True)):
        if index % 2 == 0:
            result.append(sum(column))  # type: ignore[arg-type]
        else:
            entered = [value for value in column if value is not None]
            result.append(sum(entered) if entered else None)
    return tuple(result)


def shared(values: Sums, count: int) -> list[Sums]:
    """``values`` allocated to ``count`` segments in equal shares, the indivisible remainder
    going one minor unit at a time to the segments in id order: the shares add up to the
    whole exactly. ``None`` ("no data") stays ``None`` in every share."""
    if count == 1:
        return [values]
    quotients = [None if v is None else v // count for v in values]
    remainders = [(n, v % count) for n, v in enumerate(values) if v]
    shares = []
    for rank in range(count):
        share = quotients.copy()
        for n, remainder in remainders:
            if rank < remainder:
                share[n] += 1  # type: ignore[operator]
        shares.append(tuple(share))
    return shares


def aims_by_initiative(plan: Plan) -> dict[int, list[tuple[int, str]]]:
    """The segments (id and tier) each initiative aims at, in segment id order: the order
    :func:`shared` hands out the remainder in."""
    aims: dict[int, list[tuple[int, str]]] = {}
    for initiative, segment, tier in plan.query(
        "SELECT a.initiative_id, a.segment_id, s.tier FROM initiative_segments a "
        "JOIN segments s ON s.id = a.segment_id ORDER BY a.initiative_id, a.segment_id"
    ):
        aims.setdefault(initiative, []).append((segment, tier))
    return aims


def summed(totals: Iterable[Totals]) -> Totals:
    """Totals added up: an actual stays ``None`` only when none of them has one."""
    planned = dict.fromkeys(Metric, 0)
    actual: dict[Metric, int | None] = dict.fromkeys(Metric)
    for each in totals:
        for metric in Metric:
            planned[metric] += each.planned[metric]
            value = each.actual[metric]
            if value is not None:
                actual[metric] = (actual[metric] or 0) + value
    return Totals(planned, actual)


class SumsSource(Protocol):
    """Where the engine's plain sums come from: each method sums the monthly values of the
    months ``months`` (first, last inclusive; ``None``: all) of the initiatives ``kept``
    (``None``: all) and leaves out any group holding no value. With ``actual_through``, the
    actual sums count only the months up to it (planned ones all of ``months``): "planned
    for the period, actual to date" in one reading."""

    def by_initiative(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]: ...

    def by_month(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]: ...

    def latest_actual(self, first: int, last: int) -> int | None:
        """The latest month from ``first`` to ``last`` holding any actual value."""
        ...

    def plan_without_actual(
        self, months: tuple[int, int] | None, kept: Collection[int] | None
    ) -> tuple[int, ...]:
        """Per metric (in :class:`~planner.domain.Metric` order), the planned sum of the
        initiative-months holding no actual of that metric: what stands in for the actuals
        nobody entered (see :mod:`planner.analysis.reforecast`)."""
        ...

    def close(self) -> None: ...
