"""A baseline on the revenue and budget charts: its planned revenue won (and spend) by month
over the chart's filter, a dash-dot line beside the plan's, named in the legend; and two or
three versions side by side on the comparison chart."""

from __future__ import annotations

from itertools import accumulate

from versioned_plans import BOARD, CUT, board_baseline, versioned_once

from planner.analysis import Analysis, Filter
from planner.charts import ChartOptions, budget, revenue
from planner.charts.style import BASELINE, ChartStyle
from planner.charts.versions import comparison_data, draw_comparison
from planner.domain import Metric
from planner.versions.compare import WORKING_PLAN, compare
from planner.versions.opened import open_version

__all__ = ["board_baseline", "versioned_once"]  # fixtures (see versioned_plans)

LABEL = f"Baseline: {BOARD}"


def _lines(axes, label):
    return [line for line in axes.get_lines() if line.get_label() == label]


def _revenue(versioned_once, options):
    record = revenue.data(Analysis.in_sql(versioned_once.plan), options)
    return record, revenue.draw(record, ChartStyle(versioned_once.plan.currency))


def test_the_revenue_record_holds_the_baselines_plan_by_month(versioned_once, board_baseline):
    record, _figure = _revenue(versioned_once, ChartOptions(baseline=board_baseline))

    expected = board_baseline.figures().planned_by_month[Metric.REVENUE_WON]
    assert record.baseline_name == BOARD
    assert record.baseline == tuple(expected[month] for month in record.months)
    assert record.cumulative_baseline == tuple(accumulate(record.baseline))
    assert record.baseline != record.planned  # the plan moved on since the baseline


def test_the_revenue_chart_draws_the_baseline_as_a_third_series(versioned_once, board_baseline):
    record, figure = _revenue(versioned_once, ChartOptions(baseline=board_baseline))
    by_month, cumulative = figure.axes

    (line,) = _lines(by_month, LABEL)
    assert list(line.get_ydata()) == list(record.baseline)
    assert line.get_color() == BASELINE
    assert line.get_linestyle() != "-"  # told from the plan without colour
    assert LABEL in [text.get_text() for text in by_month.get_legend().get_texts()]
    (running,) = _lines(cumulative, "Baseline")
    assert list(running.get_ydata()) == list(record.cumulative_baseline)


def test_the_baseline_follows_the_charts_filter(versioned_once, board_baseline):
    owner = versioned_once.plan.initiatives.get(versioned_once.webinar).owner_id
    where = Filter(owner_ids=(owner,))

    record, figure = _revenue(versioned_once, ChartOptions(where=where, baseline=board_baseline))

    with open_version(versioned_once.plan, versioned_once.board) as board:
        alone = revenue.data(Analysis.in_sql(board), ChartOptions(where=where))
    assert record.baseline == alone.planned
    assert (
        record.baseline
        != _revenue(versioned_once, ChartOptions(baseline=board_baseline))[0].baseline
    )
    assert list(_lines(figure.axes[0], LABEL)[0].get_ydata()) == list(alone.planned)


def test_the_baseline_follows_the_charts_months(versioned_once, board_baseline):
    record, _figure = _revenue(
        versioned_once, ChartOptions(months=(202604, 202606), baseline=board_baseline)
    )

    planned = board_baseline.figures().planned_by_month[Metric.REVENUE_WON]
    assert record.baseline == tuple(planned[m] for m in (202604, 202605, 202606))


def test_without_a_baseline_the_charts_are_as_before(versioned_once):
    record, figure = _revenue(versioned_once, ChartOptions())

    assert (record.baseline_name, record.baseline, record.cumulative_baseline) == ("", (), ())
    assert not [line for axes in figure.axes for line in _lines(axes, LABEL)]


def test_the_budget_chart_draws_the_baselines_planned_spend(versioned_once, board_baseline):
    options = ChartOptions(baseline=board_baseline)
    record = budget.data(Analysis.in_sql(versioned_once.plan), options)
    figure = budget.draw(record, ChartStyle(versioned_once.plan.currency))

    spend = board_baseline.figures().planned_by_month[Metric.SPEND]
    assert record.baseline == tuple(spend[month] for month in record.months)
    (line,) = _lines(figure.axes[0], LABEL)
    assert list(line.get_ydata()) == list(record.baseline)


def test_the_comparison_chart_draws_a_line_per_version(versioned_once):
    with (
        open_version(versioned_once.plan, versioned_once.board) as board,
        open_version(versioned_once.plan, versioned_once.cut) as cut,
    ):
        comparison = compare(board, versioned_once.plan, cut)
    figure = draw_comparison(comparison, ChartStyle(versioned_once.plan.currency))

    data = comparison_data(comparison)
    lines = {line.get_label(): list(line.get_ydata()) for line in figure.axes[0].get_lines()}
    assert lines == dict(zip((BOARD, WORKING_PLAN, CUT), map(list, data.planned), strict=True))
    assert data.planned[1] == tuple(
        comparison.sides[1].planned_by_month[Metric.REVENUE_WON][m] for m in comparison.months
    )
