"""Refused amounts, counts, rates and dates: the error names the field and the plan is unchanged."""

from __future__ import annotations

import pytest
from validation_support import refused

# -- money and numbers ------------------------------------------------------------------------


def test_a_negative_budget_is_refused_and_nothing_changes(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", budget=-1),
        "budget",
        "negative",
    )


def test_a_negative_budget_is_refused_on_update_and_nothing_changes(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="-5"),
        "budget",
        "negative",
    )


def test_a_negative_revenue_target_is_refused_and_nothing_changes(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", revenue_target="-80,000"),
        "revenue_target",
        "negative",
    )


def test_a_negative_revenue_target_is_refused_on_update_and_nothing_changes(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, revenue_target="(1,000)"),
        "revenue_target",
        "negative",
    )


def test_a_budget_in_words_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="abc"),
        "budget",
        "not_a_number",
    )


def test_a_budget_with_too_many_decimals_is_refused(world):
    error = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="1.234"),
        "budget",
        "not_a_number",
    )
    assert "2 decimal places" in str(error)


def test_a_budget_in_another_currency_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="€5,000"),
        "budget",
        "not_a_number",
    )


def test_a_fractional_number_is_not_taken_as_minor_units(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget=12.5),
        "budget",
        "type",
    )


def test_a_budget_too_large_to_store_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, budget="99,999,999,999,999,999,999"),
        "budget",
        "too_large",
    )


def test_a_count_with_words_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-04", "leads", planned="12 leads"),
        "planned leads",
        "not_a_number",
    )


def test_a_count_with_a_misplaced_comma_is_refused_not_misread(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-04", "leads", planned="1,2"),
        "planned leads",
        "not_a_number",
    )


def test_a_fractional_count_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-04", "deals_won", actual="1.5"),
        "actual deals won",
        "not_a_number",
    )


def test_a_negative_count_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-03", "mql", actual=-1),
        "actual mqls",
        "negative",
    )


def test_a_count_too_large_to_store_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-03", "leads", planned=10**20),
        "planned leads",
        "too_large",
    )


def test_a_money_value_with_too_many_decimals_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-03", "spend", actual="1.234"),
        "actual spend",
        "not_a_number",
    )


def test_a_negative_money_value_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-03", "revenue_won", actual="-1"),
        "actual revenue won",
        "negative",
    )


def test_an_mql_commitment_in_words_is_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.update(mqls_per_month="12 leads"),
        "mqls_per_month",
        "not_a_number",
    )


def test_a_followup_time_of_zero_hours_is_refused(world):
    refused(world, lambda: world.plan.handoff.update(followup_hours=0), "followup_hours", "range")


def test_an_infinite_followup_time_is_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.update(followup_hours=float("inf")),
        "followup_hours",
        "not_a_number",
    )


def test_a_followup_time_too_large_to_be_a_number_is_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.update(followup_hours="1" + "0" * 400),
        "followup_hours",
        "too_large",
    )


def test_negative_actual_followup_hours_are_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.set_followup_hours("2026-04", -2),
        "followup_hours",
        "negative",
    )


def test_an_average_deal_size_of_zero_is_refused(world):
    refused(
        world,
        lambda: world.plan.funnel.update(average_deal_size="0"),
        "average_deal_size",
        "range",
    )


def test_a_negative_minimum_return_ratio_is_refused(world):
    refused(
        world,
        lambda: world.plan.funnel.update(min_return_ratio=-1),
        "min_return_ratio",
        "negative",
    )


# -- rates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, "0%", 1.5, "150%", "100.5%", -0.1, "-15%"])
def test_a_conversion_rate_outside_zero_to_one_is_refused(world, value):
    refused(world, lambda: world.plan.funnel.update(lead_to_mql=value), "lead_to_mql", "range")


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("abc", "not_a_number"),
        ("1,5%", "not_a_number"),  # not read as 15 %
        ("15 percent", "not_a_number"),
        ("", "not_a_number"),
        (True, "type"),
        (None, "type"),
    ],
)
def test_a_conversion_rate_that_is_not_a_number_is_refused(world, value, rule):
    refused(world, lambda: world.plan.funnel.update(mql_to_sal=value), "mql_to_sal", rule)


def test_an_acceptance_rate_of_150_percent_is_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.update(acceptance_rate="150%"),
        "acceptance_rate",
        "range",
    )


def test_one_bad_rate_among_good_ones_changes_none_of_them(world):
    refused(
        world,
        lambda: world.plan.funnel.update(lead_to_mql="20%", sal_to_sql="150%"),
        "sal_to_sql",
        "range",
    )


# -- dates ------------------------------------------------------------------------------------


def test_an_end_month_before_the_start_is_refused_on_add(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", start_month="2026-05", end_month="2026-04"),
        "end_month",
        "end_before_start",
    )


def test_moving_only_the_start_past_the_end_is_refused(world):
    error = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, start_month="2026-07"),
        "start_month",
        "end_before_start",
    )
    assert "Jun 2026" in str(error)
    assert "Jul 2026" in str(error)


def test_moving_only_the_end_before_the_start_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, end_month=202601),
        "end_month",
        "end_before_start",
    )


def test_a_start_month_that_is_not_a_month_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, start_month="2026-13"),
        "start_month",
        "month",
    )
