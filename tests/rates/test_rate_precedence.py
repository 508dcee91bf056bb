"""Conversion rates by channel and by initiative: the most specific rate applies, one stage at
a time (initiative, then channel, then the plan's), and every edit is validated and announced."""

from __future__ import annotations

import pytest

from planner import Plan
from planner.analysis import Analysis
from planner.analysis.rates import RateLevel, most_specific, read_rates
from planner.changes import Action, Entity
from planner.checks.run import run_checks
from planner.domain import FunnelAssumptions, Metric, RateOverrides
from planner.errors import ValidationError
from planner.services.values import Kind, ValueEntry


@pytest.fixture
def plan() -> Plan:
    plan = Plan.in_memory()
    plan.initiatives.add(
        name="Demo days",
        channel_id=plan.channels.named("Event").id,
        start_month="2026-01",
        end_month="2026-06",
        revenue_target=10_000_000,
    )
    plan.initiatives.add(
        name="Guides",
        channel_id=plan.channels.named("Content").id,
        start_month="2026-01",
        end_month="2026-06",
        revenue_target=10_000_000,
    )
    return plan


def ids(plan: Plan) -> tuple[int, int, int]:
    by_name = {i.name: i for i in plan.initiatives.list()}
    return by_name["Demo days"].id, by_name["Guides"].id, by_name["Demo days"].channel_id


def test_without_overrides_an_initiative_gets_the_plans_rates(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)

    assert read_rates(plan).of_initiative(demo) == plan.funnel.get()


def test_a_channels_rate_applies_to_its_initiatives_only(plan: Plan) -> None:
    demo, guides, event = ids(plan)
    plan.channels.set_rates(event, mql_to_sal=0.9)

    rates = read_rates(plan)

    assert rates.of_initiative(demo).mql_to_sal == 0.9
    assert rates.of_initiative(guides).mql_to_sal == plan.funnel.get().mql_to_sal


def test_an_initiatives_rate_wins_over_its_channels(plan: Plan) -> None:
    demo, _guides, event = ids(plan)
    plan.channels.set_rates(event, mql_to_sal=0.9, sal_to_sql=0.8)
    plan.initiatives.set_rates(demo, mql_to_sal=0.3)

    rates = read_rates(plan).of_initiative(demo)

    assert (rates.mql_to_sal, rates.sal_to_sql) == (0.3, 0.8)
    assert rates.lead_to_mql == plan.funnel.get().lead_to_mql


def test_each_rate_says_where_it_comes_from(plan: Plan) -> None:
    demo, _guides, event = ids(plan)
    plan.channels.set_rates(event, sal_to_sql=0.8)
    plan.initiatives.set_rates(demo, mql_to_sal=0.3)

    rates = read_rates(plan)

    assert [rates.level(demo, r) for r in ("mql_to_sal", "sal_to_sql", "lead_to_mql")] == [
        RateLevel.INITIATIVE,
        RateLevel.CHANNEL,
        RateLevel.PLAN,
    ]


def test_the_deal_size_is_the_plans_whatever_the_overrides() -> None:
    plan_rates = FunnelAssumptions(0.1, 0.2, 0.3, 0.4, 0.5, 123, 3.0)

    chosen = most_specific(plan_rates, RateOverrides(lead_to_mql=0.6), RateOverrides(0.7))

    assert chosen == FunnelAssumptions(0.7, 0.2, 0.3, 0.4, 0.5, 123, 3.0)


def test_a_what_if_changes_the_plans_rates_under_the_overrides(plan: Plan) -> None:
    demo, guides, _event = ids(plan)
    plan.initiatives.set_rates(demo, lead_to_mql=0.5)
    other = FunnelAssumptions(0.25, 0.5, 0.5, 0.5, 0.5, 5_000_000, 3.0)

    rates = read_rates(plan).with_plan(other)

    assert rates.of_initiative(demo).lead_to_mql == 0.5
    assert rates.of_initiative(guides) == other
    assert plan.funnel.get() != other  # nothing written


