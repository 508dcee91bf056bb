"""Shared pieces of the strike-zone tests: a small plan, the page on the demo plan, and
finding records by name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from planner import Initiative, Plan, Segment, Status, Tier
from ui.document import PlanDocument
from ui.pages.strike_zone import StrikeZonePage


def make_small_plan() -> Plan:
    """An in-memory plan (close it after use) with three segments (core, edge, outside) and three initiatives, one of them dropped:
    "Webinars" aims at core and edge, "Dropped ads" at outside, "Podcast" at nothing."""
    plan = Plan.in_memory(first_month="2026-01", months=12)
    core = plan.segments.add(name="Mid-market SaaS", tier=Tier.CORE).id
    edge = plan.segments.add(name="Agencies", tier=Tier.EDGE).id
    outside = plan.segments.add(name="Tiny shops", tier=Tier.OUTSIDE).id
    plan.initiatives.add(
        name="Webinars",
        channel_id=plan.channels.named("Webinar").id,
        budget=10_000_00,
        revenue_target=100_000_00,
        segment_ids=[core, edge],
    )
    plan.initiatives.add(
        name="Dropped ads",
        channel_id=plan.channels.named("Paid").id,
        status=Status.DROPPED,
        budget=5_000_00,
        revenue_target=20_000_00,
        segment_ids=[outside],
    )
    plan.initiatives.add(
        name="Podcast", channel_id=plan.channels.named("Content").id, budget=2_000_00
    )
    return plan


def show_zone_page(qtbot, document: PlanDocument) -> StrikeZonePage:
    """The strike-zone page of ``document``, shown (so it refreshes as the plan changes)."""
    page = StrikeZonePage(document)
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    qtbot.waitExposed(page)
    return page


def segment_named(plan: Plan, name: str) -> Segment:
    return next(s for s in plan.segments.list() if s.name == name)


def initiative_named(plan: Plan, name: str) -> Initiative:
    return next(i for i in plan.initiatives.list() if i.name == name)


def click(qtbot, view: QTableView, index: QModelIndex) -> None:
    """A left click in the middle of a cell."""
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
