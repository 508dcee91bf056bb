"""Refused unknown records, second owners, horizon shrinks and names: nothing changes."""

from __future__ import annotations

import unicodedata

import pytest
from validation_support import refused

# -- unknown records --------------------------------------------------------------------------


def test_an_unknown_owner_is_refused_on_add(world):
    refused(
        world,
        lambda: world.plan.initiatives.add(name="Ads", owner_id=999),
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
        lambda: world.plan.initiatives.add(name="Ads", segment_ids=[world.core, 999]),
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
        lambda: world.plan.initiatives.add(name="webinar Series"),
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
    other = world.plan.initiatives.add(name="Paid search").id
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
    world.plan.initiatives.add(name="Paid search")  # so no id is reused
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)
    world.plan.initiatives.add(name="Webinar Series")
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
    "initiative": lambda w, name: w.plan.initiatives.add(name=name),
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
