"""Which plans keep their monthly values in memory for fast roll-ups.

A long-lived session (the app) calls :func:`keep_values_in_memory_if_worth_it` once after
opening a plan; the roll-ups then sum from memory
(:mod:`planner.analysis.value_cache`). Without it they sum in SQL, which is faster for a
one-shot question such as a command-line summary, and fast enough for a small plan whatever
the question. numpy is imported only when a plan asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from planner.analysis.value_cache import ValueCache
    from planner.plan import Plan

_CACHES: WeakKeyDictionary[Plan, ValueCache] = WeakKeyDictionary()

# The Dashboard's sums after an edit cost about 3 microseconds a monthly row in SQL (220 ms
# on the large demo plan's 72,000 rows), so below this many rows they take under 6 ms: less
# than numpy's import and a copy of the values would cost when the plan opens.
IN_MEMORY_FROM_ROWS = 2_000


def worth_keeping_in_memory(plan: Plan) -> bool:
    """Whether ``plan`` has enough monthly values for memory to beat SQL at summing them."""
    (rows,) = plan.query(
        f"SELECT count(*) FROM (SELECT 1 FROM monthly_values LIMIT {IN_MEMORY_FROM_ROWS})"
    )[0]
    return rows >= IN_MEMORY_FROM_ROWS


def keep_values_in_memory_if_worth_it(plan: Plan, *, load_now: bool = True) -> bool:
    """:func:`keep_values_in_memory` for a plan already kept, or one
    :func:`worth_keeping_in_memory`; whether ``plan`` now keeps its values in memory."""
    if _CACHES.get(plan) is None and not worth_keeping_in_memory(plan):
        return False
    keep_values_in_memory(plan, load_now=load_now)
    return True


def keep_values_in_memory(plan: Plan, *, load_now: bool = True) -> ValueCache:
    """Hold ``plan``'s monthly values in memory from now on (reading them at once unless
    ``load_now`` is false); calling it again changes nothing."""
    cache = _CACHES.get(plan)
    if cache is None:
        from planner.analysis.value_cache import ValueCache

        cache = _CACHES[plan] = ValueCache(plan)
    if load_now:
        cache.ensure_in_step()
    return cache


def values_in_memory(plan: Plan) -> ValueCache | None:
    """The in-memory values of ``plan``, if it keeps them."""
    return _CACHES.get(plan)


def stop_keeping_values(plan: Plan) -> None:
    """Let ``plan``'s roll-ups go back to SQL, and free the memory."""
    cache = _CACHES.pop(plan, None)
    if cache is not None:
        cache.close()
