"""What the one-page plan says, as a plain record: every figure read from the one function
that defines it (:func:`planner.analysis.headline`, :func:`planner.analysis.reforecast`,
:func:`planner.analysis.handoff_by_month`, :func:`planner.checks.run_checks`) and worded
here, never computed again. No matplotlib: :mod:`planner.brief.page` draws it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import handoff_by_month, headline, reforecast, to_date_by_initiative
from planner.analysis.reforecast import target_words
from planner.checks import Severity, run_checks
from planner.checks.findings import count_findings
from planner.domain import Metric, Status

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.headline import Headline
    from planner.analysis.reforecast import Landing
    from planner.charts.revenue import RevenueData
    from planner.charts.strike_zone import StrikeZoneData
    from planner.checks.findings import Finding

NONE = "—"  # no data, never 0 (as the Dashboard shows it)
NO_OWNER = "(no owner)"


@dataclass(frozen=True, slots=True)
class Card:
    """One headline figure: its caption, the figure as printed, a note on what it is of."""

    caption: str
    value: str
    note: str
    tone: str = ""  # "ahead", "behind" or "" (always said in words too)


@dataclass(frozen=True, slots=True)
class InitiativeLine:
    name: str
    owner: str
    revenue_target: str
    attainment: str


@dataclass(frozen=True, slots=True)
class FindingLine:
    severity: str  # "Error" or "Warning"
    text: str


@dataclass(frozen=True, slots=True)
class PageCharts:
    """The records the page's two charts draw (each chart module's ``data``)."""

    revenue: RevenueData
    strike_zone: StrikeZoneData


@dataclass(frozen=True, slots=True)
class BriefContent:
    """The page, in words. ``initiatives`` are every live initiative by revenue target (the
    page prints as many as fit and counts the rest); ``findings`` every error, then every
    warning, likewise."""

    title: str
    company: str
    period: str
    as_of: str
    version: str  # which saved version the page is of; "" for the working plan
    cards: tuple[Card, ...]
    initiatives: tuple[InitiativeLine, ...]
    findings: tuple[FindingLine, ...]
    findings_summary: str
    handoff_terms: str
    handoff_state: str
    handoff_tone: str
    made_on: str


def brief_content(analysis: Analysis, *, made_on: datetime.date | None = None) -> BriefContent:
    """The one-page plan of ``analysis``'s plan (the whole plan, unfiltered)."""
    plan = analysis.plan
    settings = plan.settings.get()
    figures = headline(analysis)
    landing = reforecast(analysis)
    findings = run_checks(analysis)
    through = figures.progress.actuals_through
    handoff_state, handoff_tone = _handoff_state(analysis)
    as_of = (
        f"Actuals through {month_math.label(through)}"
        if through is not None
        else "No actuals entered yet"
    )
    return BriefContent(
        title=settings.name,
        company=settings.company,
        period=f"{settings.horizon.describe()} ({settings.horizon.count} months)",
        as_of=as_of,
        version=_version(analysis),
        cards=_cards(analysis, figures, landing),
        initiatives=_initiatives(analysis),
        findings=_findings(findings),
        findings_summary=_findings_summary(findings),
        handoff_terms=_handoff_terms(analysis),
        handoff_state=handoff_state,
        handoff_tone=handoff_tone,
        made_on=f"{made_on or analysis.today:%d %b %Y}",
    )


def _version(analysis: Analysis) -> str:
    version = analysis.plan.version
    if version is None:
        return ""
    return f"Version: {version.described}, saved {version.saved_at}; not the working plan"


def percent(share: float | None) -> str:
    return NONE if share is None else f"{share:.0%}"


