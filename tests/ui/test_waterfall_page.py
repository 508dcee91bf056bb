"""The Waterfall page: the figures of ``waterfall()`` as the lead reads them (money, counts, signs,
"—" for no actual, shortfalls marked), grouped as chosen and filtered; a what-if of the plan's
rates that shows its effect at once and writes nothing until Keep, which is one undo step;
Discard; names shown as written; the page follows edits made elsewhere."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from waterfall_support import (
    choose_grouping,
    foreground,
    group_labels,
    marked_short,
    show_waterfall,
    stage_row,
)

from planner import Metric, Plan
from planner.analysis import Dimension
from planner.analysis.filters import Filter
from planner.analysis.waterfall import WATERFALL_STAGES, waterfall
from planner.assumptions import SOURCES
from planner.charts import waterfall as chart
from planner.services.values import Kind, ValueEntry
from ui.document import PlanDocument
from ui.pages.waterfall.figures import MINUS, NO_DATA
from ui.pages.waterfall.page import WaterfallPage
from ui.pages.waterfall.what_if import BANNER
from ui.plain_text import tooltip_text

HOSTILE = "<b>Bold</b> launch <img src=x>"


@pytest.fixture
def page(qtbot, document) -> WaterfallPage:
    return show_waterfall(qtbot, document)


@pytest.fixture
def small_document(qapp) -> Iterator[PlanDocument]:
    """A plan of one initiative (a markup name) with a $100,000 target and a planned funnel
    short of it, and no actuals at all."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    made = plan.initiatives.add(
        name=HOSTILE,
        channel_id=plan.channels.named("Webinar").id,
        budget=10_000_00,
        revenue_target=100_000_00,
    )
    plan.values.set_many(
        [
            ValueEntry(made.id, 202601, Metric.LEADS, Kind.PLANNED, 50),
            ValueEntry(made.id, 202601, Metric.REVENUE_WON, Kind.PLANNED, 40_000_00),
        ]
    )
    document = PlanDocument(plan)
    yield document
    document.close()


def first_initiative(plan: Plan) -> int:
    return plan.initiatives.list()[0].id


# -- the figures are waterfall()'s -----------------------------------------------------------


def test_the_plans_total_is_the_waterfalls_total(page):
    assert page.rows == waterfall(page.analysis)
    assert page.stages_model.stages() == list(waterfall(page.analysis)[0].stages)


def test_each_stage_reads_as_the_waterfalls_figures_formatted(page):
    total = waterfall(page.analysis)[0]
    deals, revenue = total.stage(Metric.DEALS_WON), total.stage(Metric.REVENUE_WON)

    assert stage_row(page, "Deals won")["needed"] == f"{deals.needed:,}"
    assert stage_row(page, "Deals won")["planned"] == f"{deals.planned:,}"
    assert stage_row(page, "Revenue won")["needed"] == f"${revenue.needed // 100:,}"


def test_a_shortfall_has_a_minus_sign_and_the_shortfall_colour(page):
    revenue = waterfall(page.analysis)[0].stage(Metric.REVENUE_WON)
    assert revenue.planned_gap < 0  # the demo plan plans less revenue than its targets

    cell = stage_row(page, "Revenue won")["planned_gap"]
    assert cell == f"{MINUS}${-revenue.planned_gap // 100:,}"
    assert marked_short(page, "Revenue won", "planned_gap")
    assert isinstance(foreground(page, "Revenue won", "planned_gap"), QColor)


def test_a_stage_planned_beyond_its_need_has_a_plus_sign_and_no_mark(page):
    leads = waterfall(page.analysis)[0].stage(Metric.LEADS)
    assert leads.planned_gap > 0

    assert stage_row(page, "Leads")["planned_gap"] == f"+{leads.planned_gap:,}"
    assert not marked_short(page, "Leads", "planned_gap")
    assert foreground(page, "Leads", "planned_gap") is None


def test_the_total_comes_first_then_one_row_per_group(page):
    choose_grouping(page, "Channel")

    expected = waterfall(page.analysis) + waterfall(page.analysis, Dimension.CHANNEL)
    assert page.rows == expected
    assert group_labels(page)[0] == "Total"


@pytest.mark.parametrize(
    ("title", "dimension"),
    [
        ("Tier", Dimension.TIER),
        ("Segment", Dimension.SEGMENT),
        ("Owner", Dimension.OWNER),
        ("Team", Dimension.TEAM),
        ("Initiative", Dimension.INITIATIVE),
    ],
)
def test_each_grouping_lists_the_waterfalls_rows(page, title, dimension):
    choose_grouping(page, title)

    assert page.rows[1:] == waterfall(page.analysis, dimension)


