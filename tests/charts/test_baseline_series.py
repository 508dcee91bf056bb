"""A baseline on the revenue and budget charts: its planned revenue won (and spend) by month
over the chart's filter, a dash-dot line beside the plan's, named in the legend; and two or
three versions side by side on the comparison chart."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

import pytest
from versioned_plans import BOARD, CUT, Versioned, versioned_plan

from planner.analysis import Analysis, Filter
from planner.charts import ChartOptions, budget, revenue
from planner.charts.style import BASELINE, ChartStyle
from planner.charts.versions import comparison_data, draw_comparison
from planner.domain import Metric
from planner.versions.baseline import Baseline, open_baseline
from planner.versions.compare import WORKING_PLAN, compare
from planner.versions.opened import open_version

LABEL = f"Baseline: {BOARD}"


@pytest.fixture(scope="module")
def versioned() -> Versioned:
    return versioned_plan()


@pytest.fixture
def baseline(versioned: Versioned) -> Iterator[Baseline]:
    opened = open_baseline(versioned.plan, versioned.board)
    yield opened
    opened.close()


def _lines(axes, label):
    return [line for line in axes.get_lines() if line.get_label() == label]


def _revenue(versioned, options):
    record = revenue.data(Analysis.in_sql(versioned.plan), options)
    return record, revenue.draw(record, ChartStyle(versioned.plan.currency))


def test_the_revenue_record_holds_the_baselines_plan_by_month(versioned, baseline):
    record, _figure = _revenue(versioned, ChartOptions(baseline=baseline))

    expected = baseline.figures().planned_by_month[Metric.REVENUE_WON]
    assert record.baseline_name == BOARD
    assert record.baseline == tuple(expected[month] for month in record.months)
    assert record.cumulative_baseline == tuple(accumulate(record.baseline))
    assert record.baseline != record.planned  # the plan moved on since the baseline


def test_the_revenue_chart_draws_the_baseline_as_a_third_series(versioned, baseline):
    record, figure = _revenue(versioned, ChartOptions(baseline=baseline))
    by_month, cumulative = figure.axes

    (line,) = _lines(by_month, LABEL)
    assert list(line.get_ydata()) == list(record.baseline)
    assert line.get_color() == BASELINE
    assert line.get_linestyle() != "-"  # told from the plan without colour
    assert LABEL in [text.get_text() for text in by_month.get_legend().get_texts()]
    (running,) = _lines(cumulative, "Baseline")
    assert list(running.get_ydata()) == list(record.cumulative_baseline)


def test_the_baseline_follows_the_charts_filter(versioned, baseline):
    owner = versioned.plan.initiatives.get(versioned.webinar).owner_id
    where = Filter(owner_ids=(owner,))

    record, figure = _revenue(versioned, ChartOptions(where=where, baseline=baseline))

    with open_version(versioned.plan, versioned.board) as board:
        alone = revenue.data(Analysis.in_sql(board), ChartOptions(where=where))
    assert record.baseline == alone.planned
    assert record.baseline != _revenue(versioned, ChartOptions(baseline=baseline))[0].baseline
    assert list(_lines(figure.axes[0], LABEL)[0].get_ydata()) == list(alone.planned)


def test_the_baseline_follows_the_charts_months(versioned, baseline):
    record, _figure = _revenue(versioned, ChartOptions(months=(202604, 202606), baseline=baseline))

    planned = baseline.figures().planned_by_month[Metric.REVENUE_WON]
    assert record.baseline == tuple(planned[m] for m in (202604, 202605, 202606))


def test_without_a_baseline_the_charts_are_as_before(versioned):
    record, figure = _revenue(versioned, ChartOptions())

    assert (record.baseline_name, record.baseline, record.cumulative_baseline) == ("", (), ())
    assert not [line for axes in figure.axes for line in _lines(axes, LABEL)]


def test_the_budget_chart_draws_the_baselines_planned_spend(versioned, baseline):
    options = ChartOptions(baseline=baseline)
    record = budget.data(Analysis.in_sql(versioned.plan), options)
    figure = budget.draw(record, ChartStyle(versioned.plan.currency))

    spend = baseline.figures().planned_by_month[Metric.SPEND]
    assert record.baseline == tuple(spend[month] for month in record.months)
    (line,) = _lines(figure.axes[0], LABEL)
    assert list(line.get_ydata()) == list(record.baseline)


def test_the_comparison_chart_draws_a_line_per_version(versioned):
    with (
        open_version(versioned.plan, versioned.board) as board,
        open_version(versioned.plan, versioned.cut) as cut,
    ):
        comparison = compare(board, versioned.plan, cut)
    figure = draw_comparison(comparison, ChartStyle(versioned.plan.currency))

    data = comparison_data(comparison)
    lines = {line.get_label(): list(line.get_ydata()) for line in figure.axes[0].get_lines()}
    assert lines == dict(zip((BOARD, WORKING_PLAN, CUT), map(list, data.planned), strict=True))
    assert data.planned[1] == tuple(
        comparison.sides[1].planned_by_month[Metric.REVENUE_WON][m] for m in comparison.months
    )
