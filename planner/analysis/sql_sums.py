"""Sums of a plan's monthly values, summed in SQL each time they are asked for: the source for
one-shot work (a command, an export), where reading every value into memory first would cost
more than the one roll-up it serves, and for a plan too small for memory to be worth it."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from planner.analysis.sums import COLUMNS, Sums
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.plan import Plan

# A planned sum reads 0 where nothing is planned; an actual sum stays NULL ("no data").
_SUMS = ", ".join(
    f"coalesce(SUM({column}), 0)" if n % 2 == 0 else f"SUM({column})"
    for n, column in enumerate(COLUMNS)
)
# The same with actual sums only of the months up to one (a parameter): planned for a
# period, actual to date.
_SUMS_ACTUAL_THROUGH = ", ".join(
    f"coalesce(SUM({column}), 0)" if n % 2 == 0 else f"SUM(CASE WHEN month <= ? THEN {column} END)"
    for n, column in enumerate(COLUMNS)
)
_ANY_ACTUAL = " OR ".join(f"{m.actual_column} IS NOT NULL" for m in Metric)
_PLAN_WITHOUT_ACTUAL = ", ".join(
    f"coalesce(SUM(CASE WHEN {m.actual_column} IS NULL THEN {m.planned_column} END), 0)"
    for m in Metric
)


class SqlSums:
    """A :class:`~planner.analysis.sums.SumsSource` that asks SQLite every time."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan

    def by_initiative(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]:
        return self._grouped("initiative_id", months, kept, actual_through)

    def by_month(
        self,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None = None,
    ) -> dict[int, Sums]:
        return self._grouped("month", months, kept, actual_through)

    def latest_actual(self, first: int, last: int) -> int | None:
        return self._plan.query(
            f"SELECT max(month) FROM monthly_values WHERE ({_ANY_ACTUAL}) "
            "AND month BETWEEN ? AND ?",
            [first, last],
        )[0][0]

    def plan_without_actual(
        self, months: tuple[int, int] | None, kept: Collection[int] | None
    ) -> tuple[int, ...]:
        condition, params = _where(months, kept)
        return tuple(
            self._plan.query(
                f"SELECT {_PLAN_WITHOUT_ACTUAL} FROM monthly_values WHERE {condition}", params
            )[0]
        )

    def close(self) -> None:
        pass  # nothing held

    def _grouped(
        self,
        column: str,
        months: tuple[int, int] | None,
        kept: Collection[int] | None,
        actual_through: int | None,
    ) -> dict[int, Sums]:
        # Summed by initiative, the table is read in its key order; the month index would make
        # SQLite look up every row it finds by key and then sort them, which costs more than
        # reading the months it skips.
        condition, params = _where(months, kept, month_index=column != "initiative_id")
        sums = _SUMS
        if actual_through is not None:
            sums = _SUMS_ACTUAL_THROUGH
            params = [actual_through] * len(Metric) + params
        rows = self._plan.query(
            f"SELECT {column}, {sums} FROM monthly_values WHERE {condition} GROUP BY {column}",
            params,
        )
        return {row[0]: row[1:] for row in rows}


def _where(
    months: tuple[int, int] | None, kept: Collection[int] | None, *, month_index: bool = True
) -> tuple[str, list[Any]]:
    """The condition (and its parameters) on monthly values in ``months`` of ``kept``; without
    ``month_index`` the condition keeps SQLite from using the index on months."""
    parts, params = ["1"], list[Any]()
    if months is not None:
        parts.append("month BETWEEN ? AND ?" if month_index else "+month BETWEEN ? AND ?")
        params.extend(months)
    if kept is not None:
        # One parameter however many initiatives are kept (SQLite limits their number).
        parts.append("initiative_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(kept)))
    return " AND ".join(parts), params
