"""The funnel chart draws each stage's planned and actual totals from the roll-ups, the plan
to date where actuals stop short of the range, and each stage's conversion to the next."""

from __future__ import annotations

from pathlib import Path

from bar_widths import bars

from planner.analysis import Analysis, Dimension, Filter
from planner.charts import ChartOptions, build_chart
from planner.charts import funnel as chart
from planner.charts.style import ChartStyle
from planner.domain import FUNNEL_STAGES, Metric

SHOTS = Path("/tmp/shots")


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-funnel{name}.png")


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def stage_totals(totals):
    planned = {f"stage:{m.value}": totals.planned[m] for m in FUNNEL_STAGES}
    actual = {f"stage:{m.value}": totals.actual[m] for m in FUNNEL_STAGES}
    return planned, actual


def test_stage_bars_are_the_rollup_totals_planned_hatched_and_actual_solid(demo_plan):
    figure = drawn(demo_plan)
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")
    expected_planned, expected_actual = stage_totals(Analysis.in_sql(demo_plan).total())

    planned, actual = bars(figure.axes[0])

    assert planned == expected_planned
    assert actual == expected_actual


def test_every_bar_names_its_stage_for_the_app_to_open(demo_plan):
    axes = drawn(demo_plan).axes[0]
    keys = [patch.get_gid() for patch in axes.patches if patch.get_gid()]

    assert sorted(keys) == sorted(2 * [f"stage:{m.value}" for m in FUNNEL_STAGES])


def test_the_bars_follow_the_chosen_months_and_filter(demo_plan):
    months, where = (
        (202602, 202603),
        Filter(
            channel_ids=[
                demo_plan.channels.named("Event").id,
                demo_plan.channels.named("Webinar").id,
            ]
        ),
    )
    figure = drawn(demo_plan, ChartOptions(months=months, where=where))
    save(figure, "-feb-mar-events-webinars")
    rows = Analysis.in_sql(demo_plan).rollup(Dimension.TOTAL, months=months, where=where)

    assert bars(figure.axes[0]) == stage_totals(rows[0].totals)
    assert "Feb 2026 – Mar 2026" in figure.get_suptitle()


def test_a_tick_on_each_actual_bar_marks_the_plan_through_the_latest_actuals(demo_plan):
    through = Analysis.in_sql(demo_plan).actuals_through()
    assert through is not None and through < demo_plan.horizon.last  # the demo is mid-year
    to_date = Analysis.in_sql(demo_plan).total(months=(demo_plan.horizon.first, through))

    [tick] = [line for line in drawn(demo_plan).axes[0].get_lines() if line.get_label()]

    assert tick.get_label() == "Plan to Apr 2026"
    assert list(tick.get_xdata()) == [to_date.planned[m] for m in FUNNEL_STAGES]


def test_each_actual_is_labelled_with_its_share_of_the_plan_to_date(demo_plan):
    through = Analysis.in_sql(demo_plan).actuals_through()
    to_date = (
        Analysis.in_sql(demo_plan)
        .total(months=(demo_plan.horizon.first, through))
        .planned[Metric.MQL]
    )
    mqls = Analysis.in_sql(demo_plan).total().actual[Metric.MQL]

    assert f"{mqls:,} · {mqls / to_date:.0%}" in texts(drawn(demo_plan))


def test_conversions_show_actual_planned_and_assumed_rates_between_stages(demo_plan):
    totals = Analysis.in_sql(demo_plan).total()
    assumed = demo_plan.funnel.get().mql_to_sal
    actual = totals.actual[Metric.SAL] / totals.actual[Metric.MQL]
    planned = totals.planned[Metric.SAL] / totals.planned[Metric.MQL]

    shown = texts(drawn(demo_plan))

    assert f"MQL→SAL  {actual:.0%}" in shown
    assert f"plan {planned:.0%} · assumed {assumed:.0%}" in shown
    for label in ("Lead→MQL", "SAL→SQL", "SQL→Opp", "Opp→Won"):
        assert label in shown


def test_a_plan_without_actuals_draws_its_plan_and_says_no_actuals_yet(no_actuals_plan):
    figure = drawn(no_actuals_plan)
    save(figure, "-noactuals")
    expected_planned, _ = stage_totals(Analysis.in_sql(no_actuals_plan).total())

    planned, actual = bars(figure.axes[0])

    assert planned == expected_planned
    assert actual == {}
    assert "No actuals yet" in texts(figure)


def test_a_plan_without_initiatives_draws_a_sentence_not_blank_axes(empty_plan):
    figure = drawn(empty_plan)
    save(figure, "-empty")

    assert "Nothing planned yet" in texts(figure)
    assert not any(patch.get_gid() for axes in figure.axes for patch in axes.patches)


def test_the_chart_is_built_by_its_command_line_name(demo_plan):
    figure = build_chart(Analysis.in_sql(demo_plan), "funnel", ChartOptions(dark=True))

    assert figure.get_facecolor()[:3] != (1.0, 1.0, 1.0)
