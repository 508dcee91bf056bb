"""Roll-ups of the nine funnel metrics, planned and actual, by period or by a dimension.

Everything is summed in SQL, as integers, so totals are exact to the cent. An initiative aimed
at several segments is allocated to them in equal shares, the indivisible remainder going one
minor unit at a time to its segments in id order; every segment and tier total therefore adds
up to the plan total exactly. Initiatives aimed at no segment form their own row (key ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from planner.analysis.filters import Filter
from planner.analysis.in_memory import values_in_memory
from planner.analysis.periods import Period, period_key_sql, period_label
from planner.domain import Metric, Tier

if TYPE_CHECKING:
    from planner.plan import Plan


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


_SUMS = ", ".join(
    f"SUM({column}) AS {column}"
    for metric in Metric
    for column in (metric.planned_column, metric.actual_column)
)
COLUMNS = [column for m in Metric for column in (m.planned_column, m.actual_column)]
_RESUMS = ", ".join(f"SUM(p.{column})" for column in COLUMNS)
_NO_OWNER = "(no owner)"
_NOT_AIMED = "(no segment)"


def totals_from(values: tuple[Any, ...] | list[Any]) -> Totals:
    """Totals from 18 sums in column order (planned, actual per metric)."""
    planned = {m: values[2 * i] or 0 for i, m in enumerate(Metric)}
    actual = {m: values[2 * i + 1] for i, m in enumerate(Metric)}
    return Totals(planned, actual)


def rollup(
    plan: Plan,
    by: Dimension | str,
    *,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> list[RollupRow]:
    """Every metric summed by ``by``, over ``months`` (first, last inclusive) and the
    initiatives ``where`` keeps. Rows come in time order for periods, in the plan's order
    for channels (keyed by channel id), by name otherwise."""
    dimension = Dimension(by)
    cache = values_in_memory(plan)
    if cache is not None:
        from planner.analysis.cached_rollups import cached_rollup

        start = plan.settings.get().fiscal_year_start
        labels = _labels(plan, dimension, start)
        return [
            RollupRow(key, labels(key), totals)
            for key, totals in cached_rollup(plan, cache, dimension, months, where, start)
        ]
    condition, params = conditions(months, where)
    if dimension in (Dimension.SEGMENT, Dimension.TIER):
        return _allocated(plan, dimension, condition, params)
    start = plan.settings.get().fiscal_year_start
    if dimension in (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR, Dimension.TOTAL):
        key = (
            "'total'"
            if dimension is Dimension.TOTAL
            else period_key_sql(Period(dimension.value), "v.month", start)
        )
        sql = (
            f"SELECT {key} AS key, {_SUMS} FROM monthly_values v "
            f"WHERE {condition} GROUP BY key ORDER BY key"
        )
    else:
        # Sum each initiative first (the table is stored in initiative order, so this is one
        # ordered pass), then join the few thousand sums to owners and channels.
        key, join, order = _grouping(dimension)
        sql = (
            f"WITH p AS (SELECT v.initiative_id, {_SUMS} FROM monthly_values v "
            f"WHERE {condition} GROUP BY v.initiative_id) "
            f"SELECT {key} AS key, {_RESUMS} FROM p {join} GROUP BY key ORDER BY {order}"
        )
    rows = plan.query(sql, params)
    labels = _labels(plan, dimension, start)
    return [RollupRow(row[0], labels(row[0]), totals_from(row[1:])) for row in rows]


def total(
    plan: Plan, *, months: tuple[int, int] | None = None, where: Filter | None = None
) -> Totals:
    """The whole plan's (or the filtered initiatives') totals."""
    rows = rollup(plan, Dimension.TOTAL, months=months, where=where)
    return rows[0].totals if rows else totals_from([None] * len(COLUMNS))


def conditions(months: tuple[int, int] | None, where: Filter | None) -> tuple[str, list[Any]]:
    """``(condition, params)`` on ``monthly_values v`` for a month range and a filter."""
    parts, params = ["1"], []
    if months is not None:
        parts.append("v.month BETWEEN ? AND ?")
        params.extend(months)
    if where is not None:
        condition, filter_params = where.sql("v.initiative_id")
        parts.append(condition)
        params.extend(filter_params)
    return " AND ".join(parts), params


def _grouping(dimension: Dimension) -> tuple[str, str, str]:
    """SQL for (group key, joins, order) of a dimension grouped over per-initiative sums."""
    owner_join = (
        "LEFT JOIN roles r ON r.initiative_id = p.initiative_id AND r.role = 'A' "
        "LEFT JOIN people o ON o.id = r.person_id"
    )
    initiative_join = "JOIN initiatives i ON i.id = p.initiative_id"
    if dimension is Dimension.INITIATIVE:
        return "p.initiative_id", initiative_join, "min(i.name) COLLATE NOCASE"
    if dimension is Dimension.OWNER:
        return "r.person_id", owner_join, "key IS NULL, min(o.name) COLLATE NOCASE"
    if dimension is Dimension.TEAM:
        return "o.team", owner_join, "key IS NULL, key"
    channel_join = f"{initiative_join} JOIN channels c ON c.id = i.channel_id"
    return "i.channel_id", channel_join, "min(c.position), key"


def _labels(plan: Plan, dimension: Dimension, start: int):  # type: ignore[no-untyped-def]
    if dimension in (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR):
        period = Period(dimension.value)
        return lambda key: period_label(period, key, start)
    if dimension is Dimension.INITIATIVE:
        names = dict(plan.query("SELECT id, name FROM initiatives"))
        return lambda key: names.get(key, str(key))
    if dimension is Dimension.OWNER:
        names = dict(plan.query("SELECT id, name FROM people"))
        return lambda key: _NO_OWNER if key is None else names.get(key, str(key))
    if dimension is Dimension.TEAM:
        return lambda key: _NO_OWNER if key is None else str(key)
    if dimension is Dimension.CHANNEL:
        names = dict(plan.query("SELECT id, name FROM channels"))
        return lambda key: names.get(key, str(key))
    if dimension is Dimension.SEGMENT:
        names = dict(plan.query("SELECT id, name FROM segments"))
        return lambda key: _NOT_AIMED if key is None else names.get(key, str(key))
    if dimension is Dimension.TIER:
        return lambda key: _NOT_AIMED if key is None else str(key).capitalize()
    return lambda key: "Total"


# Per-initiative sums, then each split over the initiative's segments (see module docstring).
_SHARE = "(p.{c} / a.n + (a.rn <= p.{c} % a.n))"
_ALLOCATED = """
WITH per_initiative AS (
    SELECT v.initiative_id, {sums} FROM monthly_values v WHERE {condition}
    GROUP BY v.initiative_id
),
aims AS (
    SELECT a.initiative_id, a.segment_id, s.tier,
           ROW_NUMBER() OVER (PARTITION BY a.initiative_id ORDER BY a.segment_id) AS rn,
           COUNT(*) OVER (PARTITION BY a.initiative_id) AS n
    FROM initiative_segments a JOIN segments s ON s.id = a.segment_id
)
SELECT a.{key} AS key, {shares} FROM per_initiative p JOIN aims a USING (initiative_id)
GROUP BY a.{key}
UNION ALL
SELECT NULL, {plain} FROM per_initiative p
WHERE NOT EXISTS (SELECT 1 FROM initiative_segments x WHERE x.initiative_id = p.initiative_id)
HAVING count(*) > 0
"""


def allocation_order(plan: Plan, dimension: Dimension) -> dict[Any, int]:
    """Positions of segment (in the plan's segment order) or tier keys, for sorting rows."""
    if dimension is Dimension.SEGMENT:
        return {s.id: position for position, s in enumerate(plan.segments.list())}
    return {tier.value: position for position, tier in enumerate(Tier)}


def _allocated(
    plan: Plan, dimension: Dimension, condition: str, params: list[Any]
) -> list[RollupRow]:
    key = "segment_id" if dimension is Dimension.SEGMENT else "tier"
    sql = _ALLOCATED.format(
        sums=_SUMS,
        condition=condition,
        key=key,
        shares=", ".join(f"SUM({_SHARE.format(c=c)})" for c in COLUMNS),
        plain=", ".join(f"SUM(p.{c})" for c in COLUMNS),
    )
    rows = plan.query(sql, params)
    order = allocation_order(plan, dimension)
    rows.sort(key=lambda r: (r[0] is None, order.get(r[0], 0)))
    labels = _labels(plan, dimension, 1)
    return [RollupRow(r[0], labels(r[0]), totals_from(r[1:])) for r in rows]
