"""Who is in the small demo: the company, its people and its customer segments.

Tidewater Software sells month-end close automation to mid-market finance teams: a scaling
B2B SaaS firm, the user PRODUCT.md describes. People and segments are referred to by short
keys so the initiatives in :mod:`planner.demo.small_initiatives` read like a plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain import Team, Tier

PLAN_NAME = "FY2026 Demand Plan"
COMPANY = "Tidewater Software"
# The reserved .example domain: demo e-mails must never reach a real mailbox.
EMAIL_DOMAIN = "tidewater.example"
FIRST_MONTH = 202601
MONTHS = 12
# Actuals are in for January to April: the demo is looked at in early May.
ACTUALS_THROUGH = 202604
AVERAGE_DEAL_MAJOR = 24_000


@dataclass(frozen=True, slots=True)
class PersonSpec:
    key: str
    name: str
    team: Team
    title: str

    @property
    def email(self) -> str:
        first, last = self.name.lower().split(" ", 1)
        return f"{first}.{last.replace(' ', '')}@{EMAIL_DOMAIN}"


@dataclass(frozen=True, slots=True)
class SegmentSpec:
    key: str
    name: str
    tier: Tier
    notes: str


PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec("dana", "Dana Whitfield", Team.LEADERSHIP, "Chief Executive Officer"),
    PersonSpec("priya", "Priya Raman", Team.LEADERSHIP, "Chief Marketing Officer"),
    PersonSpec("rafael", "Rafael Ortiz", Team.LEADERSHIP, "Chief Revenue Officer"),
    PersonSpec("maya", "Maya Chen", Team.MARKETING, "Head of Demand Generation"),
    PersonSpec("tom", "Tom Becker", Team.MARKETING, "Content Marketing Lead"),
    PersonSpec("aisha", "Aisha Bello", Team.MARKETING, "Field & Events Manager"),
    PersonSpec("lukas", "Lukas Novak", Team.MARKETING, "Product Marketing Manager"),
    PersonSpec("sofia", "Sofia Marino", Team.MARKETING, "Partner Marketing Manager"),
    PersonSpec("jordan", "Jordan Reyes", Team.SALES, "Mid-Market Sales Director"),
    PersonSpec("emily", "Emily Carter", Team.SALES, "Account Executive"),
    PersonSpec("noah", "Noah Fischer", Team.SALES, "Enterprise Account Executive"),
    PersonSpec("kenji", "Kenji Watanabe", Team.SALES, "SDR Team Lead"),
)

SEGMENTS: tuple[SegmentSpec, ...] = (
    SegmentSpec(
        "saas",
        "Mid-market SaaS finance teams",
        Tier.CORE,
        "200-1,000 staff, a controller and 3-10 accountants, closing in 8+ days on spreadsheets.",
    ),
    SegmentSpec(
        "services",
        "Multi-entity professional services",
        Tier.CORE,
        "Consultancies and agencies with 3+ legal entities and intercompany billing.",
    ),
    SegmentSpec(
        "pe",
        "PE-backed portfolio companies",
        Tier.CORE,
        "Sponsors demand a board pack on day 5; the CFO is new and has budget.",
    ),
    SegmentSpec(
        "enterprise",
        "Enterprise finance teams",
        Tier.EDGE,
        "5,000+ staff: long cycles and an incumbent ERP module; take the division-level deals.",
    ),
    SegmentSpec(
        "nonprofit",
        "Non-profits with grant accounting",
        Tier.EDGE,
        "Fund accounting fits the product, but budgets are small and buying is by committee.",
    ),
    SegmentSpec(
        "smb",
        "Small businesses under 50 staff",
        Tier.OUTSIDE,
        "Close in a day with their bookkeeper; too small to need us, churn fast.",
    ),
)
