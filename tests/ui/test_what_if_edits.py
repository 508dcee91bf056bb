"""The Initiatives page's what-if commands, run through a PlanDocument on a real plan: each
is one undo step that undoes to exactly what the plan held and redoes to exactly what it
made, says what it did through the document's announcement, and a refused one leaves the
plan and the undo stack as they were."""

from __future__ import annotations

from decimal import Decimal

import pytest
from initiatives_support import Small, doc, small_plan

from planner import Plan
from planner.analysis import Filter
from planner.services.what_if import Split
from ui.document import PlanDocument
from ui.pages.initiatives import what_if_edits
from ui.pages.initiatives.what_if_edits import MoveRequest, ScaleRequest

# ``doc`` is a fixture (see initiatives_support): pytest finds it in this module.
__all__ = ["doc"]


@pytest.fixture
def small() -> Small:
    """The small plan, with the webinar's $9,000 planned from February to April."""
    small = small_plan()
    for month in ("2026-02", "2026-03", "2026-04"):
        small.plan.values.set(small.webinar, month, "spend", planned="3,000")
    return small


@pytest.fixture
def heard(doc: PlanDocument) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"announced": [], "refused": []}
    doc.announced.connect(lambda text, _command: said["announced"].append(text))
    doc.refused.connect(said["refused"].append)
    return said


def everything(plan: Plan):
    return (
        plan.initiatives.list(),
        plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month"),
    )


def webinar_channel(plan: Plan) -> Filter:
    return Filter(channel_ids=[plan.channels.named("Webinar").id])


# -- scaling --------------------------------------------------------------------------------


def scale_request(plan: Plan, percent: str = "-30", **extra) -> ScaleRequest:
    return ScaleRequest(webinar_channel(plan), "Webinar initiatives", Decimal(percent), **extra)


def test_scaling_is_one_step_that_undoes_and_redoes_exactly(doc, small):
    before = everything(doc.plan)
    assert doc.run(what_if_edits.scale_budgets(doc.plan, scale_request(doc.plan)))
    after = everything(doc.plan)
    assert doc.plan.initiatives.get(small.webinar).budget == 630_000
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert everything(doc.plan) == before
    doc.undo_stack.redo()
    assert everything(doc.plan) == after


def test_scaling_reads_as_what_it_scales_in_the_edit_menu(doc):
    doc.run(what_if_edits.scale_budgets(doc.plan, scale_request(doc.plan, "15")))
    assert doc.undo_stack.undoText() == "scale budgets of Webinar initiatives by +15%"


def test_scaling_announces_how_many_by_how_much_and_the_totals(doc, heard):
    doc.run(what_if_edits.scale_budgets(doc.plan, scale_request(doc.plan)))
    assert heard["announced"] == [
        "Scaled 1 Webinar initiative by -30% ($9k → $6.3k), revenue targets too"
    ]


def test_scaling_without_the_targets_says_nothing_of_them(doc, heard, small):
    request = scale_request(doc.plan, "-12.5", revenue_targets=False)
    doc.run(what_if_edits.scale_budgets(doc.plan, request))
    assert heard["announced"] == ["Scaled 1 Webinar initiative by -12.5% ($9k → $7.9k)"]
    assert doc.plan.initiatives.get(small.webinar).revenue_target == 6_000_000


def test_each_undo_and_redo_of_a_what_if_is_one_change_set(doc):
    seen = []
    doc.changed.connect(seen.append)
    doc.run(what_if_edits.scale_budgets(doc.plan, scale_request(doc.plan)))
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert len(seen) == 3


def test_a_refused_scaling_leaves_the_plan_and_the_stack_as_they_were(doc, heard):
    before = everything(doc.plan)
    assert not doc.run(what_if_edits.scale_budgets(doc.plan, scale_request(doc.plan, "-150")))
    assert heard["refused"][0].startswith(
        "Could not scale budgets of Webinar initiatives by -150%: Change by: must be from -100%"
    )
    assert everything(doc.plan) == before
    assert doc.undo_stack.count() == 0


# -- moving ---------------------------------------------------------------------------------


def test_moving_is_one_step_that_undoes_and_redoes_exactly(doc, small):
    request = MoveRequest(small.summit, (small.webinar, small.guide), 100_000)
    before = everything(doc.plan)
    assert doc.run(what_if_edits.move_budget(doc.plan, doc.analysis, request))
    after = everything(doc.plan)
    assert doc.plan.initiatives.get(small.summit).budget == 10_900_000
    assert doc.plan.initiatives.get(small.guide).budget == 50_000
    doc.undo_stack.undo()
    assert everything(doc.plan) == before
    doc.undo_stack.redo()
    assert everything(doc.plan) == after
    assert doc.undo_stack.count() == 1


def test_moving_all_unspent_announces_who_got_what(doc, heard, small):
    request = MoveRequest(small.webinar, (small.summit, small.guide), None, Split.BY_BUDGET)
    doc.run(what_if_edits.move_budget(doc.plan, doc.analysis, request))
    # The guide has no budget: in proportion to budgets, all goes to the summit booth.
    assert heard["announced"] == [
        "Moved $9,000.00 from Webinar series to summit booth (+$9,000.00) and Accounting "
        "guide (+$0.00); $9,000.00 of planned spend goes with it"
    ]
    assert doc.undo_stack.undoText() == "move budget from Webinar series"


def test_an_amount_typed_that_is_not_one_is_refused_naming_the_field(doc, heard, small):
    request = MoveRequest(small.summit, (small.webinar,), "lots")
    assert not doc.run(what_if_edits.move_budget(doc.plan, doc.analysis, request))
    assert heard["refused"] == [
        "Could not move budget from summit booth: Amount: 'lots' is not an amount in USD "
        "(write it like 25,000.00, 400k or 1.2M)"
    ]
    assert doc.undo_stack.count() == 0


def test_the_percent_reads_signed_without_needless_decimals():
    texts = [what_if_edits.percent_text(Decimal(p)) for p in ("-30.0", "15", "12.50", "100")]
    assert texts == ["-30%", "+15%", "+12.5%", "+100%"]
