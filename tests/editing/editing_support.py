"""Shared set-up of the tests in this folder: the plan they edit and helpers to inspect it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from planner import (
    Change,
    ChangeSet,
    Plan,
)


@dataclass
class World:
    plan: Plan
    ann: int  # Marketing, owns the webinar
    bob: int  # Sales, Responsible on the webinar
    cat: int  # Sales, no roles
    core: int
    edge: int
    webinar: int  # Feb to Jun 2026, aimed at core and edge
    seen: list[ChangeSet] = field(default_factory=list)

    @property
    def changes(self) -> list[tuple[Change, ...]]:
        return [change_set.changes for change_set in self.seen]


@pytest.fixture
def world() -> World:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    ann = plan.people.add(name="Ann Lee", team="Marketing").id
    bob = plan.people.add(name="Bob Ray", team="Sales").id
    cat = plan.people.add(name="Cat Diaz", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel_id=plan.channels.named("Webinar").id,
        start_month="2026-02",
        end_month="2026-06",
        budget="10,000",
        revenue_target="80,000",
        segment_ids=[core, edge],
        owner_id=ann,
        problem="Slow onboarding",
    ).id
    plan.roles.set(webinar, bob, "R")
    w = World(plan, ann, bob, cat, core, edge, webinar)
    plan.subscribe(w.seen.append)
    return w


def raw_rows(plan: Plan, initiative_id: int) -> list[tuple]:
    return plan.query(
        "SELECT * FROM monthly_values WHERE initiative_id = ? ORDER BY month", [initiative_id]
    )
