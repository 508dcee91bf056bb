"""The roll-ups summed the naive way, in SQL, straight from the monthly values: the oracle the
engine's sources are held to (see test_rollups_match_the_oracle.py). Slow and plain on
purpose; nothing in the app uses it.

:func:`oracle` gives the groups holding a value row, as SQL's GROUP BY does; :func:`listed`
the groups the engine lists (every period of the months, every group of a kept initiative).
"""

from __future__ import annotations

from planner import Plan
from planner import months as month_math
from planner.analysis import Dimension, Filter
from planner.analysis.sums import COLUMNS

_SUMS = ", ".join(f"SUM(v.{column})" for column in COLUMNS)
_OWNER = (
    "(SELECT r.person_id FROM roles r WHERE r.initiative_id = {i} AND r.role = 'A')",
    "(SELECT p.team FROM roles r JOIN people p ON p.id = r.person_id "
    "WHERE r.initiative_id = {i} AND r.role = 'A')",
)
_KEYS = {
    Dimension.INITIATIVE: "{i}",
    Dimension.OWNER: _OWNER[0],
    Dimension.TEAM: _OWNER[1],
    Dimension.CHANNEL: "(SELECT channel_id FROM initiatives WHERE id = {i})",
    Dimension.TOTAL: "'total'",
}
_SHARE = "(p.{c} / a.n + (a.rn <= p.{c} % a.n))"
_ALLOCATED = """
WITH p AS (
    SELECT v.initiative_id, {sums} FROM monthly_values v WHERE {condition}
    GROUP BY v.initiative_id
),
a AS (
    SELECT a.initiative_id, a.segment_id, s.tier,
           ROW_NUMBER() OVER (PARTITION BY a.initiative_id ORDER BY a.segment_id) AS rn,
           COUNT(*) OVER (PARTITION BY a.initiative_id) AS n
    FROM initiative_segments a JOIN segments s ON s.id = a.segment_id
)
SELECT a.{key}, {shares} FROM p JOIN a USING (initiative_id) GROUP BY a.{key}
UNION ALL
SELECT NULL, {plain} FROM p
WHERE NOT EXISTS (SELECT 1 FROM initiative_segments x WHERE x.initiative_id = p.initiative_id)
HAVING count(*) > 0
"""


def _condition(months: tuple[int, int] | None, where: Filter | None) -> tuple[str, list]:
    parts, params = ["1"], []
    if months is not None:
        parts.append("v.month BETWEEN ? AND ?")
        params.extend(months)
    if where is not None:
        condition, more = where.sql("v.initiative_id")
        parts.append(condition)
        params.extend(more)
    return " AND ".join(parts), params


def _period_key(dimension: Dimension, month: int, start: int) -> int:
    year = month_math.fiscal_year(month, start)
    if dimension is Dimension.MONTH:
        return month
    if dimension is Dimension.YEAR:
        return year
    return year * 10 + month_math.fiscal_quarter(month, start)


def oracle(
    plan: Plan,
    dimension: Dimension,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> dict:
    """{key: the 18 sums} of the groups holding a value row, planned None read as 0."""
    condition, params = _condition(months, where)
    start = plan.settings.get().fiscal_year_start
    if dimension in (Dimension.SEGMENT, Dimension.TIER):
        sql = _ALLOCATED.format(
            sums=", ".join(f"SUM(v.{c}) AS {c}" for c in COLUMNS),
            condition=condition,
            key="segment_id" if dimension is Dimension.SEGMENT else "tier",
            shares=", ".join(f"SUM({_SHARE.format(c=c)})" for c in COLUMNS),
            plain=", ".join(f"SUM(p.{c})" for c in COLUMNS),
        )
        rows = plan.query(sql, params)
    elif dimension in (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR):
        by_month = plan.query(
            f"SELECT v.month, {_SUMS} FROM monthly_values v WHERE {condition} GROUP BY v.month",
            params,
        )
        rows = [(key, *values) for key, values in _regrouped(by_month, dimension, start)]
    else:
        key = _KEYS[dimension].format(i="v.initiative_id")
        rows = plan.query(
            f"SELECT {key} AS key, {_SUMS} FROM monthly_values v WHERE {condition} GROUP BY key",
            params,
        )
    return {
        row[0]: tuple((v or 0) if n % 2 == 0 else v for n, v in enumerate(row[1:])) for row in rows
    }


def _add(a, b):
    return b if a is None else a if b is None else a + b


def _regrouped(by_month, dimension, start):
    groups: dict = {}
    for month, *values in by_month:
        key = _period_key(dimension, month, start)
        groups[key] = (
            [_add(a, b) for a, b in zip(groups[key], values, strict=True)]
            if key in groups
            else values
        )
    return groups.items()


def listed(
    plan: Plan,
    dimension: Dimension,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> set:
    """The keys the engine lists: every period of ``months`` in the horizon, or every group
    holding an initiative ``where`` keeps."""
    start = plan.settings.get().fiscal_year_start
    if dimension is Dimension.TOTAL:
        return {"total"}
    if dimension in (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR):
        first, last = months or (plan.horizon.first, plan.horizon.last)
        return {
            _period_key(dimension, m, start) for m in plan.horizon.months() if first <= m <= last
        }
    condition, params = where.sql("i.id") if where is not None else ("1", [])
    kept = [
        row[0] for row in plan.query(f"SELECT i.id FROM initiatives i WHERE {condition}", params)
    ]
    if dimension in (Dimension.SEGMENT, Dimension.TIER):
        column = "a.segment_id" if dimension is Dimension.SEGMENT else "s.tier"
        keys = set()
        for initiative in kept:
            aimed = plan.query(
                f"SELECT {column} FROM initiative_segments a JOIN segments s "
                "ON s.id = a.segment_id WHERE a.initiative_id = ?",
                [initiative],
            )
            keys |= {row[0] for row in aimed} if aimed else {None}
        return keys
    key = _KEYS[dimension].format(i="?")
    return {plan.query(f"SELECT {key}", [initiative])[0][0] for initiative in kept}
