"""Fill a plan with the small demo: Tidewater Software's year, four months in."""

from __future__ import annotations

import math
import random

from planner import months as month_math
from planner.demo import small_catalog as catalog
from planner.demo.funnel import MQL, Rates, add_actuals, planned_rows
from planner.demo.small_initiatives import INITIATIVES, InitiativeSpec
from planner.plan import Plan
from planner.services.values import MonthRow

# Dollars to cents: the catalog is written in whole dollars, the plan stores minor units.
CENTS = 100
DEAL_SIZE = catalog.AVERAGE_DEAL_MAJOR * CENTS
# The plan's own funnel assumptions, inside PRODUCT.md's cited ranges.
RATES = Rates(
    lead_to_mql=0.18,
    mql_to_sal=0.55,
    sal_to_sql=0.60,
    sql_to_opportunity=0.60,
    opportunity_to_won=0.30,
)
AGREED_FOLLOWUP_HOURS = 12


def fill_small(plan: Plan, rng: random.Random) -> None:
    """Add the small demo's people, segments, initiatives, roles, values and hand-off."""
    plan.funnel.update(
        lead_to_mql=RATES.lead_to_mql,
        mql_to_sal=RATES.mql_to_sal,
        sal_to_sql=RATES.sal_to_sql,
        sql_to_opportunity=RATES.sql_to_opportunity,
        opportunity_to_won=RATES.opportunity_to_won,
        average_deal_size=DEAL_SIZE,
    )
    people = {
        spec.key: plan.people.add(
            name=spec.name, team=spec.team, title=spec.title, email=spec.email
        ).id
        for spec in catalog.PEOPLE
    }
    segments = {
        spec.key: plan.segments.add(name=spec.name, tier=spec.tier, notes=spec.notes).id
        for spec in catalog.SEGMENTS
    }
    channels = {channel.name: channel.id for channel in plan.channels.list()}
    horizon = plan.horizon
    rows: list[MonthRow] = []
    # Alternate ahead and behind plan, so "to date" shows both winners and laggards.
    with_actuals = 0
    for spec in INITIATIVES:
        initiative_id = plan.initiatives.add(
            name=spec.name,
            channel_id=channels[spec.channel],
            status=spec.status,
            start_month=spec.start,
            end_month=spec.end,
            budget=spec.budget * CENTS,
            revenue_target=spec.target * CENTS,
            segment_ids=[segments[key] for key in spec.segments],
            owner_id=people[spec.owner] if spec.owner else None,
            problem=spec.problem,
            so_what=spec.so_what,
            why_us=spec.why_us,
            notes=spec.notes,
        ).id
        for key, role in spec.roles:
            plan.roles.set(initiative_id, people[key], role)
        if not spec.planned_funnel:
            continue
        active = [m for m in horizon.months() if spec.start <= m <= spec.end]
        ahead = with_actuals % 2 == 0
        performance = rng.uniform(1.05, 1.35) if ahead else rng.uniform(0.55, 0.9)
        month_rows = _planned(spec, rng, len(active))
        for month, values in zip(active, month_rows, strict=True):
            if month <= catalog.ACTUALS_THROUGH:
                add_actuals(values, rng, performance, DEAL_SIZE)
            rows.append(MonthRow(initiative_id, month, tuple(values)))
        if active and active[0] <= catalog.ACTUALS_THROUGH:
            with_actuals += 1
    plan.values.load_months(rows)
    _agree_handoff(plan, rows, rng)


def _planned(spec: InitiativeSpec, rng: random.Random, count: int) -> list[list[int | None]]:
    """Planned values of the initiative's months inside the horizon."""
    total = month_math.between(spec.start, spec.end)
    # An initiative running past the plan's end spends only its share inside the plan.
    spend = spec.budget * CENTS * count // total
    # No revenue target still means hoped-for deals: plan the funnel on a 2:1 return, the
    # level below which PRODUCT.md's rule of thumb calls a program unprofitable.
    revenue = (spec.target or 2 * spec.budget) * CENTS * count // total
    deals = max(1, math.ceil(revenue / DEAL_SIZE))  # plan at least the target
    return planned_rows(
        rng,
        months=count,
        spend=spend,
        deals=deals,
        rates=RATES.worse(rng),
        deal_size=DEAL_SIZE,
    )


def _agree_handoff(plan: Plan, rows: list[MonthRow], rng: random.Random) -> None:
    """The SLA: marketing commits MQLs it plans and delivers every month; sales commits to
    accept half of them and follow up within 12 hours.

    Follow-up is recorded for the months with actuals, alternately inside and outside the
    agreed hours, so the hand-off view shows months met and months missed.
    """
    horizon = plan.horizon
    planned = dict.fromkeys(horizon.months(), 0)
    delivered = {month: 0 for month in horizon.months() if month <= catalog.ACTUALS_THROUGH}
    for row in rows:
        planned[row.month] += row.values[2 * MQL] or 0
        if row.month in delivered:
            delivered[row.month] += row.values[2 * MQL + 1] or 0
    # Rounded down to tens from the leanest month: a promise the plan keeps in every month,
    # so only the follow-up decides which months met the agreement.
    per_month = min(*planned.values(), *delivered.values()) // 10 * 10
    plan.handoff.update(
        mqls_per_month=per_month,
        acceptance_rate=0.5,
        followup_hours=AGREED_FOLLOWUP_HOURS,
        quality_bar=(
            "A finance leader at a core or edge segment company, with a named close problem "
            "and a first call booked or requested."
        ),
    )
    for number, month in enumerate(horizon.months()):
        if month > catalog.ACTUALS_THROUGH:
            break
        if number % 2 == 0:
            hours = rng.uniform(5, AGREED_FOLLOWUP_HOURS - 1)
        else:
            hours = rng.uniform(AGREED_FOLLOWUP_HOURS + 2, 30)
        plan.handoff.set_followup_hours(month, round(hours * 2) / 2)
