"""The Dashboard page over the demo plan: its figures and charts follow the period and the
filters, follow edits made anywhere (once per turn, redrawing only what changed), and show
sensible empty states."""

from __future__ import annotations

import pytest
from dashboard_support import (
    dashboard,
    empty_document,
    no_actuals_document,
    settle,
    show_dashboard,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.analysis import Filter
from planner.analysis.headline import budget_and_target
from planner.charts import KINDS
from ui import theme
from ui.commands import Edit
from ui.pages.dashboard.figures import headline_figures
from ui.plain_text import tooltip_text

__all__ = ["dashboard", "empty_document", "no_actuals_document"]  # fixtures

WEBINAR = "Webinar series: the 5-day close"


def initiative(plan, name: str):
    return next(i for i in plan.initiatives.list() if i.name == name)


def change_budget(document, name: str, delta: int) -> None:
    """One undoable edit of an initiative's budget, as the Initiatives page makes it."""
    plan = document.plan
    found = initiative(plan, name)
    document.run(
        Edit(
            "change budget",
            do=lambda: plan.initiatives.update(found.id, budget=found.budget + delta),
            undo=lambda: plan.initiatives.update(found.id, budget=found.budget),
        )
    )


def card(page, key: str) -> str:
    return page.headline.cards[key].value.text()


# -- what it shows ----------------------------------------------------------------------


def test_the_headline_shows_the_demo_plans_figures_for_its_year(dashboard):
    expected = headline_figures(dashboard.analysis, (202601, 202612), None)

    for figure in expected[:-1]:  # the findings card waits for the checks
        assert card(dashboard, figure.key) == figure.value
        assert dashboard.headline.cards[figure.key].note.text() == figure.note
    assert card(dashboard, "target") == "$6.3M"


def test_the_landing_card_sits_beside_the_forecast(dashboard):
    grid = dashboard.headline._grid
    forecast = grid.indexOf(dashboard.headline.cards["forecast"])
    landing = grid.indexOf(dashboard.headline.cards["landing"])

    assert landing == forecast + 1


def test_the_landing_cards_tooltip_defines_the_landing(dashboard):
    figure = next(
        f
        for f in headline_figures(dashboard.analysis, (202601, 202612), None)
        if f.key == "landing"
    )

    tip = tooltip_text(dashboard.headline.cards["landing"].toolTip())

    assert tip.startswith(f"Landing 2026: {figure.value}, {figure.note}")
    assert tip.endswith(figure.definition)
    assert "A closed month with no actual entered counts its plan" in tip


def test_the_header_names_the_plan_its_company_and_horizon(dashboard):
    assert dashboard.header.title.text() == "FY2026 Demand Plan"
    assert dashboard.header.subtitle.text().startswith("Tidewater Software · ")


def test_the_findings_card_counts_the_findings_it_is_given(dashboard):
    from planner.checks import run_checks

    found = run_checks(dashboard.analysis)
    dashboard.set_findings(found)

    assert card(dashboard, "findings") == str(
        sum(f.severity.value in ("error", "warning") for f in found)
    )


def test_a_screen_reader_hears_what_the_chart_says(dashboard):
    view = dashboard.charts.view()

    assert view.accessibleName() == "Revenue: plan vs actual"
    assert view.accessibleDescription() == "Won $1.6M of $1.6M planned to date (101%)"


def test_every_chart_starts_on_the_year_and_the_whole_plan(dashboard):
    options = dashboard.charts.options

    assert options.months == (202601, 202612)
    assert options.where is None
    assert dashboard.charts.record().months == tuple(range(202601, 202613))


# -- the period and the filters --------------------------------------------------------


def test_choosing_a_quarter_narrows_the_charts_and_the_figures_to_date(dashboard, qtbot):
    dashboard.filters.choose_period("q2")
    settle(qtbot, dashboard)

    assert dashboard.charts.options.months == (202604, 202606)
    assert dashboard.charts.record().months == (202604, 202605, 202606)
    q2 = {f.key: f for f in headline_figures(dashboard.analysis, (202604, 202606), None)}
    assert card(dashboard, "won") == q2["won"].value
    assert dashboard.headline.cards["won"].note.text().endswith("through Apr 2026")


def test_months_reveals_two_month_pickers_starting_from_the_period_shown(dashboard, qtbot):
    dashboard.filters.choose_period("q3")
    dashboard.filters.choose_period("custom")
    settle(qtbot, dashboard)

    assert dashboard.filters.first_month.isVisible()
    assert dashboard.filters.last_month.isVisible()
    assert dashboard.charts.options.months == (202607, 202609)


def test_months_picked_backwards_are_counted_in_order(dashboard, qtbot):
    dashboard.filters.choose_months(202609, 202603)
    settle(qtbot, dashboard)

    assert dashboard.charts.options.months == (202603, 202609)
    assert dashboard.filters.first_month.currentData() == 202603
    assert dashboard.selection.period == "Mar – Sep 2026"


def test_a_filter_narrows_the_charts_and_the_headline(dashboard, qtbot):
    filters = dashboard.filters
    channel = dashboard.plan.channels.named("Paid").id
    filters.channel.setCurrentIndex(filters.channel.findData(channel))
    settle(qtbot, dashboard)

    paid = Filter(channel_ids=(channel,))
    assert dashboard.charts.options.where == paid
    target = budget_and_target(dashboard.analysis, paid)[1]
    assert card(dashboard, "target") == dashboard.plan.currency.format_short(target)
    assert dashboard.charts.record().planned_to_date < 1_600_000_00


def test_no_owner_narrows_to_the_initiatives_nobody_is_accountable_for(dashboard, qtbot):
    filters = dashboard.filters
    filters.owner.setCurrentIndex(filters.owner.findText("No owner"))
    settle(qtbot, dashboard)

    nobody = Filter(owner_ids=(None,))
    assert dashboard.charts.options.where == nobody
    target = budget_and_target(dashboard.analysis, nobody)[1]
    assert card(dashboard, "target") == dashboard.plan.currency.format_short(target)


def test_clear_filters_shows_only_when_filtered_and_counts_everything_again(dashboard, qtbot):
    filters = dashboard.filters
    assert not filters.clear_button.isVisible()
    filters.tier.setCurrentIndex(filters.tier.findData("core"))
    settle(qtbot, dashboard)
    assert filters.clear_button.isVisible()

    filters.clear_button.click()
    settle(qtbot, dashboard)

    assert not filters.clear_button.isVisible()
    assert dashboard.charts.options.where is None
    assert filters.tier.currentText() == "All tiers"


def test_the_filters_offer_all_first_then_the_plans_people_and_segments(dashboard):
    filters = dashboard.filters
    people = dashboard.plan.people.list()

    assert [filters.owner.itemText(0), filters.owner.itemText(1)] == ["All owners", "No owner"]
    assert filters.owner.count() == 2 + len(people)
    assert filters.segment.count() == 1 + len(dashboard.plan.segments.list())
    assert [filters.team.itemText(0), filters.channel.itemText(0)] == ["All teams", "All channels"]
    channels = [filters.channel.itemText(n) for n in range(1, filters.channel.count())]
    assert channels == [c.name for c in dashboard.plan.channels.list()]


def test_a_channel_the_lead_adds_retires_or_renames_follows_in_the_channel_filter(
    dashboard, document, qtbot
):
    filters, channels = dashboard.filters, document.plan.channels
    paid = channels.named("Paid").id
    filters.channel.setCurrentIndex(filters.channel.findData(paid))
    settle(qtbot, dashboard)

    podcasts = channels.add(name="Podcasts").id
    channels.update(paid, name="Paid media", retired=True)
    settle(qtbot, dashboard)

    assert filters.channel.itemText(filters.channel.findData(podcasts)) == "Podcasts"
    assert filters.channel.currentText() == "Paid media (retired)"  # still chosen
    assert dashboard.charts.options.where == Filter(channel_ids=(paid,))


def test_a_new_person_is_offered_and_the_chosen_owner_stays(dashboard, document, qtbot):
    filters = dashboard.filters
    filters.owner.setCurrentIndex(3)
    chosen = filters.owner.currentData()
    settle(qtbot, dashboard)

    document.plan.people.add(name="Aaron Aardvark", team="Sales")
    settle(qtbot, dashboard)

    assert (
        filters.owner.findText("Aaron Aardvark") == 2
    )  # by name, after "All owners" and "No owner"
    assert filters.owner.currentData() == chosen


def test_the_controls_are_reached_with_tab_and_named_for_screen_readers(dashboard, qtbot):
    filters = dashboard.filters
    filters.period.setFocus()
    qtbot.waitUntil(filters.period.hasFocus)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    assert filters.team.hasFocus()  # the month pickers are hidden until "Months…"
    names = [w.accessibleName() for w in (filters.period, *filters.filter_combos())]
    assert names == [
        "Period",
        "Filter by team",
        "Filter by owner",
        "Filter by segment",
        "Filter by strike-zone tier",
        "Filter by channel",
    ]


# -- following edits ---------------------------------------------------------------------


def test_a_budget_edit_redraws_the_budget_chart_and_undo_puts_it_back(dashboard, document, qtbot):
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)
    before = dashboard.charts.record()

    change_budget(document, WEBINAR, 1_000_000)
    settle(qtbot, dashboard)

    assert dashboard.charts.record().budget == before.budget + 1_000_000
    document.undo_stack.undo()
    settle(qtbot, dashboard)
    assert dashboard.charts.record() == before


