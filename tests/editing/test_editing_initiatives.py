"""Successful edits of initiatives: add, update, duplicate, snapshot and restore."""

from __future__ import annotations

from editing_support import raw_rows

from planner import (
    Action,
    Assignment,
    Change,
    Entity,
    Metric,
    MonthlyValue,
    Plan,
    Role,
    Status,
)

# -- initiatives ------------------------------------------------------------------------------


def test_a_new_initiative_spans_the_plan_horizon_in_the_other_channel_by_default(world):
    new = world.plan.initiatives.add(name="Ads").id
    stored = world.plan.initiatives.get(new)
    assert stored.channel_id == world.plan.channels.named("Other").id
    assert (stored.start_month, stored.end_month) == (202601, 202612)
    assert (stored.status, stored.budget, stored.revenue_target) == (Status.PLANNED, 0, 0)
    assert (stored.segment_ids, stored.owner_id) == ((), None)


def test_money_given_as_text_is_stored_in_minor_units_and_ints_as_they_are(world):
    new = world.plan.initiatives.add(name="Ads", budget="25,000.50", revenue_target=10_000_000).id
    stored = world.plan.initiatives.get(new)
    assert (stored.budget, stored.revenue_target) == (2_500_050, 10_000_000)


def test_a_new_initiative_stores_everything_it_was_given(world):
    new = world.plan.initiatives.add(
        name="Partner days",
        channel_id=world.plan.channels.named("Partner").id,
        status="idea",
        start_month=202603,
        end_month="2026-04",
        segment_ids=[world.edge, world.core, world.edge],
        owner_id=world.cat,
        problem=" Leads go cold ",
        so_what="Lost deals",
        why_us="We answer in an hour",
        notes="Line one\nLine two",
    ).id
    stored = world.plan.initiatives.get(new)
    assert stored.channel_id == world.plan.channels.named("Partner").id
    assert stored.status is Status.IDEA
    assert (stored.start_month, stored.end_month) == (202603, 202604)
    assert stored.segment_ids == tuple(sorted({world.core, world.edge}))
    assert stored.owner_id == world.cat
    assert (stored.problem, stored.so_what, stored.why_us, stored.notes) == (
        "Leads go cold",
        "Lost deals",
        "We answer in an hour",
        "Line one\nLine two",
    )


def test_a_new_initiatives_owner_is_its_accountable_person(world):
    new = world.plan.initiatives.add(name="Ads", owner_id=world.cat).id
    assert world.plan.roles.for_initiative(new) == [Assignment(new, world.cat, Role.ACCOUNTABLE)]


def test_adding_an_initiative_reports_its_new_id_and_announces_it(world):
    change = world.plan.initiatives.add(name="Ads")
    assert (change.entity, change.action) == (Entity.INITIATIVES, Action.ADDED)
    assert world.plan.initiatives.get(change.id).name == "Ads"
    assert {"name", "budget", "start_month"} <= change.fields
    assert world.changes == [(change,)]


def test_updating_an_initiative_reports_only_the_fields_given(world):
    change = world.plan.initiatives.update(world.webinar, status="Active", budget="5,000")
    stored = world.plan.initiatives.get(world.webinar)
    assert (stored.status, stored.budget, stored.revenue_target) == (
        Status.ACTIVE,
        500_000,
        8_000_000,
    )
    assert change == Change(
        Entity.INITIATIVES,
        Action.UPDATED,
        ids=frozenset({world.webinar}),
        fields=frozenset({"status", "budget"}),
    )
    assert world.changes == [(change,)]


def test_moving_both_dates_at_once_checks_them_against_each_other(world):
    world.plan.initiatives.update(world.webinar, start_month="2026-08", end_month="2026-09")
    stored = world.plan.initiatives.get(world.webinar)
    assert (stored.start_month, stored.end_month) == (202608, 202609)


def test_clearing_a_story_field_with_none_stores_empty_text(world):
    world.plan.initiatives.update(world.webinar, problem=None)
    assert world.plan.initiatives.get(world.webinar).problem == ""


def test_set_segments_aims_at_exactly_those_segments(world):
    spare = world.plan.segments.add(name="Banks", tier="outside").id
    change = world.plan.initiatives.set_segments(world.webinar, [spare, world.edge, spare])
    assert world.plan.initiatives.get(world.webinar).segment_ids == tuple(
        sorted({spare, world.edge})
    )
    assert change == Change(
        Entity.INITIATIVES,
        Action.UPDATED,
        ids=frozenset({world.webinar}),
        fields=frozenset({"segment_ids"}),
    )


def test_set_segments_with_none_aims_at_nothing(world):
    world.plan.initiatives.set_segments(world.webinar, [])
    assert world.plan.initiatives.get(world.webinar).segment_ids == ()


def test_deleting_an_initiative_removes_its_roles_values_and_aims(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40)
    change = world.plan.initiatives.delete(world.webinar)
    assert world.plan.initiatives.list() == []
    assert world.plan.roles.all() == []
    assert raw_rows(world.plan, world.webinar) == []
    assert world.plan.query("SELECT count(*) FROM initiative_segments") == [(0,)]
    assert world.changes[-1] == (
        Change(Entity.INITIATIVES, Action.DELETED, ids=frozenset({world.webinar})),
    )
    assert change.id == world.webinar


