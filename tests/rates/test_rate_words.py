"""How a rate reads on every surface: as a percentage, typed as one, and with where it comes
from; and the rate an initiative's own would replace."""

from __future__ import annotations

import pytest

from planner import Plan
from planner.analysis.rates import RateLevel, read_initiative_rates, read_rates
from planner.rate_words import inherited_text, percent_text, typed_percent, where_from


@pytest.mark.parametrize(
    ("rate", "shown"), [(0.15, "15%"), (0.125, "12.5%"), (1.0, "100%"), (None, "")]
)
def test_a_rate_reads_as_a_percentage(rate, shown):
    assert percent_text(rate) == shown


@pytest.mark.parametrize(
    ("typed", "given"),
    [
        ("45", "45%"),
        (" 45 % ", "45 %"),
        ("12.5", "12.5%"),
        ("", None),
        ("  ", None),
        ("abc", "abc"),
    ],
)
def test_a_typed_percentage_goes_to_the_core_as_one(typed, given):
    assert typed_percent(typed) == given


def test_an_inherited_rate_says_where_it_comes_from():
    assert inherited_text(0.2, RateLevel.CHANNEL) == "20% from the channel"


@pytest.fixture
def plan() -> Plan:
    plan = Plan.in_memory()
    event = plan.channels.named("Event").id
    plan.initiatives.add(name="Booth", channel_id=event)
    plan.channels.set_rates(event, mql_to_sal="45%")
    return plan


def booth(plan: Plan) -> int:
    return plan.initiatives.list()[0].id


def test_the_rate_an_override_would_replace_is_the_channels_else_the_plans(plan):
    plan.initiatives.set_rates(booth(plan), mql_to_sal="30%", lead_to_mql="25%")
    rates = read_rates(plan)

    assert rates.inherited(booth(plan), "mql_to_sal") == (0.45, RateLevel.CHANNEL)
    lead = plan.funnel.get().lead_to_mql
    assert rates.inherited(booth(plan), "lead_to_mql") == (lead, RateLevel.PLAN)


def test_one_initiatives_rates_read_alone_are_as_all_of_them_read(plan):
    plan.initiatives.set_rates(booth(plan), sal_to_sql="65%")
    alone, every = read_initiative_rates(plan, booth(plan)), read_rates(plan)

    assert alone.of_initiative(booth(plan)) == every.of_initiative(booth(plan))
    assert (
        where_from(alone, booth(plan))
        == where_from(every, booth(plan))
        == ("SAL → SQL its own; MQL → SAL from the channel; the rest from the plan")
    )
