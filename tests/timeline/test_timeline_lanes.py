"""The timeline's lanes: grouped by each of the five, in the plan's own order, empty lanes left
out, bars by start, end and name, and only what a filter keeps."""

from __future__ import annotations

from timeline_plans import TODAY, analysis_at

from planner.analysis import Filter
from planner.domain import Status
from planner.timeline import Grouping, build_timeline


def lanes(plan, grouping, **options):
    timeline = build_timeline(plan, grouping, analysis=analysis_at(plan), **options)
    return [(lane.key, lane.title, [bar.name for bar in lane.bars]) for lane in timeline.lanes]


def test_by_channel_the_lanes_follow_the_plans_channel_list(plan, made):
    webinar, event = plan.channels.named("Webinar").id, plan.channels.named("Event").id
    assert lanes(plan, Grouping.CHANNEL) == [
        (f"channel:{event}", "Event", ["Trade show"]),
        (f"channel:{webinar}", "Webinar", ["Launch idea", "Podcast", "Webinar series"]),
    ]


def test_by_owner_the_lanes_go_by_name_and_no_owner_comes_last(plan):
    maya, sam = (p.id for p in plan.people.list())
    assert lanes(plan, Grouping.OWNER) == [
        (f"owner:{maya}", "Maya Marketer", ["Podcast", "Webinar series"]),
        (f"owner:{sam}", "Sam Seller", ["Trade show"]),
        ("owner:none", "(no owner)", ["Launch idea"]),
    ]


def test_by_team_each_bar_is_in_its_owners_team(plan):
    assert lanes(plan, Grouping.TEAM) == [
        ("team:Marketing", "Marketing", ["Podcast", "Webinar series"]),
        ("team:Sales", "Sales", ["Trade show"]),
        ("team:none", "(no owner)", ["Launch idea"]),
    ]


def test_by_tier_each_bar_is_in_the_best_tier_it_aims_at(plan):
    assert lanes(plan, Grouping.TIER) == [
        ("tier:core", "Core", ["Podcast", "Webinar series"]),
        ("tier:edge", "Edge", ["Trade show"]),
        ("tier:none", "(no segment)", ["Launch idea"]),
    ]


def test_by_status_the_lanes_follow_the_status_list(plan):
    assert lanes(plan, Grouping.STATUS) == [
        ("status:idea", "Idea", ["Launch idea"]),
        ("status:planned", "Planned", ["Trade show"]),
        ("status:active", "Active", ["Podcast", "Webinar series"]),
    ]


def test_a_lane_with_no_bar_is_left_out(plan):
    keys = [key for key, _title, _bars in lanes(plan, Grouping.STATUS)]
    assert "status:done" not in keys and "status:dropped" not in keys


def test_bars_run_by_start_then_by_end(plan, made):
    plan.initiatives.update(made.webinar, start_month="2026-01")
    plan.initiatives.update(made.launch, end_month="2026-05")
    webinar_lane = lanes(plan, Grouping.CHANNEL)[1][2]
    assert webinar_lane == ["Webinar series", "Podcast", "Launch idea"]


def test_bars_with_the_same_dates_run_by_name(plan, made):
    plan.initiatives.update(made.launch, end_month="2026-04")
    webinar_lane = lanes(plan, Grouping.CHANNEL)[1][2]
    assert webinar_lane == ["Launch idea", "Podcast", "Webinar series"]


def test_a_filter_keeps_only_the_initiatives_it_matches(plan):
    kept = lanes(plan, Grouping.CHANNEL, keep=Filter(statuses=[Status.ACTIVE]))
    assert [names for _key, _title, names in kept] == [["Podcast", "Webinar series"]]


def test_the_grouping_names_itself_for_a_person():
    assert [g.label for g in Grouping] == [
        "Channel",
        "Owner",
        "Team",
        "Strike-zone tier",
        "Status",
    ]


def test_the_timeline_says_its_grouping(plan):
    assert build_timeline(plan, Grouping.OWNER, today=TODAY).grouping is Grouping.OWNER
