"""The returns chart draws its record: one row per group, largest planned spend first, planned
(hatched) and actual bars of the chosen figure, "—" where it has nothing to divide by."""

from __future__ import annotations

import pytest

from planner.analysis import Analysis, Dimension
from planner.analysis.returns import returns_by
from planner.charts import ChartOptions
from planner.charts import returns as chart
from planner.charts.style import NO_INITIATIVES, ChartStyle
from planner.returns_figures import NONE_SHOWN


def record(plan, figure="romi", by=Dimension.CHANNEL, **options):
    choice = chart.ReturnsChoice(figure, by)
    return chart.data(Analysis.in_sql(plan), ChartOptions(returns=choice, **options))


def drawn(plan, data):
    return chart.draw(data, ChartStyle(plan.currency))


def bars(figure):
    """``{gid: width}`` of the planned (hatched) and of the actual bars."""
    planned, actual = {}, {}
    for patch in figure.axes[0].patches:
        if patch.get_gid():
            (planned if patch.get_hatch() else actual)[patch.get_gid()] = patch.get_width()
    return planned, actual


def test_the_bars_are_the_records_figures(demo_plan):
    data = record(demo_plan, "cost_per_mql")

    planned, actual = bars(drawn(demo_plan, data))

    assert planned == {b.key: b.planned for b in data.bars if b.planned is not None}
    assert actual == {b.key: b.actual for b in data.bars if b.actual is not None}


def test_groups_come_largest_planned_spend_first(demo_plan):
    data = record(demo_plan)
    spend = {
        f"channel:{r.key}": r.planned.spend or 0
        for r in returns_by(Analysis.in_sql(demo_plan), Dimension.CHANNEL)
    }

    shown = [spend[bar.key] for bar in data.bars]

    assert shown == sorted(shown, reverse=True)


def test_a_figure_with_nothing_to_divide_by_is_a_dash_not_a_bar(demo_plan):
    data = record(demo_plan, "cac")
    missing = [b for b in data.bars if b.actual is None]
    assert missing  # a channel with no deals won yet

    figure = drawn(demo_plan, data)

    _planned, actual = bars(figure)
    assert not {b.key for b in missing} & set(actual)
    assert [t.get_text() for t in figure.axes[0].texts].count(NONE_SHOWN) >= len(missing)


def test_a_file_writes_each_bars_value_beside_it(demo_plan):
    data = record(demo_plan, "cac")
    values = [v for b in data.bars for v in (b.planned, b.actual) if v is not None]

    texts = [t.get_text() for t in drawn(demo_plan, data).axes[0].texts]

    assert len([t for t in texts if t != NONE_SHOWN]) == len(values)


def test_on_screen_only_the_dashes_are_written_as_pointing_at_a_bar_gives_its_value(demo_plan):
    data = record(demo_plan, "cac")
    missing = [v for b in data.bars for v in (b.planned, b.actual) if v is None]

    figure = chart.draw(data, ChartStyle(demo_plan.currency, on_screen=True))

    assert [t.get_text() for t in figure.axes[0].texts] == [NONE_SHOWN] * len(missing)
    planned, actual = bars(figure)
    assert len(planned) + len(actual) == 2 * len(data.bars) - len(missing)


def test_many_initiatives_show_the_largest_spenders_and_count_the_rest(demo_plan):
    data = record(demo_plan, by=Dimension.INITIATIVE, top=3)

    assert len(data.bars) == 6
    assert data.more > 0
    assert data.footnote == f"{data.more} more initiatives with smaller spend not shown"


@pytest.mark.parametrize("by", list(chart.GROUPINGS))
def test_every_grouping_draws(demo_plan, by):
    data = record(demo_plan, by=by)

    figure = drawn(demo_plan, data)

    assert data.bars and figure.get_suptitle() == data.headline


def test_an_empty_plan_says_so(empty_plan):
    data = record(empty_plan)

    figure = drawn(empty_plan, data)

    assert [t.get_text() for t in figure.axes[0].texts] == [NO_INITIATIVES]


def test_an_unknown_figure_or_grouping_is_refused():
    with pytest.raises(ValueError, match="cost-per-mql"):
        chart.ReturnsChoice("roi")
    with pytest.raises(ValueError, match="channel"):
        chart.ReturnsChoice("romi", Dimension.MONTH)
