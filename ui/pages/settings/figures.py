"""Words the settings form derives from the funnel assumptions, to sanity-check them."""

from __future__ import annotations

from planner import FunnelAssumptions
from planner.rate_words import BY_SOURCE, percent_text


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


def mql_to_sql_by_source(funnel: FunnelAssumptions) -> str:
    """The published MQL-to-SQL medians by lead source beside the plan's own (MQL to SAL
    times SAL to SQL), for the lead to pick a channel's rates by."""
    plan = percent_text(round(funnel.mql_to_sal * funnel.sal_to_sql, 4))
    return (
        f"{BY_SOURCE}. This plan: {plan} (MQL → SAL × SAL → SQL). A channel can have its own "
        "rates: see Channels below."
    )
