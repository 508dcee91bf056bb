"""Fill a plan with the large benchmark demo of ARCHITECTURE.md.

2,000 initiatives, 80 people, 40 segments, 36 months, and every one of the nine metrics
planned and actual in every initiative-month (about 1.3 million values). Records go through
the Plan API like any edit; the monthly values are generated with integer arithmetic and
loaded with one bulk ``load_months`` call, because 72,000 single-value edits would take
minutes where this takes seconds.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from planner.demo.funnel import MQL
from planner.domain import Role, Status, Team, Tier
from planner.plan import Plan
from planner.services.values import MonthRow

PLAN_NAME = "Benchmark plan (large)"
COMPANY = "Globex Benchmark Corp"
FIRST_MONTH = 202601
MONTHS = 36
INITIATIVES = 2_000
DEAL_SIZE = 18_000_00  # cents

_FIRST = ("Alex", "Blair", "Casey", "Devon", "Elliot", "Frankie", "Gale", "Harper", "Indy",
          "Jesse", "Kai", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sage",
          "Taylor")  # fmt: skip
_LAST = ("Adler", "Brandt", "Castillo", "Dubois", "Eriksen", "Farouk", "Garcia", "Hoffmann",
         "Iwata", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
         "Quintero", "Rossi", "Schmidt", "Tanaka")  # fmt: skip
# Team sizes of a company with a large marketing department: 8 + 40 + 24 + 8 = 80 people.
_TEAMS = ((Team.LEADERSHIP, 8, "Vice President"), (Team.MARKETING, 40, "Marketing Manager"),
          (Team.SALES, 24, "Account Executive"), (Team.PARTNER, 8, "Agency Consultant"))  # fmt: skip
_INDUSTRIES = ("Manufacturing", "Retail", "Healthcare", "Logistics", "Financial services",
               "Software", "Education", "Energy", "Public sector", "Media")  # fmt: skip
_SIZES = ("SMB", "Mid-market", "Enterprise", "Global 2000")
# 40 segments: 8 core, 12 edge, 20 outside (a plan that has not focused yet).
_TIERS = (Tier.CORE,) * 8 + (Tier.EDGE,) * 12 + (Tier.OUTSIDE,) * 20
_THEMES = {  # by channel of the default list
    "Content": ("Buyer guide", "Benchmark report", "Blog series", "Video series"),
    "E-mail": ("Nurture sequence", "Newsletter", "Renewal e-mails", "Product update e-mails"),
    "Social": ("LinkedIn thought leadership", "Employee advocacy", "Community AMA", "Short video"),
    "Paid": ("Paid search", "LinkedIn ads", "Display retargeting", "Review sites"),
    "SEO": ("Keyword cluster", "Comparison pages", "Technical SEO", "Glossary hub"),
    "Event": ("Trade show", "Roadshow", "User conference", "Sponsored summit"),
    "Field marketing": ("Executive dinner", "Field event", "Breakfast briefing", "Golf day"),
    "Webinar": ("Webinar series", "Product demo live", "Customer panel", "Workshop"),
    "Outbound": ("SDR sequence", "Account-based outreach", "Direct mail", "Cold calling"),
    "Partner": ("Reseller program", "Co-marketing", "Marketplace listing", "Referrals"),
    "PR": ("Analyst relations", "Press launch", "Awards entry", "Podcast tour"),
    "Enablement": ("Battlecards", "Sales playbook", "ROI calculator", "Case studies"),
    "Other": ("Brand campaign", "Community", "Sponsorship", "Merchandise"),
}
_REGIONS = ("DACH", "Nordics", "UK&I", "Benelux", "France", "Iberia", "Italy", "US East",
            "US West", "US Central", "Canada", "ANZ", "Japan", "LATAM")  # fmt: skip
_STATUSES = (Status.ACTIVE,) * 6 + (Status.PLANNED,) * 2 + (Status.DONE, Status.IDEA)


def fill_large(plan: Plan, rng: random.Random) -> None:
    """Add the large demo's records and values to an empty plan, inside the caller's batch."""
    plan.funnel.update(average_deal_size=DEAL_SIZE)
    people = _add_people(plan, rng)
    segments = [
        plan.segments.add(name=f"{industry} - {size}", tier=tier).id
        for (industry, size), tier in zip(
            ((i, s) for i in _INDUSTRIES for s in _SIZES), _shuffled(rng, _TIERS), strict=True
        )
    ]
    horizon = plan.horizon
    channels = [(channel.id, channel.name) for channel in plan.channels.list()]
    created: list[tuple[int, int, int]] = []
    for number in range(1, INITIATIVES + 1):
        channel_id, channel = channels[(number - 1) % len(channels)]
        budget = rng.randrange(10, 301) * 500_00
        target = budget * rng.randint(3, 10)
        initiative_id = plan.initiatives.add(
            name=f"Initiative {number:04d} - {rng.choice(_THEMES[channel])} {rng.choice(_REGIONS)}",
            channel_id=channel_id,
            status=rng.choice(_STATUSES),
            start_month=horizon.first,
            end_month=horizon.last,
            budget=budget,
            revenue_target=target,
            segment_ids=rng.sample(segments, rng.randint(1, 3)),
            owner_id=rng.choice(people[Team.MARKETING]),
            problem=f"Buyers in {rng.choice(_REGIONS)} do not know we solve their problem.",
        ).id
        plan.roles.set(initiative_id, rng.choice(people[Team.SALES]), Role.RESPONSIBLE)
        plan.roles.set(initiative_id, rng.choice(people[Team.LEADERSHIP]), Role.INFORMED)
        created.append((initiative_id, budget, target))
    months = horizon.months()
    rows = list(_month_rows(rng, created, months))
    plan.values.load_months(rows)
    planned_mqls = sum(row.values[2 * MQL] or 0 for row in rows)
    plan.handoff.update(mqls_per_month=planned_mqls // MONTHS, acceptance_rate=0.55)
    for month in months:
        plan.handoff.set_followup_hours(month, rng.randint(4, 40) / 2)


def _add_people(plan: Plan, rng: random.Random) -> dict[Team, list[int]]:
    names = rng.sample([f"{first} {last}" for first in _FIRST for last in _LAST], 80)
    people: dict[Team, list[int]] = {}
    position = 0
    for team, size, title in _TEAMS:
        for _ in range(size):
            name = names[position]
            position += 1
            email = name.lower().replace(" ", ".") + "@globex.example"
            people.setdefault(team, []).append(
                plan.people.add(name=name, team=team, title=title, email=email).id
            )
    return people


def _shuffled(rng: random.Random, items: tuple[Tier, ...]) -> list[Tier]:
    shuffled = list(items)
    rng.shuffle(shuffled)
    return shuffled


def _month_rows(
    rng: random.Random, initiatives: list[tuple[int, int, int]], months: list[int]
) -> Iterator[MonthRow]:
    """Every month of every initiative, planned and actual, as a narrowing funnel.

    Rates are per-mille integers and each stage is a whole fraction of the one above, so the
    funnel narrows in every month with no checks. The leads are worked back from the revenue
    target, so planned revenue lands near it. The loop body is the hot path of the large
    build (72,000 rows), hence integer arithmetic and few random draws.
    """
    randrange = rng.randrange
    for initiative_id, budget, target in initiatives:
        to_mql, to_sal, to_sql = randrange(100, 250), randrange(400, 600), randrange(500, 700)
        to_opp, to_won = randrange(400, 600), randrange(200, 300)
        deals_per_month = target / DEAL_SIZE / MONTHS
        base_leads = max(
            1, round(deals_per_month * 1e15 / (to_mql * to_sal * to_sql * to_opp * to_won))
        )
        spend = budget // MONTHS
        performance = randrange(60, 140)  # percent of plan this initiative achieves
        for month in months:
            leads = base_leads * randrange(70, 131) // 100
            mql = leads * to_mql // 1000
            sal = mql * to_sal // 1000
            sql = sal * to_sql // 1000
            # Bottom stages are small numbers: round at random so the expected deals are right
            # instead of flooring most months to zero.
            opps = (sql * to_opp + randrange(1000)) // 1000
            won = (opps * to_won + randrange(1000)) // 1000
            # Actuals: the initiative's performance and this month's luck on top of the plan,
            # each stage capped at the one above it.
            luck = performance * randrange(80, 121)  # percent x percent
            leads_a = leads * luck // 10_000
            mql_a = min(leads_a, mql * luck // 10_000)
            sal_a = min(mql_a, sal * randrange(85, 116) // 100)
            sql_a = min(sal_a, sql * luck // 10_000)
            opps_a = min(sql_a, (opps * luck + randrange(10_000)) // 10_000)
            won_a = min(opps_a, (won * luck + randrange(10_000)) // 10_000)
            yield MonthRow(
                initiative_id,
                month,
                (
                    spend, spend * randrange(90, 111) // 100,
                    leads, leads_a,
                    mql, mql_a,
                    sal, sal_a,
                    sql, sql_a,
                    opps, opps_a,
                    opps * DEAL_SIZE, opps_a * DEAL_SIZE,
                    won, won_a,
                    won * DEAL_SIZE, won_a * DEAL_SIZE,
                ),
            )  # fmt: skip
