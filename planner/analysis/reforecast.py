"""The reforecast ("landing"): where the current fiscal year ends if the months left go as
planned, against the target and, when one is given, against a baseline's landing.

Beside the run-rate forecast (:mod:`planner.analysis.progress`), finance's figure: actuals
for the closed months plus the current plan for the months left. Every rule it leans on is
the one :mod:`planner.analysis.progress` states, reused, not restated:

- **The year** is the current fiscal year of :func:`~planner.analysis.progress.progress`
  (:func:`~planner.analysis.progress.fiscal_year_months`), its months inside the horizon.
- **Closed months** are those through :attr:`planner.analysis.Analysis.closed_through`; an
  actual dated after it is not counted: that month lands at its plan, as any open month does.
- **A closed month counts its actual, initiative by initiative and metric by metric; where
  none was entered, its plan.** Finance's reforecast replaces plan with actuals where actuals
  exist. An actual nobody entered is "no data", never 0 (the rule every figure keeps): read
  as 0 it would book a shortfall nobody reported, and one campaign whose results are late
  would drag the landing down by its whole plan. Its plan is the best estimate left: a month
  that closes before its actuals are in leaves the landing where it stood. How much of the
  landing rests on such plan is a figure of its own (:attr:`MetricLanding.plan_standing_in`),
  so every surface can say so. An actual entered as 0 is an actual: it lands at 0.
- **Dropped initiatives** land at their actuals alone: their plan is no longer the plan, for
  the months left or for closed months nobody reported (the target and the budget leave them
  out too, :func:`~planner.analysis.headline.budget_and_target`).
- **The target** is the one the Dashboard's headline shows: revenue won lands against the
  revenue target, spend against the budget, both of the live initiatives the filter keeps
  (:func:`~planner.analysis.headline.budget_and_target`); the gap is landing minus target.
  Other metrics have no target. Initiatives' targets cover the plan, so when the horizon runs
  beyond the fiscal year the wording says which months the target covers.
- **A baseline** is the landing of another version of the plan (another
  :class:`planner.Plan`, analysed the same way): :func:`describe` words the difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis.headline import budget_and_target, live_only
from planner.analysis.periods import Period, period_label
from planner.analysis.progress import fiscal_year_months
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.analysis.filters import Filter
    from planner.money import Currency

# What each metric with a target lands against, as the wording names it.
TARGET_NAMES = {Metric.REVENUE_WON: "target", Metric.SPEND: "budget"}


@dataclass(frozen=True, slots=True)
class MetricLanding:
    """One metric's landing for the year: ``actual`` entered for its closed months (``None``
    while none is: no data), the plan standing in for closed initiative-months with no actual
    entered, the plan of the months still open, and the ``target`` it lands against (``None``
    for a metric without one; 0 while none is set). Money in minor units."""

    metric: Metric
    actual: int | None
    plan_standing_in: int
    plan_ahead: int
    target: int | None

    @property
    def landing(self) -> int:
        return (self.actual or 0) + self.plan_standing_in + self.plan_ahead

    @property
    def gap(self) -> int | None:
        """Landing minus target: below 0 short of it (under budget, for spend); ``None``
        without a target set."""
        return self.landing - self.target if self.target else None


@dataclass(frozen=True, slots=True)
class Landing:
    """Every metric's landing for the current fiscal year (``year_months``: its first and
    last month inside the horizon, ``plan_months`` the horizon's), over the initiatives the
    filter keeps, with months closed through ``closed_through``."""

    fiscal_year: int
    fiscal_year_start: int
    year_months: tuple[int, int]
    plan_months: tuple[int, int]
    closed_through: int
    months_closed: int
    months_in_year: int
    metrics: dict[Metric, MetricLanding]

    @property
    def revenue(self) -> MetricLanding:
        return self.metrics[Metric.REVENUE_WON]

    @property
    def spend(self) -> MetricLanding:
        return self.metrics[Metric.SPEND]

    @property
    def year_name(self) -> str:
        """``2026``, or ``FY2027`` when the fiscal year does not start in January."""
        return period_label(Period.YEAR, self.fiscal_year, self.fiscal_year_start)

    @property
    def plan_beyond_year(self) -> bool:
        """Whether the horizon, and so the initiatives' targets, runs beyond the year."""
        return self.plan_months != self.year_months


def reforecast(analysis: Analysis, where: Filter | None = None) -> Landing:
    """Every metric's landing for the current fiscal year over the initiatives ``where``
    keeps (see the module's docstring for the rules)."""
    plan = analysis.plan
    horizon = plan.horizon
    year, (first, last) = fiscal_year_months(analysis)
    closed = analysis.closed_through
    in_year = [m for m in horizon.months() if first <= m <= last]
    closed_months = [m for m in in_year if m <= closed]
    open_months = [m for m in in_year if m > closed]
    live = live_only(where)
    nothing = dict.fromkeys(Metric, 0)

    actual: dict[Metric, int | None] = dict.fromkeys(Metric)
    standing_in = ahead = nothing
    if closed_months:
        span = (closed_months[0], closed_months[-1])
        actual = analysis.total(months=span, where=where).actual
        if live is not None:
            standing_in = analysis.plan_without_actual(months=span, where=live)
    if open_months and live is not None:
        ahead = analysis.total(months=(open_months[0], open_months[-1]), where=live).planned
    budget, target = budget_and_target(analysis, where)
    targets = {Metric.REVENUE_WON: target, Metric.SPEND: budget}
    return Landing(
        fiscal_year=year,
        fiscal_year_start=plan.settings.get().fiscal_year_start,
        year_months=(first, last),
        plan_months=(horizon.first, horizon.last),
        closed_through=closed,
        months_closed=len(closed_months),
        months_in_year=len(in_year),
        metrics={
            metric: MetricLanding(
                metric, actual[metric], standing_in[metric], ahead[metric], targets.get(metric)
            )
            for metric in Metric
        },
    )


