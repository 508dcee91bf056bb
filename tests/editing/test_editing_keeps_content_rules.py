"""Edits keep the rules the content check holds a plan to on open, so it never refuses a plan
the app wrote: no total beyond validation.MAX_TOTAL (every sum the app computes fits in 64-bit
integers), no value in a month outside the horizon."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import Kind, Metric, Plan, ValidationError, ValueEntry
from planner.validation import MAX_NUMBER, MAX_TOTAL

# How many of the largest values a column holds before its total passes the limit.
AT_LIMIT = MAX_TOTAL // MAX_NUMBER


def spend_entries(plan: Plan, count: int) -> list[ValueEntry]:
    """``count`` planned spends of MAX_NUMBER each, over as many initiatives as they need."""
    months = plan.horizon.months()
    entries = []
    for number in range(-(-count // len(months))):
        plan.initiatives.add(name=f"Campaign {number}")
        initiative = plan.initiatives.list()[-1].id
        for month in months[: count - len(entries)]:
            entries.append(ValueEntry(initiative, month, Metric.SPEND, Kind.PLANNED, MAX_NUMBER))
    return entries


def test_values_adding_up_beyond_the_limit_are_refused_and_none_is_written():
    plan = Plan.in_memory(months=120)
    entries = spend_entries(plan, AT_LIMIT + 1)

    with pytest.raises(ValidationError) as refused:
        plan.values.set_many(entries)

    assert refused.value.rule == "total_too_large"
    assert "Planned spend: the plan's total would be beyond $" in str(refused.value)
    assert plan.values.grid(Metric.SPEND) == {}


def test_values_up_to_the_limit_are_kept_and_the_plan_opens_again(tmp_path: Path):
    path = tmp_path / "full.smplan"
    with Plan.create(path, name="Full", first_month="2026-01", months=120) as plan:
        plan.values.set_many(spend_entries(plan, AT_LIMIT))

    with Plan.open(path, read_only=True) as plan:
        assert len(plan.values.grid(Metric.SPEND)) == AT_LIMIT


def plan_of_largest_budgets() -> Plan:
    """A plan whose budgets add up to just within the limit: as many initiatives as fit, each
    with the largest budget."""
    plan = Plan.in_memory()
    with plan.batch():
        for number in range(AT_LIMIT):
            plan.initiatives.add(name=f"Campaign {number}", budget=MAX_NUMBER)
    return plan


def test_budgets_adding_up_beyond_the_limit_are_refused():
    plan = plan_of_largest_budgets()

    with pytest.raises(ValidationError, match="Budget: the plan's total would be beyond"):
        plan.initiatives.add(name="One too many", budget=MAX_NUMBER)

    assert plan.initiatives.count() == AT_LIMIT


def test_a_copy_that_would_take_a_total_beyond_the_limit_is_refused():
    plan = plan_of_largest_budgets()

    with pytest.raises(ValidationError) as refused:
        plan.initiatives.duplicate(plan.initiatives.list()[0].id)

    assert (refused.value.field, refused.value.rule) == ("budget", "total_too_large")
    assert plan.initiatives.count() == AT_LIMIT


def test_an_initiative_restored_after_the_horizon_moved_off_its_months_is_refused():
    plan = Plan.in_memory(first_month="2026-01", months=12)
    plan.initiatives.add(name="Spring push")
    initiative = plan.initiatives.list()[0].id
    plan.values.set(initiative, "2026-01", Metric.LEADS, planned=40)
    snapshot = plan.initiatives.snapshot(initiative)
    plan.initiatives.delete(initiative)
    plan.settings.update(first_month="2026-02")

    with pytest.raises(ValidationError, match="outside the plan"):
        plan.initiatives.restore(snapshot)

    assert plan.initiatives.count() == 0
