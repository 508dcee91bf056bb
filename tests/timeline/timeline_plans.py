"""Plan files for the timeline's tests: a few initiatives whose lanes, order and values a test can
tell apart at a glance.

(Named uniquely: pytest imports test support modules by their base name.)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from planner import Plan
from planner.analysis import Analysis
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry

# The clock of every test: actuals of January to March 2026 count, April's would not.
TODAY = datetime.date(2026, 4, 15)

SPEND = 100_000  # planned spend a month of the webinar series (cents)
LEADS = 10  # planned leads a month of the webinar series


@dataclass
class TimelinePlan:
    """``webinar``: Webinar, Maya (Marketing), core and edge, Feb-Apr 2026, planned spend and
    leads each of those months. ``show``: Event, Sam (Sales), edge, Jun 2026. ``launch``:
    Webinar, no owner, no segment, an idea, Feb-Mar 2026. ``podcast``: Webinar, Maya, core,
    Feb-Apr 2026, like the webinar series but named after it."""

    path: Path
    webinar: int
    show: int
    launch: int
    podcast: int


def timeline_plan(folder: Path, *, fiscal_year_start: int = 1, months: int = 12) -> TimelinePlan:
    """Write the plan to ``folder`` and close it; open it with :meth:`Plan.open`."""
    path = folder / "timeline.smplan"
    with Plan.create(
        path,
        name="Timeline test plan",
        first_month="2026-01",
        months=months,
        fiscal_year_start=fiscal_year_start,
    ) as plan:
        maya = plan.people.add(name="Maya Marketer", team="Marketing").id
        sam = plan.people.add(name="Sam Seller", team="Sales").id
        core = plan.segments.add(name="Mid-market SaaS", tier="core").id
        edge = plan.segments.add(name="Enterprise", tier="edge").id
        webinar_channel = plan.channels.named("Webinar").id
        webinar = plan.initiatives.add(
            name="Webinar series",
            channel_id=webinar_channel,
            status="active",
            start_month="2026-02",
            end_month="2026-04",
            budget=3 * SPEND,
            revenue_target=5_000_000,
            segment_ids=[edge, core],
            owner_id=maya,
        ).id
        show = plan.initiatives.add(
            name="Trade show",
            channel_id=plan.channels.named("Event").id,
            status="planned",
            start_month="2026-06",
            end_month="2026-06",
            budget=4_000_000,
            revenue_target=20_000_000,
            segment_ids=[edge],
            owner_id=sam,
        ).id
        launch = plan.initiatives.add(
            name="Launch idea",
            channel_id=webinar_channel,
            status="idea",
            start_month="2026-02",
            end_month="2026-03",
        ).id
        podcast = plan.initiatives.add(
            name="Podcast",
            channel_id=webinar_channel,
            status="active",
            start_month="2026-02",
            end_month="2026-04",
            segment_ids=[core],
            owner_id=maya,
        ).id
        plan.values.set_many(
            ValueEntry(webinar, month, metric, Kind.PLANNED, value)
            for month in ("2026-02", "2026-03", "2026-04")
            for metric, value in ((Metric.SPEND, SPEND), (Metric.LEADS, LEADS))
        )
    return TimelinePlan(path, webinar, show, launch, podcast)


def analysis_at(plan: Plan, today: datetime.date = TODAY) -> Analysis:
    """The plan's analysis with the tests' clock."""
    return Analysis.in_sql(plan, today=today)


def planned(plan: Plan, initiative_id: int, metric: Metric) -> dict[int, int]:
    """Month -> planned value of ``metric``, the months that plan one."""
    return {
        month: value
        for (initiative, month), (value, _actual) in plan.values.grid(metric).items()
        if initiative == initiative_id and value is not None
    }


def held(plan: Plan) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every initiative row and every monthly value row, to tell that nothing changed."""
    return (
        plan.query("SELECT * FROM initiatives ORDER BY id"),
        plan.query("SELECT * FROM monthly_values ORDER BY initiative_id, month"),
    )