def test_a_value_edit_redraws_the_shown_chart_into_the_figure_on_screen(dashboard, document, qtbot):
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)
    figure, redraws = dashboard.charts.view().figure, dashboard.charts.redraws

    change_budget(document, WEBINAR, 1_000_000)
    settle(qtbot, dashboard)

    assert dashboard.charts.redraws == redraws + 1
    assert dashboard.charts.view().figure is figure
    qtbot.waitUntil(lambda: dashboard.charts.view().drawn)
    assert figure.get_suptitle() == dashboard.charts.record().headline


def test_a_story_edit_recomputes_nothing(dashboard, document, qtbot):
    before = dashboard.recomputes
    webinar = initiative(document.plan, WEBINAR)

    document.plan.initiatives.update(webinar.id, problem="Closing the books takes weeks")

    assert not dashboard.refresh_pending
    assert dashboard.recomputes == before


def test_several_edits_in_one_turn_are_recomputed_once(dashboard, document, qtbot):
    before = dashboard.recomputes

    for delta in (100_00, 200_00, 300_00):
        change_budget(document, WEBINAR, delta)
    settle(qtbot, dashboard)

    assert dashboard.recomputes == before + 1


def test_an_edit_the_shown_chart_does_not_show_is_not_drawn_again(dashboard, document, qtbot):
    # The revenue chart shows no budgets: its record is the same, the canvas keeps its figure.
    figure = dashboard.charts.view().figure
    redraws = dashboard.charts.redraws

    change_budget(document, WEBINAR, 1_000_000)
    settle(qtbot, dashboard)

    assert dashboard.charts.redraws == redraws
    assert dashboard.charts.view().figure is figure


