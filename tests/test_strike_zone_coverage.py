"""The strike zone's news on coverage: whether live initiatives aim at the plan's segments,
core ones first, told in one sentence the app shows as it is."""

from __future__ import annotations

import pytest
from plan_builders import no_actuals_plan

from planner import Plan, Tier
from planner.analysis import Analysis, strike_zone
from planner.analysis.strike_zone import Coverage


@pytest.fixture
def empty():
    plan = Plan.in_memory(first_month="2026-01", months=12)
    yield plan
    plan.close()


@pytest.fixture
def aimed():
    """Two live initiatives: one aimed at the core segment, one at the edge segment."""
    plan = no_actuals_plan()
    yield plan
    plan.close()


def test_a_plan_with_no_segments_says_to_add_them_not_that_all_are_covered(empty):
    zone = strike_zone(Analysis.in_sql(empty))
    assert zone.coverage is Coverage.NO_SEGMENTS
    assert zone.coverage_statement() == "No segments yet: add the segments you sell to"


def test_a_plan_with_no_core_segment_says_the_zone_is_empty(empty):
    empty.segments.add(name="Agencies", tier=Tier.EDGE)
    zone = strike_zone(Analysis.in_sql(empty))
    assert zone.coverage is Coverage.NO_CORE
    assert zone.coverage_statement() == (
        "No segment is core yet: put the few you focus on in the core tier"
    )


def test_a_core_segment_nothing_aims_at_is_named_first(empty):
    empty.segments.add(name="Agencies", tier=Tier.EDGE)
    empty.segments.add(name="Mid-market SaaS", tier=Tier.CORE)
    zone = strike_zone(Analysis.in_sql(empty))
    assert zone.coverage is Coverage.CORE_UNCOVERED
    assert zone.coverage_statement() == "Nothing aims at Mid-market SaaS (core), Agencies (edge)"


def test_an_outside_segment_nothing_aims_at_is_named_once_every_core_one_is_covered(aimed):
    aimed.segments.add(name="Tiny shops", tier=Tier.OUTSIDE)
    zone = strike_zone(Analysis.in_sql(aimed))
    assert zone.coverage is Coverage.OTHERS_UNCOVERED
    assert zone.coverage_statement() == (
        "Every core segment has a live initiative; nothing aims at Tiny shops (outside)"
    )


def test_every_segment_aimed_at_is_all_covered(aimed):
    zone = strike_zone(Analysis.in_sql(aimed))
    assert zone.coverage is Coverage.ALL_COVERED
    assert zone.coverage_statement() == "Every segment has a live initiative aimed at it"


def test_a_dropped_initiative_covers_nothing(aimed):
    webinar = next(i for i in aimed.initiatives.list() if i.name == "Webinar series")
    aimed.initiatives.update(webinar.id, status="dropped")
    assert strike_zone(Analysis.in_sql(aimed)).coverage is Coverage.CORE_UNCOVERED
