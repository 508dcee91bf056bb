"""Words the settings form derives from the funnel assumptions, to sanity-check them."""

from __future__ import annotations

from planner import FunnelAssumptions


def funnel_summary(funnel: FunnelAssumptions) -> str:
    """How many leads one won deal takes at these rates: "Lead to won: 0.59 %, about 1 deal
    in 168 leads"."""
    overall = (
        funnel.lead_to_mql
        * funnel.mql_to_sal
        * funnel.sal_to_sql
        * funnel.sql_to_opportunity
        * funnel.opportunity_to_won
    )
    if overall <= 0:
        return "Lead to won: no deals at these rates"
    return f"Lead to won: {overall * 100:.2f} %, about 1 deal in {round(1 / overall):,} leads"
