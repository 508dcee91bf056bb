"""Everything the workbook shows except the long Actuals sheet, read from the plan once.

Figures come from :mod:`planner.analysis` and :mod:`planner.checks`, the same functions the
app's pages and the command line use, so the workbook can never disagree with them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis import (
    Analysis,
    Dimension,
    HandoffMonth,
    Headline,
    Landing,
    StrikeZone,
    Totals,
    handoff_by_month,
    headline,
    reforecast,
    strike_zone,
    to_date_by_initiative,
)
from planner.analysis.rates import Rates, read_rates
from planner.checks import run_checks
from planner.checks.findings import Finding
from planner.domain import (
    Assignment,
    Channel,
    FunnelAssumptions,
    HandoffAgreement,
    Initiative,
    Person,
    PlanSettings,
    Segment,
    Status,
)
from planner.field_labels import field_label
from planner.workbook.export.cells import shown_line

if TYPE_CHECKING:
    from planner.money import Currency
    from planner.plan import Plan
    from planner.versions.compare import Comparison
    from planner.versions.service import VersionInfo

WORKING_PLAN = "the working plan"


@dataclass(frozen=True)
class ExportFacts:
    """A snapshot of the plan for the workbook. Money in minor units; ``monthly`` maps each
    month of the horizon to its totals; ``to_date`` each initiative to its totals up to the
    actuals-through month (empty before the first actual)."""

    settings: PlanSettings
    currency: Currency
    file_name: str
    exported_at: dt.datetime
    people: list[Person]
    segments: list[Segment]
    channels: list[Channel]
    initiatives: list[Initiative]
    assignments: list[Assignment]
    findings: list[Finding]
    headline: Headline
    landing: Landing
    monthly: dict[int, Totals]
    plan_total: Totals
    to_date: dict[int, Totals]
    strike_zone: StrikeZone
    handoff: list[HandoffMonth]
    agreement: HandoffAgreement
    funnel: FunnelAssumptions
    version: VersionInfo | None = None  # the version exported; None: the working plan
    rates: Rates | None = None  # the rates in use: the plan's, and what overrides them
    baseline: BaselineFacts | None = None

    @property
    def actuals_through(self) -> int | None:
        return self.headline.progress.actuals_through

    @property
    def live_initiatives(self) -> int:
        return sum(
            count
            for status, count in self.headline.initiatives_by_status.items()
            if status is not Status.DROPPED
        )

    def findings_of(self) -> dict[int, list[Finding]]:
        """The findings about each initiative, by its id."""
        found: dict[int, list[Finding]] = {}
        for finding in self.findings:
            if finding.initiative_id is not None:
                found.setdefault(finding.initiative_id, []).append(finding)
        return found


def gather(analysis: Analysis, *, now: dt.datetime | None = None) -> ExportFacts:
    """Read what the workbook shows from the analysed plan."""
    plan = analysis.plan
    settings = plan.settings.get()
    figures = headline(analysis)
    monthly = {row.key: row.totals for row in analysis.rollup(Dimension.MONTH)}
    return ExportFacts(
        settings=settings,
        currency=plan.currency,
        file_name=plan.path.name if plan.path else "(not saved to a file)",
        exported_at=(now or dt.datetime.now()).replace(microsecond=0, tzinfo=None),
        people=plan.people.list(),
        segments=plan.segments.list(),
        channels=plan.channels.list(),
        initiatives=plan.initiatives.list(),
        assignments=plan.roles.all(),
        findings=run_checks(analysis),
        headline=figures,
        landing=reforecast(analysis),
        monthly=monthly,
        plan_total=analysis.total(),
        to_date=to_date_by_initiative(analysis),
        strike_zone=strike_zone(analysis),
        handoff=handoff_by_month(analysis, monthly=monthly),
        agreement=plan.handoff.get(),
        funnel=plan.funnel.get(),
        version=plan.version,
        rates=read_rates(plan),
    )


@dataclass(frozen=True)
class BaselineFacts:
    """The plan against a baseline: ``comparison`` has the baseline as its reference and
    the plan as its side 1; ``version`` is the baseline's (``None``: the working plan), and
    ``landing`` its landing, analysed as the plan's is."""

    comparison: Comparison
    version: VersionInfo | None
    landing: Landing

    @property
    def described(self) -> str:
        return described(self.version)


def against(analysis: Analysis, baseline: Plan) -> BaselineFacts:
    """The analysed plan compared with ``baseline``, another version of it."""
    from planner.versions.compare import compare

    comparison = compare(baseline, analysis.plan)
    other = Analysis.in_sql(baseline, today=analysis.today)
    try:
        landing = reforecast(other)
    finally:
        other.close()
    return BaselineFacts(comparison, baseline.version, landing)


def described(version: VersionInfo | None) -> str:
    """ "the locked baseline 'Board-approved'", or "the working plan"."""
    return WORKING_PLAN if version is None else version.described


def kind_words(version: VersionInfo | None) -> str:
    """ "locked baseline", "scenario", or "the plan as it is now" for the working plan."""
    if version is None:
        return "the plan as it is now, not a saved version"
    return f"{'locked ' if version.locked else ''}{version.kind.value}"


def saved_words(version: VersionInfo | None, *, origin: bool = False) -> str:
    """ "saved 2026-01-15 10:30" (``origin``: "... from the working plan" or "... from
    'Draft 2'"), or "" for the working plan."""
    if version is None:
        return ""
    words = f"saved {version.saved_at}"
    if origin:
        source = version.saved_from
        words += f" from {source if source == WORKING_PLAN else repr(source)}"
    return words


NAME_IN_LABEL = 40  # characters of a name in the words that name one of its fields


def shown_texts(facts: ExportFacts) -> Iterator[tuple[str, str, str]]:
    """The plan's own texts that the workbook shows, each as (subject, field, text): the
    words that name it to a reader ("Initiative 12 'Webinar series'", "Notes") and the
    text. Titles and sentences built around them are not among them."""
    settings = facts.settings
    yield "Plan", field_label("name"), settings.name
    yield "Plan", field_label("company"), settings.company
    yield "Plan", "File name", facts.file_name
    yield "Hand-off agreement", field_label("quality_bar"), facts.agreement.quality_bar
    with_notes = [
        *((f"Initiative {i.id} {_quoted(i.name)}", i.name, i.notes) for i in facts.initiatives),
        *((f"Segment {_quoted(s.name)}", s.name, s.notes) for s in facts.segments),
    ]
    for subject, name, notes in with_notes:
        yield subject, field_label("name"), name
        yield subject, field_label("notes"), notes
    for person in facts.people:
        yield f"Person {_quoted(person.name)}", field_label("name"), person.name
    for channel in facts.channels:
        yield f"Channel {_quoted(channel.name)}", field_label("name"), channel.name
    versions = [facts.version, facts.baseline.version if facts.baseline else None]
    for version in versions:
        if version is not None:
            yield f"Version {_quoted(version.name)}", field_label("name"), version.name


def _quoted(name: str) -> str:
    return f"'{shown_line(name, NAME_IN_LABEL)}'"


def first_day(month: int) -> dt.date:
    """A ``YYYYMM`` month as the date of its first day (how the workbook shows months)."""
    return dt.date(month // 100, month % 100, 1)
