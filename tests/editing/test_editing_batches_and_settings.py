"""Batches, subscribers, and edits of settings, funnel assumptions and the hand-off."""

from __future__ import annotations

import pytest

from planner import (
    Action,
    Change,
    ChangeSet,
    Currency,
    Entity,
    Horizon,
    ListenerError,
    MonthRow,
    Plan,
    PlanError,
    Stage,
    ValidationError,
)

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
    new = world.plan.initiatives.add(name="Ads", channel_id=world.plan.channels.named("Paid").id).id
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
    first = plan.initiatives.add(name="First", channel_id=plan.channels.named("Paid").id).id
    last = plan.initiatives.add(name="Last", channel_id=plan.channels.named("Paid").id).id
    snapshot = plan.initiatives.snapshot(last)
    plan.initiatives.delete(last)
    newcomer = plan.initiatives.add(name="Newcomer", channel_id=plan.channels.named("Paid").id).id
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
    with pytest.raises(ListenerError, match="listener bug") as raised:
        plan.people.add(name="Ann", team="Sales")
    assert not isinstance(raised.value, PlanError)  # nothing was refused
    assert len(heard) == 1
    assert [p.name for p in plan.people.list()] == ["Ann"]


def test_loading_an_empty_month_row_stores_nothing_for_that_month():
    plan = Plan.in_memory()
    initiative = plan.initiatives.add(name="Paid", channel_id=plan.channels.named("Paid").id).id
    plan.values.set(initiative, "2026-03", "mql", planned=5)
    plan.values.load_months([MonthRow(initiative, 202603, (None,) * 18)])
    assert plan.values.for_initiative(initiative) == []
    plan.settings.update(months=2)  # no month outside Jan-Feb holds anything now
    assert plan.horizon.count == 2
