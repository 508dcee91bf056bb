"""The headline figures of the dashboard over the chosen months and filter: plain records
computed from one monthly roll-up, no Qt.

"To date" is the chosen months up to the plan's latest actual. The forecast is the fiscal
year's run rate as :func:`planner.analysis.progress` computes it, taken from the same
roll-up instead of a second pass over every value of a large plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import Metric
from planner import months as month_math
from planner.analysis import Dimension, Filter, Totals
from planner.analysis.headline import budget_and_target
from planner.checks.findings import Finding, Severity

from .periods import describe_months, fiscal_year_months, year_name

if TYPE_CHECKING:
    from planner.analysis import Analysis

NO_ACTUALS = "No actuals yet"

Money = Callable[[int], str]

# How a figure reads against plan, for its colour (always said in words too).
AHEAD, BEHIND, ALARM, NEUTRAL = "ahead", "behind", "alarm", ""


@dataclass(frozen=True, slots=True)
class HeadlineFigure:
    """One card: ``value`` as shown and ``amount`` as computed (minor units, a share, or a
    count; ``None`` when there is none), a ``note`` that says what it is of, and a tone."""

    key: str
    caption: str
    value: str
    note: str
    tone: str = NEUTRAL
    amount: float | None = None


@dataclass(frozen=True, slots=True)
class _Sums:
    planned: int
    actual: int | None  # None: nothing entered in those months


def _sums(by_month: dict[int, Totals], months: Sequence[int], metric: Metric) -> _Sums:
    planned, actual = 0, None
    for month in months:
        totals = by_month.get(month)
        if totals is None:
            continue
        planned += totals.planned[metric]
        value = totals.actual[metric]
        if value is not None:
            actual = (actual or 0) + value
    return _Sums(planned, actual)


def run_rate_forecast(
    actual_year_to_date: int | None, elapsed: int, months_in_year: int
) -> int | None:
    """The year's actual so far plus its monthly average for each month left, rounded half
    up once (the rule of :func:`planner.analysis.progress`)."""
    if actual_year_to_date is None or not elapsed:
        return None
    remaining = months_in_year - elapsed
    return actual_year_to_date + (actual_year_to_date * remaining * 2 + elapsed) // (2 * elapsed)


def _share(part: int | None, whole: int) -> float | None:
    return None if part is None or not whole else part / whole


def _tone(share: float | None) -> str:
    if share is None:
        return NEUTRAL
    return AHEAD if share >= 1 else BEHIND


def headline_figures(
    analysis: Analysis,
    months: tuple[int, int],
    where: Filter | None,
    findings: Sequence[Finding] | None = None,
) -> list[HeadlineFigure]:
    """Revenue target, won to date, attainment, the year's forecast, pipeline, budget used
    and open findings, for ``months`` and the initiatives ``where`` keeps."""
    plan = analysis.plan
    money = plan.currency.format_short
    start = plan.settings.get().fiscal_year_start
    through = analysis.actuals_through()
    year, (year_first, year_last) = fiscal_year_months(analysis, through)
    first, last = months
    # One roll-up serves the chosen months and the fiscal year the forecast runs over.
    span = (min(first, year_first), max(last, year_last))
    by_month = {
        row.key: row.totals for row in analysis.rollup(Dimension.MONTH, months=span, where=where)
    }
    chosen = [m for m in plan.horizon.months() if first <= m <= last]
    to_date = [m for m in chosen if through is not None and m <= through]
    year_months = [m for m in plan.horizon.months() if year_first <= m <= year_last]
    elapsed = [m for m in year_months if through is not None and m <= through]
    period = describe_months(months)
    # "To date" within the chosen months: a quarter that ended is through its last month.
    as_of = f"through {month_math.label(to_date[-1])}" if to_date else ""

    revenue = _sums(by_month, chosen, Metric.REVENUE_WON)
    won = _sums(by_month, to_date, Metric.REVENUE_WON) if to_date else None
    pipeline = _sums(by_month, to_date, Metric.PIPELINE) if to_date else None
    # Measured against the initiatives' budgets, as the budget chart and the core's
    # headline do (monthly planned spend may not add up to the budgets).
    budget = budget_and_target(analysis, where)[0]
    spent = _sums(by_month, to_date, Metric.SPEND).actual if to_date else None
    year_revenue = _sums(by_month, year_months, Metric.REVENUE_WON)
    year_to_date = _sums(by_month, elapsed, Metric.REVENUE_WON).actual if elapsed else None
    forecast = run_rate_forecast(year_to_date, len(elapsed), len(year_months))

    return [
        HeadlineFigure(
            "target",
            "Revenue target",
            money(revenue.planned),
            f"planned for {period}" if revenue.planned else "nothing planned for these months",
            amount=revenue.planned,
        ),
        _actual_figure("won", "Won to date", won, money, as_of, through),
        _attainment(won, as_of, through),
        _forecast(forecast, year_revenue.planned, year_name(year, start), money),
        _actual_figure("pipeline", "Pipeline to date", pipeline, money, as_of, through),
        _budget(spent, budget, money, through, bool(to_date)),
        findings_figure(findings),
    ]


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def _actual_figure(
    key: str, caption: str, sums: _Sums | None, money: Money, as_of: str, through: int | None
) -> HeadlineFigure:
    if sums is None or sums.actual is None:
        # Where to enter them is said once, on the first card that misses them.
        return HeadlineFigure(key, caption, "—", _no_actuals(through, hint=key == "won"))
    share = _share(sums.actual, sums.planned)
    if key == "won":  # the attainment card beside it gives the share
        note = f"of {money(sums.planned)} planned, {as_of}"
    else:
        note = (
            f"{_percent(share)} of plan {as_of}" if share is not None else f"none planned {as_of}"
        )
    return HeadlineFigure(key, caption, money(sums.actual), note, amount=sums.actual)


def _attainment(won: _Sums | None, as_of: str, through: int | None) -> HeadlineFigure:
    share = None if won is None else _share(won.actual, won.planned)
    if share is None:
        note = _no_actuals(through) if won is None or won.actual is None else "nothing planned"
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


def _forecast(forecast: int | None, planned: int, year: str, money: Money) -> HeadlineFigure:
    caption = f"Forecast {year}"
    if forecast is None:
        return HeadlineFigure("forecast", caption, "—", "needs actuals this year")
    share = _share(forecast, planned)
    note = (
        f"{_percent(share)} of {money(planned)} planned, at the run rate"
        if share is not None
        else "at the run rate; nothing planned this year"
    )
    return HeadlineFigure("forecast", caption, money(forecast), note, _tone(share), forecast)


def _budget(
    spent: int | None, budget: int, money: Money, through: int | None, started: bool
) -> HeadlineFigure:
    if spent is None:
        note = _no_actuals(through) if not started or through is None else "no spend entered"
        return HeadlineFigure("budget", "Budget used", "—", f"{note} · {money(budget)} budget")
    share = _share(spent, budget)
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
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    if not errors and not warnings:
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
        str(errors + warnings),
        " · ".join(parts) + " (F9 shows them)",
        ALARM if errors else BEHIND,
        errors + warnings,
    )
