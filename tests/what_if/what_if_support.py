"""Shared set-up of the what-if tests: a small plan with two event initiatives (and a dropped
one), a webinar and an ad campaign, owners and segments, planned months and some actuals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import pytest

from planner import ChangeSet, Plan
from planner.analysis import Analysis

# The clock of every analysis here: March 2026 is open, February the last closed month.
TODAY = datetime.date(2026, 3, 10)


@dataclass
class Lead:
    plan: Plan
    ann: int  # Marketing, owns the summit and the webinar
    bob: int  # Sales, owns the trade fair; Responsible on the summit
    core: int
    edge: int
    events: int  # the Event channel
    summit: int  # Event, Ann, core; $12,345 / $100,000; spend planned Jan to Apr
    fair: int  # Event, Bob, edge; $3,000 / $20,000; no months planned
    old_show: int  # Event, dropped; $9,000
    webinar: int  # Webinar, Ann, core and edge; $10,000; spend planned Jan to Jun
    ads: int  # Paid, no owner, no segment; $5,000 / $0; Jun to Dec
    seen: list[ChangeSet] = field(default_factory=list)

    def analysis(self) -> Analysis:
        return Analysis.in_sql(self.plan, today=TODAY)

    def budget(self, initiative_id: int) -> int:
        return self.plan.initiatives.get(initiative_id).budget

    def target(self, initiative_id: int) -> int:
        return self.plan.initiatives.get(initiative_id).revenue_target

    def planned(self, initiative_id: int, metric: str = "spend") -> dict[int, int | None]:
        """Month -> planned value of one metric of one initiative."""
        grid = self.plan.values.grid(metric)
        return {m: v[0] for (i, m), v in sorted(grid.items()) if i == initiative_id}


@pytest.fixture
def lead() -> Lead:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    ann = plan.people.add(name="Ann Lee", team="Marketing").id
    bob = plan.people.add(name="Bob Ray", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    events = plan.channels.named("Event").id
    summit = plan.initiatives.add(
        name="Summit",
        channel_id=events,
        start_month="2026-01",
        end_month="2026-04",
        budget="12,345",
        revenue_target="100,000",
        segment_ids=[core],
        owner_id=ann,
    ).id
    plan.roles.set(summit, bob, "R")
    fair = plan.initiatives.add(
        name="Trade fair",
        channel_id=events,
        budget="3,000",
        revenue_target="20,000",
        segment_ids=[edge],
        owner_id=bob,
    ).id
    old_show = plan.initiatives.add(
        name="Old show", channel_id=events, status="dropped", budget="9,000", owner_id=ann
    ).id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel_id=plan.channels.named("Webinar").id,
        start_month="2026-01",
        end_month="2026-06",
        budget="10,000",
        revenue_target="80,000",
        segment_ids=[core, edge],
        owner_id=ann,
    ).id
    ads = plan.initiatives.add(
        name="Search ads",
        channel_id=plan.channels.named("Paid").id,
        start_month="2026-06",
        end_month="2026-12",
        budget="5,000",
    ).id
    # The summit's months add up to its budget: $3,086.25 a month.
    for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
        plan.values.set(summit, month, "spend", planned="3,086.25")
        plan.values.set(summit, month, "mql", planned=7)
        plan.values.set(summit, month, "revenue_won", planned="25,000")
    plan.values.set(summit, "2026-01", "spend", actual="2,500")
    plan.values.set(summit, "2026-02", "spend", actual="3,000")
    for month in ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"):
        plan.values.set(webinar, month, "spend", planned="1,000")
    plan.values.set(webinar, "2026-01", "spend", actual="900")
    lead = Lead(plan, ann, bob, core, edge, events, summit, fair, old_show, webinar, ads)
    plan.subscribe(lead.seen.append)
    return lead


def everything(plan: Plan) -> dict[str, Any]:
    """What a what-if may change, as the plan holds it: every initiative and value row."""
    return {
        "initiatives": plan.initiatives.list(),
        "values": plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month"),
    }
