"""The revenue chart draws the month roll-ups of revenue won, their running totals and the
run-rate forecast of progress(); and its month labels never crowd each other."""

from __future__ import annotations

from itertools import accumulate, pairwise
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from planner.analysis import Analysis, Dimension, Filter, progress
from planner.charts import ChartOptions, build_chart
from planner.charts import revenue as chart
from planner.charts.months_axis import month_labels, month_step
from planner.charts.style import ChartStyle
from planner.domain import Metric

SHOTS = Path("/tmp/shots")
REVENUE = Metric.REVENUE_WON


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-revenue{name}.png")


def bars(axes):
    """``{"month:YYYYMM": height}`` of the planned (hatched) and of the actual bars."""
    planned, actual = {}, {}
    for patch in axes.patches:
        if patch.get_gid():
            (planned if patch.get_hatch() else actual)[patch.get_gid()] = patch.get_height()
    return planned, actual


def line(axes, label):
    found = [line for line in axes.get_lines() if line.get_label() == label]
    return list(found[0].get_ydata()) if found else None


def month_rows(plan, months=None, where=None):
    return {
        r.key: r.totals
        for r in Analysis.in_sql(plan).rollup(Dimension.MONTH, months=months, where=where)
    }


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def test_monthly_bars_are_the_month_rollups_planned_hatched_and_actual_solid(demo_plan):
    figure = drawn(demo_plan)
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")
    rows = month_rows(demo_plan)
    through = progress(Analysis.in_sql(demo_plan)).actuals_through
    planned, actual = bars(figure.axes[0])

    assert planned == {
        f"month:{m}": (rows[m].planned[REVENUE] if m in rows else 0)
        for m in demo_plan.horizon.months()
    }
    assert actual == {
        f"month:{m}": rows[m].actual[REVENUE] or 0
        for m in demo_plan.horizon.months()
        if m <= through
    }


def test_cumulative_lines_are_running_sums_of_the_month_rollups(demo_plan):
    axes = drawn(demo_plan).axes[1]
    rows = month_rows(demo_plan)
    through = progress(Analysis.in_sql(demo_plan)).actuals_through
    months = demo_plan.horizon.months()

    assert line(axes, "Planned") == list(accumulate(rows[m].planned[REVENUE] for m in months))
    assert line(axes, "Actual") == list(
        accumulate(rows[m].actual[REVENUE] or 0 for m in months if m <= through)
    )


def test_forecast_runs_from_the_last_actual_to_progress_year_forecast(demo_plan):
    status = progress(Analysis.in_sql(demo_plan))
    year = status.year_months
    axes = drawn(demo_plan, ChartOptions(months=year)).axes[1]
    forecast, actual = line(axes, "Forecast (run rate)"), line(axes, "Actual")
    revenue = status.metrics[REVENUE]

    assert forecast[0] == actual[-1] == revenue.actual_year
    assert forecast[-1] == revenue.forecast_year
    # One point for the last actual month and one for each month left in the year.
    assert len(forecast) == 1 + status.months_in_year - status.months_elapsed
    # Straight: the same run rate each month, to the cent give or take rounding.
    steps = [b - a for a, b in pairwise(forecast)]
    assert max(steps) - min(steps) <= 1
    assert abs(steps[0] - revenue.actual_year / status.months_elapsed) <= 1


def test_headline_says_what_was_won_of_what_was_planned_to_date(demo_plan):
    revenue = progress(Analysis.in_sql(demo_plan)).metrics[REVENUE]
    short = demo_plan.currency.format_short
    figure = drawn(demo_plan)

    title = figure.get_suptitle().replace("\\$", "$")
    percent = round(100 * revenue.actual_to_date / revenue.planned_to_date)
    assert title == (
        f"Won {short(revenue.actual_to_date)} of {short(revenue.planned_to_date)} "
        f"planned to date ({percent}%)"
    )
    assert "$" in title and "Mof" not in title  # money shown as text, not maths


def test_a_filter_and_a_month_range_narrow_the_bars_to_their_rollup(demo_plan):
    where, months = Filter(teams=["Marketing"]), (202603, 202608)
    figure = drawn(demo_plan, ChartOptions(months=months, where=where))
    save(figure, "-marketing-mar-aug")
    rows = month_rows(demo_plan, months, where)
    planned, _actual = bars(figure.axes[0])

    assert planned == {f"month:{m}": rows[m].planned[REVENUE] for m in range(202603, 202609)}
    assert planned != bars(drawn(demo_plan, ChartOptions(months=months)).axes[0])[0]


def test_a_plan_without_actuals_draws_its_plan_and_says_no_actuals_yet(no_actuals_plan):
    figure = drawn(no_actuals_plan)
    save(figure, "-no-actuals")
    planned, actual = bars(figure.axes[0])
    rows = month_rows(no_actuals_plan)

    assert actual == {}
    assert planned == {f"month:{m}": t.planned[REVENUE] for m, t in rows.items()}
    assert line(figure.axes[1], "Actual") is None
    assert line(figure.axes[1], "Forecast (run rate)") is None
    assert "No actuals yet" in texts(figure)


def test_a_plan_without_initiatives_says_so_instead_of_blank_axes(empty_plan):
    figure = build_chart(Analysis.in_sql(empty_plan), "revenue")
    save(figure, "-empty")

    assert "No initiatives yet" in texts(figure)
    assert not any(axes.patches or axes.get_lines() for axes in figure.axes)


@pytest.mark.parametrize("size", [(8.0, 4.2, 150), (12.8, 6.5, 100), (6.0, 3.4, 100)])
def test_month_labels_never_overlap_at_report_app_and_tile_sizes(demo_plan, size):
    figure = drawn(demo_plan)
    figure.set_size_inches(size[0], size[1])
    figure.set_dpi(size[2])
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    for axes in figure.axes:
        boxes = [
            label.get_window_extent(renderer)
            for label in axes.get_xticklabels()
            if label.get_text() and label.get_visible()
        ]
        assert len(boxes) >= 4
        for left, right in pairwise(boxes):
            assert left.x1 < right.x0, "month labels overlap"


def test_month_labels_carry_the_year_on_the_first_month_and_each_january():
    months = [202511, 202512, *range(202601, 202613)]
    assert list(month_labels(months[:12], 1).values()) == [
        "Nov\n2025", "Dec", "Jan\n2026", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
        "Sep", "Oct",
    ]  # fmt: skip
    # Thinned to every 2nd month past 12: the first label of 2026 (Jan) carries the year.
    assert month_labels(months) == {
        0: "Nov\n2025", 2: "Jan\n2026", 4: "Mar", 6: "May", 8: "Jul", 10: "Sep", 12: "Nov",
    }  # fmt: skip


def test_month_labels_thin_to_every_second_then_third_month_and_to_what_fits():
    assert [month_step(n) for n in (1, 12, 13, 24, 25, 36)] == [1, 1, 2, 2, 3, 3]
    assert month_step(12, fits=6) == 2
    assert month_step(36, fits=6) == 6
    assert month_step(36, fits=0) == 12
