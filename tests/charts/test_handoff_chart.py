"""The hand-off chart draws, month by month, the MQLs delivered and the share sales accepted
(from the monthly roll-up) and sales' follow-up hours against the agreement, and marks each
month that missed it with a cross."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import Analysis, Dimension, Filter
from planner.charts import ChartOptions
from planner.charts import handoff as chart
from planner.charts.style import ChartStyle
from planner.domain import Metric

SHOTS = Path("/tmp/shots")


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-handoff{name}.png")


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def bars(axes):
    return {patch.get_gid(): patch.get_height() for patch in axes.patches if patch.get_gid()}


def labelled(axes, label):
    [line] = [line for line in axes.get_lines() if line.get_label() == label]
    return list(line.get_ydata())


def crosses(axes):
    """The months a panel marks as missed, by their keys."""
    return sorted(
        line.get_gid() for line in axes.get_lines() if line.get_gid() and line.get_marker() == "X"
    )


def judged_months(plan, where=None):
    """Month -> (MQL actual, SAL actual) from the monthly roll-up, through the latest actuals."""
    through = Analysis.in_sql(plan).actuals_through()
    rows = Analysis.in_sql(plan).rollup(
        Dimension.MONTH, months=(plan.horizon.first, through), where=where
    )
    return {row.key: (row.totals.actual[Metric.MQL], row.totals.actual[Metric.SAL]) for row in rows}


def test_mql_bars_are_the_monthly_mql_actuals_against_the_committed_line(demo_plan):
    figure = drawn(demo_plan)
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")
    committed = demo_plan.handoff.get().mqls_per_month

    assert bars(figure.axes[0]) == {
        f"month:{month}": mqls for month, (mqls, _sals) in judged_months(demo_plan).items()
    }
    assert labelled(figure.axes[0], "Committed") == [committed, committed]


def test_the_acceptance_line_is_sal_over_mql_each_month_against_the_agreed_rate(demo_plan):
    axes = drawn(demo_plan).axes[1]
    agreed = demo_plan.handoff.get().acceptance_rate

    assert labelled(axes, "Actual") == pytest.approx(
        [sals / mqls for mqls, sals in judged_months(demo_plan).values()]
    )
    assert labelled(axes, "Agreed") == [agreed, agreed]


def test_the_followup_line_is_the_hours_entered_each_month_against_the_agreed(demo_plan):
    axes = drawn(demo_plan).axes[2]
    hours = demo_plan.handoff.followup_hours()
    agreed = demo_plan.handoff.get().followup_hours

    assert labelled(axes, "Actual") == [hours[month] for month in sorted(hours)]
    assert labelled(axes, "Agreed") == [agreed, agreed]


def test_every_bar_and_point_names_its_month_for_the_app_to_open(demo_plan):
    figure = drawn(demo_plan)
    keys = {f"month:{month}" for month in judged_months(demo_plan)}

    for axes in figure.axes:
        assert {
            artist.get_gid() for artist in [*axes.patches, *axes.get_lines()] if artist.get_gid()
        } == keys


def test_each_month_that_missed_a_part_of_the_agreement_carries_a_cross(demo_plan):
    agreement = demo_plan.handoff.get()
    hours = demo_plan.handoff.followup_hours()
    months = judged_months(demo_plan)
    figure = drawn(demo_plan)

    assert crosses(figure.axes[0]) == [
        f"month:{m}" for m, (mqls, _s) in months.items() if mqls < agreement.mqls_per_month
    ]
    assert crosses(figure.axes[1]) == [
        f"month:{m}"
        for m, (mqls, sals) in months.items()
        if sals / mqls < agreement.acceptance_rate
    ]
    assert crosses(figure.axes[2]) == [
        f"month:{m}" for m in months if hours.get(m, 0) > agreement.followup_hours
    ]
    assert crosses(figure.axes[2])  # the demo misses its follow-up time in some months


def test_the_title_counts_the_months_that_missed_the_agreement(demo_plan):
    data = chart.data(Analysis.in_sql(demo_plan), ChartOptions())
    judged = len(judged_months(demo_plan))

    title = chart.draw(data, ChartStyle(demo_plan.currency)).get_suptitle()

    assert title.endswith(f"agreement missed in {len(data.missed)} of {judged} months")


def test_the_chosen_months_and_filter_narrow_the_bars_without_judging_mqls_by_the_plan(demo_plan):
    where = Filter(
        channel_ids=[demo_plan.channels.named("Webinar").id, demo_plan.channels.named("Event").id]
    )
    figure = drawn(demo_plan, ChartOptions(months=(202602, 202603), where=where))
    save(figure, "-feb-mar-events-webinars")
    months = judged_months(demo_plan, where)

    assert bars(figure.axes[0]) == {f"month:{m}": months[m][0] for m in (202602, 202603)}
    # Part of the plan is not held to the whole plan's MQL commitment.
    assert "commitment is plan-wide" in figure.axes[0].get_title(loc="left")
    assert crosses(figure.axes[0]) == []


def test_a_plan_without_actuals_draws_the_agreement_and_says_no_actuals_yet(no_actuals_plan):
    no_actuals_plan.handoff.update(mqls_per_month=300)
    figure = drawn(no_actuals_plan)
    save(figure, "-noactuals")

    assert bars(figure.axes[0]) == {}
    assert labelled(figure.axes[0], "Committed") == [300, 300]
    assert "No actuals yet" in texts(figure)


def test_a_plan_without_initiatives_says_so_instead_of_blank_panels(empty_plan):
    figure = drawn(empty_plan)
    save(figure, "-empty")

    assert "No initiatives yet" in texts(figure)
    assert not any(axes.axison for axes in figure.axes)
