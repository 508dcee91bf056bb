"""The strike-zone chart draws each tier's share of planned spend and revenue from the tier
roll-up, and each segment's planned and actual revenue from the segment roll-up, core first."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.analysis import Analysis, Dimension, Filter
from planner.charts import ChartOptions
from planner.charts import strike_zone as chart
from planner.charts.style import ChartStyle
from planner.domain import Metric
from planner.plan import Plan

SHOTS = Path("/tmp/shots")
SPEND, REVENUE = Metric.SPEND, Metric.REVENUE_WON


def drawn(plan, options=None, *, dark=False):
    options = options or ChartOptions()
    return chart.draw(
        chart.data(Analysis.in_sql(plan), options), ChartStyle(plan.currency, dark=dark)
    )


def save(figure, name):
    SHOTS.mkdir(exist_ok=True)
    figure.savefig(SHOTS / f"chart-strike-zone{name}.png")


def shares(axes):
    """``{"tier:core": (budget share, target share)}`` as drawn: the budget bar is at y=1."""
    found: dict[str, dict[int, float]] = {}
    for patch in axes.patches:
        if patch.get_gid():
            row = round(patch.get_y() + patch.get_height() / 2)
            found.setdefault(patch.get_gid(), {})[row] = patch.get_width()
    return {key: (rows[1], rows[0]) for key, rows in found.items()}


def segment_bars(axes):
    """``{"segment:3": width}`` of the planned (hatched) and of the actual bars."""
    planned, actual = {}, {}
    for patch in axes.patches:
        if patch.get_gid():
            (planned if patch.get_hatch() else actual)[patch.get_gid()] = patch.get_width()
    return planned, actual


def texts(figure):
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [t.get_text() for t in axes.texts] + [axes.get_title(loc="left")]
    return " | ".join(found)


def expected_shares(plan, options=None):
    options = options or ChartOptions()
    rows = Analysis.in_sql(plan).rollup(Dimension.TIER, months=options.months, where=options.where)
    spend = sum(row.totals.planned[SPEND] for row in rows)
    revenue = sum(row.totals.planned[REVENUE] for row in rows)
    return {
        f"tier:{row.key or 'none'}": (
            pytest.approx(row.totals.planned[SPEND] / spend),
            pytest.approx(row.totals.planned[REVENUE] / revenue),
        )
        for row in rows
        if row.totals.planned[SPEND] or row.totals.planned[REVENUE]
    }


def expected_segments(plan, options=None):
    options = options or ChartOptions()
    rows = Analysis.in_sql(plan).rollup(
        Dimension.SEGMENT, months=options.months, where=options.where
    )
    planned = {f"segment:{row.key or 'none'}": row.totals.planned[REVENUE] for row in rows}
    actual = {
        f"segment:{row.key or 'none'}": row.totals.actual[REVENUE]
        for row in rows
        if row.totals.actual[REVENUE] is not None
    }
    return planned, actual


def test_tier_bars_are_the_shares_of_planned_spend_and_revenue_in_the_tier_rollup(demo_plan):
    figure = drawn(demo_plan)
    save(figure, "")
    save(drawn(demo_plan, dark=True), "-dark")

    assert shares(figure.axes[0]) == expected_shares(demo_plan)


def test_wide_tier_shares_are_labelled_inside_and_narrow_ones_under_their_bar(demo_plan):
    rows = {row.key: row.totals for row in Analysis.in_sql(demo_plan).rollup(Dimension.TIER)}
    spend = sum(totals.planned[SPEND] for totals in rows.values())
    core = rows["core"].planned[SPEND] / spend
    edge = rows["edge"].planned[SPEND] / spend

    shown = texts(drawn(demo_plan))

    assert f"{core:.0%}" in shown
    assert f"Edge {edge:.0%}" in shown


def test_segment_bars_are_planned_and_actual_revenue_of_the_segment_rollup(demo_plan):
    axes = drawn(demo_plan).axes[1]

    assert segment_bars(axes) == expected_segments(demo_plan)


def test_segments_run_core_then_edge_then_outside_with_the_tier_in_each_label(demo_plan):
    axes = drawn(demo_plan).axes[1]
    labels = [label.get_text() for label in axes.get_yticklabels()]
    tiers = [label.rsplit(" · ", 1)[1] if " · " in label else None for label in labels]

    assert tiers == sorted(tiers, key=[*chart.TIERS].index)
    assert labels[-1] == "(no segment)"
    assert all(len(label.split(" · ")[0]) <= 25 for label in labels)  # 24 and "…"


def test_both_panels_follow_the_chosen_months_and_filter(demo_plan):
    options = ChartOptions(
        months=(202604, 202609),
        where=Filter(
            channel_ids=[demo_plan.channels.named("Event").id, demo_plan.channels.named("Paid").id]
        ),
    )
    figure = drawn(demo_plan, options)
    save(figure, "-apr-sep-events-paid")

    assert shares(figure.axes[0]) == expected_shares(demo_plan, options)
    assert segment_bars(figure.axes[1]) == expected_segments(demo_plan, options)


def test_a_core_segment_nothing_aims_at_is_listed_as_such(no_actuals_plan):
    lonely = no_actuals_plan.segments.add(name="Nobody aims here", tier="core").id
    figure = drawn(no_actuals_plan)

    planned, _actual = segment_bars(figure.axes[1])

    assert planned[f"segment:{lonely}"] == 0
    assert "nothing aims here" in texts(figure)


def test_more_segments_than_fit_show_the_largest_and_say_how_many():
    plan = Plan.in_memory()
    for number in range(1, 14):
        segment = plan.segments.add(name=f"Segment {number}", tier="edge").id
        initiative = plan.initiatives.add(
            name=f"Push {number}", channel_id=plan.channels.named("Paid").id, segment_ids=[segment]
        ).id
        plan.values.set(initiative, "2026-01", "revenue_won", planned=number * 100)
    axes = drawn(plan).axes[1]

    planned, _actual = segment_bars(axes)

    assert sorted(planned.values()) == [number * 100 for number in range(4, 14)]
    assert axes.get_title(loc="left") == "Revenue: top 10 of 13 segments"


def test_money_is_in_the_plans_currency():
    plan = Plan.in_memory(currency="EUR")
    segment = plan.segments.add(name="Core", tier="core").id
    initiative = plan.initiatives.add(
        name="Push", channel_id=plan.channels.named("Paid").id, segment_ids=[segment]
    ).id
    plan.values.set(initiative, "2026-01", "revenue_won", planned=500_000_00)
    axes = drawn(plan).axes[1]

    assert axes.xaxis.get_major_formatter()(400_000_00, 0) == plan.currency.format_short(400_000_00)
    assert "€" in axes.xaxis.get_major_formatter()(400_000_00, 0)


def test_a_plan_without_actuals_draws_its_plan_and_says_no_actuals_yet(no_actuals_plan):
    figure = drawn(no_actuals_plan)
    save(figure, "-noactuals")
    planned, actual = segment_bars(figure.axes[1])

    assert shares(figure.axes[0]) == expected_shares(no_actuals_plan)
    assert (planned, actual) == expected_segments(no_actuals_plan)
    assert actual == {}
    assert "No actuals yet" in texts(figure)


def test_a_plan_without_initiatives_draws_a_sentence_not_blank_axes(empty_plan):
    figure = drawn(empty_plan)
    save(figure, "-empty")

    assert "Nothing planned yet" in texts(figure)
    assert not any(patch.get_gid() for axes in figure.axes for patch in axes.patches)
