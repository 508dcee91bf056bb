"""Moving budget from one initiative to others (the true-up of what is unspent): an amount or
all that is unspent, split evenly or in proportion to budgets, with the planned spend the
source no longer covers, as one change set; an amount above what the source has unspent and
every other bad input are refused, naming the field."""

from __future__ import annotations

import pytest
from what_if_support import everything

from planner import Entity, ValidationError
from planner.services.what_if import ALL_UNSPENT, Split
from planner.validation import MAX_NUMBER


def move(lead, source, recipients, amount, split=Split.EVENLY):
    return lead.plan.what_if.move_budget(
        source, recipients, amount, split=split, analysis=lead.analysis()
    )


# -- what is unspent ----------------------------------------------------------------------


def test_unspent_is_the_budget_less_the_spend_to_date(lead):
    left = lead.plan.what_if.unspent(lead.summit, lead.analysis())
    assert (left.budget, left.spent, left.amount) == (1_234_500, 550_000, 684_500)


def test_spend_after_the_last_closed_month_is_not_spent_to_date(lead):
    lead.plan.values.set(lead.summit, "2026-03", "spend", actual="1,000")
    assert lead.plan.what_if.unspent(lead.summit, lead.analysis()).amount == 684_500


def test_with_no_spend_entered_the_whole_budget_is_unspent(lead):
    left = lead.plan.what_if.unspent(lead.fair, lead.analysis())
    assert (left.spent, left.amount) == (None, 300_000)


def test_an_overspent_initiative_has_nothing_unspent(lead):
    lead.plan.initiatives.update(lead.webinar, budget="500")
    assert lead.plan.what_if.unspent(lead.webinar, lead.analysis()).amount == 0


# -- budgets --------------------------------------------------------------------------------


def test_moving_an_amount_takes_it_off_the_source_and_splits_it_evenly(lead):
    result = move(lead, lead.webinar, [lead.summit, lead.fair, lead.ads], "100.01")
    # The spare cent goes to the first initiative named.
    assert result.shares == ((lead.summit, 3_334), (lead.fair, 3_334), (lead.ads, 3_333))
    assert lead.budget(lead.webinar) == 1_000_000 - 10_001
    assert lead.budget(lead.summit) == 1_234_500 + 3_334
    assert lead.budget(lead.ads) == 500_000 + 3_333


def test_moving_in_proportion_to_budgets(lead):
    result = move(lead, lead.webinar, [lead.fair, lead.ads], "1,000", Split.BY_BUDGET)
    assert result.shares == ((lead.fair, 37_500), (lead.ads, 62_500))
    assert (lead.budget(lead.fair), lead.budget(lead.ads)) == (337_500, 562_500)


def test_moving_all_unspent_leaves_the_source_its_spend_to_date(lead):
    result = move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    assert result.amount == 684_500
    assert lead.budget(lead.summit) == 550_000
    assert (lead.budget(lead.webinar), lead.budget(lead.ads)) == (1_342_250, 842_250)


def test_moving_keeps_the_plans_budget_and_revenue_targets(lead):
    def totals():
        live = lead.plan.initiatives.list()
        return sum(i.budget for i in live), [i.revenue_target for i in live]

    before = totals()
    move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT, Split.BY_BUDGET)
    assert totals() == before


# -- planned spend --------------------------------------------------------------------------


def test_the_source_gives_up_the_planned_spend_of_its_open_months_beyond_its_budget(lead):
    result = move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    # January and February are to date: they stay as planned, to compare with what was spent.
    assert lead.planned(lead.summit) == {202601: 308_625, 202602: 308_625, 202603: 0, 202604: 0}
    assert result.spend_moved == 617_250


def test_the_source_keeps_its_planned_spend_while_its_budget_still_covers_it(lead):
    result = move(lead, lead.webinar, [lead.fair], "4,000")
    assert list(lead.planned(lead.webinar).values()) == [100_000] * 6
    assert result.spend_moved == 0


def test_the_source_gives_up_only_what_its_new_budget_does_not_cover(lead):
    move(lead, lead.webinar, [lead.fair], "4,500")
    # $5,500 left and $1,000 planned in each of six months: March to June give up $500.
    assert lead.planned(lead.webinar) == {
        202601: 100_000,
        202602: 100_000,
        202603: 87_500,
        202604: 87_500,
        202605: 87_500,
        202606: 87_500,
    }


def test_the_spend_goes_to_a_recipients_open_months_in_proportion_to_its_plan(lead):
    move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    # $3,086.25 for the webinar: a quarter of it to each of March to June.
    assert lead.planned(lead.webinar) == {
        202601: 100_000,
        202602: 100_000,
        202603: 177_157,
        202604: 177_156,
        202605: 177_156,
        202606: 177_156,
    }


def test_a_recipient_planning_no_spend_gets_it_evenly_over_its_open_months(lead):
    move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    # $3,086.25 for the search ads, which run June to December.
    assert lead.planned(lead.ads) == {
        202606: 44_090,
        202607: 44_090,
        202608: 44_089,
        202609: 44_089,
        202610: 44_089,
        202611: 44_089,
        202612: 44_089,
    }


def test_the_plans_planned_spend_stays_the_same(lead):
    def planned_spend():
        return sum(v[0] or 0 for v in lead.plan.values.grid("spend").values())

    before = planned_spend()
    move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT, Split.BY_BUDGET)
    assert planned_spend() == before


