"""Shared set-up of the tests in this folder: the plan they edit and helpers to inspect it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from planner import ChangeSet, Plan, ValidationError


@dataclass
class World:
    plan: Plan
    ann: int  # Marketing, owns the webinar
    bob: int  # Sales, Responsible on the webinar
    core: int
    edge: int
    webinar: int  # Feb to Jun 2026, aimed at core, values in March
    seen: list[ChangeSet] = field(default_factory=list)


@pytest.fixture
def world() -> World:
    plan = Plan.in_memory(first_month="2026-01", months=12)
    ann = plan.people.add(name="Ann Lee", team="Marketing", email="ann@example.com").id
    bob = plan.people.add(name="Bob Ray", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Agencies", tier="edge").id
    webinar = plan.initiatives.add(
        name="Webinar series",
        channel_id=plan.channels.named("Webinar").id,
        start_month="2026-02",
        end_month="2026-06",
        budget="10,000",
        revenue_target="80,000",
        segment_ids=[core],
        owner_id=ann,
    ).id
    plan.roles.set(webinar, bob, "R")
    plan.values.set(webinar, "2026-03", "mql", planned=40, actual=35)
    plan.values.set(webinar, "2026-03", "spend", planned="2,000")
    plan.handoff.set_followup_hours("2026-03", 5)
    w = World(plan, ann, bob, core, edge, webinar)
    plan.subscribe(w.seen.append)
    return w


def state(plan: Plan) -> dict[str, Any]:
    """Everything a plan holds, as its services report it (and the raw value rows)."""
    initiatives = plan.initiatives.list()
    return {
        "settings": plan.settings.get(),
        "horizon": plan.horizon,
        "currency": plan.currency,
        "funnel": plan.funnel.get(),
        "handoff": plan.handoff.get(),
        "followups": plan.handoff.followup_hours(),
        "people": plan.people.list(),
        "segments": plan.segments.list(),
        "channels": plan.query("SELECT * FROM channels ORDER BY id"),
        "initiatives": initiatives,
        "roles": plan.roles.all(),
        "values": {i.id: plan.values.for_initiative(i.id) for i in initiatives},
        "rows": plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month"),
    }


def refused(w: World, edit, field_name: str, rule: str) -> ValidationError:
    """Run ``edit``; it must raise the rule on the field and leave no trace."""
    w.seen.clear()
    before = state(w.plan)
    with pytest.raises(ValidationError) as caught:
        edit()
    error = caught.value
    assert (error.field, error.rule) == (field_name, rule)
    assert f"{error.label}: {error.detail}" in str(error)  # named as the pages name it
    assert state(w.plan) == before
    assert w.seen == []
    return error
