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
from typing import Protocol

from planner.domain import Metric

Sums = tuple[int | None, ...]
COLUMNS = tuple(column for m in Metric for column in (m.planned_column, m.actual_column))
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
            {m: sums[2 * i] or 0 for i, m in enumerate(Metric)},
            {m: sums[2 * i + 1] for i, m in enumerate(Metric)},
        )

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
    (``None``: all) and leaves out any group holding no value."""

    def by_initiative(
        self, months: tuple[int, int] | None, kept: Collection[int] | None
    ) -> dict[int, Sums]: ...

    def by_month(
        self, months: tuple[int, int] | None, kept: Collection[int] | None
    ) -> dict[int, Sums]: ...

    def latest_actual(self, first: int, last: int) -> int | None:
        """The latest month from ``first`` to ``last`` holding any actual value."""
        ...

    def close(self) -> None: ...
