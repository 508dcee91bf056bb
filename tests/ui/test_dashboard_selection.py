"""The Dashboard's one Selection (months and filters) as the core's Filter and the charts'
options, and which edits the page must follow."""

from __future__ import annotations

from planner import ChangeSet, Entity, Team, Tier
from planner.analysis import Filter
from planner.changes import Action, Change
from planner.charts.options import ChartOptions
from ui.pages.dashboard.refresh_rules import affects_dashboard, changes_choices, changes_names
from ui.pages.dashboard.selection import NO_OWNER, Selection

Q2 = Selection(months=(202604, 202606), period="Q2 2026")


def edit(entity: Entity, *fields: str) -> ChangeSet:
    return ChangeSet.of([Change(entity, Action.UPDATED, frozenset({1}), frozenset(fields))])


def test_an_unfiltered_selection_filters_nothing():
    assert not Q2.filtered
    assert Q2.where is None


def test_each_chosen_filter_becomes_a_criterion_of_the_core_filter():
    chosen = Selection(
        months=(202601, 202612),
        period="Year 2026",
        team="Sales",
        owner_id=7,
        segment_id=3,
        tier="core",
        channel_id=4,
    )

    assert chosen.filtered
    assert chosen.where == Filter(
        teams=(Team.SALES,),
        owner_ids=(7,),
        segment_ids=(3,),
        tiers=(Tier.CORE,),
        channel_ids=(4,),
    )


def test_no_owner_becomes_the_core_filters_none_owner():
    nobody = Selection(months=(202601, 202612), period="", owner_id=NO_OWNER)
    assert nobody.where == Filter(owner_ids=(None,))


def test_one_filter_leaves_the_other_criteria_empty():
    assert Selection(months=(202601, 202612), period="", channel_id=6).where == Filter(
        channel_ids=(6,)
    )


def test_the_charts_get_the_months_the_filter_and_the_scheme():
    chosen = Selection(months=(202604, 202606), period="Q2 2026", tier="edge")

    assert chosen.options(dark=True) == ChartOptions(
        months=(202604, 202606), where=Filter(tiers=(Tier.EDGE,)), dark=True
    )


def test_typing_a_story_moves_nothing_on_the_dashboard():
    assert not affects_dashboard(edit(Entity.INITIATIVES, "problem"))
    assert not affects_dashboard(edit(Entity.INITIATIVES, "so_what", "why_us", "notes"))


def test_a_budget_a_value_or_a_role_moves_the_dashboard():
    assert affects_dashboard(edit(Entity.INITIATIVES, "budget"))
    assert affects_dashboard(edit(Entity.INITIATIVES, "problem", "name"))
    assert affects_dashboard(edit(Entity.VALUES, "revenue_won"))
    assert affects_dashboard(edit(Entity.ROLES))
    assert affects_dashboard(None)


def test_a_deleted_initiative_moves_the_dashboard():
    deleted = ChangeSet.of([Change(Entity.INITIATIVES, Action.DELETED, frozenset({4}))])

    assert affects_dashboard(deleted)


def test_people_segments_channels_and_settings_refill_the_filters_values_do_not():
    assert changes_choices(edit(Entity.PEOPLE, "name"))
    assert changes_choices(edit(Entity.SEGMENTS, "tier"))
    assert changes_choices(edit(Entity.CHANNELS, "retired"))
    assert changes_choices(edit(Entity.SETTINGS, "fiscal_year_start"))
    assert not changes_choices(edit(Entity.VALUES, "spend"))


def test_renaming_an_initiative_or_a_channel_renames_its_tooltips_a_value_does_not():
    assert changes_names(edit(Entity.INITIATIVES, "name"))
    assert changes_names(edit(Entity.CHANNELS, "name"))
    assert not changes_names(edit(Entity.VALUES, "spend"))
