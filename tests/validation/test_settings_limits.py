"""The hand-off agreement and the minimum return ratio take values up to a limit of their own,
far beyond any real plan, that every screen can show as it is (found by the content property
of issue 15: 10**15 MQLs a month was accepted, and the Plan settings page then crashed)."""

from __future__ import annotations

import pytest

from planner import Plan, ValidationError
from planner.assumptions import MAX_FOLLOWUP_HOURS, MAX_MQLS_PER_MONTH, MAX_RETURN_RATIO


@pytest.fixture
def plan() -> Plan:
    return Plan.in_memory()


def test_mqls_per_month_above_the_limit_are_refused_naming_the_field(plan):
    with pytest.raises(ValidationError) as refused:
        plan.handoff.update(mqls_per_month=MAX_MQLS_PER_MONTH + 1)
    assert refused.value.field == "mqls_per_month"
    assert f"{MAX_MQLS_PER_MONTH:,}" in str(refused.value)


def test_follow_up_hours_above_the_limit_are_refused_naming_the_field(plan):
    with pytest.raises(ValidationError) as refused:
        plan.handoff.update(followup_hours=MAX_FOLLOWUP_HOURS + 1)
    assert refused.value.field == "followup_hours"


def test_a_minimum_return_ratio_above_the_limit_is_refused_naming_the_field(plan):
    with pytest.raises(ValidationError) as refused:
        plan.funnel.update(min_return_ratio=MAX_RETURN_RATIO + 1)
    assert refused.value.field == "min_return_ratio"


def test_the_limits_themselves_are_taken(plan):
    plan.handoff.update(mqls_per_month=MAX_MQLS_PER_MONTH, followup_hours=MAX_FOLLOWUP_HOURS)
    plan.funnel.update(min_return_ratio=MAX_RETURN_RATIO)

    assert plan.handoff.get().mqls_per_month == MAX_MQLS_PER_MONTH
    assert plan.handoff.get().followup_hours == MAX_FOLLOWUP_HOURS
    assert plan.funnel.get().min_return_ratio == MAX_RETURN_RATIO


def test_a_plans_own_follow_up_hours_of_a_month_stay_within_the_same_limit(plan):
    with pytest.raises(ValidationError) as refused:
        plan.handoff.set_followup_hours("2026-01", MAX_FOLLOWUP_HOURS + 1)
    assert refused.value.field == "followup_hours"