def _cards(analysis: Analysis, figures: Headline, landing: Landing) -> tuple[Card, ...]:
    """The six figures a board asks first, as the Dashboard's cards word them."""
    currency = analysis.plan.currency
    money = currency.format_short
    revenue = figures.revenue
    to_date = figures.progress.to_date
    as_of = f"through {month_math.label(to_date[-1])}" if to_date else ""
    phased_share = figures.phased_share
    if phased_share is None:
        phased_note = "no revenue target set"
    elif figures.target_phased >= figures.revenue_target:
        phased_note = f"{percent(phased_share)} of the target: all in months"
    else:
        phased_note = f"{percent(phased_share)} of the target"
    if revenue.actual_to_date is None:
        won = Card("Won to date", NONE, "no actuals entered yet")
    else:
        won = Card(
            "Won to date",
            money(revenue.actual_to_date),
            f"of {money(revenue.planned_to_date)} planned, {as_of}",
        )
    share = revenue.attainment_to_date
    if share is None:
        why = "no actuals entered yet" if revenue.actual_to_date is None else "nothing planned"
        attainment = Card("Attainment to date", NONE, why)
    else:
        words = "ahead of" if share >= 1 else "behind"
        tone = "ahead" if share >= 1 else "behind"
        attainment = Card("Attainment to date", percent(share), f"{words} plan, {as_of}", tone)
    gap = landing.revenue.gap
    landing_card = Card(
        f"Landing {landing.year_name}",
        money(landing.revenue.landing),
        target_words(landing, currency),
        "" if gap is None or landing.plan_beyond_year else ("ahead" if gap >= 0 else "behind"),
    )
    used = figures.budget_used
    if used is None:
        budget = Card("Budget used", NONE, f"no spend entered · {money(figures.budget)} budget")
    else:
        spent = figures.spend_to_date or 0
        budget = Card(
            "Budget used",
            percent(used),
            f"{money(spent)} spent of {money(figures.budget)}",
            "behind" if used >= 1.005 else "",
        )
    return (
        Card("Revenue target", money(figures.revenue_target), "of live initiatives"),
        Card("Phased into months", money(figures.target_phased), phased_note),
        won,
        attainment,
        landing_card,
        budget,
    )


def _initiatives(analysis: Analysis) -> tuple[InitiativeLine, ...]:
    """The live initiatives, largest revenue target first (then by name), each with its
    owner and attainment to date (:meth:`Totals.attainment`, as the Timeline shows it)."""
    plan = analysis.plan
    currency = plan.currency
    people = {person.id: person.name for person in plan.people.list()}
    to_date = to_date_by_initiative(analysis)
    live = [i for i in plan.initiatives.list() if i.status is not Status.DROPPED]
    live.sort(key=lambda i: (-i.revenue_target, i.name.casefold(), i.id))
    lines = []
    for initiative in live:
        totals = to_date.get(initiative.id)
        attainment = totals.attainment(Metric.REVENUE_WON) if totals is not None else None
        owner = people.get(initiative.owner_id) if initiative.owner_id is not None else None
        lines.append(
            InitiativeLine(
                name=initiative.name,
                owner=owner or NO_OWNER,
                revenue_target=currency.format_short(initiative.revenue_target),
                attainment=percent(attainment),
            )
        )
    return tuple(lines)


def _findings(findings: list[Finding]) -> tuple[FindingLine, ...]:
    """The findings that ask for a change: errors first, then warnings (hints left out)."""
    lines = []
    for severity in (Severity.ERROR, Severity.WARNING):
        for finding in findings:
            if finding.severity is severity:
                # The message names its initiative already.
                lines.append(FindingLine(severity.value.capitalize(), finding.message))
    return tuple(lines)


def _findings_summary(findings: list[Finding]) -> str:
    counts = count_findings(findings)
    if not counts.open:
        return "No open findings: the plan passes every check."
    parts = []
    if counts.errors:
        parts.append(f"{counts.errors:,} error{'s' if counts.errors != 1 else ''}")
    if counts.warnings:
        parts.append(f"{counts.warnings:,} warning{'s' if counts.warnings != 1 else ''}")
    return " and ".join(parts)


def _handoff_terms(analysis: Analysis) -> str:
    agreement = analysis.plan.handoff.get()
    if not agreement.mqls_per_month:
        return "Not agreed yet: marketing has committed no MQLs per month."
    return (
        f"Marketing delivers {agreement.mqls_per_month:,} MQLs a month; sales accepts "
        f"{agreement.acceptance_rate:.0%} of them and follows up within "
        f"{agreement.followup_hours:g} hours."
    )


def _handoff_state(analysis: Analysis) -> tuple[str, str]:
    """How the agreement has held, month by month, as the Hand-off chart judges it."""
    if not analysis.plan.handoff.get().mqls_per_month:
        return "", ""
    months = handoff_by_month(analysis)
    judged = [m for m in months if m.met is not None]
    if not judged:
        return "Not judged yet: no MQL, SAL or follow-up actuals entered.", ""
    missed = [m.month for m in judged if m.met is False]
    held = len(judged) - len(missed)
    said = f"Met in {held} of {len(judged)} months judged"
    if not missed:
        return f"{said}.", "ahead"
    shown = ", ".join(month_math.label(m) for m in missed[:3])
    more = f" and {len(missed) - 3} more" if len(missed) > 3 else ""
    return f"{said}; missed in {shown}{more}.", "behind"