def test_a_recipient_with_no_open_month_left_gets_budget_but_no_spend(lead):
    promo = lead.plan.initiatives.add(
        name="January promo", start_month="2026-01", end_month="2026-02", budget="1,000"
    ).id
    result = move(lead, lead.summit, [promo], ALL_UNSPENT)
    assert lead.budget(promo) == 100_000 + 684_500
    assert lead.planned(promo) == {}
    assert result.spend_moved == 0
    assert lead.planned(lead.summit)[202603] == 0


# -- one step, and undo -------------------------------------------------------------------------


def test_moving_is_one_change_set(lead):
    move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    assert len(lead.seen) == 1
    assert lead.seen[0].ids(Entity.INITIATIVES) == {lead.summit, lead.webinar, lead.ads}
    assert lead.seen[0].ids(Entity.VALUES) == {lead.summit, lead.webinar, lead.ads}


def test_putting_back_the_amounts_before_restores_the_plan_exactly(lead):
    before = everything(lead.plan)
    result = move(lead, lead.summit, [lead.webinar, lead.ads], ALL_UNSPENT)
    after = everything(lead.plan)
    lead.plan.what_if.put(result.before)
    assert everything(lead.plan) == before  # the search ads' new months are gone again
    lead.plan.what_if.put(result.after)
    assert everything(lead.plan) == after


def test_a_dry_run_says_the_same_and_changes_nothing(lead):
    before = everything(lead.plan)
    preview = lead.plan.what_if.move_budget(
        lead.summit, [lead.webinar], ALL_UNSPENT, analysis=lead.analysis(), dry_run=True
    )
    assert everything(lead.plan) == before
    assert lead.seen == []
    assert preview == move(lead, lead.summit, [lead.webinar], ALL_UNSPENT)


# -- refusals -------------------------------------------------------------------------------


def refused(lead, field: str, rule: str, source, recipients, amount, split=Split.EVENLY):
    """Moving is refused for ``field`` by ``rule``, and the plan is left as it was."""
    before = everything(lead.plan)
    lead.seen.clear()
    with pytest.raises(ValidationError) as caught:
        move(lead, source, recipients, amount, split)
    assert (caught.value.field, caught.value.rule) == (field, rule)
    assert everything(lead.plan) == before
    assert lead.seen == []
    return caught.value


def test_an_amount_above_what_the_source_has_unspent_is_refused(lead):
    error = refused(lead, "amount", "more_than_unspent", lead.summit, [lead.fair], "7,000")
    assert str(error) == (
        "Amount: $7,000.00 is more than 'Summit' has unspent: $6,845.00 (its budget of "
        "$12,345.00 less $5,500.00 spent to date)"
    )


def test_an_amount_above_a_budget_with_nothing_spent_is_refused(lead):
    error = refused(lead, "amount", "more_than_unspent", lead.fair, [lead.ads], "3,000.01")
    assert str(error).endswith("(its budget of $3,000.00, with nothing spent to date)")


def test_moving_all_unspent_of_an_overspent_initiative_is_refused(lead):
    lead.plan.initiatives.update(lead.webinar, budget="500")
    error = refused(lead, "amount", "nothing_unspent", lead.webinar, [lead.fair], ALL_UNSPENT)
    assert str(error) == (
        "Amount: 'Webinar series' has nothing unspent (its budget of $500.00 less $900.00 "
        "spent to date)"
    )


@pytest.mark.parametrize(
    ("amount", "rule"), [(0, "zero"), ("-5", "negative"), ("lots", "not_a_number")]
)
def test_an_amount_that_is_not_a_sum_to_move_is_refused(lead, amount, rule):
    refused(lead, "amount", rule, lead.webinar, [lead.fair], amount)


def test_moving_to_no_initiative_is_refused(lead):
    error = refused(lead, "recipients", "required", lead.webinar, [], "100")
    assert str(error) == "Move to: choose at least one initiative to move the budget to"


def test_moving_to_the_source_itself_is_refused(lead):
    error = refused(lead, "recipients", "same", lead.webinar, [lead.fair, lead.webinar], "100")
    assert str(error) == "Move to: 'Webinar series' cannot move budget to itself"


def test_moving_to_a_dropped_initiative_is_refused(lead):
    error = refused(lead, "recipients", "dropped", lead.webinar, [lead.old_show], "100")
    assert str(error).startswith("Move to: 'Old show' is dropped")


def test_moving_to_an_initiative_the_plan_does_not_have_is_refused(lead):
    refused(lead, "recipients", "unknown", lead.webinar, [999], "100")


def test_moving_from_an_initiative_the_plan_does_not_have_is_refused(lead):
    error = refused(lead, "source", "unknown", 999, [lead.fair], "100")
    assert str(error) == "Move from: there is no initiative with id 999"


def test_a_split_in_proportion_to_no_budget_is_refused(lead):
    guide = lead.plan.initiatives.add(name="Guide").id
    error = refused(lead, "split", "no_budgets", lead.webinar, [guide], "100", Split.BY_BUDGET)
    assert str(error).endswith("split evenly instead")


def test_a_split_the_app_does_not_know_is_refused(lead):
    refused(lead, "split", "choice", lead.webinar, [lead.fair], "100", "by lottery")


def test_a_recipients_budget_beyond_the_largest_amount_is_refused_naming_it(lead):
    lead.plan.initiatives.update(lead.fair, budget=MAX_NUMBER - 100)
    error = refused(lead, "budget", "too_large", lead.webinar, [lead.fair], 200)
    assert str(error).startswith("'Trade fair': Budget: must be at most")
