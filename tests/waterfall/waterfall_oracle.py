"""The waterfall worked out the plain way, straight from the plan's rows: the oracle the
waterfall is held to. Rates by SQL's coalesce (initiative, channel, plan), needs by exact
fractions, sums by Python loops over the monthly values; nothing of planner.analysis."""

from __future__ import annotations

import math
from fractions import Fraction

from planner import Plan

RATES = ("lead_to_mql", "mql_to_sal", "sal_to_sql", "sql_to_opportunity", "opportunity_to_won")
STAGES = ("leads", "mql", "sal", "sql", "opportunities", "deals_won")


def rates_of(plan: Plan, initiative_id: int) -> list[float]:
    chosen = ", ".join(f"coalesce(i.{r}, c.{r}, f.{r})" for r in RATES)
    return list(
        plan.query(
            f"SELECT {chosen} FROM initiatives i JOIN channels c ON c.id = i.channel_id, "
            "funnel_assumptions f WHERE i.id = ?",
            [initiative_id],
        )[0]
    )


def needs_of(target: int, rates: list[float], deal_size: int) -> dict[str, int]:
    """Deals = target / deal size, each earlier stage = the next / its rate, rounded up."""
    needed = {"revenue_won": target, "deals_won": math.ceil(Fraction(target, deal_size))}
    for stage, rate in zip(reversed(STAGES[:-1]), reversed(rates), strict=True):
        later = STAGES[STAGES.index(stage) + 1]
        needed[stage] = math.ceil(Fraction(needed[later]) / Fraction(repr(rate)))
    needed["pipeline"] = needed["opportunities"] * deal_size
    return needed


def live_needs(plan: Plan) -> dict[int, dict[str, int]]:
    (deal_size,) = plan.query("SELECT average_deal_size FROM funnel_assumptions")[0]
    return {
        initiative: needs_of(target, rates_of(plan, initiative), deal_size)
        for initiative, target in plan.query(
            "SELECT id, revenue_target FROM initiatives WHERE status != 'dropped' "
            "AND revenue_target > 0"
        )
    }


def live_sums(plan: Plan, column: str) -> dict[int, int | None]:
    """Each live initiative's sum of one column of its monthly values (None: none entered)."""
    sums: dict[int, int | None] = {}
    live = {row[0] for row in plan.query("SELECT id FROM initiatives WHERE status != 'dropped'")}
    for initiative, value in plan.query(f"SELECT initiative_id, {column} FROM monthly_values"):
        if initiative in live and value is not None:
            sums[initiative] = (sums.get(initiative) or 0) + value
    return sums
