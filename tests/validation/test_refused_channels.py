"""Refused edits of the plan's channels, and of an initiative's channel: each names the
field, says why, and changes nothing."""

from __future__ import annotations

import pytest
from validation_support import refused


def channel(world, name: str) -> int:
    return world.plan.channels.named(name).id


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_channel_without_a_name_is_refused(world, name):
    error = refused(world, lambda: world.plan.channels.add(name=name), "channel_name", "required")
    assert str(error) == "Channel name: must not be empty"


def test_a_channel_name_another_channel_has_in_any_case_is_refused(world):
    error = refused(
        world,
        lambda: world.plan.channels.add(name="  field MARKETING "),
        "channel_name",
        "duplicate",
    )
    assert str(error) == "Channel name: there is already a channel named 'Field marketing'"


def test_renaming_a_channel_to_another_channels_name_is_refused(world):
    paid = channel(world, "Paid")
    refused(
        world, lambda: world.plan.channels.update(paid, name="seo"), "channel_name", "duplicate"
    )


def test_a_channel_name_longer_than_200_characters_is_refused(world):
    refused(world, lambda: world.plan.channels.add(name="x" * 201), "channel_name", "too_long")


def test_deleting_a_channel_initiatives_are_in_is_refused_naming_them(world):
    webinar = channel(world, "Webinar")
    world.plan.initiatives.add(name="Office hours", channel_id=webinar)
    error = refused(world, lambda: world.plan.channels.delete(webinar), "channel", "in_use")
    assert str(error) == (
        "Channel: Webinar is the channel of Office hours, Webinar series; retire it instead, "
        "or move those initiatives to another channel first"
    )


def test_retiring_or_deleting_the_last_channel_offered_is_refused(world):
    channels = world.plan.channels
    *others, last = [c.id for c in channels.offered() if c.name != "Webinar"]
    for other in others:
        channels.update(other, retired=True)
    world.plan.initiatives.update(world.webinar, channel_id=last)
    channels.update(channel(world, "Webinar"), retired=True)

    error = refused(world, lambda: channels.update(last, retired=True), "channel", "last_offered")
    assert "it is the only channel offered for new initiatives" in str(error)
    world.plan.initiatives.update(world.webinar, channel_id=channel(world, "Webinar"))
    refused(world, lambda: channels.delete(last), "channel", "last_offered")


def test_a_new_initiative_in_a_retired_channel_is_refused(world):
    paid = channel(world, "Paid")
    world.plan.channels.update(paid, retired=True)
    error = refused(
        world, lambda: world.plan.initiatives.add(name="Ads", channel_id=paid), "channel", "retired"
    )
    assert str(error) == (
        "Channel: Paid is retired and not offered for new initiatives; bring it back in "
        "Plan settings to use it again"
    )


@pytest.mark.parametrize("wrong", [999, "paid", None, True])
def test_an_initiative_in_a_channel_the_plan_lacks_is_refused(world, wrong):
    rule = "unknown" if wrong == 999 else "type"
    refused(
        world,
        lambda: world.plan.initiatives.update(world.webinar, channel_id=wrong),
        "channel",
        rule,
    )


def test_looking_up_a_channel_the_plan_lacks_names_the_plans_channels(world):
    error = refused(world, lambda: world.plan.channels.named("TV"), "channel", "unknown")
    assert str(error).startswith("Channel: 'TV' is not a channel of this plan (Content, E-mail,")


def test_an_unknown_channel_field_is_refused(world):
    paid = channel(world, "Paid")
    refused(
        world, lambda: world.plan.channels.update(paid, colour="red"), "colour", "unknown_field"
    )


def test_a_retired_flag_that_is_not_yes_or_no_is_refused(world):
    paid = channel(world, "Paid")
    refused(world, lambda: world.plan.channels.update(paid, retired="maybe"), "retired", "type")


def test_editing_a_channel_the_plan_lacks_is_refused(world):
    for edit in (
        lambda: world.plan.channels.update(999, name="Radio"),
        lambda: world.plan.channels.move(999, 0),
        lambda: world.plan.channels.delete(999),
    ):
        refused(world, edit, "channel", "unknown")
