"""A refusal names the field the way the app's pages do ("Revenue target"), never by the
key the code uses (``revenue_target``)."""

from __future__ import annotations

import pytest
from validation_support import refused

from planner.field_labels import field_label


def test_a_refused_amount_names_the_field_as_the_page_does(world):
    error = refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, revenue_target="lots"),
        "revenue_target",
        "not_a_number",
    )
    assert str(error) == (
        "Revenue target: 'lots' is not an amount in USD (write it like 25,000.00, 400k or 1.2M)"
    )


def test_a_refused_second_owner_names_the_role(world):
    error = refused(
        world,
        lambda: world.plan.roles.set(world.webinar, world.bob, "A"),
        "role",
        "second_accountable",
    )
    assert str(error).startswith("Role: 'Webinar series' already has an Accountable owner")


def test_a_refused_monthly_value_names_the_metric_with_its_capitals(world):
    error = refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2026-04", "mql", planned="lots"),
        "planned mqls",
        "not_a_number",
    )
    assert str(error) == "Planned MQLs: 'lots' is not a whole number"


def test_a_refused_setting_names_it_as_the_settings_page_does(world):
    error = refused(
        world,
        lambda: world.plan.funnel.update(average_deal_size=0),
        "average_deal_size",
        "range",
    )
    assert str(error) == "Average deal size: must be above zero"


def test_a_refusal_of_an_input_row_names_the_row_then_the_field():
    from planner import ValidationError

    error = ValidationError("end_month", "month", "is not a month", row="row 4")
    assert str(error) == "row 4: End: is not a month"


@pytest.mark.parametrize(
    ("key", "label"),
    [("channel_name", "Channel name"), ("quality_bar", "Quality bar"), ("--to", "--to")],
)
def test_a_field_without_a_label_of_its_own_reads_as_words(key, label):
    assert field_label(key) == label
