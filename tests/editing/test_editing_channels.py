"""Successful edits of the plan's channels: add, rename, retire and bring back, move, delete
and restore; each is announced as a change of channels."""

from __future__ import annotations

import pytest

from planner import Action, Channel, Entity
from planner.storage.schema import DEFAULT_CHANNELS


def names(world) -> list[str]:
    return [c.name for c in world.plan.channels.list()]


def test_a_new_plan_starts_with_the_default_channels_all_offered(world):
    assert names(world) == list(DEFAULT_CHANNELS)
    assert world.plan.channels.offered() == world.plan.channels.list()


def test_an_added_channel_goes_last_and_is_announced(world):
    change = world.plan.channels.add(name="  Podcasts ")

    assert world.plan.channels.get(change.id) == Channel(change.id, "Podcasts", False)
    assert names(world)[-1] == "Podcasts"
    assert (change.entity, change.action) == (Entity.CHANNELS, Action.ADDED)
    assert world.changes == [(change,)]


def test_a_channel_is_found_by_its_name_in_any_case(world):
    assert world.plan.channels.named(" field MARKETING ").name == "Field marketing"


def test_renaming_a_channel_renames_it_on_its_initiatives(world):
    webinar = world.plan.channels.named("Webinar").id

    change = world.plan.channels.update(webinar, name="Online events")

    assert world.plan.initiatives.get(world.webinar).channel_id == webinar
    assert world.plan.channels.get(webinar).name == "Online events"
    assert (change.entity, change.action, change.fields) == (
        Entity.CHANNELS,
        Action.UPDATED,
        {"name"},
    )


def test_a_channel_may_be_renamed_to_its_own_name_in_another_case(world):
    seo = world.plan.channels.named("SEO").id
    world.plan.channels.update(seo, name="Seo")
    assert world.plan.channels.get(seo).name == "Seo"


def test_a_retired_channel_keeps_its_initiatives_but_is_not_offered(world):
    webinar = world.plan.channels.named("Webinar").id

    world.plan.channels.update(webinar, retired=True)

    assert world.plan.channels.get(webinar).retired
    assert webinar not in [c.id for c in world.plan.channels.offered()]
    assert webinar in [c.id for c in world.plan.channels.list()]
    assert world.plan.initiatives.get(world.webinar).channel_id == webinar
    assert world.plan.channels.usage()[webinar] == 1


def test_an_initiative_may_go_back_to_a_retired_channel_as_an_undo_does(world):
    webinar = world.plan.channels.named("Webinar").id
    world.plan.initiatives.update(world.webinar, channel_id=world.plan.channels.named("PR").id)
    world.plan.channels.update(webinar, retired=True)

    world.plan.initiatives.update(world.webinar, channel_id=webinar)

    assert world.plan.initiatives.get(world.webinar).channel_id == webinar


def test_a_retired_channel_brought_back_is_offered_again_in_its_place(world):
    paid = world.plan.channels.named("Paid").id
    world.plan.channels.update(paid, retired=True)

    world.plan.channels.update(paid, retired=False)

    assert [c.name for c in world.plan.channels.offered()] == list(DEFAULT_CHANNELS)


def test_a_new_initiative_goes_in_other_or_else_the_last_channel_offered(world):
    channels = world.plan.channels
    assert channels.default().name == "Other"
    channels.update(channels.named("Other").id, retired=True)
    assert channels.default().name == "Enablement"
    assert world.plan.initiatives.get(world.plan.initiatives.add(name="Idea").id).channel_id == (
        channels.named("Enablement").id
    )


@pytest.mark.parametrize(("index", "expected_place"), [(0, 0), (2, 2), (12, 12), (99, 12), (-5, 0)])
def test_moving_a_channel_puts_it_at_that_place_of_the_list(world, index, expected_place):
    pr = world.plan.channels.named("PR").id

    change = world.plan.channels.move(pr, index)

    assert names(world).index("PR") == expected_place
    assert sorted(names(world)) == sorted(DEFAULT_CHANNELS)
    assert (change.entity, change.fields) == (Entity.CHANNELS, {"position"})


def test_an_unused_channel_is_deleted_and_restored_in_its_place_with_its_id(world):
    channels = world.plan.channels
    social = channels.named("Social").id
    channels.update(social, retired=True)
    snapshot = channels.snapshot(social)

    deleted = channels.delete(social)
    assert "Social" not in names(world)
    assert (deleted.entity, deleted.action) == (Entity.CHANNELS, Action.DELETED)

    channels.restore(snapshot)
    assert names(world) == list(DEFAULT_CHANNELS)
    assert channels.get(social) == Channel(social, "Social", True)


def test_the_usage_counts_the_initiatives_of_every_channel(world):
    paid = world.plan.channels.named("Paid").id
    world.plan.initiatives.add(name="Ads", channel_id=paid)
    world.plan.initiatives.add(name="Retargeting", channel_id=paid)

    usage = world.plan.channels.usage()

    assert usage[paid] == 2
    assert usage[world.plan.channels.named("Webinar").id] == 1
    assert sum(usage.values()) == 3
    assert len(usage) == len(DEFAULT_CHANNELS)


def test_a_duplicated_initiative_keeps_its_channel_even_when_retired(world):
    webinar = world.plan.channels.named("Webinar").id
    world.plan.channels.update(webinar, retired=True)

    copy = world.plan.initiatives.duplicate(world.webinar).id

    assert world.plan.initiatives.get(copy).channel_id == webinar


def test_a_deleted_initiative_comes_back_in_its_channel(world):
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)

    world.plan.initiatives.restore(snapshot)

    assert world.plan.initiatives.get(world.webinar).channel_id == (
        world.plan.channels.named("Webinar").id
    )
