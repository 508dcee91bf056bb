"""Shared set-up of the People & roles tests: a small team and two initiatives in memory,
open as a document, and helpers to find grid cells by name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from planner import Plan, Role
from ui.document import PlanDocument


@dataclass
class TeamPlan:
    """The plan of these tests: who is who, by id."""

    document: PlanDocument
    ann: int  # Marketing, owns the webinar
    bob: int  # Sales, Responsible on the webinar
    cat: int  # Sales, no roles
    dee: int  # Leadership, Informed on the webinar
    eve: int  # Partner/agency, inactive, no roles
    webinar: int  # "Webinar series", owned by Ann
    show: int  # "Trade show", no owner yet

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def roles(self, initiative_id: int) -> dict[int, Role]:
        """The roles of an initiative as the core has them: person id -> role."""
        return {a.person_id: a.role for a in self.plan.roles.for_initiative(initiative_id)}


def make_plan() -> tuple[Plan, dict[str, int]]:
    plan = Plan.in_memory(name="Team plan", first_month="2026-01", months=12)
    ids = {
        "ann": plan.people.add(name="Ann Lee", team="Marketing", title="Demand Gen Lead").id,
        "bob": plan.people.add(name="Bob Ray", team="Sales", email="bob@example.com").id,
        "cat": plan.people.add(name="Cat Diaz", team="Sales").id,
        "dee": plan.people.add(name="Dee Moss", team="Leadership").id,
        "eve": plan.people.add(name="Eve Park", team="Partner/agency", active=False).id,
    }
    ids["webinar"] = plan.initiatives.add(
        name="Webinar series", channel_id=plan.channels.named("Webinar").id, owner_id=ids["ann"]
    ).id
    ids["show"] = plan.initiatives.add(
        name="Trade show", channel_id=plan.channels.named("Event").id
    ).id
    plan.roles.set(ids["webinar"], ids["bob"], "R")
    plan.roles.set(ids["webinar"], ids["dee"], "I")
    return plan, ids


@pytest.fixture(name="team")
def team_fixture(qapp: object) -> Iterator[TeamPlan]:
    """The small team plan open as a document with an undo stack."""
    plan, ids = make_plan()
    document = PlanDocument(plan)
    yield TeamPlan(document, **ids)
    document.close()


class Refusals:
    """Collects the messages a document's ``refused`` signal sends."""

    def __init__(self, document: PlanDocument) -> None:
        self.messages: list[str] = []
        document.refused.connect(self.messages.append)