def test_a_rate_typed_as_a_percentage_is_taken(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)

    plan.initiatives.set_rates(demo, mql_to_sal="45%")

    assert plan.initiatives.rates(demo) == RateOverrides(mql_to_sal=0.45)


def test_an_override_set_to_none_goes_back_to_the_more_general_rate(plan: Plan) -> None:
    demo, _guides, event = ids(plan)
    plan.channels.set_rates(event, mql_to_sal=0.9)
    plan.initiatives.set_rates(demo, mql_to_sal=0.3)

    plan.initiatives.set_rates(demo, mql_to_sal=None)

    assert read_rates(plan).of_initiative(demo).mql_to_sal == 0.9


@pytest.mark.parametrize("value", [0, 1.5, -0.2, "0%", "101%", "lots"])
def test_an_initiative_rate_outside_0_to_1_is_refused_naming_the_field(
    plan: Plan, value: object
) -> None:
    demo, _guides, _event = ids(plan)
    plan.initiatives.set_rates(demo, sal_to_sql=0.4)

    with pytest.raises(ValidationError) as refused:
        plan.initiatives.set_rates(demo, sal_to_sql=value, mql_to_sal=0.5)

    assert refused.value.field == "sal_to_sql"
    assert plan.initiatives.rates(demo) == RateOverrides(sal_to_sql=0.4)


def test_a_channel_rate_outside_0_to_1_is_refused_naming_the_field(plan: Plan) -> None:
    _demo, _guides, event = ids(plan)

    with pytest.raises(ValidationError) as refused:
        plan.channels.set_rates(event, opportunity_to_won=2)

    assert refused.value.field == "opportunity_to_won"
    assert plan.channels.rates(event) == RateOverrides()


def test_a_field_that_is_no_stage_rate_is_refused(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)

    with pytest.raises(ValidationError) as refused:
        plan.initiatives.set_rates(demo, average_deal_size=5)

    assert refused.value.field == "average_deal_size"


def test_an_initiative_rate_edit_is_one_change_of_that_initiative(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)
    heard = []
    plan.subscribe(heard.append)

    change = plan.initiatives.set_rates(demo, lead_to_mql=0.2, mql_to_sal=0.6)

    assert (change.entity, change.action, change.ids) == (
        Entity.INITIATIVES,
        Action.UPDATED,
        frozenset({demo}),
    )
    assert change.fields == {"lead_to_mql", "mql_to_sal"}
    assert [c.changes for c in heard] == [(change,)]


def test_setting_the_old_rates_back_undoes_an_edit(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)
    before = plan.initiatives.rates(demo)
    plan.initiatives.set_rates(demo, lead_to_mql=0.2)

    plan.initiatives.set_rates(demo, lead_to_mql=before.lead_to_mql)

    assert plan.initiatives.rates(demo) == before


def test_a_deleted_initiative_comes_back_with_its_rates(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)
    plan.initiatives.set_rates(demo, sql_to_opportunity=0.7)
    snapshot = plan.initiatives.snapshot(demo)
    plan.initiatives.delete(demo)

    plan.initiatives.restore(snapshot)

    assert plan.initiatives.rates(demo) == RateOverrides(sql_to_opportunity=0.7)


def test_the_thin_funnel_check_uses_the_initiatives_own_rates(plan: Plan) -> None:
    demo, _guides, _event = ids(plan)
    # A $100,000 target is 5 deals of $20,000: at the plan's rates, 68 MQLs; 40 are planned.
    plan.values.set_many([ValueEntry(demo, 202601, Metric.MQL, Kind.PLANNED, 40)])

    def thin() -> bool:
        findings = run_checks(Analysis.in_sql(plan))
        return any(f.rule == "thin_funnel" and f.initiative == "Demo days" for f in findings)

    assert thin()
    plan.initiatives.set_rates(
        demo, mql_to_sal=1, sal_to_sql=1, sql_to_opportunity=1, opportunity_to_won=1
    )
    assert not thin()  # 5 deals need 5 MQLs at its own rates
