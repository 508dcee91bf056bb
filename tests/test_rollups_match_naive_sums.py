"""The roll-ups equal the naive sums of the SQL oracle (tests/rollup_oracle.py), to the cent,
for any plan, from either source of sums; and they list every group the engine promises:
every period of the months asked for, every group holding an initiative the filter keeps."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rollup_oracle import listed, oracle

from planner import MonthRow, Plan
from planner import months as month_math
from planner.analysis import Analysis, Dimension, Filter
from planner.analysis.sums import NOTHING, Totals
from planner.domain import Metric, Team, Tier
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


def build(spec) -> Plan:
    start_month, first, tiers, teams, initiatives, cells = spec
    plan = Plan.in_memory(first_month=first, months=HORIZON, fiscal_year_start=start_month)
    segment_ids = [plan.segments.add(name=f"S{n}", tier=t).id for n, t in enumerate(tiers)]
    people = [plan.people.add(name=f"P{n}", team=t).id for n, t in enumerate(teams)]
    plan.channels.move(plan.channels.add(name=ADDED_CHANNEL).id, 0)
    channel_ids = {c.name: c.id for c in plan.channels.list()}
    ids = [
        plan.initiatives.add(
            name=f"I{number}",
            channel_id=channel_ids[channel],
            segment_ids=[segment_ids[s] for s in sorted(aimed)],
            owner_id=people[owner] if owner is not None else None,
        ).id
        for number, (channel, aimed, owner) in enumerate(initiatives)
    ]
    horizon = plan.horizon.months()
    rows = [MonthRow(ids[i], horizon[m], values) for (i, m), values in cells.items()]
    if rows:
        plan.values.load_months(rows)
    return plan


def sums_of(totals: Totals) -> tuple:
    return tuple(x for metric in Metric for x in (totals.planned[metric], totals.actual[metric]))


def assert_as_the_oracle(
    analysis: Analysis,
    dimension: Dimension,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
) -> None:
    """The engine's rows hold the oracle's sums for every group holding a value, nothing in
    the others, and list exactly the groups the engine promises, once each."""
    rows = analysis.rollup(dimension, months=months, where=where)
    got = {row.key: sums_of(row.totals) for row in rows}
    expected = oracle(analysis.plan, dimension, months, where)
    assert len(got) == len(rows), dimension
    assert set(got) == listed(analysis.plan, dimension, months, where), dimension
    assert {k: got[k] for k in expected} == expected, dimension
    assert all(got[k] == NOTHING for k in got.keys() - expected.keys()), dimension


SOURCES = pytest.mark.parametrize(
    "source", [Analysis.in_sql, Analysis.in_memory], ids=["in-sql", "from-memory"]
)
COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# An initiative aimed at no segment, holding no value: listed under "(no segment)", zeros.
UNAIMED_AND_EMPTY = (1, 202601, [], [], [("Content", set(), None)], {})
# Initiatives with and without an owner, values only in the one without.
ONE_WITHOUT_OWNER = (
    1,
    202601,
    [],
    [Team.MARKETING],
    [("Content", set(), 0), ("Paid", set(), None)],
    {(1, 0): (1,) + (None,) * 17},
)


@SOURCES
@COMMON
@given(plans())
@example(UNAIMED_AND_EMPTY)
@example(ONE_WITHOUT_OWNER)
def test_every_rollup_equals_the_oracle(source, spec):
    analysis = source(build(spec))
    for dimension in Dimension:
        assert_as_the_oracle(analysis, dimension)


@SOURCES
@COMMON
@given(plans(), st.integers(0, HORIZON - 1), st.integers(0, HORIZON - 1))
@example(UNAIMED_AND_EMPTY, 0, 2)
def test_a_month_range_sums_only_its_months(source, spec, a, b):
    analysis = source(build(spec))
    horizon = analysis.plan.horizon.months()
    months = tuple(sorted((horizon[a], horizon[b])))
    for dimension in Dimension:
        assert_as_the_oracle(analysis, dimension, months)


@SOURCES
@COMMON
@given(
    plans(),
    st.integers(0, HORIZON - 1),
    st.integers(0, HORIZON - 1),
    st.integers(-1, HORIZON),  # from the month before the plan to the one after it
)
@example(UNAIMED_AND_EMPTY, 0, 2, -1)
def test_actuals_to_date_beside_the_periods_plan_are_the_two_rollups_in_one(source, spec, a, b, t):
    analysis = source(build(spec))
    horizon = analysis.plan.horizon.months()
    months = (min(horizon[a], horizon[b]), max(horizon[a], horizon[b]))
    through = month_math.add(horizon[0], t)
    last = min(months[1], through)
    nothing = Totals.of(NOTHING).actual
    for dimension in Dimension:
        both = analysis.rollup(dimension, months=months, actual_through=through)
        planned = {row.key: row.totals.planned for row in analysis.rollup(dimension, months=months)}
        to_date = (
            {
                row.key: row.totals.actual
                for row in analysis.rollup(dimension, months=(months[0], last))
            }
            if last >= months[0]
            else {}
        )
        assert [row.key for row in both] == list(planned), dimension
        for row in both:
            assert row.totals.planned == planned[row.key], (dimension, row.key)
            assert row.totals.actual == to_date.get(row.key, nothing), (dimension, row.key)


@SOURCES
@COMMON
@given(plans(), st.sampled_from(CHANNELS))
def test_a_filtered_rollup_sums_only_the_initiatives_it_keeps(source, spec, channel):
    analysis = source(build(spec))
    where = Filter(channel_ids=[analysis.plan.channels.named(channel).id])
    for dimension in Dimension:
        assert_as_the_oracle(analysis, dimension, where=where)


@SOURCES
@COMMON
@given(plans())
@example(ONE_WITHOUT_OWNER)
@example(UNAIMED_AND_EMPTY)
def test_a_filter_on_no_owner_keeps_exactly_the_initiatives_without_one(source, spec):
    analysis = source(build(spec))
    for where in (Filter(owner_ids=[None]), Filter(teams=[None])):
        for dimension in Dimension:
            assert_as_the_oracle(analysis, dimension, where=where)


@SOURCES
@COMMON
@given(plans())
def test_a_filter_on_an_owner_or_none_keeps_both(source, spec):
    analysis = source(build(spec))
    owners = [p.id for p in analysis.plan.people.list()][:1]
    where = Filter(owner_ids=[*owners, None])
    for dimension in Dimension:
        assert_as_the_oracle(analysis, dimension, where=where)


@SOURCES
@COMMON
@given(plans())
def test_a_filter_on_a_tier_keeps_the_initiatives_aimed_at_it(source, spec):
    analysis = source(build(spec))
    for dimension in Dimension:
        assert_as_the_oracle(analysis, dimension, where=Filter(tiers=[Tier.CORE]))


@SOURCES
@COMMON
@given(plans())
@example(UNAIMED_AND_EMPTY)
def test_segment_and_tier_allocation_adds_up_to_the_plan_total(source, spec):
    analysis = source(build(spec))
    total = sums_of(analysis.total())
    for dimension in (Dimension.SEGMENT, Dimension.TIER):
        summed = NOTHING
        for row in analysis.rollup(dimension):
            summed = tuple(
                a if b is None else b if a is None else a + b
                for a, b in zip(summed, sums_of(row.totals), strict=True)
            )
        assert summed == total, dimension


@SOURCES
@COMMON
@given(plans())
def test_rows_come_in_the_plans_order(source, spec):
    analysis = source(build(spec))
    plan = analysis.plan
    channels = [c.id for c in plan.channels.list()]
    keys = [row.key for row in analysis.rollup(Dimension.CHANNEL)]
    assert keys == sorted(keys, key=channels.index)
    names = [row.label for row in analysis.rollup(Dimension.INITIATIVE)]
    assert names == sorted(names, key=str.casefold)
    months = [row.key for row in analysis.rollup(Dimension.MONTH)]
    assert months == plan.horizon.months()
    segments = [s.id for s in plan.segments.list()]
    keys = [row.key for row in analysis.rollup(Dimension.SEGMENT)]
    assert keys == sorted(keys, key=lambda k: (k is None, k is not None and segments.index(k)))


@pytest.mark.parametrize(
    "source", [Analysis.in_sql, Analysis.in_memory], ids=["in-sql", "from-memory"]
)
def test_an_initiative_aimed_at_no_segment_with_no_values_is_listed_with_nothing(source):
    analysis = source(build(UNAIMED_AND_EMPTY))
    rows = analysis.rollup(Dimension.SEGMENT)
    assert [(row.key, row.label, sums_of(row.totals)) for row in rows] == [
        (None, "(no segment)", NOTHING)
    ]
