"""The Dashboard's Returns tab: the figure and grouping chosen above the chart, the same
filters and drill-down as every chart, edits followed; pictures at laptop sizes."""

from __future__ import annotations

import pytest
from dashboard_support import bar_position, dashboard, settle, window, window_dashboard
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_screenshots import distinct_colours, shots_folder

from planner.analysis import Dimension
from planner.analysis.returns import returns_by
from planner.charts.returns import ReturnsChoice
from planner.domain import Metric
from ui.commands import Edit
from ui.pages.initiatives import InitiativesPage

__all__ = ["dashboard", "window"]  # fixtures (see dashboard_support)


@pytest.fixture
def returns_page(dashboard, qtbot):
    dashboard.charts.show_kind("returns")
    settle(qtbot, dashboard)
    return dashboard


def shown_by_key(record) -> dict[str, tuple[object, object]]:
    return {bar.key: (bar.planned, bar.actual) for bar in record.bars}


def test_the_returns_tab_shows_romi_by_channel_as_returns_by_gives_it(returns_page):
    record = returns_page.charts.record()
    months = returns_page.selection.months
    rows = returns_by(returns_page.analysis, Dimension.CHANNEL, months=months)

    assert (record.figure, record.by) == ("romi", "channel")
    expected = {f"channel:{row.key}": (row.planned.romi, row.actual.romi) for row in rows}
    assert shown_by_key(record).items() <= expected.items()
    assert record.bars


def test_choosing_a_figure_and_a_grouping_redraws_the_chart_with_them(returns_page, qtbot):
    tab = returns_page.charts.returns_tab

    tab.figure.setCurrentIndex(tab.figure.findData("cost_per_mql"))
    tab.by.setCurrentIndex(tab.by.findData("owner"))
    settle(qtbot, returns_page)

    record = returns_page.charts.record()
    assert (record.figure, record.by) == ("cost_per_mql", "owner")
    rows = returns_by(returns_page.analysis, "owner", months=returns_page.selection.months)
    expected = {
        f"owner:{'none' if r.key is None else r.key}": (
            r.planned.cost_per_mql,
            r.actual.cost_per_mql,
        )
        for r in rows
    }
    assert shown_by_key(record).items() <= expected.items()
    assert returns_page.charts.view().figure.get_suptitle().startswith("Cost per MQL: planned $")


def test_the_choice_is_kept_when_the_filter_changes_and_the_filter_applies(returns_page, qtbot):
    charts = returns_page.charts
    charts.choose_returns(ReturnsChoice("cac", Dimension.TEAM))
    filters = returns_page.filters

    filters.team.setCurrentIndex(filters.team.findData("Marketing"))
    settle(qtbot, returns_page)

    record = charts.record()
    assert (record.figure, record.by) == ("cac", "team")
    where = returns_page.selection.where
    assert where is not None
    rows = returns_by(
        returns_page.analysis, "team", months=returns_page.selection.months, where=where
    )
    assert [bar.key for bar in record.bars] == [f"team:{r.key}" for r in rows if r.planned.spend]


def test_an_edit_of_spend_redraws_the_returns_chart(returns_page, document, qtbot):
    plan = document.plan
    webinar = next(i for i in plan.initiatives.list() if i.name.startswith("Webinar"))
    month = returns_page.selection.months[0]
    before = returns_page.charts.record()

    def write(value: int | None) -> None:
        plan.values.set(webinar.id, month, Metric.SPEND, planned=value)

    document.run(Edit("set planned spend", lambda: write(5_000_000), lambda: write(None)))
    settle(qtbot, returns_page)

    after = returns_page.charts.record()
    assert after != before
    (total,) = returns_by(returns_page.analysis, months=returns_page.selection.months)
    assert after.planned == total.planned.romi


def test_a_returns_bar_lists_its_channels_initiatives(window, qtbot):
    dashboard = window_dashboard(window)
    dashboard.charts.show_kind("returns")
    settle(qtbot, dashboard)
    paid = dashboard.plan.channels.named("Paid").id
    key = f"channel:{paid}"

    canvas = dashboard.charts.view().canvas
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=bar_position(dashboard, key))

    page = window.view.current_page()
    assert isinstance(page, InitiativesPage)
    assert page.filters.channel.currentData() == paid


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_returns_tab_is_drawn_at_laptop_sizes(window, qtbot, tmp_path, size):
    window.resize(*size)
    dashboard = window_dashboard(window)
    dashboard.charts.show_kind("returns")
    settle(qtbot, dashboard)
    QApplication.processEvents()
    path = shots_folder(tmp_path) / f"dashboard-returns-{size[0]}x{size[1]}.png"

    assert window.grab().save(str(path))

    assert (QImage(str(path)).width(), QImage(str(path)).height()) == size
    chart = dashboard.charts.view().canvas.grab().toImage()
    assert distinct_colours(chart, step=5) > 8, f"{path.name}: the chart looks blank"
    tab = dashboard.charts.returns_tab
    assert tab.figure.isVisible() and tab.by.isVisible()
