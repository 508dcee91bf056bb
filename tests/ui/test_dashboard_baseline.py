"""The Dashboard compared with a baseline: chosen in its header, drawn as a third series on
the revenue and budget charts over the Dashboard's filter, and said on the Landing card."""

from __future__ import annotations

from baseline_choice_support import compare_with, versioned, versioned_document
from dashboard_support import no_actuals_document, settle, show_dashboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from versioned_plans import BOARD, CUT

from planner.analysis import Analysis, Filter, budget_and_target, reforecast
from planner.analysis.reforecast import baseline_words, describe
from planner.domain import Metric
from planner.versions.baseline import against_baseline
from ui.pages.dashboard.baseline_box import NO_BASELINE
from ui.pages.dashboard.figures import headline_figures

__all__ = ["no_actuals_document", "versioned", "versioned_document"]  # fixtures

LABEL = f"Baseline: {BOARD}"


def _baseline_line(page, kind="revenue"):
    """The y values of the baseline's line on the left panel of chart ``kind`` (shown)."""
    page.charts.show_kind(kind)
    page.charts.refresh_current()
    figure = page.charts.view(kind).figure
    found = [line for line in figure.axes[0].get_lines() if line.get_label() == LABEL]
    return [int(value) for value in found[0].get_ydata()] if found else None


def _landing(page):
    return page.headline.cards["landing"]


def test_the_compare_with_control_offers_every_version_after_none(versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)
    combo = page.baseline_box.combo

    entries = [combo.itemText(n) for n in range(combo.count())]

    assert entries == [NO_BASELINE, f"{BOARD} (locked baseline)", f"{CUT} (scenario)"]
    assert combo.currentText() == NO_BASELINE


def test_choosing_a_version_in_the_control_compares_the_document_with_it(
    versioned, versioned_document, qtbot
):
    page = show_dashboard(qtbot, versioned_document)
    combo = page.baseline_box.combo
    combo.setFocus()

    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: versioned_document.baseline.baseline is not None, timeout=10_000)

    assert versioned_document.baseline.version_id == versioned.board


def test_the_revenue_chart_draws_the_baseline_as_a_third_series(
    versioned, versioned_document, qtbot
):
    page = show_dashboard(qtbot, versioned_document)
    assert _baseline_line(page) is None

    compare_with(qtbot, versioned_document, versioned.board)
    settle(qtbot, page)

    record = page.charts.record("revenue")
    planned = versioned_document.baseline.baseline.figures().planned_by_month
    assert _baseline_line(page) == [planned[Metric.REVENUE_WON][m] for m in record.months]
    assert list(record.baseline) != list(record.planned)


def test_the_budget_chart_draws_the_baselines_spend(versioned, versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    settle(qtbot, page)

    line = _baseline_line(page, "budget")

    planned = versioned_document.baseline.baseline.figures().planned_by_month[Metric.SPEND]
    assert line == [planned[m] for m in page.charts.record("budget").months]


def test_the_baseline_series_follows_the_dashboards_filter(versioned, versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    owner = versioned.plan.initiatives.get(versioned.webinar).owner_id
    every = _baseline_line(page)

    page.filters.owner.setCurrentIndex(page.filters.owner.findData(owner))
    settle(qtbot, page)

    baseline = versioned_document.baseline.baseline
    planned = baseline.figures(Filter(owner_ids=(owner,))).planned_by_month
    months = page.charts.record("revenue").months
    assert _baseline_line(page) == [planned[Metric.REVENUE_WON][m] for m in months]
    assert _baseline_line(page) != every


def test_an_edit_of_the_plan_reads_nothing_more_of_the_baseline(
    versioned, versioned_document, qtbot, monkeypatch
):
    page = show_dashboard(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    settle(qtbot, page)
    before = _baseline_line(page)
    baseline = versioned_document.baseline.baseline
    reads = []
    monkeypatch.setattr(baseline, "_read", lambda where: reads.append(where))

    versioned.plan.initiatives.update(versioned.webinar, budget=30_000_000)
    settle(qtbot, page)

    assert page.charts.record("revenue").baseline == tuple(before)
    assert reads == []


def test_the_landing_card_compares_the_landing_with_the_baselines(
    versioned, versioned_document, qtbot
):
    page = show_dashboard(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    settle(qtbot, page)

    baseline = versioned_document.baseline.baseline.figures()
    landing = reforecast(versioned_document.analysis)
    currency = versioned.plan.currency
    card = _landing(page)
    assert card.note.text().endswith(baseline_words(landing, baseline.landing, currency))
    tip = card.accessibleDescription()
    assert f"Against the baseline {BOARD!r}: " in tip
    assert describe(landing, currency, baseline=baseline.landing, compact=False) in tip


def test_the_landing_cards_tooltip_gives_the_budget_and_target_against_the_baseline(
    versioned, versioned_document, qtbot
):
    compare_with(qtbot, versioned_document, versioned.board)
    baseline = versioned_document.baseline.baseline
    analysis = Analysis.in_sql(versioned.plan)
    months = (202601, 202612)

    cards = {f.key: f for f in headline_figures(analysis, months, None, None, baseline)}

    budget, target = budget_and_target(analysis)
    words = against_baseline(budget, target, baseline.figures(), versioned.plan.currency)
    assert words in cards["landing"].definition
    assert "budget $395k against $400k (-$5k)" in cards["landing"].definition


def test_without_a_baseline_the_landing_card_says_nothing_of_one(versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)

    assert "baseline" not in _landing(page).note.text()
    assert "baseline" not in _landing(page).accessibleDescription()


def test_a_version_deleted_while_compared_with_leaves_the_dashboard(
    versioned, versioned_document, qtbot
):
    page = show_dashboard(qtbot, versioned_document)
    compare_with(qtbot, versioned_document, versioned.board)
    settle(qtbot, page)

    versioned.plan.versions.delete(versioned.board)
    qtbot.waitUntil(lambda: versioned_document.baseline.version_id is None, timeout=5_000)
    settle(qtbot, page)

    combo = page.baseline_box.combo
    assert combo.currentText() == NO_BASELINE
    assert [combo.itemText(n) for n in range(combo.count())] == [NO_BASELINE, f"{CUT} (scenario)"]
    assert _baseline_line(page) is None
    assert "baseline" not in _landing(page).note.text()


def test_the_compare_controls_follow_the_period_with_tab(versioned_document, qtbot):
    page = show_dashboard(qtbot, versioned_document)
    page.filters.period.setFocus()
    qtbot.waitUntil(page.filters.period.hasFocus)

    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())

    box = page.baseline_box
    assert reached == [box.combo, box.compare_button, page.filters.team]
    assert [box.combo.accessibleName(), box.compare_button.accessibleName()] == [
        "Compare with",
        "Compare versions",
    ]


def test_a_plan_without_versions_offers_nothing_to_compare(no_actuals_document, qtbot):
    box = show_dashboard(qtbot, no_actuals_document).baseline_box

    assert not box.combo.isEnabled()
    assert not box.compare_button.isEnabled()
