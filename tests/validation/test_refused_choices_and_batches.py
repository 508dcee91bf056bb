"""Refused choices, deletes, unknown fields, e-mails and bad batches: nothing changes."""

from __future__ import annotations

import pytest
from validation_support import World, refused

from planner import MonthRow, ValueEntry

# -- choices ----------------------------------------------------------------------------------

BAD_CHOICES = {
    "team": lambda w: w.plan.people.add(name="Cy", team="Finance"),
    "tier": lambda w: w.plan.segments.update(w.core, tier="hot"),
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


def test_three_capitals_that_name_no_currency_are_refused(world):
    refused(world, lambda: world.plan.settings.update(currency="ABC"), "currency", "format")


def test_a_fiscal_year_start_outside_1_to_12_is_refused(world):
    refused(
        world,
        lambda: world.plan.settings.update(fiscal_year_start=13),
        "fiscal_year_start",
        "range",
    )


# -- deleting a person ------------------------------------------------------------------------


def test_deleting_a_person_who_owns_initiatives_is_refused_naming_them(world):
    world.plan.initiatives.add(name="Customer stories", owner_id=world.ann)
    error = refused(
        world, lambda: world.plan.people.delete(world.ann), "person", "owns_initiatives"
    )
    assert "Customer stories" in str(error)
    assert "Webinar series" in str(error)
    assert "Ann Lee" in str(error)


def test_the_refusal_names_three_owned_initiatives_and_counts_the_rest(world):
    for number in range(1, 5):
        world.plan.initiatives.add(name=f"Ebook {number}", owner_id=world.ann)
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
        lambda: world.plan.settings.update(first_month="next January"),
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
    assert str(error).startswith("row 3: Actual SALs:")


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
