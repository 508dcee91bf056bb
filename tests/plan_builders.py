"""Small plans built in memory that several test folders share.

(``pythonpath = ["tests"]`` in pyproject.toml puts this module on the import path.)
"""

from __future__ import annotations

from planner import Plan
from planner.domain import Metric
from planner.services.values import Kind, ValueEntry

# Planned monthly values of the no-actuals plan's initiatives (money in cents).
PLANNED = {
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


def no_actuals_plan(fiscal_year_start: int = 1) -> Plan:
    """Two initiatives with an owner and a segment each, planned every month of 2026,
    nothing actual yet."""
    plan = Plan.in_memory(first_month="2026-01", months=12, fiscal_year_start=fiscal_year_start)
    marketer = plan.people.add(name="Maya Marketer", team="Marketing").id
    seller = plan.people.add(name="Sam Seller", team="Sales").id
    core = plan.segments.add(name="Mid-market SaaS", tier="core").id
    edge = plan.segments.add(name="Enterprise", tier="edge").id
    entries = []
    for number, (name, channel, owner, segment) in enumerate(
        [
            ("Webinar series", "Webinar", marketer, core),
            ("Outbound push", "Outbound", seller, edge),
        ],
        start=1,
    ):
        initiative = plan.initiatives.add(
            name=name,
            channel_id=plan.channels.named(channel).id,
            status="active",
            start_month="2026-01",
            end_month="2026-12",
            budget=12 * PLANNED[Metric.SPEND],
            revenue_target=12 * PLANNED[Metric.REVENUE_WON] * number,
            segment_ids=[segment],
            owner_id=owner,
        ).id
        entries += [
            ValueEntry(initiative, month, metric, Kind.PLANNED, value * number)
            for month in plan.horizon.months()
            for metric, value in PLANNED.items()
        ]
    plan.values.set_many(entries)
    return plan


# Chinese and Japanese names (no Korean: Droid Sans Fallback, the CJK font CI installs, lacks
# many Hangul syllables).
CJK_PLAN_NAME = "年度营销计划"
CJK_COMPANY = "東京商事株式会社"
CJK_INITIATIVES = ("网络研讨会系列", "展会活动", "ウェビナー連載", "コンテンツ配信")
CJK_PEOPLE = ("王小明", "佐藤花子")
CJK_SEGMENTS = ("中型企业", "大企業")


def name_in_cjk(plan: Plan) -> None:
    """Rename ``plan``, its company, initiatives, people and segments in Chinese and Japanese
    (a number after each, so no two are alike)."""
    plan.settings.update(name=CJK_PLAN_NAME, company=CJK_COMPANY)
    for number, initiative in enumerate(plan.initiatives.list()):
        name = CJK_INITIATIVES[number % len(CJK_INITIATIVES)]
        plan.initiatives.update(initiative.id, name=f"{name} {number}")
    for number, person in enumerate(plan.people.list()):
        plan.people.update(person.id, name=f"{CJK_PEOPLE[number % len(CJK_PEOPLE)]}{number}")
    for number, segment in enumerate(plan.segments.list()):
        plan.segments.update(segment.id, name=f"{CJK_SEGMENTS[number % len(CJK_SEGMENTS)]}{number}")