def test_choosing_a_group_shows_its_stages(page):
    choose_grouping(page, "Channel")
    paid = next(row for row in page.rows[1:] if row.label == "Paid")

    assert page.choose_group(paid.key)

    assert page.stages_model.stages() == list(paid.stages)
    assert page.stages_title.text().endswith("Paid")


def test_switching_the_grouping_back_to_the_plan_shows_the_total_alone(page):
    choose_grouping(page, "Segment")
    choose_grouping(page, "Plan")

    assert group_labels(page) == ["Total"]


def test_the_channel_filter_narrows_the_waterfall(page):
    channel = page.plan.channels.named("Paid").id
    combo = page.filters.channel
    combo.setCurrentIndex(combo.findData(channel))

    assert page.rows == waterfall(page.analysis, where=Filter(channel_ids=(channel,)))


def test_a_stage_without_actuals_shows_a_dash(qtbot, small_document):
    page = show_waterfall(qtbot, small_document)

    leads = stage_row(page, "Leads")
    assert (leads["actual"], leads["actual_gap"]) == (NO_DATA, NO_DATA)
    assert leads["planned"] == "50"


# -- names as written ------------------------------------------------------------------------


def test_an_initiatives_markup_name_is_shown_as_written(qtbot, small_document):
    page = show_waterfall(qtbot, small_document)
    choose_grouping(page, "Initiative")
    page.choose_group(first_initiative(page.plan))

    assert HOSTILE in group_labels(page)
    assert page.stages_title.text() == f"Stage by stage: {HOSTILE}"
    assert page.stages_title.textFormat().name == "PlainText"


# -- the what-if -----------------------------------------------------------------------------


def test_each_rate_field_cites_the_source_of_its_default(page):
    for name, field in page.what_if.fields.items():
        assert tooltip_text(field.widget.toolTip()) == SOURCES[name]


def test_a_what_if_rate_changes_the_needs_shown_at_once(page):
    before = page.plan.funnel.get()

    what_if = page.try_rates(lead_to_mql=before.lead_to_mql * 2)

    assert what_if is not None
    expected = waterfall(page.analysis, assumptions=what_if)[0]
    assert stage_row(page, "Leads")["needed"] == f"{expected.stage(Metric.LEADS).needed:,}"
    assert (
        expected.stage(Metric.LEADS).needed < waterfall(page.analysis)[0].stage(Metric.LEADS).needed
    )


def test_a_what_if_writes_nothing(page):
    before = page.plan.funnel.get()

    page.try_rates(lead_to_mql=0.4, average_deal_size=before.average_deal_size * 2)

    assert page.plan.funnel.get() == before
    assert page.document.undo_stack.count() == 0


def test_a_what_if_says_so_with_keep_and_discard(page):
    page.try_rates(mql_to_sal=0.9)

    assert page.what_if.is_what_if()
    assert page.what_if.banner_label.text() == BANNER
    assert page.what_if.keep_button.isEnabled()


def test_a_what_if_deal_size_changes_the_deals_needed(page):
    plan_rates = page.plan.funnel.get()

    what_if = page.try_rates(average_deal_size=plan_rates.average_deal_size * 2)

    assert what_if == dataclasses.replace(
        plan_rates, average_deal_size=plan_rates.average_deal_size * 2
    )
    deals = waterfall(page.analysis, assumptions=what_if)[0].stage(Metric.DEALS_WON)
    assert stage_row(page, "Deals won")["needed"] == f"{deals.needed:,}"


def test_keep_writes_the_what_if_as_one_undo_step(page):
    page.try_rates(lead_to_mql=0.3, sal_to_sql=0.7)

    assert page.keep()

    funnel = page.plan.funnel.get()
    assert (funnel.lead_to_mql, funnel.sal_to_sql) == (0.3, 0.7)
    assert page.document.undo_stack.count() == 1
    assert not page.what_if.is_what_if()


def test_undoing_keep_puts_the_plans_rates_back_in_the_plan_and_the_fields(page):
    before = page.plan.funnel.get()
    page.try_rates(lead_to_mql=0.3, sal_to_sql=0.7)
    page.keep()

    page.document.undo_stack.undo()

    assert page.plan.funnel.get() == before
    assert page.what_if.assumptions() is None
    assert page.rows == waterfall(page.analysis)


def test_discard_shows_the_plans_rates_and_figures_again(page):
    before = page.plan.funnel.get()
    page.try_rates(lead_to_mql=0.3)

    page.discard()

    assert page.what_if.assumptions() is None
    assert not page.what_if.is_what_if()
    assert page.rows == waterfall(page.analysis)
    assert page.plan.funnel.get() == before


