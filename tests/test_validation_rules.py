"""Every validation rule: the edit is refused with a ValidationError naming the field and the
rule, the plan is exactly as it was, and no change set is announced."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pytest

from planner import ChangeSet, MonthRow, Plan, ValidationError, ValueEntry


@dataclass
class World:
    plan: Plan
    ann: int  # Marketing, owns the webinar
    bob: int  # Sales, Responsible on the webinar
    core: int
    edge: int
    webinar: int  # Feb to Jun 2026, aimed at core, values in March
    seen: list[ChangeSet] = field(default_factory=list)


@pytest.fixture
def world() -> World:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    ann = plan.people.add(name="Ann Lee", team="Marketing", email="ann@example.com").id
    bob = plan.people.add(name="Bob Ray", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel="webinar",
        start_month="2026-02",
        end_month="2026-06",
        budget="10,000",
        revenue_target="80,000",
        segment_ids=[core],
        owner_id=ann,
    ).id
    plan.roles.set(webinar, bob, "R")
    plan.values.set(webinar, "2026-03", "mql", planned=40, actual=35)
    plan.values.set(webinar, "2026-03", "spend", planned="2,000")
    plan.handoff.set_followup_hours("2026-03", 5)
    w = World(plan, ann, bob, core, edge, webinar)
    plan.subscribe(w.seen.append)
    return w


def state(plan: Plan) -> dict[str, Any]:
    """Everything a plan holds, as its services report it (and the raw value rows)."""
    initiatives = plan.initiatives.list()
    return {
        "settings": plan.settings.get(),
        "horizon": plan.horizon,
        "currency": plan.currency,
        "funnel": plan.funnel.get(),
        "handoff": plan.handoff.get(),
        "followups": plan.handoff.followup_hours(),
        "people": plan.people.list(),
        "segments": plan.segments.list(),
        "initiatives": initiatives,
        "roles": plan.roles.all(),
        "values": {i.id: plan.values.for_initiative(i.id) for i in initiatives},
        "rows": plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month"),
    }


def refused(w: World, edit, field_name: str, rule: str) -> ValidationError:
    """Run ``edit``; it must raise the rule on the field and leave no trace."""
    w.seen.clear()
    before = state(w.plan)
    with pytest.raises(ValidationError) as caught:
        edit()
    error = caught.value
    assert (error.field, error.rule) == (field_name, rule)
    assert field_name in str(error)
    assert state(w.plan) == before
    assert w.seen == []
    return error


# -- money and numbers ------------------------------------------------------------------------


def test_a_negative_budget_is_refused_and_nothing_changes(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", channel="paid", budget=-1),
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
        lambda: world.plan.initiatives.add(name="Ads", channel="paid", revenue_target="-80,000"),
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
        lambda: world.plan.initiatives.add(
            name="Ads", channel="paid", start_month="2026-05", end_month="2026-04"
        ),
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


# -- unknown records --------------------------------------------------------------------------


def test_an_unknown_owner_is_refused_on_add(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", channel="paid", owner_id=999),
        "owner_id",
        "unknown",
    )


def test_an_unknown_person_cannot_get_a_role(world):
    refused(world, lambda: world.plan.roles.set(world.webinar, 999, "C"), "person", "unknown")


def test_an_unknown_person_cannot_be_made_owner(world):
    refused(world, lambda: world.plan.roles.set_owner(world.webinar, 999), "person", "unknown")


def test_updating_an_unknown_person_is_refused(world):
    refused(world, lambda: world.plan.people.update(999, title="CMO"), "person", "unknown")


def test_deleting_an_unknown_person_is_refused(world):
    refused(world, lambda: world.plan.people.delete(999), "person", "unknown")


def test_a_person_id_that_is_not_a_number_is_refused(world):
    refused(world, lambda: world.plan.people.update("1", title="CMO"), "person", "type")


def test_an_unknown_segment_is_refused_on_add(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(
            name="Ads", channel="paid", segment_ids=[world.core, 999]
        ),
        "segment_ids",
        "unknown",
    )


def test_aiming_at_an_unknown_segment_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.set_segments(world.webinar, [world.edge, 999]),
        "segment_ids",
        "unknown",
    )


def test_a_segment_id_that_is_not_a_number_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.set_segments(world.webinar, [str(world.edge)]),
        "segment_ids",
        "type",
    )


def test_updating_an_unknown_segment_is_refused(world):
    refused(world, lambda: world.plan.segments.update(999, tier="edge"), "segment", "unknown")


def test_deleting_an_unknown_segment_is_refused(world):
    refused(world, lambda: world.plan.segments.delete(999), "segment", "unknown")


def test_updating_an_unknown_initiative_is_refused(world):
    refused(
        world, lambda: world.plan.initiatives.update(999, status="active"), "initiative", "unknown"
    )


def test_deleting_an_unknown_initiative_is_refused(world):
    refused(world, lambda: world.plan.initiatives.delete(999), "initiative", "unknown")


def test_duplicating_an_unknown_initiative_is_refused(world):
    refused(world, lambda: world.plan.initiatives.duplicate(999), "initiative", "unknown")


def test_aiming_an_unknown_initiative_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.set_segments(999, [world.core]),
        "initiative",
        "unknown",
    )


def test_a_role_on_an_unknown_initiative_is_refused(world):
    refused(world, lambda: world.plan.roles.set(999, world.bob, "I"), "initiative", "unknown")


def test_a_value_for_an_unknown_initiative_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(999, "2026-03", "mql", planned=1),
        "initiative",
        "unknown",
    )


# -- roles ------------------------------------------------------------------------------------


def test_a_second_accountable_on_one_initiative_is_refused(world):
    error = refused(
        world,
        lambda: world.plan.roles.set(world.webinar, world.bob, "Accountable"),
        "role",
        "second_accountable",
    )
    assert "Ann Lee" in str(error)


# -- the horizon ------------------------------------------------------------------------------


def test_a_value_for_a_month_outside_the_horizon_is_refused(world):
    error = refused(
        world,
        lambda: world.plan.values.set(world.webinar, "2027-01", "mql", planned=5),
        "month",
        "outside_horizon",
    )
    assert "Jan 2026 to Dec 2026" in str(error)


def test_a_value_for_a_month_before_the_horizon_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, 202512, "mql", actual=5),
        "month",
        "outside_horizon",
    )


def test_a_value_for_something_that_is_not_a_month_is_refused(world):
    refused(
        world,
        lambda: world.plan.values.set(world.webinar, "March", "mql", planned=5),
        "month",
        "month",
    )


def test_followup_hours_for_a_month_outside_the_horizon_are_refused(world):
    refused(
        world,
        lambda: world.plan.handoff.set_followup_hours("2025-12", 3),
        "month",
        "outside_horizon",
    )


def test_shrinking_the_horizon_past_months_holding_values_is_refused(world):
    error = refused(
        world, lambda: world.plan.settings.update(months=2), "horizon", "values_outside"
    )
    assert "Mar 2026" in str(error)


def test_moving_the_horizon_start_past_months_holding_values_is_refused(world):
    refused(
        world,
        lambda: world.plan.settings.update(first_month="2026-04"),
        "horizon",
        "values_outside",
    )


def test_shrinking_the_horizon_past_followup_hours_is_refused_and_says_so(world):
    world.plan.handoff.set_followup_hours("2026-11", 8)
    error = refused(
        world, lambda: world.plan.settings.update(months=10), "horizon", "values_outside"
    )
    assert "follow-up hours of 1 month" in str(error)
    assert "initiative" not in str(error)


@pytest.mark.parametrize("count", [0, 121, "-3"])
def test_a_horizon_of_no_months_or_over_120_is_refused(world, count):
    rule = "negative" if count == "-3" else "range"
    refused(world, lambda: world.plan.settings.update(months=count), "months", rule)


# -- names ------------------------------------------------------------------------------------


def test_a_duplicate_person_name_is_refused_in_any_case(world):
    error = refused(
        world,
        lambda: world.plan.people.add(name="  ann   LEE ", team="Sales"),
        "name",
        "duplicate",
    )
    assert "Ann Lee" in str(error)


def test_a_duplicate_segment_name_is_refused_in_any_case(world):
    refused(
        world,
        lambda: world.plan.segments.add(name="AGENCIES", tier="core"),
        "name",
        "duplicate",
    )


def test_a_duplicate_initiative_name_is_refused_in_any_case(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="webinar Series", channel="event"),
        "name",
        "duplicate",
    )


def test_renaming_a_person_to_another_persons_name_is_refused(world):
    refused(
        world,
        lambda: world.plan.people.update(world.bob, name="ANN LEE"),
        "name",
        "duplicate",
    )


def test_renaming_a_segment_to_another_segments_name_is_refused(world):
    refused(
        world,
        lambda: world.plan.segments.update(world.edge, name="mid-market saas"),
        "name",
        "duplicate",
    )


def test_renaming_an_initiative_to_another_initiatives_name_is_refused(world):
    other = world.plan.initiatives.add(name="Paid search", channel="paid").id
    refused(
        world,
        lambda: world.plan.initiatives.update(other, name="WEBINAR SERIES"),
        "name",
        "duplicate",
    )


def test_names_that_differ_only_in_the_case_of_accented_letters_are_duplicates(world):
    world.plan.people.add(name="Émile Zola", team="Partner/agency")
    refused(
        world,
        lambda: world.plan.people.add(name="émile zola", team="Sales"),
        "name",
        "duplicate",
    )


def test_names_written_in_different_unicode_forms_are_duplicates(world):
    world.plan.segments.add(name=unicodedata.normalize("NFC", "Café owners"), tier="edge")
    refused(
        world,
        lambda: world.plan.segments.add(
            name=unicodedata.normalize("NFD", "Café owners"), tier="edge"
        ),
        "name",
        "duplicate",
    )


def test_restoring_an_initiative_whose_name_was_taken_since_is_refused(world):
    world.plan.initiatives.add(name="Paid search", channel="paid")  # so no id is reused
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)
    world.plan.initiatives.add(name="Webinar Series", channel="webinar")
    refused(world, lambda: world.plan.initiatives.restore(snapshot), "name", "duplicate")


def test_restoring_an_initiative_whose_person_was_deleted_since_is_refused(world):
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)
    world.plan.people.delete(world.bob)
    refused(world, lambda: world.plan.initiatives.restore(snapshot), "person", "unknown")


def test_restoring_an_initiative_that_is_still_there_is_refused(world):
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    refused(world, lambda: world.plan.initiatives.restore(snapshot), "initiative", "exists")


EMPTY_NAME_EDITS = {
    "person": lambda w, name: w.plan.people.add(name=name, team="Sales"),
    "person rename": lambda w, name: w.plan.people.update(w.ann, name=name),
    "segment": lambda w, name: w.plan.segments.add(name=name, tier="core"),
    "segment rename": lambda w, name: w.plan.segments.update(w.core, name=name),
    "initiative": lambda w, name: w.plan.initiatives.add(name=name, channel="paid"),
    "initiative rename": lambda w, name: w.plan.initiatives.update(w.webinar, name=name),
    "plan rename": lambda w, name: w.plan.settings.update(name=name),
}


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
@pytest.mark.parametrize("edit", EMPTY_NAME_EDITS.values(), ids=EMPTY_NAME_EDITS.keys())
def test_an_empty_name_is_refused(world, edit, name):
    refused(world, lambda: edit(world, name), "name", "required")


def test_a_name_that_is_not_text_is_refused(world):
    refused(world, lambda: world.plan.people.add(name=None, team="Sales"), "name", "type")


def test_a_name_over_200_characters_is_refused(world):
    refused(
        world,
        lambda: world.plan.segments.add(name="x" * 201, tier="core"),
        "name",
        "too_long",
    )


def test_a_name_with_a_control_character_is_refused(world):
    refused(
        world,
        lambda: world.plan.people.add(name="Ann\x07 Bell", team="Sales"),
        "name",
        "control_character",
    )


def test_a_story_with_a_control_character_is_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, problem="Slow\x00 onboarding"),
        "problem",
        "control_character",
    )


def test_text_with_a_lone_surrogate_is_refused(world):
    refused(
        world,
        lambda: world.plan.segments.update(world.core, notes="broken \ud800 text"),
        "notes",
        "control_character",
    )


def test_notes_over_20000_characters_are_refused(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, notes="x" * 20_001),
        "notes",
        "too_long",
    )


# -- choices ----------------------------------------------------------------------------------

BAD_CHOICES = {
    "team": lambda w: w.plan.people.add(name="Cy", team="Finance"),
    "tier": lambda w: w.plan.segments.update(w.core, tier="hot"),
    "channel": lambda w: w.plan.initiatives.add(name="TV", channel="tv"),
    "status": lambda w: w.plan.initiatives.update(w.webinar, status="paused"),
    "stage": lambda w: w.plan.settings.update(stage="unicorn"),
    "role": lambda w: w.plan.roles.set(w.webinar, w.bob, "X"),
    "metric": lambda w: w.plan.values.set(w.webinar, "2026-03", "clicks", planned=1),
    "kind": lambda w: w.plan.values.set_many(
        [ValueEntry(w.webinar, "2026-03", "mql", "forecast", 1)]
    ),
}


@pytest.mark.parametrize(("field_name", "edit"), BAD_CHOICES.items(), ids=BAD_CHOICES.keys())
def test_a_value_outside_a_list_of_choices_is_refused_listing_the_choices(world, field_name, edit):
    error = refused(world, lambda: edit(world), field_name, "choice")
    assert "is not one of" in str(error)


def test_an_active_flag_that_is_not_yes_or_no_is_refused(world):
    refused(world, lambda: world.plan.people.update(world.ann, active="maybe"), "active", "type")


def test_a_currency_that_is_not_an_iso_code_is_refused(world):
    refused(world, lambda: world.plan.settings.update(currency="dollars"), "currency", "format")


def test_a_fiscal_year_start_outside_1_to_12_is_refused(world):
    refused(
        world,
        lambda: world.plan.settings.update(fiscal_year_start=13),
        "fiscal_year_start",
        "range",
    )


# -- deleting a person ------------------------------------------------------------------------


def test_deleting_a_person_who_owns_initiatives_is_refused_naming_them(world):
    world.plan.initiatives.add(name="Customer stories", channel="content", owner_id=world.ann)
    error = refused(
        world, lambda: world.plan.people.delete(world.ann), "person", "owns_initiatives"
    )
    assert "Customer stories" in str(error)
    assert "Webinar series" in str(error)
    assert "Ann Lee" in str(error)


def test_the_refusal_names_three_owned_initiatives_and_counts_the_rest(world):
    for number in range(1, 5):
        world.plan.initiatives.add(name=f"Ebook {number}", channel="content", owner_id=world.ann)
    error = refused(
        world, lambda: world.plan.people.delete(world.ann), "person", "owns_initiatives"
    )
    assert "and 2 more" in str(error)


# -- unknown fields ---------------------------------------------------------------------------

UNKNOWN_FIELDS = {
    "colour": lambda w: w.plan.settings.update(colour="blue"),
    "lead_to_sql": lambda w: w.plan.funnel.update(lead_to_sql=0.1),
    "sla_hours": lambda w: w.plan.handoff.update(sla_hours=4),
    "phone": lambda w: w.plan.people.update(w.ann, phone="555"),
    "size": lambda w: w.plan.segments.update(w.core, size=3),
    "owner_id": lambda w: w.plan.initiatives.update(w.webinar, owner_id=w.bob),
}


@pytest.mark.parametrize(("field_name", "edit"), UNKNOWN_FIELDS.items(), ids=UNKNOWN_FIELDS.keys())
def test_an_unknown_field_name_in_update_is_refused(world, field_name, edit):
    refused(world, lambda: edit(world), field_name, "unknown_field")


def test_an_unknown_field_alongside_good_ones_changes_nothing(world):
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, status="active", colour="red"),
        "colour",
        "unknown_field",
    )


# -- e-mail -----------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["ann@", "ann example.com", "ann@example", "@example.com"])
def test_a_bad_email_is_refused_on_add(world, address):
    refused(
        world,
        lambda: world.plan.people.add(name="Cy", team="Sales", email=address),
        "email",
        "format",
    )


def test_a_bad_email_is_refused_on_update(world):
    refused(
        world,
        lambda: world.plan.people.update(world.bob, email="bob at example.com"),
        "email",
        "format",
    )


def test_a_first_month_that_is_not_a_month_is_refused(world):
    refused(
        world,
        lambda: world.plan.settings.update(first_month="Jan 2026"),
        "first_month",
        "month",
    )


# -- many values at once ----------------------------------------------------------------------


def good_entries(w: World) -> list[ValueEntry]:
    return [
        ValueEntry(w.webinar, "2026-04", "leads", "planned", 300, where="row 1"),
        ValueEntry(w.webinar, "2026-04", "mql", "planned", 45, where="row 2"),
        ValueEntry(w.webinar, "2026-05", "spend", "actual", "1,500", where="row 4"),
    ]


def test_one_bad_entry_among_good_ones_writes_nothing_and_names_its_row(world):
    entries = good_entries(world)
    entries.insert(2, ValueEntry(world.webinar, "2026-04", "sal", "actual", "lots", where="row 3"))
    error = refused(
        world, lambda: world.plan.values.set_many(entries), "actual sals", "not_a_number"
    )
    assert error.row == "row 3"
    assert str(error).startswith("row 3: actual sals:")


def test_an_entry_outside_the_horizon_names_its_row(world):
    entries = [
        *good_entries(world),
        ValueEntry(world.webinar, "2027-02", "mql", "planned", 1, where="cell D9"),
    ]
    error = refused(world, lambda: world.plan.values.set_many(entries), "month", "outside_horizon")
    assert error.row == "cell D9"


def test_an_entry_for_an_unknown_initiative_names_its_row(world):
    entries = good_entries(world)
    entries.insert(1, ValueEntry(999, "2026-04", "mql", "actual", 3, where="row 2"))
    error = refused(world, lambda: world.plan.values.set_many(entries), "initiative", "unknown")
    assert error.row == "row 2"
    assert "row 2" in str(error)


def test_an_initiative_id_that_is_not_a_number_names_its_row(world):
    entries = [ValueEntry(str(world.webinar), "2026-04", "mql", "planned", 3, where="row 7")]
    error = refused(world, lambda: world.plan.values.set_many(entries), "initiative", "type")
    assert error.row == "row 7"


def test_loading_whole_months_outside_the_horizon_is_refused(world):
    row = MonthRow(world.webinar, 202701, (1,) * 18)
    error = refused(world, lambda: world.plan.values.load_months([row]), "month", "outside_horizon")
    assert "Jan 2027" in str(error)
