"""The roll-ups equal a naive recomputation in Python, to the cent, for any plan: summed in SQL
and summed from the values held in memory alike."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import Metric, MonthRow, Plan
from planner import months as month_math
from planner.analysis import Dimension, rollup
from planner.analysis.filters import Filter
from planner.analysis.in_memory import keep_values_in_memory
from planner.domain import Team, Tier
from planner.storage.schema import DEFAULT_CHANNELS

VALUE = st.one_of(st.none(), st.integers(min_value=0, max_value=10**12))
# The default channels and one the lead adds (placed first in the list, so the plan's order
# is not the order of ids).
ADDED_CHANNEL = "Podcasts"
CHANNELS = (*DEFAULT_CHANNELS, ADDED_CHANNEL)
HORIZON = 6


@st.composite
def plans(draw):
    start_month = draw(st.integers(1, 12))
    first = month_math.month(2026, draw(st.integers(1, 12)))
    tiers = draw(st.lists(st.sampled_from(list(Tier)), min_size=0, max_size=4))
    teams = draw(st.lists(st.sampled_from(list(Team)), min_size=0, max_size=3))
    initiatives = draw(
        st.lists(
            st.tuples(
                st.sampled_from(CHANNELS),
                st.sets(st.integers(0, max(len(tiers) - 1, 0)), max_size=len(tiers)),
                st.one_of(st.none(), st.integers(0, max(len(teams) - 1, 0)))
                if teams
                else st.none(),
            ),
            min_size=1,
            max_size=5,
        )
    )
    cells = draw(
        st.dictionaries(
            st.tuples(st.integers(0, len(initiatives) - 1), st.integers(0, HORIZON - 1)),
            st.tuples(*[VALUE] * 18),
            max_size=12,
        )
    )
    return start_month, first, tiers, teams, initiatives, cells


def build(spec, in_memory: bool = False) -> tuple[Plan, dict]:
    start_month, first, tiers, teams, initiatives, cells = spec
    plan = Plan.in_memory(first_month=first, months=HORIZON, fiscal_year_start=start_month)
    segment_ids = [plan.segments.add(name=f"S{n}", tier=t).id for n, t in enumerate(tiers)]
    people = [plan.people.add(name=f"P{n}", team=t).id for n, t in enumerate(teams)]
    plan.channels.move(plan.channels.add(name=ADDED_CHANNEL).id, 0)
    channel_ids = {c.name: c.id for c in plan.channels.list()}
    facts = {}
    for number, (channel, aimed, owner) in enumerate(initiatives):
        owner_id = people[owner] if owner is not None else None
        new = plan.initiatives.add(
            name=f"I{number}",
            channel_id=channel_ids[channel],
            segment_ids=[segment_ids[s] for s in sorted(aimed)],
            owner_id=owner_id,
        ).id
        facts[new] = {
            "channel": channel_ids[channel],
            "segments": sorted(segment_ids[s] for s in aimed),
            "owner": owner_id,
            "team": teams[owner].value if owner is not None else None,
        }
    ids = list(facts)
    horizon = plan.horizon.months()
    rows = [MonthRow(ids[i], horizon[m], values) for (i, m), values in cells.items()]
    if rows:
        plan.values.load_months(rows)
    # A month with no value in it is no row at all, so it adds no key to any roll-up.
    cell_rows = [
        (ids[i], horizon[m], values)
        for (i, m), values in cells.items()
        if any(v is not None for v in values)
    ]
    if in_memory:
        keep_values_in_memory(plan)
    return plan, {"facts": facts, "cells": cell_rows, "start": start_month}


def add(into: list, values) -> None:
    for index, value in enumerate(values):
        if value is not None:
            into[index] = (into[index] or 0) + value


def naive(model: dict, key_of) -> dict:
    groups: dict = defaultdict(lambda: [None] * 18)
    for initiative, month, values in model["cells"]:
        add(groups[key_of(initiative, month)], values)
    return dict(groups)


def naive_allocated(model: dict, tier_of: dict | None) -> dict:
    per_initiative: dict = defaultdict(lambda: [None] * 18)
    for initiative, _month, values in model["cells"]:
        add(per_initiative[initiative], values)
    groups: dict = defaultdict(lambda: [None] * 18)
    for initiative, totals in per_initiative.items():
        segments = model["facts"][initiative]["segments"]
        if not segments:
            add(groups[None], totals)
            continue
        n = len(segments)
        for rank, segment in enumerate(segments, start=1):
            shares = [None if t is None else t // n + (1 if rank <= t % n else 0) for t in totals]
            key = segment if tier_of is None else tier_of[segment]
            add(groups[key], shares)
    return dict(groups)


def as_sums(rows) -> dict:
    result = {}
    for row in rows:
        values = []
        for metric in Metric:
            planned = row.totals.planned[metric]
            values += [planned, row.totals.actual[metric]]
        result[row.key] = values
    return result


def comparable(expected: dict) -> dict:
    """Planned sums read 0 where nothing is planned; actual sums stay None."""
    return {
        k: [(v or 0) if i % 2 == 0 else v for i, v in enumerate(vs)] for k, vs in expected.items()
    }


BOTH_WAYS = pytest.mark.parametrize("in_memory", [False, True], ids=["in-sql", "from-memory"])
COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@BOTH_WAYS
@COMMON
@given(plans())
def test_rollups_by_period_equal_naive_sums(in_memory, spec):
    plan, model = build(spec, in_memory)
    start = model["start"]
    keys = {
        Dimension.MONTH: lambda i, m: m,
        Dimension.QUARTER: lambda i, m: (
            month_math.fiscal_year(m, start) * 10 + month_math.fiscal_quarter(m, start)
        ),
        Dimension.YEAR: lambda i, m: month_math.fiscal_year(m, start),
        Dimension.TOTAL: lambda i, m: "total",
    }
    for dimension, key_of in keys.items():
        assert as_sums(rollup(plan, dimension)) == comparable(naive(model, key_of)), dimension


@BOTH_WAYS
@COMMON
@given(plans())
def test_rollups_by_initiative_owner_team_and_channel_equal_naive_sums(in_memory, spec):
    plan, model = build(spec, in_memory)
    facts = model["facts"]
    keys = {
        Dimension.INITIATIVE: lambda i, m: i,
        Dimension.OWNER: lambda i, m: facts[i]["owner"],
        Dimension.TEAM: lambda i, m: facts[i]["team"],
        Dimension.CHANNEL: lambda i, m: facts[i]["channel"],
    }
    for dimension, key_of in keys.items():
        assert as_sums(rollup(plan, dimension)) == comparable(naive(model, key_of)), dimension
    order = [c.id for c in plan.channels.list()]
    keys_in_order = [row.key for row in rollup(plan, Dimension.CHANNEL)]
    assert keys_in_order == sorted(keys_in_order, key=order.index)  # the plan's order


@BOTH_WAYS
@COMMON
@given(plans())
def test_rollups_by_segment_and_tier_allocate_exactly(in_memory, spec):
    plan, model = build(spec, in_memory)
    tier_of = {s.id: s.tier.value for s in plan.segments.list()}
    assert as_sums(rollup(plan, Dimension.SEGMENT)) == comparable(naive_allocated(model, None))
    assert as_sums(rollup(plan, Dimension.TIER)) == comparable(naive_allocated(model, tier_of))


@BOTH_WAYS
@COMMON
@given(plans())
def test_segment_allocation_adds_up_to_the_plan_total(in_memory, spec):
    plan, _model = build(spec, in_memory)
    total = as_sums(rollup(plan, Dimension.TOTAL)).get("total")
    segment_rows = as_sums(rollup(plan, Dimension.SEGMENT))
    if total is None:
        assert segment_rows == {}
        return
    summed = [None] * 18
    for values in segment_rows.values():
        add(summed, values)
    assert comparable({"t": summed})["t"] == total


@BOTH_WAYS
@COMMON
@given(plans(), st.sampled_from(CHANNELS))
def test_a_filtered_rollup_sums_only_the_initiatives_it_keeps(in_memory, spec, channel):
    plan, model = build(spec, in_memory)
    facts = model["facts"]
    wanted = plan.channels.named(channel).id
    kept = {"cells": [c for c in model["cells"] if facts[c[0]]["channel"] == wanted]}
    expected = comparable(naive(kept, lambda i, m: m))
    assert as_sums(rollup(plan, Dimension.MONTH, where=Filter(channel_ids=[wanted]))) == expected


@BOTH_WAYS
@COMMON
@given(plans(), st.integers(0, HORIZON - 1), st.integers(0, HORIZON - 1))
def test_a_month_range_sums_only_its_months(in_memory, spec, a, b):
    plan, model = build(spec, in_memory)
    horizon = plan.horizon.months()
    first, last = sorted((horizon[a], horizon[b]))
    kept = {"cells": [c for c in model["cells"] if first <= c[1] <= last]}
    expected = comparable(naive(kept, lambda i, m: i))
    assert as_sums(rollup(plan, Dimension.INITIATIVE, months=(first, last))) == expected


@BOTH_WAYS
@COMMON
@given(plans())
def test_a_filter_on_no_owner_keeps_exactly_the_initiatives_without_one(in_memory, spec):
    plan, model = build(spec, in_memory)
    facts = model["facts"]
    kept = {"cells": [c for c in model["cells"] if facts[c[0]]["owner"] is None]}
    expected = comparable(naive(kept, lambda i, m: m))
    assert as_sums(rollup(plan, Dimension.MONTH, where=Filter(owner_ids=[None]))) == expected
    assert as_sums(rollup(plan, Dimension.MONTH, where=Filter(teams=[None]))) == expected


@BOTH_WAYS
@COMMON
@given(plans())
def test_a_filter_on_an_owner_or_none_keeps_both(in_memory, spec):
    plan, model = build(spec, in_memory)
    facts = model["facts"]
    owners = sorted({f["owner"] for f in facts.values() if f["owner"] is not None})
    chosen = owners[:1]
    kept = {"cells": [c for c in model["cells"] if facts[c[0]]["owner"] in (*chosen, None)]}
    expected = comparable(naive(kept, lambda i, m: i))
    where = Filter(owner_ids=[*chosen, None])
    assert as_sums(rollup(plan, Dimension.INITIATIVE, where=where)) == expected
