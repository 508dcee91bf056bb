"""Successful edits of RACI roles and monthly values."""

from __future__ import annotations

from editing_support import raw_rows

from planner import (
    Action,
    Assignment,
    Change,
    Entity,
    Horizon,
    Metric,
    MonthlyValue,
    Role,
    ValueEntry,
)

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
    new = world.plan.initiatives.add(name="Ads", channel_id=world.plan.channels.named("Paid").id).id
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
    other = world.plan.initiatives.add(
        name="Ads", channel_id=world.plan.channels.named("Paid").id
    ).id
    world.plan.values.set(world.webinar, "2026-03", "mql", planned=40, actual=35)
    world.plan.values.set(other, "2026-04", "mql", actual=7)
    world.plan.values.set(other, "2026-05", "leads", planned=100)
    assert world.plan.values.grid("mql") == {
        (world.webinar, 202603): (40, 35),
        (other, 202604): (None, 7),
    }


def test_set_many_writes_every_entry_in_one_announced_change(world):
    other = world.plan.initiatives.add(
        name="Ads", channel_id=world.plan.channels.named("Paid").id
    ).id
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
