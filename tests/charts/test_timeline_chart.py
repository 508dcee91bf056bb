"""The timeline chart draws what ``build_timeline`` built: each lane's bars over their months,
the fiscal-year and quarter bands, today's line and the last closed month's, status and tier
in words as well as colour, the owner on each bar and a marker on each bar with findings; on a
plan too big to read whole, each lane's largest budgets and a count of the rest."""

from __future__ import annotations

import datetime

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from timeline_surfaces import chart_lanes, chart_texts, expected_on_chart
from versioned_plans import BOARD, board_baseline, versioned_once

from planner import months as month_math
from planner.analysis import Analysis, Filter
from planner.charts import ChartOptions, build_chart
from planner.charts import timeline as chart
from planner.charts.style import ChartStyle
from planner.demo import build_demo
from planner.domain import Status
from planner.plan import Plan
from planner.timeline import Grouping, build_timeline

__all__ = ["board_baseline", "versioned_once"]  # fixtures (see versioned_plans)
TODAY = datetime.date(2026, 3, 16)  # the middle of March 2026: February is the last closed


def analysed(plan):
    return Analysis.in_sql(plan, today=TODAY)


def drawn(plan, options=None):
    figure = build_chart(analysed(plan), "timeline", options or ChartOptions())
    FigureCanvasAgg(figure).draw()
    return figure


def texts(figure) -> list[str]:
    return [text.get_text() for text in chart_texts(figure)]


def lines(figure) -> dict[str, float]:
    """The labelled vertical lines of the chart: label -> position."""
    return {
        line.get_label(): line.get_xdata()[0]
        for line in figure.axes[1].get_lines()
        if not line.get_label().startswith("_")
    }


def test_each_lane_is_drawn_with_its_bars_over_their_months(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan), today=TODAY)

    figure = drawn(demo_plan)

    assert chart_lanes(figure, timeline.months) == expected_on_chart(timeline)


def test_the_lanes_follow_the_grouping_asked_for(demo_plan):
    options = ChartOptions(grouping=Grouping.STATUS)
    timeline = build_timeline(demo_plan, Grouping.STATUS, analysis=analysed(demo_plan))

    figure = drawn(demo_plan, options)

    assert [lane.key for lane in chart_lanes(figure, timeline.months)] == [
        lane.key for lane in timeline.lanes
    ]
    assert "Timeline by status" in figure._suptitle.get_text()


def test_each_lane_is_titled_with_how_many_initiatives_it_has(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))

    shown = texts(drawn(demo_plan))

    assert all(f"{lane.title} ({len(lane.bars)})" in shown for lane in timeline.lanes)


def test_every_bar_names_its_owner_status_and_tier_in_words(demo_plan):
    style = ChartStyle(demo_plan.currency)
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))

    shown = texts(drawn(demo_plan))

    for bar in timeline.bars:
        label = chart.bar_label(bar, style)
        assert label in shown
        assert (bar.owner or "no owner") in label and bar.status.value in label
        assert (bar.tier.value if bar.tier else "no segment") in label


def test_statuses_differ_by_hatching_or_outline_not_colour_alone(demo_plan):
    figure = drawn(demo_plan)
    looks = {}
    for patch in figure.axes[1].patches:
        if (patch.get_gid() or "").startswith("initiative:"):
            looks[patch.get_gid()] = (patch.get_hatch() or "", patch.get_linestyle())
    by_status = {
        bar.status: looks[f"initiative:{bar.initiative_id}"]
        for bar in build_timeline(demo_plan, analysis=analysed(demo_plan)).bars
    }

    assert len(by_status) >= 4  # the demo has bars of most statuses
    assert len(set(by_status.values())) >= len(by_status) - 1  # active and done: solid, named
    assert by_status[Status.PLANNED][0] and by_status[Status.IDEA][0]


def test_bars_with_findings_and_only_they_carry_a_marker(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    figure = drawn(demo_plan)

    marked = {
        int(line.get_gid().split(":")[1])
        for line in figure.axes[1].get_lines()
        if (line.get_gid() or "").startswith("finding:")
    }

    assert marked == {bar.initiative_id for bar in timeline.bars if bar.findings}
    assert marked  # the demo has findings


def test_the_fiscal_years_and_quarters_are_drawn_as_bands(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))

    figure = drawn(demo_plan)
    bands = [
        patch.get_gid().removeprefix("band:")
        for patch in figure.axes[0].collections
        if (patch.get_gid() or "").startswith("band:")
    ]

    assert bands == [band.label for band in (*timeline.years, *timeline.quarters)]


def test_today_and_the_last_closed_month_are_lines_named_in_the_key(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan), today=TODAY)
    march = timeline.months.index(202603)

    drawn_lines = lines(drawn(demo_plan))

    closed = timeline.closed_through
    assert drawn_lines["Today (Mar 2026)"] == pytest.approx(march - 0.5 + 15 / 31)
    assert drawn_lines[f"Closed through {month_math.label(closed)}"] == (
        timeline.months.index(closed) + 0.5
    )


def test_a_month_range_shows_only_the_bars_running_in_it(demo_plan):
    options = ChartOptions(months=(202607, 202612))

    figure = drawn(demo_plan, options)
    shown = {
        bar.key for lane in chart_lanes(figure, tuple(range(202607, 202613))) for bar in lane.bars
    }

    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    assert shown == {
        f"initiative:{bar.initiative_id}" for bar in timeline.bars if bar.end_month >= 202607
    }


