"""A plan with a baseline and the working plan moved on from it in every way the comparison
tells: an initiative added, one dropped, one re-budgeted, one re-targeted and one moved."""

from __future__ import annotations

import datetime as dt

from planner import Plan
from planner.months import add
from planner.versions.service import VersionInfo

BASELINE = "Board-approved FY2026"
SAVED_AT = dt.datetime(2026, 1, 15, 10, 30)
ADDED = "Partner summit 2026"


def save_baseline_and_move_on(plan: Plan, name: str = BASELINE) -> VersionInfo:
    """Save ``plan`` as a locked baseline ``name``, then change the working plan; the
    baseline's VersionInfo."""
    change = plan.versions.save(name, saved_at=SAVED_AT)
    first, second, third, fourth = plan.initiatives.list()[:4]
    plan.initiatives.update(first.id, budget=first.budget + 5_000_00)
    plan.initiatives.update(second.id, status="dropped")
    plan.initiatives.update(third.id, revenue_target=third.revenue_target * 2)
    plan.initiatives.update(
        fourth.id, start_month=add(fourth.start_month, 2), end_month=add(fourth.end_month, 2)
    )
    added = plan.initiatives.add(
        name=ADDED,
        channel_id=plan.channels.named("Event").id,
        budget=40_000_00,
        revenue_target=300_000_00,
        start_month="2026-09",
        end_month="2026-10",
    ).id
    plan.values.set(added, "2026-09", "revenue_won", planned=100_000_00)
    plan.values.set(added, "2026-10", "spend", planned=40_000_00)
    return plan.versions.get(change.id)
