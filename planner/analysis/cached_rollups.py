"""The roll-ups of :mod:`planner.analysis.rollups`, summed from a plan's values held in
memory (:mod:`planner.analysis.value_cache`) instead of in SQL.

Same groups, same order, same integers, same ``None`` for "no actual entered": a property
test holds the two to each other for any plan and any edit. Only the few thousand
attributes that say which group an initiative falls in (owner, team, channel, segments) are
read from the plan each time; they are cheap to read and never stale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from planner import months as month_math
from planner.analysis.rollups import Dimension, Totals, allocation_order
from planner.analysis.value_cache import Sums, ValueCache
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.filters import Filter
    from planner.plan import Plan

Key = int | str | None
_METRICS = tuple(Metric)

_OWNERS = (
    "SELECT i.id, r.person_id, o.team, i.channel_id FROM initiatives i "
    "LEFT JOIN roles r ON r.initiative_id = i.id AND r.role = 'A' "
    "LEFT JOIN people o ON o.id = r.person_id"
)
_BY_NAME = "SELECT id FROM {} ORDER BY name COLLATE NOCASE"
_CHANNELS_IN_ORDER = "SELECT id FROM channels ORDER BY position, id"
_AIMS = (
    "SELECT a.initiative_id, a.segment_id, s.tier FROM initiative_segments a "
    "JOIN segments s ON s.id = a.segment_id ORDER BY a.initiative_id, a.segment_id"
)


def totals_at(sums: Sums, row: int) -> Totals:
    """The :class:`Totals` of one group of ``sums``."""
    return _totals(
        sums.planned[row].tolist(), sums.actual[row].tolist(), sums.entered[row].tolist()
    )


def _totals(planned: list[int], actual: list[int], entered: list[int]) -> Totals:
    return Totals(
        dict(zip(_METRICS, planned, strict=True)),
        {m: a if e else None for m, a, e in zip(_METRICS, actual, entered, strict=True)},
    )


def cached_rollup(
    plan: Plan,
    cache: ValueCache,
    dimension: Dimension,
    months: tuple[int, int] | None,
    where: Filter | None,
    start: int,
) -> list[tuple[Key, Totals]]:
    """``(key, totals)`` per group, in the order :func:`planner.analysis.rollup` gives."""
    if dimension in (Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR, Dimension.TOTAL):
        keys, sums = cache.by_month(months, where)
        if dimension is Dimension.MONTH:
            return _rows(keys.tolist(), sums)
        return _rows(*_grouped([_period_key(dimension, int(m), start) for m in keys], sums))
    ids, sums = cache.by_initiative(months, where)
    if dimension in (Dimension.SEGMENT, Dimension.TIER):
        return _allocated(plan, dimension, ids.tolist(), sums)
    if dimension is Dimension.INITIATIVE:
        order = {row[0]: n for n, row in enumerate(plan.query(_BY_NAME.format("initiatives")))}
        return sorted(_rows(ids.tolist(), sums), key=lambda row: order[row[0]])
    column = {Dimension.OWNER: 1, Dimension.TEAM: 2, Dimension.CHANNEL: 3}[dimension]
    group_of = {row[0]: row[column] for row in plan.query(_OWNERS)}
    rows = _rows(*_grouped([group_of[i] for i in ids.tolist()], sums))
    if dimension is Dimension.OWNER:
        order = {row[0]: n for n, row in enumerate(plan.query(_BY_NAME.format("people")))}
        return sorted(rows, key=lambda row: (row[0] is None, order.get(row[0], 0)))
    if dimension is Dimension.CHANNEL:
        order = {row[0]: n for n, row in enumerate(plan.query(_CHANNELS_IN_ORDER))}
        return sorted(rows, key=lambda row: order[row[0]])
    return sorted(rows, key=lambda row: (row[0] is None, row[0] or ""))


def _period_key(dimension: Dimension, month: int, start: int) -> Key:
    """The key :func:`planner.analysis.periods.period_key_sql` computes, for one month."""
    if dimension is Dimension.TOTAL:
        return "total"
    year = month_math.fiscal_year(month, start)
    if dimension is Dimension.YEAR:
        return year
    return year * 10 + month_math.fiscal_quarter(month, start)


def _rows(keys: Sequence[Key], sums: Sums) -> list[tuple[Key, Totals]]:
    """The groups holding any value row (as SQL's GROUP BY yields), in the given order."""
    columns = zip(
        keys,
        sums.present.tolist(),
        sums.planned.tolist(),
        sums.actual.tolist(),
        sums.entered.tolist(),
        strict=True,
    )
    return [(key, _totals(p, a, e)) for key, present, p, a, e in columns if present]


def _grouped(keys: Sequence[Hashable], sums: Sums) -> tuple[list[Any], Sums]:
    """``sums`` added up by ``keys`` (one per row), groups in order of first appearance."""
    positions: dict[Hashable, int] = {}
    inverse = np.array([positions.setdefault(key, len(positions)) for key in keys], np.intp)
    count = len(positions)
    return list(positions), Sums(
        _add_at(sums.planned, inverse, count),
        _add_at(sums.actual, inverse, count),
        _add_at(sums.entered, inverse, count),
        np.bincount(inverse, weights=sums.present, minlength=count) > 0,
    )


def _add_at(values: Any, groups: Any, count: int) -> Any:
    out = np.zeros((count, *values.shape[1:]), np.int64)
    np.add.at(out, groups, values)
    return out


def _allocated(
    plan: Plan, dimension: Dimension, ids: list[int], sums: Sums
) -> list[tuple[Key, Totals]]:
    """Each initiative's sums shared among its segments (the rule in the docstring of
    :mod:`planner.analysis.rollups`), then added up by segment or tier; initiatives aimed at
    no segment under ``None``."""
    present = sums.present.tolist()
    position = {initiative: n for n, initiative in enumerate(ids) if present[n]}
    aims = [row for row in plan.query(_AIMS) if row[0] in position]
    aims_of = Counter(row[0] for row in aims)
    ranks, previous, rank = [], None, 0
    for initiative, _segment, _tier in aims:  # in initiative, then segment order
        rank = rank + 1 if initiative == previous else 1
        previous = initiative
        ranks.append(rank)
    rows = np.array([position[row[0]] for row in aims], np.intp)
    count = np.array([aims_of[row[0]] for row in aims], np.int64).reshape(-1, 1)
    ranked = np.array(ranks, np.int64).reshape(-1, 1)

    def share(values: Any) -> Any:
        # An actual never entered is 0 here and shares out as 0, while ``entered`` keeps
        # the group's actual at None unless some aimed initiative has one.
        mine = values[rows]
        return mine // count + (ranked <= mine % count)

    keys: list[Key] = [row[1] if dimension is Dimension.SEGMENT else row[2] for row in aims]
    shared = Sums(
        share(sums.planned), share(sums.actual), sums.entered[rows], np.ones(len(rows), bool)
    )
    groups = dict(_rows(*_grouped(keys, shared)))
    unaimed = [n for initiative, n in position.items() if initiative not in aims_of]
    if unaimed:
        alone = Sums(
            sums.planned[unaimed].sum(axis=0, keepdims=True),
            sums.actual[unaimed].sum(axis=0, keepdims=True),
            sums.entered[unaimed].sum(axis=0, keepdims=True),
            np.ones(1, bool),
        )
        groups[None] = totals_at(alone, 0)
    return _ordered_allocation(plan, dimension, groups)


def _ordered_allocation(
    plan: Plan, dimension: Dimension, groups: dict[Key, Totals]
) -> list[tuple[Key, Totals]]:
    order = allocation_order(plan, dimension)
    return sorted(groups.items(), key=lambda item: (item[0] is None, order.get(item[0], 0)))
