"""The headline cards of the dashboard: the core's figures (:func:`planner.analysis.headline`
and :func:`planner.analysis.reforecast`, defined there) over the chosen months and filter, in
words. No Qt, and no arithmetic beyond wording: every amount a card shows is the core's."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Filter, headline, reforecast
from planner.analysis.headline import Headline
from planner.analysis.progress import MetricProgress
from planner.analysis.reforecast import (
    Landing,
    baseline_words,
    definition,
    describe,
    target_words,
)
from planner.checks.findings import Finding, count_findings

from .periods import year_name

if TYPE_CHECKING:
    from planner import Plan
    from planner.analysis import Analysis
    from planner.versions.baseline import Baseline, BaselineFigures

NO_ACTUALS = "No actuals yet"

Money = Callable[[int], str]

# How a figure reads against plan, for its colour (always said in words too).
AHEAD, BEHIND, ALARM, NEUTRAL = "ahead", "behind", "alarm", ""


@dataclass(frozen=True, slots=True)
class HeadlineFigure:
    """One card: ``value`` as shown and ``amount`` as computed (minor units, a share, or a
    count; ``None`` when there is none), a ``note`` that says what it is of, a tone, and the
    figure's ``definition`` when it needs more words than the note has room for."""

    key: str
    caption: str
    value: str
    note: str
    tone: str = NEUTRAL
    amount: float | None = None
    definition: str = ""


def _tone(share: float | None) -> str:
    if share is None:
        return NEUTRAL
    return AHEAD if share >= 1 else BEHIND


def headline_figures(
    analysis: Analysis,
    months: tuple[int, int],
    where: Filter | None,
    findings: Sequence[Finding] | None = None,
    baseline: Baseline | None = None,
) -> list[HeadlineFigure]:
    """Revenue target and how much of it is phased, won to date, attainment, the year's
    forecast and landing, pipeline, budget used and open findings, for ``months`` (the
    landing, like the forecast, is the fiscal year's) and the initiatives ``where`` keeps;
    the landing against the ``baseline``'s too, when one is compared with."""
    figures = headline(analysis, months=months, where=where)
    landing = reforecast(analysis, where)
    return figures_of(figures, landing, analysis.plan, findings, _compared(baseline, where))


@dataclass(frozen=True, slots=True)
class Compared:
    """The baseline compared with: its name and its figures over the same filter."""

    name: str
    figures: BaselineFigures


def _compared(baseline: Baseline | None, where: Filter | None) -> Compared | None:
    return None if baseline is None else Compared(baseline.name, baseline.figures(where))


def figures_of(
    figures: Headline,
    landing: Landing,
    plan: Plan,
    findings: Sequence[Finding] | None = None,
    baseline: Compared | None = None,
) -> list[HeadlineFigure]:
    """The cards that show ``figures`` (the core's headline over the chosen months) and the
    ``landing`` of the year, against the ``baseline``'s when one is compared with."""
    money = plan.currency.format_short
    status = figures.progress
    through = status.actuals_through
    to_date = status.to_date
    # "To date" within the chosen months: a quarter that ended is through its last month.
    as_of = f"through {month_math.label(to_date[-1])}" if to_date else ""
    revenue, pipeline = figures.revenue, figures.pipeline
    year = year_name(status.fiscal_year, plan.settings.get().fiscal_year_start)
    cards = [
        _target(figures, money),
        _phased(figures, money),
        _won(revenue, money, as_of, through, bool(to_date)),
        _attainment(revenue, as_of, through, bool(to_date)),
        _forecast(figures, year, money),
        _landing(landing, plan, figures, baseline),
        _pipeline(pipeline, money, as_of, through, bool(to_date)),
        _budget(figures, money, through, bool(to_date)),
        findings_figure(findings),
    ]
    after = figures.actuals_after_close
    if after:
        # Actuals typed ahead are said on the card they would have moved most.
        note = _not_counted(after)
        cards = [
            dataclasses.replace(c, note=f"{c.note} · {note}") if c.key == "won" else c
            for c in cards
        ]
    return cards


def _not_counted(after: Sequence[int]) -> str:
    """Short enough for a card; the finding on the panel says what to do."""
    months = ", ".join(month_math.label(m) for m in after[:2]) + (" …" if len(after) > 2 else "")
    return f"{months} not counted: not closed yet"


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def _target(figures: Headline, money: Money) -> HeadlineFigure:
    target = figures.revenue_target
    note = "of live initiatives" if target else "no revenue target set on initiatives yet"
    return HeadlineFigure("target", "Revenue target", money(target), note, amount=target)


def _phased(figures: Headline, money: Money) -> HeadlineFigure:
    phased, share = figures.target_phased, figures.phased_share
    if share is None:
        note = "revenue won planned by month" if phased else "nothing planned by month yet"
    elif phased >= figures.revenue_target:
        note = f"{_percent(share)} of the target: all of it is in months"
    else:
        unphased = figures.revenue_target - phased
        note = f"{_percent(share)} of the target; {money(unphased)} not yet in any month"
    # Short of the target is a gap in the plan to close, not a result to celebrate or rue.
    tone = BEHIND if share is not None and share < 1 else NEUTRAL
    return HeadlineFigure("phased", "Phased into months", money(phased), note, tone, phased)


def _won(
    revenue: MetricProgress, money: Money, as_of: str, through: int | None, started: bool
) -> HeadlineFigure:
    if not started or revenue.actual_to_date is None:
        # Where to enter them is said once, on the first card that misses them.
        note = _no_actuals(through, hint=True) if not started else f"none entered {as_of}"
        return HeadlineFigure("won", "Won to date", "—", note)
    note = f"of {money(revenue.planned_to_date)} planned, {as_of}"
    return HeadlineFigure(
        "won", "Won to date", money(revenue.actual_to_date), note, amount=revenue.actual_to_date
    )


