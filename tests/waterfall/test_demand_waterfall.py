"""The demand waterfall: what the revenue target needs at each stage, beside what is planned
and actual, held to sums worked out independently (waterfall_oracle) on the demo plan and on
small hand-made plans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from waterfall_oracle import live_needs, live_sums

from planner import Plan
from planner.analysis import Analysis, Dimension, Filter
from planner.analysis.headline import live_only
from planner.analysis.waterfall import WATERFALL_STAGES, waterfall, waterfalls
from planner.domain import FunnelAssumptions, Metric
from planner.services.values import Kind, ValueEntry

STAGES = {
    Metric.REVENUE_WON: "revenue_won",
    Metric.DEALS_WON: "deals_won",
    Metric.OPPORTUNITIES: "opportunities",
    Metric.SQL: "sql",
    Metric.SAL: "sal",
    Metric.MQL: "mql",
    Metric.LEADS: "leads",
    Metric.PIPELINE: "pipeline",
}


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Plan]:
    with Plan.open(demo_path) as plan:
        # Overrides of a channel and of an initiative, so the oracle's precedence is used.
        plan.channels.set_rates(plan.initiatives.get(1).channel_id, mql_to_sal=0.8)
        plan.initiatives.set_rates(2, lead_to_mql=0.4, opportunity_to_won=0.3)
        yield plan


@pytest.fixture(params=["in_sql", "in_memory"])
def analysis(demo: Plan, request: pytest.FixtureRequest) -> Iterator[Analysis]:
    analysis = getattr(Analysis, request.param)(demo)
    yield analysis
    analysis.close()


def test_the_plans_needs_are_its_initiatives_needs_at_their_own_rates(
    demo: Plan, analysis: Analysis
) -> None:
    needs = live_needs(demo)

    (total,) = waterfall(analysis)

    for stage, name in STAGES.items():
        assert total.stage(stage).needed == sum(n[name] for n in needs.values()), stage


def test_each_initiatives_needs_match_the_plain_reverse_funnel(
    demo: Plan, analysis: Analysis
) -> None:
    needs = live_needs(demo)

    rows = {row.key: row for row in waterfall(analysis, Dimension.INITIATIVE)}

    for initiative, needed in needs.items():
        for stage, name in STAGES.items():
            assert rows[initiative].stage(stage).needed == needed[name]


def test_planned_and_actual_by_channel_are_the_sums_of_the_live_initiatives_rows(
    demo: Plan, analysis: Analysis
) -> None:
    channel_of = dict(demo.query("SELECT id, channel_id FROM initiatives"))

    rows = {row.key: row for row in waterfall(analysis, Dimension.CHANNEL)}

    for stage, name in STAGES.items():
        for kind in ("plan", "actual"):
            expected: dict[int, int] = {}
            for initiative, value in live_sums(demo, f"{name}_{kind}").items():
                channel = channel_of[initiative]
                expected[channel] = expected.get(channel, 0) + (value or 0)
            for channel, row in rows.items():
                gap = row.stage(stage)
                got = gap.planned if kind == "plan" else gap.actual
                assert (got or 0) == expected.get(channel, 0), (stage, kind, channel)


@pytest.mark.parametrize("by", [Dimension.SEGMENT, Dimension.TIER, Dimension.OWNER])
def test_every_grouping_adds_up_to_the_plans_needs_exactly(
    analysis: Analysis, by: Dimension
) -> None:
    total, grouped = waterfalls(analysis, [Dimension.TOTAL, by])

    for stage in WATERFALL_STAGES:
        assert sum(row.stage(stage).needed for row in grouped) == total[0].stage(stage).needed
        assert sum(row.stage(stage).planned for row in grouped) == total[0].stage(stage).planned


def test_the_rows_are_the_engines_groups_in_its_order(analysis: Analysis) -> None:
    for by in (Dimension.CHANNEL, Dimension.SEGMENT, Dimension.TIER, Dimension.INITIATIVE):
        live = analysis.rollup(by, where=live_only(None))
        assert [(r.key, r.label) for r in waterfall(analysis, by)] == [
            (r.key, r.label) for r in live
        ]


# -- small hand-made plans --------------------------------------------------------------------


def two_initiative_plan() -> Plan:
    """Two webinars of $100,000 target each (5 deals of $20,000); one converts every stage at
    100 % by its own rates, the other at the plan's; 40 MQLs planned in January each."""
    plan = Plan.in_memory()
    plan.funnel.update(lead_to_mql=0.5, mql_to_sal=0.5, sal_to_sql=0.5, sql_to_opportunity=0.5)
    plan.funnel.update(opportunity_to_won=0.5, average_deal_size="20,000")
    webinar = plan.channels.named("Webinar").id
    for name in ("Sure thing", "Usual"):
        plan.initiatives.add(
            name=name,
            channel_id=webinar,
            start_month="2026-01",
            end_month="2026-03",
            revenue_target="100,000",
        )
    sure = next(i.id for i in plan.initiatives.list() if i.name == "Sure thing")
    plan.initiatives.set_rates(
        sure,
        lead_to_mql=1,
        mql_to_sal=1,
        sal_to_sql=1,
        sql_to_opportunity=1,
        opportunity_to_won=1,
    )
    plan.values.set_many(
        [ValueEntry(i.id, 202601, Metric.MQL, Kind.PLANNED, 40) for i in plan.initiatives.list()]
    )
    return plan


