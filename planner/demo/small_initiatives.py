"""The small demo's initiatives: a believable year of B2B programs, and a few random acts.

Most initiatives are clean: an Accountable marketer, a seller Responsible or Consulted,
leadership Informed, core or edge segments, a revenue target of at least four times the
budget, and a story. The ones marked ``# random act`` each break one alignment rule on
purpose (PRODUCT.md's "random act of marketing"), so the checks have something to say.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain import Role, Status

# Short RACI names keep each initiative's roles on one line of the table below.
R, C, INF = Role.RESPONSIBLE, Role.CONSULTED, Role.INFORMED


@dataclass(frozen=True, slots=True)
class InitiativeSpec:
    """One initiative; money in whole dollars, people and segments by catalog key."""

    name: str
    channel: str  # a channel of the default list, by name
    status: Status
    start: int
    end: int
    budget: int
    target: int
    segments: tuple[str, ...]
    owner: str | None
    roles: tuple[tuple[str, Role], ...] = ()
    problem: str = ""
    so_what: str = ""
    why_us: str = ""
    notes: str = ""
    planned_funnel: bool = True


# fmt: off
# A table: name; channel, status, months, budget and target; segments, owner and roles.
INITIATIVES: tuple[InitiativeSpec, ...] = (
    InitiativeSpec(
        "Month-end close benchmark report 2026",
        "Content", Status.ACTIVE, 202601, 202606, 25_000, 300_000,
        ("saas", "services", "pe"), "tom", (("jordan", C), ("priya", INF)),
        problem="Controllers cannot tell whether an 8-day close is normal or a warning sign.",
        so_what="Without a benchmark, the close never gets budget to improve.",
        why_us="We see anonymised close timelines from 600 finance teams; nobody else does.",
    ),
    InitiativeSpec(  # random act: no sales-side person on it
        "Close checklist SEO hub",
        "SEO", Status.ACTIVE, 202602, 202612, 18_000, 150_000,
        ("saas", "services"), "tom", (("maya", R), ("priya", INF)),
        problem="Accountants search for close checklists every month and find generic PDFs.",
        so_what="They keep closing from a spreadsheet that misses intercompany steps.",
        why_us="Our checklists come from real customer close plans, step by step.",
    ),
    InitiativeSpec(
        "Finance Leaders Summit booth",
        "Event", Status.PLANNED, 202605, 202606, 60_000, 480_000,
        ("saas", "enterprise"), "aisha", (("noah", R), ("rafael", INF)),
        problem="Mid-market CFOs shortlist close tools at this summit, in person.",
        so_what="Missing it hands the shortlist to the ERP vendor's add-on.",
        why_us="Live demo: a three-entity close in 20 minutes on the show floor.",
    ),
    InitiativeSpec(
        "CFO roundtable dinners",
        "Field marketing", Status.ACTIVE, 202603, 202611, 36_000, 360_000,
        ("pe", "services"), "aisha", (("jordan", R), ("dana", INF)),
        problem="New portfolio CFOs must cut the close to 5 days within two quarters.",
        so_what="A slow close puts their first board meeting at risk.",
        why_us="Our customers host: CFOs hear it from peers who did it.",
    ),
    InitiativeSpec(  # random act: runs past the end of the plan
        "Close the Loop user conference",
        "Event", Status.PLANNED, 202610, 202703, 110_000, 900_000,
        ("saas", "services", "pe"), "aisha", (("jordan", C), ("dana", INF)),
        problem="Customers use a third of the product and expansion stalls.",
        so_what="Unused modules are the first line cut at renewal.",
        why_us="Only we can show the roadmap and the customers who already closed in 3 days.",
    ),
    InitiativeSpec(
        "LinkedIn ABM for PE portfolio CFOs",
        "Paid", Status.ACTIVE, 202601, 202612, 120_000, 960_000,
        ("pe",), "maya", (("noah", R), ("kenji", C), ("priya", INF)),
        problem="Sponsors want a day-5 board pack; new CFOs inherit a 12-day close.",
        so_what="The CFO's first 100 days are judged on reporting speed.",
        why_us="Pre-built PE reporting packs: live in six weeks, not six months.",
    ),
    InitiativeSpec(
        "Paid search for close automation",
        "Paid", Status.ACTIVE, 202601, 202612, 90_000, 720_000,
        ("saas", "services"), "maya", (("emily", C), ("priya", INF)),
        problem="Controllers searching for reconciliation tools land on ERP upsells.",
        so_what="They buy a module that still needs spreadsheets around it.",
        why_us="We reconcile across ERPs and banks in one place.",
    ),
    InitiativeSpec(  # random act: aimed only outside the strike zone
        "Small-business freemium push",
        "Paid", Status.PLANNED, 202605, 202609, 30_000, 150_000,
        ("smb",), "maya", (("emily", C), ("priya", INF)),
        problem="Bookkeepers want a free close checklist tool.",
        so_what="Volume of sign-ups for the board deck.",
        why_us="We could offer a free tier.",
    ),
    InitiativeSpec(
        "SDR sequence for multi-entity firms",
        "Outbound", Status.ACTIVE, 202601, 202606, 15_000, 240_000,
        ("services",), "kenji", (("emily", R), ("maya", C), ("rafael", INF)),
        problem="Intercompany eliminations take multi-entity firms three extra days.",
        so_what="Partners wait for numbers to bill and to pay bonuses.",
        why_us="Automatic intercompany matching across any number of entities.",
    ),
    InitiativeSpec(
        "Outbound to newly hired controllers",
        "Outbound", Status.IDEA, 202605, 202612, 12_000, 180_000,
        ("saas", "pe"), "maya", (("kenji", R), ("rafael", INF)),
        problem="A new controller inherits a close they did not design.",
        so_what="Their first 90 days are the window to change tools.",
        why_us="A 30-day close assessment a new controller can take to the CFO.",
    ),
    InitiativeSpec(
        "NetSuite partner co-marketing",
        "Partner", Status.ACTIVE, 202602, 202612, 45_000, 540_000,
        ("saas", "services"), "sofia", (("jordan", R), ("priya", INF)),
        problem="NetSuite customers outgrow its close features at 3+ entities.",
        so_what="They blame the ERP and consider a costly migration.",
        why_us="Certified connector; the partner's consultants already recommend us.",
    ),
    InitiativeSpec(
        "Accounting-firm referral program",
        "Partner", Status.PLANNED, 202606, 202612, 20_000, 200_000,
        ("services", "nonprofit"), "sofia", (("jordan", C), ("rafael", INF)),
        problem="Outsourced accounting firms close 40 clients a month by hand.",
        so_what="Their margins shrink with every new client.",
        why_us="Multi-client workspace and a referral fee for the firm.",
    ),
    InitiativeSpec(
        "Webinar series: the 5-day close",
        "Webinar", Status.ACTIVE, 202601, 202612, 14_000, 280_000,
        ("saas", "services", "pe"), "maya", (("emily", R), ("priya", INF)),
        problem="Finance teams know the close is slow but not which steps to fix first.",
        so_what="Improvement projects stall after the first month.",
        why_us="Monthly sessions with customers who went from 10 days to 5.",
    ),
    InitiativeSpec(
        "Audit-readiness webinar",
        "Webinar", Status.DONE, 202601, 202603, 8_000, 120_000,
        ("pe", "enterprise"), "lukas", (("noah", C), ("priya", INF)),
        problem="First audits after a buy-out find undocumented reconciliations.",
        so_what="Audit fees and findings land on the new CFO's desk.",
        why_us="Every reconciliation has an evidence trail auditors accept.",
    ),
    InitiativeSpec(
        "Sales battlecards and ROI calculator",
        "Enablement", Status.ACTIVE, 202601, 202605, 10_000, 150_000,
        ("saas", "services", "pe"), "lukas", (("jordan", R), ("rafael", INF)),
        problem="Sellers lose deals to the ERP add-on on price alone.",
        so_what="Prospects never see the cost of the days they keep losing.",
        why_us="An ROI model built on our customers' measured close times.",
    ),
    InitiativeSpec(
        "Customer case-study program",
        "Enablement", Status.ACTIVE, 202603, 202609, 16_000, 200_000,
        ("saas", "pe"), "lukas", (("emily", C), ("noah", C), ("priya", INF)),
        problem="Prospects ask for a reference that looks exactly like them.",
        so_what="Deals stall at the last stage without one.",
        why_us="Twelve customers have agreed to tell their story on camera.",
    ),
    InitiativeSpec(  # random act: no revenue target
        "Brand refresh and new website",
        "Other", Status.ACTIVE, 202601, 202605, 75_000, 0,
        ("saas", "services", "pe"), "priya", (("tom", R), ("jordan", C), ("dana", INF)),
        problem="The site still talks about bookkeeping, not the close.",
        so_what="Visitors from our core segments bounce.",
        why_us="A story only a close specialist can tell.",
    ),
    InitiativeSpec(  # random act: aimed at no segment
        "Finance podcast sponsorships",
        "Other", Status.PLANNED, 202605, 202610, 24_000, 150_000,
        (), "tom", (("emily", C), ("priya", INF)),
        notes="Reach, mostly. Which listeners fit our segments is unknown.",
    ),
    InitiativeSpec(  # random act: revenue target smaller than the budget
        "Analyst relations program",
        "PR", Status.ACTIVE, 202601, 202612, 60_000, 40_000,
        ("enterprise", "saas"), "lukas", (("noah", C), ("dana", INF)),
        problem="Enterprise buyers ask whether analysts rate us.",
        so_what="Without a mention, we are left off enterprise shortlists.",
        why_us="A distinct category story analysts have not covered yet.",
    ),
    InitiativeSpec(  # random act: a budget but no planned funnel
        "Trade-show swag and merchandise",
        "Event", Status.PLANNED, 202606, 202609, 8_000, 60_000,
        ("saas",), "aisha", (("emily", C), ("priya", INF)),
        notes="Hoodies and notebooks for the booth. Nobody planned what they bring in.",
        planned_funnel=False,
    ),
    InitiativeSpec(  # random act: nobody is accountable
        "Grant-accounting guide for non-profits",
        "Content", Status.PLANNED, 202607, 202612, 9_000, 90_000,
        ("nonprofit",), None, (("tom", R), ("jordan", C), ("priya", INF)),
        problem="Grant reporting adds a week to the non-profit close.",
        so_what="Late grant reports put next year's funding at risk.",
        why_us="Dimension-based fund tracking, no extra ledger.",
    ),
    InitiativeSpec(
        "Pricing page experiment",
        "Other", Status.DROPPED, 202602, 202603, 5_000, 60_000,
        ("saas",), "maya", (("jordan", C), ("priya", INF)),
        notes="Dropped after February: the test could not reach significance.",
    ),
)
# fmt: on
