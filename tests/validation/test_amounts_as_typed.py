"""Amounts typed the way people write them in a plan ("400k", "1.2M", "$45,000") reach every
money field through the one parser, and every refusal says why in one clear message."""

from __future__ import annotations

from validation_support import refused


def test_a_revenue_target_typed_as_400k_is_four_hundred_thousand(world):
    world.plan.initiatives.update(world.webinar, revenue_target="400k")
    assert world.plan.initiatives.get(world.webinar).revenue_target == 40_000_000


def test_a_budget_typed_with_the_plans_currency_sign_and_a_million_suffix_is_understood(world):
    world.plan.initiatives.update(world.webinar, budget="$1.2M")
    assert world.plan.initiatives.get(world.webinar).budget == 120_000_000


def test_an_actual_typed_in_thousands_is_understood(world):
    world.plan.values.set(world.webinar, "2026-03", "spend", actual="1.5k")
    assert world.plan.values.grid("spend")[(world.webinar, 202603)] == (200_000, 150_000)


def test_an_average_deal_size_typed_in_thousands_is_understood(world):
    world.plan.funnel.update(average_deal_size="45k")
    assert world.plan.funnel.get().average_deal_size == 4_500_000


def test_a_negative_shorthand_budget_is_refused_as_negative(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="-400k"),
        "budget",
        "negative",
    )


def test_an_amount_in_another_currency_is_refused_naming_the_plans(world):
    error = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="€45,000"),
        "budget",
        "not_a_number",
    )
    assert (
        str(error) == "Budget: '€45,000' is in another currency (€); this plan's amounts are in USD"
    )


def test_an_amount_too_large_for_the_file_is_refused_as_one_too_large_for_the_plan(world):
    beyond_the_plan = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="20,000,000,000,000"),
        "budget",
        "too_large",
    )
    beyond_the_file = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="99999999999999999999k"),
        "budget",
        "too_large",
    )
    assert (
        str(beyond_the_file)
        == str(beyond_the_plan)
        == ("Budget: must be at most $10,000,000,000,000")
    )