def test_a_hand_made_plans_needs_are_worked_out_stage_by_stage() -> None:
    plan = two_initiative_plan()

    rows = {row.label: row for row in waterfall(Analysis.in_sql(plan), Dimension.INITIATIVE)}

    sure, usual = rows["Sure thing"], rows["Usual"]
    assert [sure.stage(m).needed for m in WATERFALL_STAGES] == [
        10_000_000,
        5,
        5,
        5,
        5,
        5,
        5,
        10_000_000,
    ]
    # 5 deals / 0.5 = 10 opportunities, 20 SQLs, 40 SALs, 80 MQLs, 160 leads.
    assert [usual.stage(m).needed for m in WATERFALL_STAGES] == [
        10_000_000,
        5,
        10,
        20,
        40,
        80,
        160,
        20_000_000,
    ]


def test_the_gap_is_planned_minus_needed_and_no_actual_has_no_gap() -> None:
    plan = two_initiative_plan()

    (total,) = waterfall(Analysis.in_sql(plan))

    mql = total.stage(Metric.MQL)
    assert (mql.needed, mql.planned, mql.planned_gap) == (85, 80, -5)
    assert (mql.actual, mql.actual_gap) == (None, None)


def test_an_actual_gap_is_actual_minus_needed() -> None:
    plan = two_initiative_plan()
    plan.values.set(plan.initiatives.list()[0].id, 202601, Metric.MQL, actual=30)

    (total,) = waterfall(Analysis.in_sql(plan))

    assert total.stage(Metric.MQL).actual_gap == 30 - 85


def test_a_dropped_initiative_needs_nothing_and_its_plan_is_not_counted() -> None:
    plan = two_initiative_plan()
    usual = next(i.id for i in plan.initiatives.list() if i.name == "Usual")
    plan.initiatives.update(usual, status="dropped")

    (total,) = waterfall(Analysis.in_sql(plan))

    assert (total.target, total.stage(Metric.MQL).needed) == (10_000_000, 5)
    assert total.stage(Metric.MQL).planned == 40


def test_a_what_if_works_the_needs_out_at_other_plan_rates_and_writes_nothing() -> None:
    plan = two_initiative_plan()
    before = plan.funnel.get()
    other = FunnelAssumptions(1.0, 1.0, 1.0, 1.0, 0.25, 1_000_000, 3.0)

    rows = {
        row.label: row
        for row in waterfall(Analysis.in_sql(plan), Dimension.INITIATIVE, assumptions=other)
    }

    # $100,000 in $10,000 deals is 10 deals; at 25 % to won, 40 opportunities and on up.
    assert rows["Usual"].stage(Metric.LEADS).needed == 40
    assert rows["Usual"].stage(Metric.PIPELINE).needed == 40 * 1_000_000
    assert rows["Sure thing"].stage(Metric.LEADS).needed == 10  # its own rates still win
    assert plan.funnel.get() == before


def test_a_filter_keeping_only_dropped_initiatives_has_no_rows() -> None:
    plan = two_initiative_plan()

    assert waterfall(Analysis.in_sql(plan), where=Filter(statuses=("dropped",))) == []
