"""What each field of Plan settings means and what a good value is, for its tooltip: not its
name again. Where a default has a published source, the tooltip ends with it."""

from __future__ import annotations

from planner.assumptions import SOURCES

FIELD_TIPS: dict[str, str] = {
    "name": "What the plan is called on the window's title, the Dashboard and the workbook, "
    'e.g. "FY2026 Demand Plan".',
    "company": "The company the plan is for; the workbook's cover names it.",
    "currency": "The three-letter code of every amount in the plan (USD, EUR, GBP).",
    "fiscal_year_start": "The month the company's fiscal year begins: the forecast, the "
    "landing and the workbook's years follow it.",
    "first_month": "The first month the plan covers. Initiatives dated before it are flagged "
    "by the checks.",
    "months": "How many months the plan covers; 12 for a year's plan, up to 36 for a "
    "multi-year one.",
    "stage": "Startup, scaling or established: what fits a plan depends on the stage (how "
    "much budget may sit outside the strike zone, for one).",
    "lead_to_mql": "The share of leads (inquiries) marketing qualifies as MQLs.",
    "mql_to_sal": "The share of MQLs sales accepts to work: the test of the hand-off.",
    "sal_to_sql": "The share of accepted leads sales qualifies as real buyers.",
    "sql_to_opportunity": "The share of SQLs that become opportunities in the pipeline.",
    "opportunity_to_won": "The share of opportunities won: the close rate.",
    "average_deal_size": "The revenue of one deal won, on average: with the rates it turns a "
    "revenue target into the deals, opportunities, SQLs and leads it needs. Take it from "
    "last year's closed deals.",
    "min_return_ratio": "The revenue target an initiative should set per unit of budget; the "
    "checks warn below it. 3 means three of revenue for each one spent.",
    "mqls_per_month": "The MQLs marketing commits to deliver each month; the Dashboard's "
    "hand-off chart and the checks compare the actuals with it.",
    "acceptance_rate": "The share of those MQLs sales commits to accept; 40-60 % is common. "
    "Far lower means the two teams do not agree what an MQL is.",
    "followup_hours": "How fast sales commits to follow up an accepted lead; 24 hours is the "
    "common B2B standard, 4 for high-intent leads (a demo request).",
    "quality_bar": "What makes a lead an MQL, in words both teams signed up to (role, company "
    'size, intent), e.g. "finance lead at a company of 50-500 staff, asked for a demo".',
}


def field_tip(name: str) -> str:
    """The tooltip of the field ``name``: its meaning, then its default's source if any."""
    tip = FIELD_TIPS[name]
    source = SOURCES.get(name)
    return f"{tip}\nSource: {source}" if source else tip
