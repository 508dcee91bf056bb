"""Successful edits: what is stored, which Change is returned and announced, and how batches,
duplicates, snapshots, hand-overs, segment deletion and monthly values behave."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from planner import (
    Action,
    Assignment,
    Change,
    ChangeSet,
    Channel,
    Currency,
    Entity,
    Horizon,
    Metric,
    MonthlyValue,
    MonthRow,
    Person,
    Plan,
    Role,
    Segment,
    Stage,
    Status,
    Team,
    Tier,
    ValidationError,
    ValueEntry,
)


@dataclass
class World:
    plan: Plan
    ann: int  # Marketing, owns the webinar
    bob: int  # Sales, Responsible on the webinar
    cat: int  # Sales, no roles
    core: int
    edge: int
    webinar: int  # Feb to Jun 2026, aimed at core and edge
    seen: list[ChangeSet] = field(default_factory=list)

    @property
    def changes(self) -> list[tuple[Change, ...]]:
        return [change_set.changes for change_set in self.seen]


@pytest.fixture
def world() -> World:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    ann = plan.people.add(name="Ann Lee", team="Marketing").id
    bob = plan.people.add(name="Bob Ray", team="Sales").id
    cat = plan.people.add(name="Cat Diaz", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel="webinar",
        start_month="2026-02",
        end_month="2026-06",
        budget="10,000",
        revenue_target="80,000",
        segment_ids=[core, edge],
        owner_id=ann,
        problem="Slow onboarding",
    ).id
    plan.roles.set(webinar, bob, "R")
    w = World(plan, ann, bob, cat, core, edge, webinar)
    plan.subscribe(w.seen.append)
    return w


def raw_rows(plan: Plan, initiative_id: int) -> list[tuple]:
    return plan.query(
        "SELECT * FROM monthly_values WHERE initiative_id = ? ORDER BY month", [initiative_id]
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
    other = world.plan.initiatives.add(name="Ads", channel="paid", segment_ids=[world.edge]).id
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


# -- initiatives ------------------------------------------------------------------------------


def test_a_new_initiative_spans_the_plan_horizon_by_default(world):
    new = world.plan.initiatives.add(name="Ads", channel="paid").id
    stored = world.plan.initiatives.get(new)
    assert (stored.start_month, stored.end_month) == (202601, 202612)
    assert (stored.status, stored.budget, stored.revenue_target) == (Status.PLANNED, 0, 0)
    assert (stored.segment_ids, stored.owner_id) == ((), None)


def test_money_given_as_text_is_stored_in_minor_units_and_ints_as_they_are(world):
    new = world.plan.initiatives.add(
        name="Ads", channel="paid", budget="25,000.50", revenue_target=10_000_000
    ).id
    stored = world.plan.initiatives.get(new)
    assert (stored.budget, stored.revenue_target) == (2_500_050, 10_000_000)


def test_a_new_initiative_stores_everything_it_was_given(world):
    new = world.plan.initiatives.add(
        name="Partner days",
        channel="Partner",
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
    assert stored.channel is Channel.PARTNER
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
    new = world.plan.initiatives.add(name="Ads", channel="paid", owner_id=world.cat).id
    assert world.plan.roles.for_initiative(new) == [Assignment(new, world.cat, Role.ACCOUNTABLE)]


def test_adding_an_initiative_reports_its_new_id_and_announces_it(world):
    change = world.plan.initiatives.add(name="Ads", channel="paid")
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
    odd = world.plan.initiatives.add(name="Ads \\ search_%", channel="paid").id
    world.plan.initiatives.duplicate(odd)
    second = world.plan.initiatives.duplicate(odd).id
    assert world.plan.initiatives.get(second).name == "Ads \\ search_% (copy 2)"


def test_the_copy_of_an_initiative_with_a_200_character_name_is_shortened_to_fit(world):
    long = world.plan.initiatives.add(name="x" * 200, channel="paid").id
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


# -- roles ------------------------------------------------------------------------------------


def test_giving_a_role_stores_it_and_reports_the_initiative(world):
    change = world.plan.roles.set(world.webinar, world.cat, "consulted")
    assert Assignment(world.webinar, world.cat, Role.CONSULTED) in world.plan.roles.all()
    assert change == Change(
        Entity.ROLES, Action.UPDATED, ids=frozenset({world.webinar}), fields=frozenset({"role"})
    )
    assert world.changes == [(change,)]


def test_a_role_of_none_takes_it_away(world):
    world.plan.roles.set(world.webinar, world.bob, None)
    assert world.plan.roles.for_initiative(world.webinar) == [
        Assignment(world.webinar, world.ann, Role.ACCOUNTABLE)
    ]


def test_giving_a_person_another_role_replaces_their_role(world):
    world.plan.roles.set(world.webinar, world.bob, Role.INFORMED)
    assert Assignment(world.webinar, world.bob, Role.INFORMED) in world.plan.roles.all()
    assert len(world.plan.roles.for_initiative(world.webinar)) == 2


def test_the_owner_can_be_named_accountable_again(world):
    world.plan.roles.set(world.webinar, world.ann, "A")
    assert world.plan.initiatives.get(world.webinar).owner_id == world.ann


def test_roles_are_listed_owner_first(world):
    world.plan.roles.set(world.webinar, world.cat, "I")
    assert [a.role for a in world.plan.roles.for_initiative(world.webinar)] == [
        Role.ACCOUNTABLE,
        Role.RESPONSIBLE,
        Role.INFORMED,
    ]


def test_set_owner_hands_over_and_the_previous_owner_stays_on_as_responsible(world):
    change = world.plan.roles.set_owner(world.webinar, world.cat)
    assert world.plan.initiatives.get(world.webinar).owner_id == world.cat
    assert set(world.plan.roles.for_initiative(world.webinar)) == {
        Assignment(world.webinar, world.cat, Role.ACCOUNTABLE),
        Assignment(world.webinar, world.ann, Role.RESPONSIBLE),
        Assignment(world.webinar, world.bob, Role.RESPONSIBLE),
    }
    assert change == Change(
        Entity.ROLES,
        Action.UPDATED,
        ids=frozenset({world.webinar}),
        fields=frozenset({"role", "owner"}),
    )
    assert world.changes == [(change,)]


def test_set_owner_to_someone_already_on_the_initiative_promotes_them(world):
    world.plan.roles.set_owner(world.webinar, world.bob)
    assert set(world.plan.roles.for_initiative(world.webinar)) == {
        Assignment(world.webinar, world.bob, Role.ACCOUNTABLE),
        Assignment(world.webinar, world.ann, Role.RESPONSIBLE),
    }


def test_set_owner_on_an_initiative_without_an_owner_just_makes_them_accountable(world):
    new = world.plan.initiatives.add(name="Ads", channel="paid").id
    world.plan.roles.set_owner(new, world.cat)
    assert world.plan.roles.for_initiative(new) == [Assignment(new, world.cat, Role.ACCOUNTABLE)]


def test_set_owner_to_the_current_owner_keeps_the_roles_as_they_are(world):
    before = world.plan.roles.for_initiative(world.webinar)
    world.plan.roles.set_owner(world.webinar, world.ann)
    assert world.plan.roles.for_initiative(world.webinar) == before


# -- monthly values ---------------------------------------------------------------------------


def test_setting_planned_and_actual_stores_both(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual="35")
    assert world.plan.values.for_initiative(world.webinar) == [
        MonthlyValue(world.webinar, 202603, Metric.MQL, 40, 35)
    ]


def test_setting_only_the_actual_keeps_the_planned_value(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40)
    world.plan.values.set(world.webinar, 202603, Metric.MQL, actual=41)
    assert world.plan.values.for_initiative(world.webinar) == [
        MonthlyValue(world.webinar, 202603, Metric.MQL, 40, 41)
    ]


def test_clearing_one_kind_keeps_the_other(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=None)
    assert world.plan.values.for_initiative(world.webinar) == [
        MonthlyValue(world.webinar, 202603, Metric.MQL, None, 35)
    ]


def test_clearing_one_metric_keeps_the_other_metrics_of_the_month(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40)
    world.plan.values.set(world.webinar, "2026-03", "leads", planned=300)
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=None)
    assert world.plan.values.for_initiative(world.webinar) == [
        MonthlyValue(world.webinar, 202603, Metric.LEADS, 300, None)
    ]


def test_clearing_every_value_of_a_month_removes_its_row(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=None, actual="  ")
    assert raw_rows(world.plan, world.webinar) == []
    assert world.plan.values.for_initiative(world.webinar) == []


def test_a_cleared_month_no_longer_holds_the_horizon(world):
    world.plan.values.set(world.webinar, "2026-11", "mql", planned=4)
    world.plan.values.set(world.webinar, "2026-11", "mql", planned=None)
    world.plan.settings.update(months=6)
    assert world.plan.horizon == Horizon(202601, 6)


def test_money_values_take_text_in_major_units(world):
    world.plan.values.set(world.webinar, "2026-03", "spend", planned="1,500.25", actual=99)
    assert world.plan.values.for_initiative(world.webinar) == [
        MonthlyValue(world.webinar, 202603, Metric.SPEND, 150_025, 99)
    ]


def test_count_values_take_grouped_text(world):
    world.plan.values.set(world.webinar, "2026-03", "leads", planned="1,200")
    assert world.plan.values.for_initiative(world.webinar)[0].planned == 1200


def test_setting_a_value_reports_the_initiative_columns_and_month(world):
    change = world.plan.values.set(world.webinar, "2026-03", "MQL", planned=40, actual=35)
    assert change == Change(
        Entity.VALUES,
        Action.UPDATED,
        ids=frozenset({world.webinar}),
        fields=frozenset({"mql_plan", "mql_actual"}),
        months=frozenset({202603}),
    )
    assert world.changes == [(change,)]


def test_values_are_listed_by_month_in_funnel_order(world):
    world.plan.values.set(world.webinar, "2026-04", "leads", planned=1)
    world.plan.values.set(world.webinar, "2026-03", "revenue_won", planned=2)
    world.plan.values.set(world.webinar, "2026-03", "spend", planned=3)
    assert [(v.month, v.metric) for v in world.plan.values.for_initiative(world.webinar)] == [
        (202603, Metric.SPEND),
        (202603, Metric.REVENUE_WON),
        (202604, Metric.LEADS),
    ]


def test_grid_lists_one_metrics_cells_with_planned_and_actual(world):
    other = world.plan.initiatives.add(name="Ads", channel="paid").id
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(other, "2026-04", "mql", actual=7)
    world.plan.values.set(other, "2026-05", "leads", planned=100)
    assert world.plan.values.grid("mql") == {
        (world.webinar, 202603): (40, 35),
        (other, 202604): (None, 7),
    }


def test_set_many_writes_every_entry_in_one_announced_change(world):
    other = world.plan.initiatives.add(name="Ads", channel="paid").id
    world.seen.clear()
    change = world.plan.values.set_many(
        [
            ValueEntry(world.webinar, "2026-03", "mql", "planned", 40),
            ValueEntry(world.webinar, "2026-04", "mql", "actual", "38"),
            ValueEntry(other, 202605, Metric.SPEND, "planned", "2,000", where="row 3"),
        ]
    )
    assert world.plan.values.grid("mql") == {
        (world.webinar, 202603): (40, None),
        (world.webinar, 202604): (None, 38),
    }
    assert world.plan.values.grid("spend") == {(other, 202605): (200_000, None)}
    assert change == Change(
        Entity.VALUES,
        Action.UPDATED,
        ids=frozenset({world.webinar, other}),
        fields=frozenset({"mql_plan", "mql_actual", "spend_plan"}),
        months=frozenset({202603, 202604, 202605}),
    )
    assert world.changes == [(change,)]


def test_set_many_lets_the_last_entry_for_a_cell_win(world):
    world.plan.values.set_many(
        [
            ValueEntry(world.webinar, "2026-03", "mql", "planned", 1),
            ValueEntry(world.webinar, "2026-03", "mql", "planned", 2),
        ]
    )
    assert world.plan.values.grid("mql") == {(world.webinar, 202603): (2, None)}


def test_set_many_can_clear_values(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40)
    world.plan.values.set_many([ValueEntry(world.webinar, "2026-03", "mql", "planned", None)])
    assert raw_rows(world.plan, world.webinar) == []


# -- batches and subscribers ------------------------------------------------------------------


def test_a_batch_announces_one_change_set_with_every_change_in_order(world):
    with world.plan.batch():
        first = world.plan.people.add(name="Dee Park", team="Sales")
        second = world.plan.roles.set(world.webinar, first.id, "I")
        third = world.plan.values.set(world.webinar, "2026-03", "mql", planned=4)
    assert world.seen == [ChangeSet((first, second, third))]


def test_a_batch_announces_nothing_until_it_ends(world):
    with world.plan.batch():
        world.plan.people.add(name="Dee Park", team="Sales")
        assert world.seen == []
    assert len(world.seen) == 1


def test_a_batch_that_raises_keeps_nothing_and_announces_nothing(world):
    people = world.plan.people.list()
    initiatives = world.plan.initiatives.list()
    with pytest.raises(ValidationError), world.plan.batch():
        world.plan.people.add(name="Dee Park", team="Sales")
        world.plan.initiatives.update(world.webinar, budget="2,000")
        world.plan.initiatives.update(world.webinar, budget="-1")
    assert world.plan.people.list() == people
    assert world.plan.initiatives.list() == initiatives
    assert world.seen == []


def test_a_batch_that_raises_any_error_is_rolled_back(world):
    with pytest.raises(RuntimeError), world.plan.batch():
        world.plan.segments.add(name="Banks", tier="outside")
        raise RuntimeError("the import failed half way")
    assert [s.name for s in world.plan.segments.list()] == ["Mid-market SaaS", "Agencies"]
    assert world.seen == []


def test_a_nested_batch_is_part_of_the_outer_one(world):
    with world.plan.batch():
        first = world.plan.people.add(name="Dee Park", team="Sales")
        with world.plan.batch():
            second = world.plan.segments.add(name="Banks", tier="outside")
        assert world.seen == []
    assert world.seen == [ChangeSet((first, second))]


def test_a_refused_edit_caught_inside_a_batch_leaves_the_other_edits_to_commit(world):
    with world.plan.batch():
        kept = world.plan.people.add(name="Dee Park", team="Sales")
        with pytest.raises(ValidationError):
            world.plan.people.delete(world.ann)  # owns the webinar
    assert world.ann in [p.id for p in world.plan.people.list()]
    assert kept.id in [p.id for p in world.plan.people.list()]
    assert world.seen == [ChangeSet((kept,))]


def test_edits_outside_a_batch_are_announced_one_by_one(world):
    first = world.plan.segments.add(name="Banks", tier="outside")
    second = world.plan.segments.update(first.id, tier="edge")
    assert world.seen == [ChangeSet((first,)), ChangeSet((second,))]


def test_an_unsubscribed_listener_hears_nothing_more(world):
    heard: list[ChangeSet] = []
    unsubscribe = world.plan.subscribe(heard.append)
    world.plan.segments.add(name="Banks", tier="outside")
    unsubscribe()
    world.plan.segments.add(name="Telcos", tier="outside")
    assert len(heard) == 1
    assert len(world.seen) == 2


def test_a_change_set_says_what_it_touches(world):
    with world.plan.batch():
        world.plan.people.add(name="Dee Park", team="Sales")
        world.plan.roles.set(world.webinar, world.cat, "C")
    (change_set,) = world.seen
    assert change_set.touches(Entity.ROLES)
    assert not change_set.touches(Entity.VALUES, Entity.SEGMENTS)
    assert change_set.ids(Entity.ROLES) == {world.webinar}


# -- settings, funnel and hand-off ------------------------------------------------------------


def test_updating_settings_stores_and_reports_the_fields_given(world):
    change = world.plan.settings.update(name=" Plan  2026 ", stage="Startup", fiscal_year_start=4)
    settings = world.plan.settings.get()
    assert (settings.name, settings.stage, settings.fiscal_year_start) == (
        "Plan 2026",
        Stage.STARTUP,
        4,
    )
    assert change == Change(
        Entity.SETTINGS,
        Action.UPDATED,
        fields=frozenset({"name", "stage", "fiscal_year_start"}),
    )
    assert world.changes == [(change,)]


def test_a_new_horizon_is_used_by_the_next_edit(world):
    world.plan.settings.update(first_month="2026-04", months=24)
    assert world.plan.horizon == Horizon(202604, 24)
    new = world.plan.initiatives.add(name="Ads", channel="paid").id
    stored = world.plan.initiatives.get(new)
    assert (stored.start_month, stored.end_month) == (202604, 202803)


def test_the_horizon_may_shrink_to_the_months_that_hold_values(world):
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=4)
    world.plan.handoff.set_followup_hours("2026-02", 6)
    world.plan.settings.update(first_month="2026-02", months=2)
    assert world.plan.settings.get().horizon == Horizon(202602, 2)


def test_changing_the_currency_relabels_amounts_without_converting_them(world):
    world.plan.settings.update(currency=" eur ")
    assert world.plan.currency == Currency("EUR")
    assert world.plan.settings.get().currency == "EUR"
    assert world.plan.initiatives.get(world.webinar).budget == 1_000_000


def test_funnel_rates_take_fractions_and_percentages(world):
    change = world.plan.funnel.update(lead_to_mql="20%", mql_to_sal=0.45, opportunity_to_won="1")
    funnel = world.plan.funnel.get()
    assert (funnel.lead_to_mql, funnel.mql_to_sal, funnel.opportunity_to_won) == (0.2, 0.45, 1.0)
    assert change == Change(
        Entity.ASSUMPTIONS,
        Action.UPDATED,
        fields=frozenset({"lead_to_mql", "mql_to_sal", "opportunity_to_won"}),
    )


def test_the_average_deal_size_takes_major_units_as_text(world):
    world.plan.funnel.update(average_deal_size="25,000", min_return_ratio="2.5")
    funnel = world.plan.funnel.get()
    assert (funnel.average_deal_size, funnel.min_return_ratio) == (2_500_000, 2.5)


def test_the_handoff_agreement_is_stored(world):
    change = world.plan.handoff.update(
        mqls_per_month="1,200", acceptance_rate="60%", followup_hours=4, quality_bar=" Named buyer "
    )
    handoff = world.plan.handoff.get()
    assert (handoff.mqls_per_month, handoff.acceptance_rate, handoff.followup_hours) == (
        1200,
        0.6,
        4.0,
    )
    assert handoff.quality_bar == "Named buyer"
    assert (change.entity, change.action) == (Entity.HANDOFF, Action.UPDATED)


def test_followup_hours_are_recorded_and_cleared_per_month(world):
    change = world.plan.handoff.set_followup_hours("2026-03", "5.5")
    world.plan.handoff.set_followup_hours("2026-04", 30)
    world.plan.handoff.set_followup_hours("2026-04", None)
    assert world.plan.handoff.followup_hours() == {202603: 5.5}
    assert change.months == {202603}


def test_a_deleted_initiatives_id_is_never_given_to_a_new_one_so_it_can_be_restored():
    plan = Plan.in_memory()
    first = plan.initiatives.add(name="First", channel="paid").id
    last = plan.initiatives.add(name="Last", channel="paid").id
    snapshot = plan.initiatives.snapshot(last)
    plan.initiatives.delete(last)
    newcomer = plan.initiatives.add(name="Newcomer", channel="paid").id
    assert newcomer not in (first, last)
    plan.initiatives.restore(snapshot)
    assert plan.initiatives.get(last).name == "Last"


def test_every_listener_hears_of_a_committed_edit_even_when_one_fails():
    plan = Plan.in_memory()
    heard = []

    def failing(changes):
        raise RuntimeError("listener bug")

    plan.subscribe(failing)
    plan.subscribe(heard.append)
    with pytest.raises(RuntimeError, match="listener bug"):
        plan.people.add(name="Ann", team="Sales")
    assert len(heard) == 1
    assert [p.name for p in plan.people.list()] == ["Ann"]


def test_loading_an_empty_month_row_stores_nothing_for_that_month():
    plan = Plan.in_memory()
    initiative = plan.initiatives.add(name="Paid", channel="paid").id
    plan.values.set(initiative, "2026-03", "mql", planned=5)
    plan.values.load_months([MonthRow(initiative, 202603, (None,) * 18)])
    assert plan.values.for_initiative(initiative) == []
    plan.settings.update(months=2)  # no month outside Jan-Feb holds anything now
    assert plan.horizon.count == 2
