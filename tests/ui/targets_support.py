"""Shared set-up of the Targets & actuals tests: a small plan in memory with known values,
its grid, and a recorder of refusals.

Plan "Targets test": horizon Jan-Jun 2026, USD.
- "Analyst program" (id ``analyst``): Jan-Jun; MQLs planned 10, 20, 30 (Jan-Mar), actual 12
  in Jan; spend planned $1,000.50 in Jan.
- "Webinar series" (id ``webinar``): Mar-Apr; MQLs planned 1,200 in Mar; nothing else.
- "Zine" (id ``zine``): dropped, Jan-Jun; no values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from planner import Metric, Plan
from ui.document import PlanDocument
from ui.pages.targets.grid_data import Grid, View, build_grid


@dataclass
class TargetsPlan:
    """The plan of these tests, open as a document, with its initiatives' ids."""

    document: PlanDocument
    analyst: int
    webinar: int
    zine: int

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def value(self, initiative_id: int, month: int, metric: Metric = Metric.MQL) -> tuple:
        """(planned, actual) of a cell as the core has it."""
        return self.plan.values.grid(metric).get((initiative_id, month), (None, None))


def make_plan() -> tuple[Plan, dict[str, int]]:
    plan = Plan.in_memory(name="Targets test", first_month="2026-01", months=6)
    ids = {
        "analyst": plan.initiatives.add(
            name="Analyst program",
            channel_id=plan.channels.named("Other").id,
            status="active",
            start_month=202601,
            end_month=202606,
        ).id,
        "webinar": plan.initiatives.add(
            name="Webinar series",
            channel_id=plan.channels.named("Webinar").id,
            status="planned",
            start_month=202603,
            end_month=202604,
        ).id,
        "zine": plan.initiatives.add(
            name="Zine",
            channel_id=plan.channels.named("Content").id,
            status="dropped",
            start_month=202601,
            end_month=202606,
        ).id,
    }
    for month, planned in ((202601, 10), (202602, 20), (202603, 30)):
        plan.values.set(ids["analyst"], month, Metric.MQL, planned=planned)
    plan.values.set(ids["analyst"], 202601, Metric.MQL, actual=12)
    plan.values.set(ids["analyst"], 202601, Metric.SPEND, planned=100050)
    plan.values.set(ids["webinar"], 202603, Metric.MQL, planned=1200)
    return plan, ids


def grid_of(plan: Plan, metric: Metric = Metric.MQL, view: View = View.PLANNED) -> Grid:
    """The grid the page would show for ``metric`` in ``view``."""
    return build_grid(
        metric,
        plan.currency,
        view,
        plan.initiatives.list(),
        plan.horizon.months(),
        plan.values.grid(metric),
    )


@contextmanager
def opened() -> Iterator[TargetsPlan]:
    """The small targets plan open as a document with an undo stack, closed afterwards
    (wrap it in a fixture: the tests need a running QApplication)."""
    plan, ids = make_plan()
    document = PlanDocument(plan)
    try:
        yield TargetsPlan(document, **ids)
    finally:
        document.close()


class Refusals:
    """Collects what a document refused (the messages the window would show)."""

    def __init__(self, document: PlanDocument) -> None:
        self.messages: list[str] = []
        document.refused.connect(self.messages.append)

    @property
    def last(self) -> str:
        assert self.messages, "nothing was refused"
        return self.messages[-1]
