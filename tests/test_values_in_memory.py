"""Values held in memory stay exact through any sequence of edits: after each one, every
roll-up summed from memory equals the same roll-up summed in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rollups_match_naive_sums import HORIZON, build, plans

from planner import Metric, Plan
from planner.analysis import Dimension, Filter, in_memory, progress, rollup
from planner.analysis.in_memory import (
    keep_values_in_memory,
    stop_keeping_values,
    values_in_memory,
    worth_keeping_in_memory,
)
from planner.demo import build_demo
from planner.domain import Tier
from planner.storage.schema import DEFAULT_CHANNELS

VALUE = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))
EDITS = st.lists(
    st.one_of(
        st.tuples(
            st.just("value"),
            st.integers(0, 20),
            st.integers(0, HORIZON - 1),
            st.sampled_from(list(Metric)),
            st.booleans(),
            VALUE,
        ),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("duplicate"), st.integers(0, 20)),
        st.tuples(st.just("channel"), st.integers(0, 20), st.sampled_from(DEFAULT_CHANNELS)),
        st.tuples(st.just("move channel"), st.sampled_from(DEFAULT_CHANNELS), st.integers(0, 12)),
        st.tuples(st.just("aim"), st.integers(0, 20), st.sets(st.integers(0, 5), max_size=3)),
        st.tuples(st.just("longer horizon"), VALUE),
        st.tuples(st.just("undo a delete"), st.integers(0, 20)),
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture
def demo_plan_path(tmp_path):
    path = tmp_path / "demo.smplan"
    build_demo(path)
    return path


@contextmanager
def summed_in_sql(plan: Plan) -> Iterator[None]:
    """Roll-ups of ``plan`` go to SQL inside the block, and the cache hears of no change."""
    cache = in_memory._CACHES.pop(plan)
    try:
        yield
    finally:
        in_memory._CACHES[plan] = cache


def every_rollup(plan: Plan) -> list:
    horizon = plan.horizon.months()
    results = []
    for dimension in Dimension:
        for months in (None, (horizon[1], horizon[3])):
            paid = Filter(channel_ids=[plan.channels.named("Paid").id])
            for where in (None, paid, Filter(tiers=[Tier.CORE])):
                results.append(rollup(plan, dimension, months=months, where=where))
    results.append(progress(plan))
    return results


def apply(plan: Plan, edit: tuple) -> None:
    initiatives = [i.id for i in plan.initiatives.list()]
    segments = [s.id for s in plan.segments.list()]
    if not initiatives:
        return
    kind, *args = edit
    if kind in ("value", "delete", "duplicate", "channel", "aim", "undo a delete"):
        target = initiatives[args[0] % len(initiatives)]
    if kind == "value":
        _, month, metric, actual, value = args
        month = plan.horizon.months()[month]
        if actual:
            plan.values.set(target, month, metric, actual=value)
        else:
            plan.values.set(target, month, metric, planned=value)
    elif kind == "delete":
        plan.initiatives.delete(target)
    elif kind == "duplicate":
        plan.initiatives.duplicate(target)
    elif kind == "channel":
        plan.initiatives.update(target, channel_id=plan.channels.named(args[1]).id)
    elif kind == "move channel":
        plan.channels.move(plan.channels.named(args[0]).id, args[1])
    elif kind == "aim":
        chosen = [segments[n % len(segments)] for n in args[1]] if segments else []
        plan.initiatives.set_segments(target, sorted(set(chosen)))
    elif kind == "longer horizon":
        plan.settings.update(months=plan.horizon.count + 1)
        plan.values.set(initiatives[0], plan.horizon.last, Metric.MQL, actual=args[0])
    elif kind == "undo a delete":
        snapshot = plan.initiatives.snapshot(target)
        plan.initiatives.delete(target)
        plan.initiatives.restore(snapshot)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), EDITS)
def test_rollups_from_memory_equal_rollups_in_sql_after_any_edits(spec, edits):
    plan, _model = build(spec, in_memory=True)
    for edit in edits:
        apply(plan, edit)
        from_memory = every_rollup(plan)
        with summed_in_sql(plan):
            in_sql = every_rollup(plan)
        assert from_memory == in_sql, edit


def test_plans_sum_in_sql_unless_asked_to_keep_values_in_memory(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        assert values_in_memory(plan) is None
        cache = keep_values_in_memory(plan)
        assert values_in_memory(plan) is cache
        assert keep_values_in_memory(plan) is cache
        stop_keeping_values(plan)
        assert values_in_memory(plan) is None


def test_a_plan_is_worth_keeping_in_memory_from_a_number_of_monthly_rows(
    demo_plan_path, monkeypatch
):
    with Plan.open(demo_plan_path) as plan:
        (rows,) = plan.query("SELECT count(*) FROM monthly_values")[0]
        monkeypatch.setattr(in_memory, "IN_MEMORY_FROM_ROWS", rows + 1)
        assert not worth_keeping_in_memory(plan)
        monkeypatch.setattr(in_memory, "IN_MEMORY_FROM_ROWS", rows)
        assert worth_keeping_in_memory(plan)


def test_the_demo_plan_sums_in_sql(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        assert not worth_keeping_in_memory(plan)


def test_a_write_the_cache_was_not_told_of_is_read_before_the_next_rollup(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        keep_values_in_memory(plan)
        before = rollup(plan, Dimension.TOTAL)[0].totals.planned[Metric.SPEND]
        with plan.db.conn:
            plan.db.conn.execute("UPDATE monthly_values SET spend_plan = spend_plan + 1")
        rows = plan.query("SELECT count(spend_plan) FROM monthly_values")[0][0]
        after = rollup(plan, Dimension.TOTAL)[0].totals.planned[Metric.SPEND]
        assert after == before + rows


def test_an_edit_rereads_only_the_initiatives_it_names(demo_plan_path, monkeypatch):
    with Plan.open(demo_plan_path) as plan:
        cache = keep_values_in_memory(plan)
        target = plan.initiatives.list()[0].id
        read: list[list[int]] = []
        original = cache._reload
        monkeypatch.setattr(cache, "_reload", lambda p, ids: (read.append(ids), original(p, ids)))
        plan.values.set(target, plan.horizon.first, Metric.MQL, planned=999)
        rollup(plan, Dimension.MONTH)
        assert read == [[target]]