def test_a_deal_size_that_is_not_an_amount_is_said_and_not_kept(page):
    field = page.what_if.fields["average_deal_size"]
    field.edit.setText("lots")
    field.finished.emit()

    assert page.what_if.problem.text() == "Deal size: 'lots' is not an amount in USD."
    assert page.what_if.assumptions() is None
    assert page.rows == waterfall(page.analysis)


def test_a_read_only_plan_can_try_a_what_if_but_not_keep_it(qtbot, demo_path):
    document = PlanDocument(Plan.open(demo_path, read_only=True))
    try:
        page = show_waterfall(qtbot, document)
        page.try_rates(lead_to_mql=0.3)

        assert page.what_if.is_what_if()
        assert not page.what_if.keep_button.isEnabled()
        assert not page.keep()
    finally:
        document.close()


def test_rates_a_channel_sets_of_its_own_are_noted(page):
    plan = page.plan
    paid = plan.channels.named("Paid").id
    page.document.plan.channels.set_rates(paid, mql_to_sal=0.8)
    choose_grouping(page, "Channel")

    page.choose_group(paid)

    note = page.what_if.note.text()
    assert "This channel sets its own MQL → SAL." in note
    assert "1 channel set rates of their own" in note


# -- following the plan ----------------------------------------------------------------------


def test_an_edit_elsewhere_shows_at_once(page):
    plan = page.plan
    initiative = plan.initiatives.list()[0]

    plan.initiatives.update(initiative.id, revenue_target=initiative.revenue_target + 1_000_00)

    assert page.rows == waterfall(page.analysis)


def test_the_plans_rates_changed_elsewhere_show_in_the_fields(page):
    page.plan.funnel.update(opportunity_to_won=0.42)

    assert page.what_if.fields["opportunity_to_won"].spin.value() == pytest.approx(42.0)
    assert not page.what_if.is_what_if()


# -- the chart -------------------------------------------------------------------------------


def test_the_chart_tab_draws_the_chosen_groups_waterfall(qtbot, page):
    choose_grouping(page, "Channel")
    paid = next(row for row in page.rows[1:] if row.label == "Paid")
    page.choose_group(paid.key)

    page.stage_tabs.setCurrentWidget(page.chart)
    qtbot.waitUntil(lambda: page.chart.view is not None and page.chart.view.drawn)

    assert page.chart.view.figure.texts[0].get_text().startswith("Paid: ")


def test_the_chart_follows_a_what_if(qtbot, page):
    page.stage_tabs.setCurrentWidget(page.chart)
    qtbot.waitUntil(lambda: page.chart.view is not None and page.chart.view.drawn)
    page.try_rates(lead_to_mql=0.4)

    leads = next(
        patch
        for patch in page.chart.view.figure.axes[0].patches
        if patch.get_gid() == "stage:leads" and patch.get_hatch()
    )
    expected = chart.from_row(page.rows[0]).stages[WATERFALL_STAGES.index(Metric.LEADS)]
    assert leads.get_width() == pytest.approx(expected.planned_share)


def test_a_what_if_stays_while_the_plan_is_edited_with_the_page_hidden(page):
    page.try_rates(lead_to_mql=0.3)
    page.hide()
    initiative = page.plan.initiatives.list()[0]
    page.plan.initiatives.update(initiative.id, revenue_target=initiative.revenue_target * 2)

    page.show()

    what_if = page.what_if.assumptions()
    assert what_if is not None and what_if.lead_to_mql == 0.3
    assert page.rows == waterfall(page.analysis, assumptions=what_if)


def test_rates_an_initiative_sets_or_takes_from_its_channel_are_noted(page):
    plan = page.plan
    initiative = plan.initiatives.list()[0]
    plan.channels.set_rates(initiative.channel_id, lead_to_mql=0.3)
    plan.initiatives.set_rates(initiative.id, sal_to_sql=0.9)
    choose_grouping(page, "Initiative")

    page.choose_group(initiative.id)

    note = page.what_if.note.text()
    assert "This initiative uses its own SAL → SQL." in note
    assert "This initiative uses its channel's Lead → MQL." in note


def test_a_rate_changed_in_the_what_if_is_shown_in_bold(page):
    page.try_rates(sal_to_sql=0.75)

    bold = {name for name, field in page.what_if.fields.items() if field.widget.font().bold()}
    assert bold == {"sal_to_sql"}


def test_typing_an_initiatives_story_works_nothing_out_again(page):
    initiative = page.plan.initiatives.list()[0]
    before = page.recomputes

    page.plan.initiatives.update(initiative.id, problem="Month-end close takes too long")

    assert page.recomputes == before
