"""The plan's vocabulary (PRODUCT.md glossary) as enums and plain, immutable records.

Records hold what the plan file holds. Money is in minor units of the plan currency (see
:mod:`planner.money`); months are ``YYYYMM`` integers (see :mod:`planner.months`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.months import Horizon, Month


class Team(StrEnum):
    MARKETING = "Marketing"
    SALES = "Sales"
    LEADERSHIP = "Leadership"
    PARTNER = "Partner/agency"


class Tier(StrEnum):
    """Where a segment sits relative to the strike zone."""

    CORE = "core"
    EDGE = "edge"
    OUTSIDE = "outside"


class Status(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class Stage(StrEnum):
    """The company's stage; what fits a plan depends on it."""

    STARTUP = "startup"
    SCALING = "scaling"
    ESTABLISHED = "established"


class ValuesOnMove(StrEnum):
    """What a move of an initiative's dates does to its planned monthly values: the lead's
    once-made choice, kept with the plan's settings."""

    SHIFT = "shift"  # they travel with the dates; months cut off fold into the nearest kept
    RESPREAD = "respread"  # each metric's planned total is spread evenly over the new months


class Role(StrEnum):
    """RACI: exactly one Accountable (the owner) per initiative."""

    ACCOUNTABLE = "A"
    RESPONSIBLE = "R"
    CONSULTED = "C"
    INFORMED = "I"

    @property
    def title(self) -> str:
        return {"A": "Accountable", "R": "Responsible", "C": "Consulted", "I": "Informed"}[
            self.value
        ]


class Metric(StrEnum):
    """The nine funnel metrics, in funnel order; each is planned and actual per month."""

    SPEND = "spend"
    LEADS = "leads"
    MQL = "mql"
    SAL = "sal"
    SQL = "sql"
    OPPORTUNITIES = "opportunities"
    PIPELINE = "pipeline"
    DEALS_WON = "deals_won"
    REVENUE_WON = "revenue_won"

    @property
    def is_money(self) -> bool:
        """Money metrics are in minor units of the plan currency; the rest are counts."""
        return self in (Metric.SPEND, Metric.PIPELINE, Metric.REVENUE_WON)

    @property
    def title(self) -> str:
        return _METRIC_TITLES[self]

    @property
    def planned_column(self) -> str:
        return f"{self.value}_plan"

    @property
    def actual_column(self) -> str:
        return f"{self.value}_actual"


_METRIC_TITLES = {
    Metric.SPEND: "Spend",
    Metric.LEADS: "Leads",
    Metric.MQL: "MQLs",
    Metric.SAL: "SALs",
    Metric.SQL: "SQLs",
    Metric.OPPORTUNITIES: "Opportunities",
    Metric.PIPELINE: "Pipeline",
    Metric.DEALS_WON: "Deals won",
    Metric.REVENUE_WON: "Revenue won",
}

# The funnel's count stages in order (for conversion rates and the reverse funnel).
FUNNEL_STAGES: tuple[Metric, ...] = (
    Metric.LEADS,
    Metric.MQL,
    Metric.SAL,
    Metric.SQL,
    Metric.OPPORTUNITIES,
    Metric.DEALS_WON,
)


@dataclass(frozen=True, slots=True)
class FunnelAssumptions:
    """Stage conversion rates (fractions 0-1) and average deal size (minor units).

    Defaults are the cited midpoints of PRODUCT.md; see :mod:`planner.assumptions`.
    """

    lead_to_mql: float
    mql_to_sal: float
    sal_to_sql: float
    sql_to_opportunity: float
    opportunity_to_won: float
    average_deal_size: int
    min_return_ratio: float


# The five stage conversion rates, in funnel order, as FunnelAssumptions and the overrides of
# a channel or an initiative (:class:`RateOverrides`) name them.
STAGE_RATES: tuple[str, ...] = (
    "lead_to_mql",
    "mql_to_sal",
    "sal_to_sql",
    "sql_to_opportunity",
    "opportunity_to_won",
)


@dataclass(frozen=True, slots=True)
class RateOverrides:
    """A channel's or an initiative's own stage conversion rates (fractions in (0, 1]);
    ``None`` where it has none and the more general rate applies (initiative, then channel,
    then the plan's: :mod:`planner.analysis.rates`)."""

    lead_to_mql: float | None = None
    mql_to_sal: float | None = None
    sal_to_sql: float | None = None
    sql_to_opportunity: float | None = None
    opportunity_to_won: float | None = None

    @property
    def given(self) -> dict[str, float]:
        """The rates overridden, by field name, in funnel order."""
        return {name: value for name in STAGE_RATES if (value := getattr(self, name)) is not None}


NO_OVERRIDES = RateOverrides()


@dataclass(frozen=True, slots=True)
class HandoffAgreement:
    """The marketing-sales service-level agreement, tracked against actuals each month."""

    mqls_per_month: int
    acceptance_rate: float
    followup_hours: float
    quality_bar: str


@dataclass(frozen=True, slots=True)
class PlanSettings:
    name: str
    company: str
    currency: str
    fiscal_year_start: int
    horizon: Horizon
    stage: Stage
    values_on_move: ValuesOnMove | None  # None: the lead has not chosen yet
    # The gross margin on revenue won (a fraction in (0, 1]), for payback in months; None:
    # not stated, and no payback is worked out.
    gross_margin: float | None = None

    @property
    def move_values(self) -> ValuesOnMove:
        """What a move on the Timeline does to planned values: the lead's choice, else they
        shift with the bar."""
        return self.values_on_move or ValuesOnMove.SHIFT


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    team: Team
    title: str
    email: str
    active: bool


@dataclass(frozen=True, slots=True)
class Segment:
    id: int
    name: str
    tier: Tier
    notes: str


@dataclass(frozen=True, slots=True)
class Channel:
    """A channel of the plan's own list (content, e-mail, events...), which the lead can
    add to, rename and retire. A retired channel keeps its initiatives but is not offered
    for new ones."""

    id: int
    name: str
    retired: bool


@dataclass(frozen=True, slots=True)
class Initiative:
    """An initiative; ``owner_id`` is its Accountable person, derived from the RACI grid."""

    id: int
    name: str
    channel_id: int
    status: Status
    start_month: Month
    end_month: Month
    budget: int
    revenue_target: int
    problem: str
    so_what: str
    why_us: str
    notes: str
    segment_ids: tuple[int, ...]
    owner_id: int | None


def return_ratio(revenue_target: int, budget: int) -> float | None:
    """The revenue an initiative aims to bring per unit of its budget; ``None`` without a
    target or a budget: there is no return to speak of (0x would read as a dreadful one)."""
    if revenue_target <= 0 or budget <= 0:
        return None
    return revenue_target / budget


@dataclass(frozen=True, slots=True)
class Assignment:
    initiative_id: int
    person_id: int
    role: Role


@dataclass(frozen=True, slots=True)
class MonthlyValue:
    """One metric of one initiative in one month; ``None`` means not entered."""

    initiative_id: int
    month: Month
    metric: Metric
    planned: int | None
    actual: int | None