def test_charts_not_shown_catch_up_when_their_tab_is_chosen(dashboard, document, qtbot):
    dashboard.charts.show_kind("budget")
    settle(qtbot, dashboard)
    budget = dashboard.charts.record().budget
    dashboard.charts.show_kind("revenue")
    change_budget(document, WEBINAR, 1_000_000)
    settle(qtbot, dashboard)
    assert dashboard.charts.charts["budget"].stale
    assert dashboard.charts.record("budget").budget == budget

    dashboard.charts.show_kind("budget")

    assert not dashboard.charts.charts["budget"].stale
    assert dashboard.charts.record("budget").budget == budget + 1_000_000


def test_the_dark_scheme_draws_the_charts_dark(dashboard, qtbot, monkeypatch):
    app = QApplication.instance()
    original = app.palette()
    monkeypatch.setenv("SMARKETING_COLOR_SCHEME", "dark")
    try:
        app.setPalette(theme.dark_palette())
        qtbot.waitUntil(lambda: dashboard.charts.options.dark, timeout=5000)

        assert dashboard.charts.view().figure.get_facecolor()[0] < 0.2
    finally:
        app.setPalette(original)


# -- plans with little in them -------------------------------------------------------------


def test_a_plan_without_actuals_says_so_on_the_headline(no_actuals_document, qtbot):
    page = show_dashboard(qtbot, no_actuals_document)

    assert card(page, "won") == "—"
    assert page.headline.cards["won"].note.text().startswith("No actuals yet")


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_plan_without_initiatives_shows_every_chart_empty_without_error(
    empty_document, qtbot, kind
):
    page = show_dashboard(qtbot, empty_document)

    page.charts.show_kind(kind)
    settle(qtbot, page)

    figure = page.charts.view().figure
    texts = [t.get_text() for axes in figure.axes for t in axes.texts]
    assert figure is not None and page.charts.record() is not None
    assert kind == "handoff" or any(texts), f"{kind} shows blank axes"
    assert card(page, "target") == "$0"
