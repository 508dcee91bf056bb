"""Where the Timeline page puts rows and labels and what a drag does to a bar's months: plain
numbers, no window."""

from __future__ import annotations

import pytest

from planner import Status
from planner.timeline import Band, Bar, Grouping, Lane, Timeline
from ui.pages.timeline.layout import (
    Grip,
    Layout,
    Side,
    Zoom,
    dragged,
    grip_at,
    label_place,
    rows_between,
)
from ui.pages.timeline.page import keep_only


def a_bar(initiative_id: int, start: int = 202603, end: int = 202605) -> Bar:
    return Bar(
        initiative_id=initiative_id,
        name=f"Initiative {initiative_id}",
        start_month=start,
        end_month=end,
        status=Status.PLANNED,
        owner=None,
        channel="Paid",
        tier=None,
        findings=(),
        budget=0,
        revenue_target=0,
        attainment=None,
    )


def a_timeline(*lanes: tuple[int, ...]) -> Timeline:
    months = tuple(202600 + n for n in range(1, 13))
    return Timeline(
        months=months,
        quarters=(Band("Q1 FY2026", 202601, 202603),),
        years=(Band("FY2026", 202601, 202612),),
        today=None,
        closed_through=None,
        grouping=Grouping.CHANNEL,
        lanes=tuple(
            Lane(f"lane:{n}", f"Lane {n}", tuple(a_bar(i) for i in ids))
            for n, ids in enumerate(lanes)
        ),
    )


# -- rows --------------------------------------------------------------------------------------


def test_each_lane_is_a_header_row_followed_by_a_row_per_bar():
    layout = Layout(a_timeline((1, 2), (3,)))
    assert [(row.lane.key, row.bar and row.bar.initiative_id) for row in layout.rows] == [
        ("lane:0", None),
        ("lane:0", 1),
        ("lane:0", 2),
        ("lane:1", None),
        ("lane:1", 3),
    ]
    assert layout.row_of(3) == 4


def test_a_month_is_a_column_counted_from_the_plans_first_month():
    layout = Layout(a_timeline((1,)))
    assert layout.column(202601) == 0
    assert layout.column(202703) == 14  # after the horizon: still a column, off its end
    assert layout.month(-1) == 202512
    assert layout.span(202603, 202605) == (2, 5)


def test_down_and_up_go_from_bar_to_bar_across_lanes_and_stop_at_the_ends():
    layout = Layout(a_timeline((1, 2), (3,)))
    assert layout.neighbour(2, 1) == 3  # over the second lane's header
    assert layout.neighbour(3, 1) == 3
    assert layout.neighbour(1, -1) == 1
    assert layout.neighbour(None, 1) == 1
    assert layout.neighbour(None, -1) == 3


def test_only_the_rows_in_sight_are_drawn():
    assert rows_between(0, 100, 25, 1000) == range(0, 5)
    assert rows_between(240, 260, 25, 1000) == range(9, 11)
    assert rows_between(24_990, 25_100, 25, 1000) == range(999, 1000)


def test_a_filter_keeps_only_its_bars_and_leaves_out_lanes_it_empties():
    kept = keep_only(a_timeline((1, 2), (3,)), frozenset({2}))
    assert [(lane.key, [b.initiative_id for b in lane.bars]) for lane in kept.lanes] == [
        ("lane:0", [2])
    ]


@pytest.mark.parametrize(
    ("zoom", "shown"), [(Zoom.QUARTER, 3), (Zoom.YEAR, 12), (Zoom.HORIZON, 36)]
)
def test_a_zoom_shows_its_months_across_the_width(zoom, shown):
    assert zoom.months_shown(36) == shown


def test_a_zoom_never_shows_more_months_than_the_plan_has():
    assert Zoom.YEAR.months_shown(6) == 6


# -- dragging ----------------------------------------------------------------------------------


def test_dragging_the_body_moves_both_ends():
    assert dragged(202603, 202605, Grip.BODY, 2) == (202605, 202607)
    assert dragged(202601, 202602, Grip.BODY, -2) == (202511, 202512)


def test_dragging_an_end_moves_only_that_end():
    assert dragged(202603, 202605, Grip.END, 3) == (202603, 202608)
    assert dragged(202603, 202605, Grip.START, -1) == (202602, 202605)


def test_an_end_dragged_past_the_other_stops_there():
    assert dragged(202603, 202605, Grip.END, -5) == (202603, 202603)
    assert dragged(202603, 202605, Grip.START, 9) == (202605, 202605)


def test_a_press_near_an_end_grips_that_end_and_inside_the_bar_its_body():
    assert grip_at(101, 100, 300, 5) is Grip.START
    assert grip_at(297, 100, 300, 5) is Grip.END
    assert grip_at(200, 100, 300, 5) is Grip.BODY
    assert grip_at(400, 100, 300, 5) is None


def test_on_a_bar_too_short_for_both_ends_the_nearer_end_is_gripped():
    assert grip_at(102, 100, 106, 5) is Grip.START
    assert grip_at(105, 100, 106, 5) is Grip.END


# -- labels ------------------------------------------------------------------------------------


def test_a_label_that_fits_goes_in_its_bar():
    assert label_place(100, 400, 0, 1000, 200) == (Side.INSIDE, 100, 300)


def test_a_label_too_long_for_its_bar_goes_after_it():
    side, x, _width = label_place(100, 150, 0, 1000, 200)
    assert (side, x) == (Side.AFTER, 154)


def test_a_bar_at_the_plans_end_has_its_label_before_it():
    assert label_place(700, 1000, 0, 1000, 400) == (Side.BEFORE, 296, 400)


def test_a_label_that_fits_nowhere_goes_where_there_is_most_room():
    side, _x, width = label_place(100, 300, 0, 500, 600)
    assert (side, width) == (Side.INSIDE, 200)


def test_a_bar_scrolled_half_out_of_sight_keeps_its_label_in_sight():
    side, x, _width = label_place(-300, 400, 0, 1000, 200)
    assert (side, x) == (Side.INSIDE, 0)


def test_a_bar_scrolled_wholly_out_of_sight_on_the_left_has_its_label_at_the_left_edge():
    assert label_place(-600, -200, 0, 1000, 300) == (Side.AFTER, 0, 1000)


def test_a_bar_scrolled_wholly_out_of_sight_on_the_right_has_its_label_at_the_right_edge():
    assert label_place(1200, 1500, 0, 1000, 300) == (Side.BEFORE, 696, 300)
