"""Hovering a chart: the tooltip names what the bar or point stands for and its value as
people read it (money in the plan's currency); a click reports the bar's key."""

from __future__ import annotations

import pytest
from dashboard_support import bar_position, dashboard, settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from planner.analysis import Dimension
from planner.charts import KINDS
from planner.domain import Metric
from ui.pages.dashboard.hover import series_name, targets

__all__ = ["dashboard"]  # a fixture (see dashboard_support)


def hover(page, position: QPoint) -> str:
    view = page.charts.view()
    QTest.mouseMove(view.canvas, position)
    return view.last_tip


def test_a_revenue_bar_names_its_month_and_its_money(dashboard):
    march = next(r for r in dashboard.analysis.rollup(Dimension.MONTH) if r.key == 202603)
    planned = march.totals.planned[Metric.REVENUE_WON]

    tip = hover(dashboard, bar_position(dashboard, "month:202603", "Planned"))

    assert "<b>Mar 2026</b>" in tip
    # In full, to the dollar, as the plan's currency writes it.
    assert f"Planned: <b>{dashboard.plan.currency.format(planned, cents=False)}</b>" in tip
    assert "Click to list its initiatives" in tip


def test_an_actual_bar_says_it_is_the_actual(dashboard):
    tip = hover(dashboard, bar_position(dashboard, "month:202602", "Actual"))

    assert "Actual: <b>$" in tip


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_chart_has_a_tooltip_for_its_bars(dashboard, qtbot, kind):
    dashboard.charts.show_kind(kind)
    settle(qtbot, dashboard)
    view = dashboard.charts.view()
    first = targets(view.figure)[0]

    tip = hover(dashboard, bar_position(dashboard, first.key, first.series))

    assert tip.startswith(f"<b>{view.describe(first.key)}</b>")
    assert "<b>" in tip.split("<br>")[1]  # the value, in bold


def test_the_tooltip_goes_when_the_mouse_leaves_the_bars(dashboard):
    hover(dashboard, bar_position(dashboard, "month:202603", "Planned"))

    assert hover(dashboard, QPoint(3, 3)) == ""


def test_a_click_on_a_bar_reports_its_key(dashboard, qtbot):
    view = dashboard.charts.view()
    position = bar_position(dashboard, "month:202605", "Planned")

    with qtbot.waitSignal(view.clicked) as clicked:
        QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=position)

    assert clicked.args == ["month:202605"]


def test_a_series_note_about_labels_is_left_out_of_the_tooltip():
    assert series_name("Actual (% of plan to date)") == "Actual"
    assert series_name("Actual (to Apr 2026)") == "Actual (to Apr 2026)"
