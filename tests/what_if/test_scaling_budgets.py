"""Scaling the budgets of a channel, an owner or a segment by a percentage: with their planned
spend, their revenue targets and planned funnel unless asked not to, rounded to the minor
unit, within the plan's limits, as one change set; every refusal names its field."""

from __future__ import annotations

import pytest
from what_if_support import everything

from planner import Entity, Plan, ValidationError
from planner.analysis import Filter
from planner.validation import MAX_NUMBER

# -- what is scaled -------------------------------------------------------------------------


def test_scaling_a_channel_scales_the_budgets_of_its_live_initiatives(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    assert lead.budget(lead.summit) == 864_150
    assert lead.budget(lead.fair) == 210_000


def test_scaling_a_channel_leaves_its_dropped_initiatives_and_other_channels_alone(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    assert lead.budget(lead.old_show) == 900_000
    assert lead.budget(lead.webinar) == 1_000_000
    assert lead.budget(lead.ads) == 500_000


def test_scaling_an_owner_scales_what_the_person_is_accountable_for(lead):
    result = lead.plan.what_if.scale_budgets(Filter(owner_ids=[lead.bob]), "+15%")
    assert result.initiative_ids == (lead.fair,)  # Bob is only Responsible on the summit
    assert lead.budget(lead.fair) == 345_000
    assert lead.budget(lead.summit) == 1_234_500


def test_scaling_a_segment_scales_the_initiatives_aimed_at_it(lead):
    result = lead.plan.what_if.scale_budgets(Filter(segment_ids=[lead.edge]), "10")
    assert sorted(result.initiative_ids) == sorted([lead.fair, lead.webinar])
    assert lead.budget(lead.fair) == 330_000
    assert lead.budget(lead.webinar) == 1_100_000
    assert lead.budget(lead.summit) == 1_234_500


def test_scaling_initiatives_without_an_owner(lead):
    result = lead.plan.what_if.scale_budgets(Filter(owner_ids=[None]), "-50")
    assert result.initiative_ids == (lead.ads,)
    assert lead.budget(lead.ads) == 250_000


def test_a_cut_of_a_hundred_percent_leaves_nothing_planned(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-100")
    assert lead.budget(lead.summit) == 0
    assert set(lead.planned(lead.summit).values()) == {0}


@pytest.mark.parametrize("percent", ["-30", "\u221230 %", "-30%", -30, -30.0])
def test_a_percent_is_read_as_typed_or_given(lead, percent):
    result = lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), percent)
    assert result.budget_after == 1_074_150


# -- months, targets and actuals --------------------------------------------------------------


def test_the_planned_spend_is_scaled_and_still_adds_up_to_the_budget(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    months = lead.planned(lead.summit)
    # $2,160.375 a month exactly: the spare cents go to the earliest months.
    assert list(months.values()) == [216_038, 216_038, 216_037, 216_037]
    assert sum(months.values()) == lead.budget(lead.summit)


def test_revenue_targets_and_the_planned_funnel_follow_the_budgets_by_default(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    assert lead.target(lead.summit) == 7_000_000
    assert lead.target(lead.fair) == 1_400_000
    assert sum(lead.planned(lead.summit, "revenue_won").values()) == lead.target(lead.summit)
    # 28 MQLs planned become 19.6, rounded to 20 and spread over the months.
    assert list(lead.planned(lead.summit, "mql").values()) == [5, 5, 5, 5]


def test_revenue_targets_and_the_planned_funnel_stay_when_asked(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30", revenue_targets=False)
    assert lead.budget(lead.summit) == 864_150
    assert lead.target(lead.summit) == 10_000_000
    assert list(lead.planned(lead.summit, "mql").values()) == [7, 7, 7, 7]
    assert sum(lead.planned(lead.summit).values()) == 864_150


def test_actuals_are_never_scaled(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    actual = {m: v[1] for (i, m), v in lead.plan.values.grid("spend").items() if i == lead.summit}
    assert actual == {202601: 250_000, 202602: 300_000, 202603: None, 202604: None}


def test_months_with_nothing_entered_stay_empty(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "+20")
    assert lead.planned(lead.fair) == {}


# -- rounding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "percent", "scaled"),
    [
        (12_345, "-30", 8_642),  # 8,641.5 cents: half to the even cent
        (12_335, "-30", 8_634),  # 8,634.5 cents: half to the even cent
        (10_001, "+12.5%", 11_251),  # 11,251.125 cents
        (1, "-50", 0),  # half a cent: to the even cent, none
    ],
)
def test_budgets_are_rounded_to_the_minor_unit_half_to_even(lead, budget, percent, scaled):
    content = lead.plan.channels.named("Content").id
    guide = lead.plan.initiatives.add(name="Guide", channel_id=content, budget=budget).id
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[content]), percent)
    assert lead.budget(guide) == scaled


def test_a_yen_plan_rounds_to_the_whole_yen():
    plan = Plan.in_memory(currency="JPY")
    content = plan.channels.named("Content").id
    guide = plan.initiatives.add(name="Guide", channel_id=content, budget="1,005").id
    plan.what_if.scale_budgets(Filter(channel_ids=[content]), "-10")
    assert plan.initiatives.get(guide).budget == 904  # ¥904.5, to the even yen


# -- what the result says ---------------------------------------------------------------------


def test_the_result_says_which_initiatives_and_the_totals_before_and_after(lead):
    result = lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    assert sorted(result.initiative_ids) == sorted([lead.summit, lead.fair])
    assert (result.budget_before, result.budget_after) == (1_534_500, 1_074_150)
    assert (result.target_before, result.target_after) == (12_000_000, 8_400_000)
    assert str(result.percent) == "-30"
    assert result.revenue_targets


def test_a_dry_run_says_the_same_and_changes_nothing(lead):
    before = everything(lead.plan)
    preview = lead.plan.what_if.scale_budgets(
        Filter(channel_ids=[lead.events]), "-30", dry_run=True
    )
    assert everything(lead.plan) == before
    assert lead.seen == []
    assert preview == lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")


def test_scaling_is_one_change_set_of_the_budgets_and_the_values(lead):
    lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    assert len(lead.seen) == 1
    changes = lead.seen[0]
    assert changes.ids(Entity.INITIATIVES) == {lead.summit, lead.fair}
    assert changes.ids(Entity.VALUES) == {lead.summit}


def test_putting_back_the_amounts_before_restores_the_plan_exactly(lead):
    before = everything(lead.plan)
    result = lead.plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
    lead.plan.what_if.put(result.before)
    assert everything(lead.plan) == before
    lead.plan.what_if.put(result.after)
    assert lead.budget(lead.summit) == 864_150


# -- refusals -------------------------------------------------------------------------------


def refused(lead, where: Filter, percent: object, field: str, rule: str) -> ValidationError:
    """Scaling is refused for ``field`` by ``rule``, and the plan is left as it was."""
    before = everything(lead.plan)
    with pytest.raises(ValidationError) as caught:
        lead.plan.what_if.scale_budgets(where, percent)
    assert (caught.value.field, caught.value.rule) == (field, rule)
    assert everything(lead.plan) == before
    assert lead.seen == []
    return caught.value


def test_a_cut_of_more_than_a_hundred_percent_is_refused(lead):
    error = refused(lead, Filter(channel_ids=[lead.events]), "-130", "percent", "range")
    assert str(error).startswith("Change by: must be from -100% (nothing left)")


def test_a_change_of_nothing_is_refused(lead):
    error = refused(lead, Filter(channel_ids=[lead.events]), "0%", "percent", "zero")
    assert str(error) == "Change by: 0% changes nothing; type a cut or a rise"


def test_a_percent_that_is_not_a_number_is_refused(lead):
    error = refused(lead, Filter(channel_ids=[lead.events]), "a lot", "percent", "not_a_number")
    assert str(error) == "Change by: 'a lot' is not a percentage (write it like -30 or +15%)"


def test_a_channel_the_plan_does_not_have_is_refused(lead):
    error = refused(lead, Filter(channel_ids=[999]), "-30", "channel", "unknown")
    assert str(error) == "Channel: there is no channel with id 999"


def test_a_channel_with_no_live_initiative_is_refused_by_name(lead):
    pr = lead.plan.channels.named("PR").id
    error = refused(lead, Filter(channel_ids=[pr]), "-30", "channel", "none")
    assert str(error) == (
        "Channel: no live initiative is in PR (dropped ones are left as they are)"
    )


def test_a_person_who_owns_nothing_is_refused_by_name(lead):
    cat = lead.plan.people.add(name="Cat Diaz", team="Sales").id
    lead.seen.clear()
    error = refused(lead, Filter(owner_ids=[cat]), "-30", "owner_id", "none")
    assert str(error).startswith("Owner: no live initiative is owned by Cat Diaz")


def test_a_rise_beyond_the_largest_amount_is_refused_naming_the_initiative(lead):
    lead.plan.initiatives.update(lead.fair, budget=MAX_NUMBER // 2)
    lead.seen.clear()
    error = refused(lead, Filter(channel_ids=[lead.events]), "+150", "budget", "too_large")
    assert str(error) == "'Trade fair': Budget: must be at most $10,000,000,000,000"


def test_a_planned_month_beyond_the_largest_amount_is_refused_naming_it(lead):
    lead.plan.values.set(lead.webinar, "2026-03", "pipeline", planned=MAX_NUMBER // 2)
    lead.seen.clear()
    error = refused(
        lead,
        Filter(channel_ids=[lead.plan.channels.named("Webinar").id]),
        "+150",
        "planned pipeline",
        "too_large",
    )
    assert str(error).startswith("'Webinar series', Mar 2026: Planned pipeline: must be at most")


def test_a_rise_that_takes_the_plans_total_beyond_its_limit_is_refused():
    plan = Plan.in_memory()
    content = plan.channels.named("Content").id
    # 600 budgets of 10^15 / 2 add up to 3 x 10^17; half as much again passes 2^59.
    with plan.batch():
        for n in range(600):
            plan.initiatives.add(name=f"Guide {n}", channel_id=content, budget=MAX_NUMBER // 2)
    before = everything(plan)
    with pytest.raises(ValidationError) as caught:
        plan.what_if.scale_budgets(Filter(channel_ids=[content]), "+95")
    assert (caught.value.field, caught.value.rule) == ("budget", "total_too_large")
    assert everything(plan) == before


def test_a_read_only_plan_is_refused_and_left_as_it_was(lead, tmp_path):
    from planner import ReadOnlyPlanError

    path = lead.plan.save_copy(tmp_path / "copy.smplan")
    with Plan.open(path, read_only=True) as plan, pytest.raises(ReadOnlyPlanError):
        plan.what_if.scale_budgets(Filter(channel_ids=[lead.events]), "-30")