def test_a_filter_keeps_the_initiatives_it_keeps(demo_plan):
    where = Filter(statuses=(Status.ACTIVE,))

    figure = drawn(demo_plan, ChartOptions(where=where))
    timeline = build_timeline(demo_plan, keep=where, analysis=analysed(demo_plan))

    assert chart_lanes(figure, timeline.months) == expected_on_chart(timeline)


def test_a_plan_without_initiatives_says_so_instead_of_blank_axes(empty_plan):
    assert chart.NO_INITIATIVES in texts(drawn(empty_plan))


def test_the_dark_scheme_draws_the_same_bars(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    figure = build_chart(analysed(demo_plan), "timeline", ChartOptions(dark=True))

    assert chart_lanes(figure, timeline.months) == expected_on_chart(timeline)


# -- too many to read whole --------------------------------------------------------------


def _bars(timeline, count):
    return tuple(timeline.bars[n % len(timeline.bars)] for n in range(count))


def test_lanes_that_fit_are_drawn_whole(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    lanes = [(lane.key, lane.title, lane.bars) for lane in timeline.lanes]

    rows, more_lanes, more_bars = chart.fit_rows(lanes, 100)

    assert [lane.bars for lane in rows] == [lane.bars for lane in timeline.lanes]
    assert (more_lanes, more_bars, sum(lane.more for lane in rows)) == (0, 0, 0)


def test_each_lane_cut_short_keeps_its_largest_budgets_in_its_own_order(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    bars = tuple(sorted(timeline.bars, key=lambda bar: bar.start_month))
    lanes = [("a", "A", bars), ("b", "B", bars[:3])]

    rows, more_lanes, _more_bars = chart.fit_rows(lanes, 12)

    largest = sorted(bars, key=lambda bar: -bar.budget)[: len(rows[0].bars)]
    assert set(rows[0].bars) == set(largest)
    assert list(rows[0].bars) == [bar for bar in bars if bar in largest]
    assert rows[0].more == len(bars) - len(rows[0].bars)
    assert sum(lane.rows for lane in rows) <= 12 and more_lanes == 0


def test_lanes_beyond_the_room_are_counted_in_a_row_of_their_own(demo_plan):
    timeline = build_timeline(demo_plan, analysis=analysed(demo_plan))
    lanes = [(f"lane:{n}", f"Lane {n}", _bars(timeline, 3)) for n in range(40)]

    rows, more_lanes, more_bars = chart.fit_rows(lanes, 30)

    assert sum(lane.rows for lane in rows) + 1 <= 30
    assert more_lanes == 40 - len(rows) and more_bars == 3 * more_lanes
    assert all(len(lane.bars) == 1 and lane.more == 2 for lane in rows)


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory):
    """The large demo plan (2,000 initiatives over 36 months), read-only."""
    path = build_demo(tmp_path_factory.mktemp("timeline-large") / "large.smplan", size="large")
    with Plan.open(path, read_only=True) as plan:
        yield plan


@pytest.mark.slow
def test_the_large_plan_draws_a_readable_chart_of_each_lanes_largest_budgets(large_plan):
    analysis = Analysis.in_sql(large_plan, today=TODAY)
    data = chart.data(analysis, ChartOptions())

    figure = chart.draw(data, ChartStyle(large_plan.currency))
    FigureCanvasAgg(figure).draw()

    assert data.rows <= chart.MAX_ROWS
    assert data.total == len(build_timeline(large_plan, analysis=analysis).bars)
    assert f"{data.shown:,} of {data.total:,} initiatives shown" in " ".join(texts(figure))
    assert figure.get_figheight() <= chart.HEADER + chart.ROW_HEIGHT * chart.MAX_ROWS


# -- text as written -----------------------------------------------------------------------

MATHS = r"$x^2$ \alpha_1 deals"


@pytest.fixture
def odd_names(edited_demo):
    """The demo plan with an initiative, its owner and its channel named like maths."""
    initiative = edited_demo.initiatives.list()[0]
    edited_demo.initiatives.update(initiative.id, name=f"{MATHS} 1")
    if initiative.owner_id is not None:
        edited_demo.people.update(initiative.owner_id, name=f"{MATHS} owner")
    edited_demo.channels.update(initiative.channel_id, name=f"{MATHS} channel")
    return edited_demo


@pytest.mark.parametrize("grouping", list(Grouping))
def test_names_from_the_plan_are_drawn_as_written(odd_names, grouping):
    figure = drawn(odd_names, ChartOptions(grouping=grouping))
    shown = chart_texts(figure)

    with_maths = [text for text in shown if MATHS in text.get_text()]
    assert with_maths
    assert all(not text.get_parse_math() for text in shown)
    assert [text.get_text() for text in shown if "\\$" in text.get_text()] == []


# -- against a baseline --------------------------------------------------------------------


def test_a_bar_moved_since_the_baseline_has_a_ghost_at_the_baselines_dates(
    versioned_once, board_baseline
):
    plan = versioned_once.plan
    figure = drawn(plan, ChartOptions(baseline=board_baseline))
    ghosts = {
        patch.get_gid(): (patch.get_x(), patch.get_x() + patch.get_width())
        for patch in figure.axes[1].patches
        if (patch.get_gid() or "").startswith("baseline:")
    }

    # The outbound push started in Jan 2026 in the baseline; it starts in Mar 2026 now.
    assert ghosts == {f"baseline:{versioned_once.outbound}": (-0.5, 11.5)}
    assert f"Dates in {BOARD}" in texts(figure)
