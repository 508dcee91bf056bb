"""Plans the chart tests draw: the small demo, one with plans but no actuals, and an empty one.

``demo_plan`` is built once per test session and opened read-only, so every chart module
can share it; the two in-memory plans are made afresh for each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from planner.demo import build_demo
from planner.domain import Metric
from planner.plan import Plan
from planner.services.values import Kind, ValueEntry

# Planned monthly values of the no-actuals plan's initiatives: a plausible funnel (counts)
# and money in cents.
_PLANNED = {
    Metric.SPEND: 1_500_000,
    Metric.LEADS: 400,
    Metric.MQL: 120,
    Metric.SAL: 80,
    Metric.SQL: 40,
    Metric.OPPORTUNITIES: 20,
    Metric.PIPELINE: 60_000_000,
    Metric.DEALS_WON: 4,
    Metric.REVENUE_WON: 12_000_000,
}


@pytest.fixture(scope="session")
def demo_plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    """The small demo plan (with actuals for its first months), read-only."""
    path = build_demo(tmp_path_factory.mktemp("charts") / "demo.smplan")
    plan = Plan.open(path, read_only=True)
    yield plan
    plan.close()


@pytest.fixture
def no_actuals_plan() -> Iterator[Plan]:
    """Two initiatives, each with an owner and a segment, planned every month, nothing actual."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    marketer = plan.people.add(name="Maya Marketer", team="Marketing").id
    seller = plan.people.add(name="Sam Seller", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Enterprise", tier="edge").id
    entries = []
    for number, (name, channel, owner, segment) in enumerate(
        [
            ("Webinar series", "webinar", marketer, core),
            ("Outbound push", "outbound", seller, edge),
        ],
        start=1,
    ):
        initiative = plan.initiatives.add(
            name=name,
            channel=channel,
            budget=12 * _PLANNED[Metric.SPEND],
            revenue_target=12 * _PLANNED[Metric.REVENUE_WON] * number,
            segment_ids=[segment],
        ).id
        plan.roles.set_owner(initiative, owner)
        entries += [
            ValueEntry(initiative, month, metric, Kind.PLANNED, value * number)
            for month in plan.horizon.months()
            for metric, value in _PLANNED.items()
        ]
    plan.values.set_many(entries)
    yield plan
    plan.close()


@pytest.fixture
def empty_plan() -> Iterator[Plan]:
    """A plan with a horizon and nothing else: no people, segments or initiatives."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    yield plan
    plan.close()
