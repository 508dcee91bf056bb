"""A small plan with versions, shared by the tests of the baseline and of comparing versions
(core and app): a locked baseline saved, then the working plan changed in every way a
comparison tells, then a scenario saved from it and changed again.

(``pythonpath = ["tests"]`` in pyproject.toml puts this module on the import path.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from plan_builders import PLANNED, no_actuals_plan

from planner import Plan
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry
from planner.versions import Kind as VersionKind
from planner.versions.baseline import Baseline, open_baseline
from planner.versions.opened import open_version

BOARD = "Board-approved FY2026"
CUT = "Cut events"
WEBINAR_MORE = 500_000  # $5,000 more budget for the webinar series since the baseline
MARCH_MORE = 2_000_000  # $20,000 more revenue won planned in March 2026 since then
PARTNER_BUDGET = 3_000_000
PARTNER_REVENUE = 1_000_000  # planned each month from July 2026


@dataclass
class Versioned:
    """``board``: the locked baseline as first built; the working plan since: the webinar
    series re-budgeted (+$5k) with more revenue planned in March, the outbound push
    re-targeted and moved from Jan to Mar 2026, the trade show dropped, a partner launch
    added. ``cut``: a scenario of the working plan with the webinar series' budget cut."""

    plan: Plan
    board: int
    cut: int
    webinar: int
    outbound: int
    trade_show: int
    partner: int


def versioned_plan() -> Versioned:
    plan = no_actuals_plan()
    webinar = next(i for i in plan.initiatives.list() if i.name == "Webinar series")
    outbound = next(i for i in plan.initiatives.list() if i.name == "Outbound push")
    event = plan.channels.named("Event").id
    trade_show = plan.initiatives.add(
        name="Trade show",
        channel_id=event,
        status="planned",
        start_month="2026-09",
        end_month="2026-09",
        budget=4_000_000,
        revenue_target=20_000_000,
        owner_id=webinar.owner_id,
    ).id
    board = plan.versions.save(BOARD).id

    plan.initiatives.update(webinar.id, budget=webinar.budget + WEBINAR_MORE)
    plan.values.set_many(
        [
            ValueEntry(
                webinar.id,
                202603,
                Metric.REVENUE_WON,
                Kind.PLANNED,
                PLANNED[Metric.REVENUE_WON] + MARCH_MORE,
            )
        ]
    )
    plan.initiatives.update(
        outbound.id,
        start_month="2026-03",
        revenue_target=outbound.revenue_target - 10_000_000,
    )
    plan.initiatives.update(trade_show, status="dropped")
    partner = plan.initiatives.add(
        name="Partner launch",
        channel_id=plan.channels.named("Partner").id,
        status="planned",
        start_month="2026-07",
        end_month="2026-12",
        budget=PARTNER_BUDGET,
        revenue_target=30_000_000,
        owner_id=outbound.owner_id,
    ).id
    plan.values.set_many(
        [
            ValueEntry(partner, month, Metric.REVENUE_WON, Kind.PLANNED, PARTNER_REVENUE)
            for month in range(202607, 202613)
        ]
    )
    cut = plan.versions.save(CUT, kind=VersionKind.SCENARIO).id
    with open_version(plan, cut) as scenario:
        scenario.initiatives.update(webinar.id, budget=webinar.budget - 1_000_000)
    return Versioned(plan, board, cut, webinar.id, outbound.id, trade_show, partner)


@pytest.fixture(scope="module")
def versioned_once() -> Versioned:
    """The plan with versions, made once for the tests of a module that only read it."""
    return versioned_plan()


@pytest.fixture
def board_baseline(versioned_once: Versioned) -> Iterator[Baseline]:
    """The locked baseline of :func:`versioned_once`, open beside it."""
    opened = open_baseline(versioned_once.plan, versioned_once.board)
    yield opened
    opened.close()
