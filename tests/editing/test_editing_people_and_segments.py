"""Successful edits of people and segments: what is stored and which change is announced."""

from __future__ import annotations

from planner import (
    Action,
    Assignment,
    Change,
    ChangeSet,
    Entity,
    Person,
    Role,
    Segment,
    Team,
    Tier,
)

# -- people -----------------------------------------------------------------------------------


def test_adding_a_person_stores_the_cleaned_record(world):
    new = world.plan.people.add(
        name="  Dee   Park ",
        team="partner",
        title=" Agency   lead ",
        email=" dee@example.com ",
        active="no",
    ).id
    assert world.plan.people.get(new) == Person(
        new, "Dee Park", Team.PARTNER, "Agency lead", "dee@example.com", False
    )


def test_adding_a_person_reports_and_announces_one_added_change(world):
    change = world.plan.people.add(name="Dee Park", team="Leadership")
    assert change == Change(
        Entity.PEOPLE,
        Action.ADDED,
        ids=frozenset({change.id}),
        fields=frozenset({"name", "team", "title", "email", "active"}),
    )
    assert world.seen == [ChangeSet((change,))]


def test_updating_a_person_changes_only_the_fields_given(world):
    before = world.plan.people.get(world.bob)
    change = world.plan.people.update(world.bob, title="Account executive")
    assert world.plan.people.get(world.bob) == Person(
        before.id, before.name, before.team, "Account executive", before.email, before.active
    )
    assert change == Change(
        Entity.PEOPLE, Action.UPDATED, ids=frozenset({world.bob}), fields=frozenset({"title"})
    )
    assert world.changes == [(change,)]


def test_renaming_a_person_to_their_own_name_in_another_case_is_allowed(world):
    world.plan.people.update(world.ann, name="ANN LEE")
    assert world.plan.people.get(world.ann).name == "ANN LEE"


def test_people_are_listed_by_name_in_any_case(world):
    world.plan.people.add(name="aaron Hill", team="Sales")
    assert [p.name for p in world.plan.people.list()] == [
        "aaron Hill",
        "Ann Lee",
        "Bob Ray",
        "Cat Diaz",
    ]


def test_deleting_a_person_removes_them_and_their_roles(world):
    world.plan.people.delete(world.bob)
    assert world.bob not in [p.id for p in world.plan.people.list()]
    assert world.plan.roles.for_initiative(world.webinar) == [
        Assignment(world.webinar, world.ann, Role.ACCOUNTABLE)
    ]


def test_deleting_a_person_announces_the_roles_they_lost(world):
    change = world.plan.people.delete(world.bob)
    assert change == Change(Entity.PEOPLE, Action.DELETED, ids=frozenset({world.bob}))
    assert world.changes == [
        (
            change,
            Change(
                Entity.ROLES,
                Action.UPDATED,
                ids=frozenset({world.webinar}),
                fields=frozenset({"role"}),
            ),
        )
    ]


def test_deleting_a_person_without_roles_announces_only_the_deletion(world):
    change = world.plan.people.delete(world.cat)
    assert world.changes == [(change,)]


# -- segments ---------------------------------------------------------------------------------


def test_adding_a_segment_stores_it_and_reports_its_id(world):
    change = world.plan.segments.add(name=" Fintech ", tier="OUTSIDE", notes="  Too regulated  ")
    assert world.plan.segments.get(change.id) == Segment(
        change.id, "Fintech", Tier.OUTSIDE, "Too regulated"
    )
    assert (change.entity, change.action) == (Entity.SEGMENTS, Action.ADDED)
    assert world.changes == [(change,)]


def test_segments_are_listed_core_then_edge_then_outside(world):
    world.plan.segments.add(name="Banks", tier="outside")
    world.plan.segments.add(name="B2B SaaS", tier="core")
    assert [(s.name, s.tier) for s in world.plan.segments.list()] == [
        ("B2B SaaS", Tier.CORE),
        ("Mid-market SaaS", Tier.CORE),
        ("Agencies", Tier.EDGE),
        ("Banks", Tier.OUTSIDE),
    ]


def test_updating_a_segment_reports_the_fields_given(world):
    change = world.plan.segments.update(world.edge, tier="core")
    assert world.plan.segments.get(world.edge).tier is Tier.CORE
    assert change == Change(
        Entity.SEGMENTS, Action.UPDATED, ids=frozenset({world.edge}), fields=frozenset({"tier"})
    )


def test_deleting_a_segment_un_aims_the_initiatives_aimed_at_it(world):
    world.plan.segments.delete(world.core)
    assert world.plan.initiatives.get(world.webinar).segment_ids == (world.edge,)
    assert [s.id for s in world.plan.segments.list()] == [world.edge]


def test_deleting_a_segment_announces_the_initiatives_it_un_aimed(world):
    other = world.plan.initiatives.add(
        name="Ads", channel_id=world.plan.channels.named("Paid").id, segment_ids=[world.edge]
    ).id
    world.seen.clear()
    change = world.plan.segments.delete(world.core)
    assert change == Change(Entity.SEGMENTS, Action.DELETED, ids=frozenset({world.core}))
    assert world.changes == [
        (
            change,
            Change(
                Entity.INITIATIVES,
                Action.UPDATED,
                ids=frozenset({world.webinar}),
                fields=frozenset({"segment_ids"}),
            ),
        )
    ]
    assert world.plan.initiatives.get(other).segment_ids == (world.edge,)


def test_deleting_a_segment_nothing_aims_at_announces_only_the_deletion(world):
    spare = world.plan.segments.add(name="Banks", tier="outside").id
    world.seen.clear()
    change = world.plan.segments.delete(spare)
    assert world.changes == [(change,)]
