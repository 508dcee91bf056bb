"""The waterfall chart draws one waterfall row of ``waterfall()``: each stage's planned and actual
figure as a share of what the target needs there, the figure itself at each bar's end (a
shortfall with its gap), and a sentence where nothing is needed."""

from __future__ import annotations

import pytest
from bar_widths import bars
from cli_support import smarketing

from planner.analysis import Analysis, Dimension
from planner.analysis.waterfall import waterfall
from planner.charts import ChartOptions
from planner.charts import waterfall as chart
from planner.charts.style import ChartStyle
from planner.domain import Metric


def texts(axes) -> list[str]:
    return [t.get_text().strip() for t in axes.texts]


@pytest.fixture
def total(demo_plan):
    return waterfall(Analysis.in_sql(demo_plan))[0]


def test_the_charts_record_is_the_waterfalls_total(demo_plan, total):
    record = chart.data(Analysis.in_sql(demo_plan), ChartOptions())

    assert record == chart.from_row(total)
    assert [stage.needed for stage in record.stages] == [gap.needed for gap in total.stages]


def test_each_bar_is_the_share_of_the_need_planned_hatched_and_actual_solid(demo_plan, total):
    figure = chart.draw(chart.from_row(total), ChartStyle(demo_plan.currency))

    planned, actual = bars(figure.axes[0])

    for gap in total.stages:
        key = f"stage:{gap.stage.value}"
        assert planned[key] == pytest.approx(gap.planned / gap.needed)
        assert actual[key] == pytest.approx(gap.actual / gap.needed)


def test_a_shortfall_is_written_with_its_gap(demo_plan, total):
    revenue = total.stage(Metric.REVENUE_WON)
    assert revenue.planned_gap < 0
    figure = chart.draw(chart.from_row(total), ChartStyle(demo_plan.currency))

    gap = demo_plan.currency.format_short(revenue.planned_gap)
    planned = demo_plan.currency.format_short(revenue.planned)
    assert f"{planned}  ({gap})" in texts(figure.axes[0])


def test_a_group_without_a_target_says_so_instead_of_bars(demo_plan):
    rows = waterfall(Analysis.in_sql(demo_plan), Dimension.INITIATIVE)
    untargeted = next(row for row in rows if row.target == 0)

    figure = chart.draw(chart.from_row(untargeted), ChartStyle(demo_plan.currency, dark=True))

    assert texts(figure.axes[0]) == [chart.NO_TARGET]
    assert not figure.axes[0].patches


def test_the_title_names_the_group_as_written(demo_plan, total):
    record = chart.from_row(total)
    named = chart.WaterfallChartData("<b>$x^2$</b>", record.stages)

    figure = chart.draw(named, ChartStyle(demo_plan.currency))

    assert figure.texts[0].get_text().startswith("<b>$x^2$</b>: ")


def test_a_long_name_is_cut_short_in_the_title(demo_plan, total):
    record = chart.from_row(total)
    named = chart.WaterfallChartData("Enterprise strike zone webinar programme " * 3, record.stages)

    figure = chart.draw(named, ChartStyle(demo_plan.currency))

    assert figure.texts[0].get_text().startswith("Enterprise strike zone w…: ")


def test_the_command_line_writes_the_plans_waterfall(demo_plan, tmp_path):
    out = tmp_path / "waterfall.svg"

    result = smarketing("chart", demo_plan.path, "--kind", "waterfall", "-o", out)

    assert result.returncode == 0, result.stderr
    assert f"Wrote the waterfall chart to {out}" in result.stdout
    assert "Total: share of what the target needs" in out.read_text(encoding="utf-8")
