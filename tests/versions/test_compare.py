"""Comparing versions of a plan (planner.versions.compare)."""

from __future__ import annotations

import pytest
from version_support import named

from planner import Plan
from planner.analysis import Analysis, budget_and_target, strike_zone
from planner.analysis.headline import live_only
from planner.checks.findings import count_findings
from planner.checks.run import run_checks
from planner.domain import Metric
from planner.versions.compare import Difference, compare
from planner.versions.opened import open_version


@pytest.fixture
def changed(plan: Plan) -> tuple[Plan, Plan]:
    """The plan's baseline, and the plan since: one initiative dropped, one added, one
    re-budgeted and moved, two events added then moved together a quarter later."""
    baseline = plan.versions.save("Board-approved").id
    event = plan.channels.named("Event").id
    for name in ("Summit", "Road show"):
        plan.initiatives.add(
            name=name,
            channel_id=event,
            status="planned",
            start_month="2026-07",
            end_month="2026-08",
            budget=10_000_00,
        )
    plan.versions.delete(baseline)
    baseline = plan.versions.save("Board-approved").id
    for name in ("Summit", "Road show"):
        plan.initiatives.update(named(plan, name), start_month="2026-10", end_month="2026-11")
    plan.initiatives.update(named(plan, "Outbound push"), status="dropped")
    plan.initiatives.add(
        name="Podcast", channel_id=plan.channels.named("Content").id, budget=30_000_00
    )
    plan.initiatives.update(named(plan, "Webinar series"), budget=20_000_00)
    return open_version(plan, baseline), plan


def test_the_story_says_what_was_added_dropped_re_budgeted_and_moved(changed) -> None:
    baseline, plan = changed
    story = compare(baseline, plan).story()
    assert story[0] == "Budget $380k → $70k (-$310k), revenue target $4.3M → $1.4M (-$2.9M)"
    assert "1 initiative added ($30k): 'Podcast'" in story
    assert "1 initiative dropped ($180k): 'Outbound push'" in story
    assert "1 initiative re-budgeted (-$160k net): 'Webinar series'" in story
    assert "2 Event initiatives moved from Q3 2026 to Q4 2026" in story


def test_each_initiative_is_matched_by_id_and_its_difference_named(changed) -> None:
    baseline, plan = changed
    differences = {d.name: d.difference for d in compare(baseline, plan).diffs[0]}
    assert differences == {
        "Outbound push": Difference.DROPPED,
        "Podcast": Difference.ADDED,
        "Road show": Difference.CHANGED,
        "Summit": Difference.CHANGED,
        "Webinar series": Difference.CHANGED,
    }


def test_a_moved_initiative_says_by_how_many_months(changed) -> None:
    baseline, plan = changed
    summit = next(d for d in compare(baseline, plan).diffs[0] if d.name == "Summit")
    assert summit.moved_by == 3


def test_each_sides_figures_are_the_ones_every_surface_shows(changed) -> None:
    baseline, plan = changed
    comparison = compare(baseline, plan)
    for side, version in zip(comparison.sides, (baseline, plan), strict=True):
        analysis = Analysis.in_sql(version)
        assert (side.budget, side.revenue_target) == budget_and_target(analysis)
        assert side.findings == count_findings(run_checks(analysis))
        assert side.budget_share_in_zone == strike_zone(analysis).budget_share_in_zone
        by_month = analysis.rollup("month", where=live_only(None))
        for metric in Metric:
            assert side.planned_by_month[metric] == {
                row.key: row.totals.planned[metric] for row in by_month
            }


def test_the_sides_are_named_for_their_versions(changed) -> None:
    baseline, plan = changed
    assert [s.name for s in compare(baseline, plan).sides] == ["Board-approved", "Working plan"]


def test_three_versions_compare_side_by_side_against_the_first(changed) -> None:
    baseline, plan = changed
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        stretch.initiatives.update(named(stretch, "Podcast"), budget=60_000_00)
        comparison = compare(baseline, plan, stretch)
    assert len(comparison.sides) == 3
    assert "1 initiative added ($60k): 'Podcast'" in comparison.story(2)
    assert comparison.sides[2].budget - comparison.sides[1].budget == 30_000_00


def test_a_version_compared_with_itself_differs_in_nothing(plan: Plan) -> None:
    baseline = plan.versions.save("Approved").id
    with open_version(plan, baseline) as approved:
        comparison = compare(approved, plan)
    assert comparison.changed() == []
    assert comparison.story()[-1] == "No initiative differs"


def test_one_or_four_plans_cannot_be_compared(plan: Plan) -> None:
    with pytest.raises(ValueError, match="two or three"):
        compare(plan)
    with pytest.raises(ValueError, match="two or three"):
        compare(plan, plan, plan, plan)


def test_each_sides_months_add_up_to_its_total_with_a_dropped_initiative(changed) -> None:
    baseline, plan = changed
    for side in compare(baseline, plan).sides:
        for metric in Metric:
            assert sum(side.planned_by_month[metric].values()) == side.planned[metric]