# -- in words ------------------------------------------------------------------------------


def describe(
    landing: Landing,
    currency: Currency,
    *,
    metric: Metric = Metric.REVENUE_WON,
    baseline: Landing | None = None,
    compact: bool = True,
) -> str:
    """``landing $5.4M, $800k short of the $6.2M target, $300k below the baseline's
    landing``: the landing of ``metric``, its gap to the target and, given a ``baseline``
    (another version's landing), how it compares with that. ``compact=False`` gives whole
    amounts (``$5,412,300``)."""
    figure = landing.metrics[metric]
    parts = [f"{_landing_of(metric)} {amount(currency, metric, figure.landing, compact)}"]
    against = target_words(landing, currency, metric=metric, compact=compact)
    if against:
        parts.append(against)
    if baseline is not None:
        parts.append(baseline_words(landing, baseline, currency, metric=metric, compact=compact))
    return ", ".join(parts)


def target_words(
    landing: Landing,
    currency: Currency,
    *,
    metric: Metric = Metric.REVENUE_WON,
    compact: bool = True,
) -> str:
    """The gap to the target in words: ``$800k short of the $6.2M target``, ``$40k ahead of
    ...``, ``on target``; for spend ``under``/``over the ... budget``, ``on budget``; empty
    for a metric without a target."""
    figure = landing.metrics[metric]
    name = TARGET_NAMES.get(metric)
    if name is None or figure.target is None:
        return ""
    if not figure.target:
        return "no revenue target set" if metric is Metric.REVENUE_WON else f"no {name} set"
    gap = figure.gap or 0
    if not gap:
        return f"on {name}"
    below, above = ("under", "over") if metric is Metric.SPEND else ("short of", "ahead of")
    words = f"{amount(currency, metric, abs(gap), compact)} {below if gap < 0 else above}"
    target = f"the {amount(currency, metric, figure.target, compact)} {name}"
    if landing.plan_beyond_year:
        first, last = landing.plan_months
        target += f" for {month_math.label(first)} to {month_math.label(last)}"
    return f"{words} {target}"


def baseline_words(
    landing: Landing,
    baseline: Landing,
    currency: Currency,
    *,
    metric: Metric = Metric.REVENUE_WON,
    compact: bool = True,
) -> str:
    """How ``landing`` compares with ``baseline``'s: ``$300k below the baseline's landing``,
    ``... above ...``, ``level with ...``; a baseline of another fiscal year is not compared."""
    if baseline.fiscal_year != landing.fiscal_year:
        return f"the baseline's landing is for {baseline.year_name}: not compared"
    difference = landing.metrics[metric].landing - baseline.metrics[metric].landing
    if not difference:
        return "level with the baseline's landing"
    side = "below" if difference < 0 else "above"
    return f"{amount(currency, metric, abs(difference), compact)} {side} the baseline's landing"


def definition(landing: Landing, *, metric: Metric = Metric.REVENUE_WON) -> str:
    """What the landing of ``metric`` is, in a sentence or three (a tooltip, a note)."""
    year = landing.year_name
    name = "revenue won" if metric is Metric.REVENUE_WON else metric.title.lower()
    if landing.months_closed:
        closed = min(landing.closed_through, landing.year_months[1])
        through = f" (through {month_math.label(closed)})"
        if landing.months_closed == landing.months_in_year:
            lead = f"Actual {name} for the months of {year}, all closed{through}"
        else:
            lead = (
                f"Actual {name} for the closed months of {year}{through}, "
                "plus the current plan for the months left"
            )
    else:
        lead = f"The current plan of {name} for {year}: no month of it is closed yet"
    return (
        f"{lead}. A closed month with no actual entered counts its plan; dropped initiatives "
        "count their actuals only; actuals entered after the last closed month are not counted."
    )


def amount(currency: Currency, metric: Metric, value: int, compact: bool = True) -> str:
    """A landing figure: ``$5.4M`` compact (``$0.40`` below one unit, which would read
    ``$0``), else ``$5,412,300``; a count as ``1,234``."""
    if not metric.is_money:
        return f"{value:,}"
    if 0 < abs(value) < currency.scale:
        return currency.format(value)
    return currency.format_short(value) if compact else currency.format(value, cents=False)


def _landing_of(metric: Metric) -> str:
    if metric is Metric.REVENUE_WON:
        return "landing"
    title = metric.title
    # "spend landing", but "MQLs landing": an acronym keeps its capitals.
    return f"{title if title[1:2].isupper() else title.lower()} landing"
