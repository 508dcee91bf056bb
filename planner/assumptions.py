"""Cited default funnel assumptions and hand-off agreement for a new plan.

Benchmarks disagree and depend on definitions (PRODUCT.md), so these are starting points a
plan edits, not truths. Sources, as summarised in PRODUCT.md:

- inquiry (lead) to MQL 10-25 %, MQL to SAL 40-60 %, SAL to SQL 50-70 %, SQL to won 20-30 %
  (demand-waterfall glossaries). The defaults take a point inside each range.
- SQL to won is split into SQL to opportunity and opportunity to won; no benchmark in the brief
  separates them, so each is 50 %, which multiplies back to the cited 25 % SQL to won.
- Follow-up within an hour converts far better than after a day: the default agreement asks
  sales to follow up within 24 hours at most, and the plan can tighten it.
- ``min_return_ratio``: the revenue target an initiative should aim for per unit of budget. A
  common rule of thumb holds 5:1 strong and below 2:1 unprofitable once costs are counted; 3:1
  is the default floor below which the checks warn.
"""

from __future__ import annotations

from planner.domain import FunnelAssumptions, HandoffAgreement

DEFAULT_AVERAGE_DEAL_MAJOR = 20_000

# The largest values the hand-off agreement and the minimum return ratio take: far beyond any
# real plan (ten million MQLs a month, a follow-up after more than a year, a thousand times the
# budget back), and within what every screen shows as it is (a spin box holds 32-bit numbers).
MAX_MQLS_PER_MONTH = 10_000_000
MAX_FOLLOWUP_HOURS = 10_000
MAX_RETURN_RATIO = 1_000


# Where each default comes from, by field of FunnelAssumptions (and the plan's gross margin),
# in words a surface can show beside the value (PRODUCT.md's published figures).
SOURCES: dict[str, str] = {
    "lead_to_mql": "Inquiry to MQL 10-25 % in B2B (demand-waterfall glossaries); inbound median "
    "lead to MQL about 20 %.",
    "mql_to_sal": "MQL to SAL 40-60 % (demand-waterfall glossaries).",
    "sal_to_sql": "SAL to SQL 50-70 % (demand-waterfall glossaries).",
    "sql_to_opportunity": "SQL to won 20-30 % (demand-waterfall glossaries), split evenly "
    "between SQL to opportunity and opportunity to won; inbound median SQL to opportunity "
    "about 60 %.",
    "opportunity_to_won": "SQL to won 20-30 % (demand-waterfall glossaries), split evenly; "
    "inbound median opportunity to won about 20 %.",
    "average_deal_size": "A placeholder: set your own from closed deals.",
    "min_return_ratio": "Rule of thumb: 5:1 strong, below 2:1 unprofitable once costs count.",
    "gross_margin": "Not stated by default; payback periods quoted for SaaS: SMB 8-12 months, "
    "mid-market 14-18, enterprise 18-24 (a weak source: a range, not a truth).",
}

# Published MQL-to-SQL medians by lead source (PRODUCT.md): why a channel may override the
# plan's rates. MQL to SQL spans two of the plan's stages (MQL to SAL, SAL to SQL).
MQL_TO_SQL_BY_SOURCE: dict[str, float] = {
    "Demo request": 0.45,
    "Content download": 0.15,
    "Paid lead-gen form": 0.12,
}


def default_assumptions(currency_scale: int) -> FunnelAssumptions:
    return FunnelAssumptions(
        lead_to_mql=0.15,
        mql_to_sal=0.50,
        sal_to_sql=0.60,
        sql_to_opportunity=0.50,
        opportunity_to_won=0.50,
        average_deal_size=DEFAULT_AVERAGE_DEAL_MAJOR * currency_scale,
        min_return_ratio=3.0,
    )


def default_handoff() -> HandoffAgreement:
    return HandoffAgreement(
        mqls_per_month=0,
        acceptance_rate=0.50,
        followup_hours=24.0,
        quality_bar="Fits a core or edge segment, has a named buyer and a stated problem.",
    )
