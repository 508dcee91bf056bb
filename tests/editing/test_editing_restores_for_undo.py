"""Specifications of the core edits that exist so the app can undo: putting a deleted person or
segment back exactly, and giving an initiative back its whole RACI column."""

from __future__ import annotations

import pytest
from editing_support import World

from planner import Assignment, Entity, Role, ValidationError


def test_a_deleted_person_comes_back_with_their_id_and_roles(world: World) -> None:
    plan = world.plan
    before = plan.people.get(world.bob)
    snapshot = plan.people.snapshot(world.bob)
    plan.people.delete(world.bob)

    plan.people.restore(snapshot)

    assert plan.people.get(world.bob) == before
    assert Assignment(world.webinar, world.bob, Role.RESPONSIBLE) in plan.roles.all()


def test_restoring_a_person_announces_the_person_and_the_roles(world: World) -> None:
    snapshot = world.plan.people.snapshot(world.bob)
    world.plan.people.delete(world.bob)
    world.seen.clear()

    world.plan.people.restore(snapshot)

    assert world.seen[-1].touches(Entity.PEOPLE)
    assert world.seen[-1].ids(Entity.ROLES) == {world.webinar}


def test_a_restored_owner_whose_initiative_has_a_new_owner_comes_back_responsible(
    world: World,
) -> None:
    plan = world.plan
    plan.roles.set_owner(world.webinar, world.bob)  # Ann becomes Responsible
    plan.roles.set_owner(world.webinar, world.ann)  # and owner again; Bob Responsible
    plan.roles.set(world.webinar, world.bob, None)
    plan.roles.set_owner(world.webinar, world.bob)
    snapshot_of_ann = plan.people.snapshot(world.ann)
    assert (world.webinar, "R") in snapshot_of_ann.roles
    plan.roles.set(world.webinar, world.ann, None)
    plan.people.delete(world.ann)

    plan.people.restore(snapshot_of_ann)

    assert Assignment(world.webinar, world.ann, Role.RESPONSIBLE) in plan.roles.all()
    assert plan.initiatives.get(world.webinar).owner_id == world.bob


def test_restoring_a_person_who_is_still_there_is_refused(world: World) -> None:
    snapshot = world.plan.people.snapshot(world.cat)

    with pytest.raises(ValidationError, match="still in the plan"):
        world.plan.people.restore(snapshot)


def test_a_deleted_segment_comes_back_aimed_at_by_the_same_initiatives(world: World) -> None:
    plan = world.plan
    snapshot = plan.segments.snapshot(world.edge)
    plan.segments.delete(world.edge)
    assert plan.initiatives.get(world.webinar).segment_ids == (world.core,)

    plan.segments.restore(snapshot)

    assert plan.segments.get(world.edge).name == "Agencies"
    assert plan.initiatives.get(world.webinar).segment_ids == (world.core, world.edge)


def test_a_restored_segment_skips_initiatives_deleted_since(world: World) -> None:
    plan = world.plan
    snapshot = plan.segments.snapshot(world.edge)
    plan.segments.delete(world.edge)
    plan.initiatives.delete(world.webinar)

    plan.segments.restore(snapshot)

    assert [s.name for s in plan.segments.list()] == ["Mid-market SaaS", "Agencies"]


def test_replacing_roles_gives_the_initiative_exactly_those_roles(world: World) -> None:
    plan = world.plan
    before = plan.roles.for_initiative(world.webinar)
    plan.roles.set_owner(world.webinar, world.cat)
    plan.roles.set(world.webinar, world.bob, "C")

    plan.roles.replace(world.webinar, before)

    assert plan.roles.for_initiative(world.webinar) == before
    assert plan.initiatives.get(world.webinar).owner_id == world.ann


def test_replacing_roles_with_two_accountables_is_refused_and_changes_nothing(
    world: World,
) -> None:
    plan = world.plan
    before = plan.roles.for_initiative(world.webinar)
    two_owners = [
        Assignment(world.webinar, world.ann, Role.ACCOUNTABLE),
        Assignment(world.webinar, world.bob, Role.ACCOUNTABLE),
    ]

    with pytest.raises(ValidationError, match="exactly one Accountable"):
        plan.roles.replace(world.webinar, two_owners)

    assert plan.roles.for_initiative(world.webinar) == before
