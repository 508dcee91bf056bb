"""The funnel: stage-to-stage conversion planned versus actual, and the reverse funnel that
turns a revenue target into the deals, opportunities, SQLs, SALs, MQLs and leads it needs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from planner.analysis.sums import Totals
from planner.domain import FUNNEL_STAGES, FunnelAssumptions, Metric

# The assumed rate that leads from each stage to the next, by field of FunnelAssumptions.
_ASSUMED = {
    (Metric.LEADS, Metric.MQL): "lead_to_mql",
    (Metric.MQL, Metric.SAL): "mql_to_sal",
    (Metric.SAL, Metric.SQL): "sal_to_sql",
    (Metric.SQL, Metric.OPPORTUNITIES): "sql_to_opportunity",
    (Metric.OPPORTUNITIES, Metric.DEALS_WON): "opportunity_to_won",
}


@dataclass(frozen=True, slots=True)
class Conversion:
    from_stage: Metric
    to_stage: Metric
    planned: float | None
    actual: float | None
    assumed: float


def conversions(totals: Totals, assumptions: FunnelAssumptions) -> list[Conversion]:
    """Each stage's conversion to the next, planned and actual (``None`` without a base)."""
    steps = []
    for earlier, later in pairwise(FUNNEL_STAGES):
        planned_base, actual_base = totals.planned[earlier], totals.actual[earlier]
        actual_next = totals.actual[later]
        steps.append(
            Conversion(
                from_stage=earlier,
                to_stage=later,
                planned=totals.planned[later] / planned_base if planned_base else None,
                actual=(actual_next or 0) / actual_base if actual_base else None,
                assumed=getattr(assumptions, _ASSUMED[(earlier, later)]),
            )
        )
    return steps


def reverse_funnel(revenue_target: int, assumptions: FunnelAssumptions) -> dict[Metric, int]:
    """What a revenue target (minor units) needs at each stage, rounded up to whole ones.

    Deals = target / average deal size; each earlier stage = the next one / its conversion
    rate. Pipeline is the opportunities times the average deal size.
    """
    if revenue_target <= 0:
        return {metric: 0 for metric in (*FUNNEL_STAGES, Metric.PIPELINE, Metric.REVENUE_WON)}
    needed: dict[Metric, int] = {Metric.REVENUE_WON: revenue_target}
    needed[Metric.DEALS_WON] = -(-revenue_target // assumptions.average_deal_size)
    for earlier, later in reversed(list(pairwise(FUNNEL_STAGES))):
        rate = Decimal(repr(getattr(assumptions, _ASSUMED[(earlier, later)])))
        needed[earlier] = math.ceil(Decimal(needed[later]) / rate)
    needed[Metric.PIPELINE] = needed[Metric.OPPORTUNITIES] * assumptions.average_deal_size
    return needed