# -- duplicate --------------------------------------------------------------------------------


def test_a_duplicate_is_named_copy_then_copy_2(world):
    first = world.plan.initiatives.duplicate(world.webinar).id
    second = world.plan.initiatives.duplicate(world.webinar).id
    assert world.plan.initiatives.get(first).name == "Webinar series (copy)"
    assert world.plan.initiatives.get(second).name == "Webinar series (copy 2)"


def test_a_duplicate_has_the_same_record_segments_and_roles(world):
    copy = world.plan.initiatives.get(world.plan.initiatives.duplicate(world.webinar).id)
    original = world.plan.initiatives.get(world.webinar)
    assert copy.id != original.id
    assert {**_fields(copy), "id": None, "name": None} == {
        **_fields(original),
        "id": None,
        "name": None,
    }
    assert [(a.person_id, a.role) for a in world.plan.roles.for_initiative(copy.id)] == [
        (world.ann, Role.ACCOUNTABLE),
        (world.bob, Role.RESPONSIBLE),
    ]


def _fields(initiative) -> dict:
    return {name: getattr(initiative, name) for name in initiative.__slots__}


def test_a_duplicate_has_the_planned_values_but_no_actuals(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(world.webinar, "2026-04", "spend", planned="1,000", actual="900")
    copy = world.plan.initiatives.duplicate(world.webinar).id
    assert world.plan.values.for_initiative(copy) == [
        MonthlyValue(copy, 202603, Metric.MQL, 40, None),
        MonthlyValue(copy, 202604, Metric.SPEND, 100_000, None),
    ]


def test_a_duplicate_holds_no_empty_month_where_the_original_had_only_actuals(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40)
    world.plan.values.set(world.webinar, "2026-11", "deals_won", actual=2)
    copy = world.plan.initiatives.duplicate(world.webinar).id
    assert [row[1] for row in raw_rows(world.plan, copy)] == [202603]


def test_duplicating_an_initiative_with_a_backslash_in_its_name_twice_makes_two_copies(world):
    odd = world.plan.initiatives.add(name="Ads \\ search_%").id
    world.plan.initiatives.duplicate(odd)
    second = world.plan.initiatives.duplicate(odd).id
    assert world.plan.initiatives.get(second).name == "Ads \\ search_% (copy 2)"


def test_the_copy_of_an_initiative_with_a_200_character_name_is_shortened_to_fit(world):
    long = world.plan.initiatives.add(name="x" * 200).id
    copy = world.plan.initiatives.duplicate(long).id
    name = world.plan.initiatives.get(copy).name
    assert len(name) == 200
    assert name.endswith("x (copy)")


def test_a_duplicate_is_reported_and_announced_as_an_added_initiative(world):
    change = world.plan.initiatives.duplicate(world.webinar)
    assert (change.entity, change.action) == (Entity.INITIATIVES, Action.ADDED)
    assert change.id != world.webinar
    assert world.changes == [(change,)]


def test_editing_a_duplicate_leaves_the_original_alone(world):
    copy = world.plan.initiatives.duplicate(world.webinar).id
    world.plan.initiatives.update(copy, budget="1")
    world.plan.initiatives.set_segments(copy, [])
    world.plan.roles.set(copy, world.bob, None)
    original = world.plan.initiatives.get(world.webinar)
    assert (original.budget, original.segment_ids) == (1_000_000, (world.core, world.edge))
    assert len(world.plan.roles.for_initiative(world.webinar)) == 2


# -- snapshot and restore ---------------------------------------------------------------------


def everything_of(plan: Plan, initiative_id: int) -> tuple:
    return (
        plan.initiatives.get(initiative_id),
        plan.roles.for_initiative(initiative_id),
        plan.values.for_initiative(initiative_id),
        raw_rows(plan, initiative_id),
    )


def test_restoring_a_deleted_initiative_puts_back_everything_under_its_id(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(world.webinar, "2026-05", "revenue_won", actual="12,000")
    before = everything_of(world.plan, world.webinar)
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)
    world.plan.initiatives.restore(snapshot)
    assert everything_of(world.plan, world.webinar) == before


def test_restoring_reports_and_announces_an_added_initiative(world):
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.delete(world.webinar)
    world.seen.clear()
    change = world.plan.initiatives.restore(snapshot)
    assert (change.entity, change.action, change.id) == (
        Entity.INITIATIVES,
        Action.ADDED,
        world.webinar,
    )
    assert world.changes == [(change,)]


def test_a_snapshot_keeps_the_initiative_as_it_was_when_taken(world):
    snapshot = world.plan.initiatives.snapshot(world.webinar)
    world.plan.initiatives.update(world.webinar, budget="1")
    world.plan.initiatives.delete(world.webinar)
    world.plan.initiatives.restore(snapshot)
    assert world.plan.initiatives.get(world.webinar).budget == 1_000_000