def _attainment(
    revenue: MetricProgress, as_of: str, through: int | None, started: bool
) -> HeadlineFigure:
    share = revenue.attainment_to_date if started else None
    if share is None:
        if not started:
            note = _no_actuals(through)
        elif revenue.actual_to_date is None:
            note = f"no revenue won entered {as_of}"
        else:
            note = "nothing planned"
        return HeadlineFigure("attainment", "Attainment to date", "—", note)
    words = "ahead of plan" if share >= 1 else "behind plan"
    return HeadlineFigure(
        "attainment",
        "Attainment to date",
        f"{share:.0%}",
        f"{words}, {as_of}",
        _tone(share),
        amount=share,
    )


def _forecast(figures: Headline, year: str, money: Money) -> HeadlineFigure:
    caption = f"Forecast {year}"
    revenue = figures.revenue
    forecast, planned = revenue.forecast_year, revenue.planned_year
    if forecast is None:
        return HeadlineFigure("forecast", caption, "—", "needs actuals this year")
    share = revenue.forecast_attainment
    if share is None:
        note = "at the run rate; nothing planned this year"
    else:
        note = f"{_percent(share)} of {money(planned)} planned for {year}, at the run rate"
    # Against a target only partly phased, "ahead" would praise a plan with a gap in it.
    phased_whole = figures.phased_share is None or figures.phased_share >= 1
    tone = _tone(share) if phased_whole else NEUTRAL
    return HeadlineFigure("forecast", caption, money(forecast), note, tone, forecast)


def _landing(
    landing: Landing, plan: Plan, figures: Headline, baseline: Compared | None
) -> HeadlineFigure:
    currency = plan.currency
    revenue = landing.revenue
    note = target_words(landing, currency)
    said = definition(landing)
    if revenue.plan_standing_in:
        standing_in = currency.format_short(revenue.plan_standing_in)
        note += f" · {standing_in} is plan where actuals are missing"
        said += f" {standing_in} of this landing is plan for closed months with no actuals."
    if baseline is not None:
        # Loaded once a baseline is chosen: the comparison's module is not needed before.
        from planner.versions.baseline import against_baseline

        compared = baseline.figures
        note += f" · {baseline_words(landing, compared.landing, currency)}"
        whole = describe(landing, currency, baseline=compared.landing, compact=False)
        against = against_baseline(figures.budget, figures.revenue_target, compared, currency)
        said += f"\n\nAgainst the baseline {baseline.name!r}: {whole}; {against}."
    gap = revenue.gap
    # A target set for more than this year says nothing good or bad about the year.
    tone = NEUTRAL
    if gap is not None and not landing.plan_beyond_year:
        tone = AHEAD if gap >= 0 else BEHIND
    return HeadlineFigure(
        "landing",
        f"Landing {landing.year_name}",
        currency.format_short(revenue.landing),
        note,
        tone,
        revenue.landing,
        said,
    )


def _pipeline(
    pipeline: MetricProgress, money: Money, as_of: str, through: int | None, started: bool
) -> HeadlineFigure:
    caption = "Pipeline to date"
    if not started or pipeline.actual_to_date is None:
        note = _no_actuals(through) if not started else f"none entered {as_of}"
        return HeadlineFigure("pipeline", caption, "—", note)
    share = pipeline.attainment_to_date
    note = f"{_percent(share)} of plan {as_of}" if share is not None else f"none planned {as_of}"
    return HeadlineFigure(
        "pipeline", caption, money(pipeline.actual_to_date), note, amount=pipeline.actual_to_date
    )


def _budget(figures: Headline, money: Money, through: int | None, started: bool) -> HeadlineFigure:
    spent, budget, share = figures.spend_to_date, figures.budget, figures.budget_used
    if spent is None or not started:
        note = _no_actuals(through) if not started or through is None else "no spend entered"
        return HeadlineFigure("budget", "Budget used", "—", f"{note} · {money(budget)} budget")
    value = _percent(share) if share is not None else money(spent)
    return HeadlineFigure(
        "budget",
        "Budget used",
        value,
        f"{money(spent)} spent of {money(budget)} budget" if budget else "no budget set",
        # Overspent by a whole percent or more: the figure shows above 100%.
        ALARM if share is not None and share >= 1.005 else NEUTRAL,
        share,
    )


def _no_actuals(through: int | None, *, hint: bool = False) -> str:
    if through is None:
        return f"{NO_ACTUALS}: enter them on Targets & actuals" if hint else NO_ACTUALS
    return f"no actuals in these months (latest: {month_math.label(through)})"


def findings_figure(findings: Sequence[Finding] | None) -> HeadlineFigure:
    """The open findings card: errors and warnings of the plan's checks (hints not counted);
    ``None`` while the checks have not reported yet."""
    if findings is None:
        return HeadlineFigure("findings", "Open findings", "…", "checking the plan")
    counts = count_findings(findings)
    errors, warnings = counts.errors, counts.warnings
    if not counts.open:
        return HeadlineFigure(
            "findings", "Open findings", "0", "the plan passes every check", amount=0
        )
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return HeadlineFigure(
        "findings",
        "Open findings",
        str(counts.open),
        " · ".join(parts) + " (F9 shows them)",
        ALARM if errors else BEHIND,
        counts.open,
    )
