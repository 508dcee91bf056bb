"""``smarketing summary``: headline figures, attainment and what each dollar returns, as a
table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from planner import months as month_math
from planner.analysis import Analysis, Dimension, Landing, headline, reforecast
from planner.analysis.headline import Headline
from planner.analysis.reforecast import definition, describe, target_words
from planner.analysis.returns import Returns, ReturnsRow, returns_by
from planner.checks import Severity, run_checks
from planner.checks.findings import count_findings
from planner.cli.check import findings_count_line
from planner.cli.table import percent, plain, render
from planner.cli.versions import version_data
from planner.domain import Metric
from planner.money import Currency
from planner.plan import Plan
from planner.returns_figures import FIGURES, GROUPINGS, NONE_SHOWN, ReturnsFigure, Unit

# The figures a table by group shows (every figure is in the JSON and the plan's own table).
GROUP_COLUMNS = ("cost_per_mql", "cac", "pipeline_per_spend", "romi", "payback_months")


def summary_data(analysis: Analysis, by: Dimension | str | None = None) -> dict[str, Any]:
    """Everything the summary shows, as JSON-ready values (money as exact decimal strings;
    ``None`` where nothing is entered or nothing divides). The figures are
    :func:`planner.analysis.headline`'s, :func:`planner.analysis.reforecast`'s and
    :func:`planner.analysis.returns.returns_by`'s (``by`` a grouping, the plan's alone
    without), defined there."""
    plan = analysis.plan
    settings = plan.settings.get()
    currency = plan.currency
    figures = headline(analysis)
    landing = reforecast(analysis)
    counts = count_findings(run_checks(analysis))
    progress = figures.progress

    def value(metric: Metric, amount: int | None) -> str | int | None:
        return figure_value(currency, metric, amount)

    return {
        "plan": settings.name,
        "version": version_data(plan.version),
        "company": settings.company,
        "file": str(plan.path) if plan.path else None,
        "currency": currency.code,
        "stage": settings.stage.value,
        "horizon": {
            "first": month_math.iso(settings.horizon.first),
            "last": month_math.iso(settings.horizon.last),
            "months": settings.horizon.count,
        },
        "actuals_through": month_math.iso(progress.actuals_through)
        if progress.actuals_through
        else None,
        "last_closed_month": month_math.iso(progress.closed_through),
        "actuals_after_close": [month_math.iso(m) for m in figures.actuals_after_close],
        "fiscal_year": progress.fiscal_year,
        "initiatives": {
            status.value: count for status, count in figures.initiatives_by_status.items()
        },
        "budget": str(currency.to_decimal(figures.budget)),
        "revenue_target": str(currency.to_decimal(figures.revenue_target)),
        "revenue_target_phased": str(currency.to_decimal(figures.target_phased)),
        "revenue_target_phased_share": rounded(figures.phased_share),
        "spend_to_date": value(Metric.SPEND, figures.spend_to_date),
        "budget_used": rounded(figures.budget_used),
        "metrics": {
            metric.value: {
                "planned_to_date": value(metric, p.planned_to_date),
                "actual_to_date": value(metric, p.actual_to_date),
                "attainment_to_date": rounded(p.attainment_to_date),
                "planned_year": value(metric, p.planned_year),
                "actual_year": value(metric, p.actual_year),
                "attainment_year": rounded(p.attainment_year),
                "forecast_year": value(metric, p.forecast_year),
                "forecast_attainment": rounded(p.forecast_attainment),
            }
            for metric, p in progress.metrics.items()
        },
        "landing": landing_data(landing, currency, value),
        "returns": returns_data(analysis, by),
        "findings": {s.value: counts.of(s) for s in Severity if counts.of(s)},
    }


def figure_value(currency: Currency, metric: Metric, amount: int | None) -> str | int | None:
    """A figure as JSON carries it: money as an exact decimal string, a count as a number,
    ``None`` where nothing is entered."""
    if amount is None:
        return None
    return str(currency.to_decimal(amount)) if metric.is_money else amount


def landing_data(
    landing: Landing, currency: Currency, value: Callable[[Metric, int | None], Any]
) -> dict[str, Any]:
    """A landing as JSON-ready values (``value`` gives each figure: :func:`figure_value`)."""
    return {
        "fiscal_year": landing.fiscal_year,
        "first": month_math.iso(landing.year_months[0]),
        "last": month_math.iso(landing.year_months[1]),
        "months_closed": landing.months_closed,
        "months_in_year": landing.months_in_year,
        "definition": definition(landing),
        "said": {
            metric.value: describe(landing, currency, metric=metric, compact=False)
            for metric in (Metric.REVENUE_WON, Metric.SPEND)
        },
        "metrics": {
            metric.value: {
                "landing": value(metric, m.landing),
                "actual": value(metric, m.actual),
                "plan_standing_in": value(metric, m.plan_standing_in),
                "plan_ahead": value(metric, m.plan_ahead),
                "target": value(metric, m.target),
                "gap": value(metric, m.gap),
            }
            for metric, m in landing.metrics.items()
        },
    }


def rounded(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio, 4)


def returns_data(analysis: Analysis, by: Dimension | str | None = None) -> dict[str, Any]:
    """What each dollar returns, planned and actual: the plan's, and each group's ``by`` a
    grouping (none without one). Money as exact decimal strings, ratios to four places,
    ``None`` where there is nothing to divide by."""
    currency = analysis.plan.currency
    through = _returns_through(analysis)
    (total,) = returns_by(analysis)

    def group(row: ReturnsRow) -> dict[str, Any]:
        return {
            "key": row.key,
            "label": row.label,
            "planned": _returns_values(row.planned, currency),
            "actual": _returns_values(row.actual, currency),
        }

    rows = [] if by is None else returns_by(analysis, by)
    return {
        "gross_margin": analysis.plan.settings.get().gross_margin,
        "actuals_through": None if through is None else month_math.iso(through),
        "by": None if by is None else Dimension(by).value,
        "planned": _returns_values(total.planned, currency),
        "actual": _returns_values(total.actual, currency),
        "groups": [group(row) for row in rows],
    }


def _returns_values(returns: Returns, currency: Currency) -> dict[str, Any]:
    values: dict[str, Any] = {"spend": figure_value(currency, Metric.SPEND, returns.spend)}
    for figure in FIGURES:
        amount = figure.of(returns)
        if figure.unit is Unit.MONEY:
            values[figure.name] = None if amount is None else str(currency.to_decimal(int(amount)))
        else:
            values[figure.name] = rounded(amount)
    return values


def _returns_through(analysis: Analysis) -> int | None:
    """The last month whose actuals the actual figures count (``None``: none yet)."""
    through = analysis.actuals_through()
    return None if through is None else min(through, analysis.closed_through)


def summary_json(analysis: Analysis, by: Dimension | str | None = None) -> str:
    return json.dumps(summary_data(analysis, by), indent=2, ensure_ascii=False)


def summary_text(analysis: Analysis, by: Dimension | str | None = None) -> str:
    plan = analysis.plan
    settings = plan.settings.get()
    currency = plan.currency
    figures = headline(analysis)
    landing = reforecast(analysis)
    findings = run_checks(analysis)
    progress = figures.progress
    year = (
        f"FY{progress.fiscal_year}"
        if settings.fiscal_year_start != 1
        else str(progress.fiscal_year)
    )
    title = settings.name + (f" ({settings.company})" if settings.company else "")
    through = (
        f"actuals through {month_math.label(progress.actuals_through)} "
        f"({progress.months_elapsed} of {progress.months_in_year} months of {year})"
        if progress.actuals_through
        else "no actuals entered yet"
    )
    revenue = progress.metrics[Metric.REVENUE_WON]
    lines = [
        title,
        "=" * len(title),
        f"{settings.horizon.describe()} · {currency.code} · {settings.stage.value} company · {through}",
        "",
        f"Initiatives     {_status_counts(figures)}",
        f"Budget          {currency.format(figures.budget, cents=False)}"
        f"   {_spent(currency, figures)}",
        f"Revenue target  {currency.format(figures.revenue_target, cents=False)}"
        f"   phased into months {_money(currency, figures.target_phased)}"
        f" ({percent(figures.phased_share)})",
        f"                won to date {_money(currency, revenue.actual_to_date)}"
        f" ({percent(revenue.attainment_to_date)} of plan)"
        f"   forecast {year} {_money(currency, revenue.forecast_year)}"
        f" ({percent(revenue.forecast_attainment)} of plan)",
        *_landing_lines(currency, landing),
        *_not_counted(figures),
        "",
        _metric_table(plan, figures, year),
        "",
        *_returns_lines(analysis, by),
        "",
        findings_count_line(findings) + " Details: smarketing check PLAN."
        if findings
        else findings_count_line(findings),
    ]
    return "\n".join(lines)


def _spent(currency: Currency, figures: Headline) -> str:
    """Spend to date and its share of the budget, or that none is entered (no data, not $0)."""
    if figures.spend_to_date is None:
        return "spent to date: none entered"
    return (
        f"spent to date {_money(currency, figures.spend_to_date)} ({percent(figures.budget_used)})"
    )


def _landing_lines(currency: Currency, landing: Landing) -> list[str]:
    """The year's landing of revenue and of spend against the target and the budget, and how
    much of the revenue's rests on plan for closed months nobody entered actuals for."""
    revenue, spend = landing.revenue, landing.spend
    lines = [
        f"{'Landing ' + landing.year_name:<16}{_money(currency, revenue.landing)}   "
        + target_words(landing, currency, compact=False),
        f"{'':16}spend {_money(currency, spend.landing)}   "
        + target_words(landing, currency, metric=Metric.SPEND, compact=False),
    ]
    if revenue.plan_standing_in:
        lines.append(
            f"{'':16}{_money(currency, revenue.plan_standing_in)} of the revenue is plan for "
            "closed months with no actuals entered"
        )
    return lines


def _not_counted(figures: Headline) -> list[str]:
    """The line that flags actuals dated after the last closed month, if any are."""
    after = figures.actuals_after_close
    if not after:
        return []
    closed = month_math.label(figures.progress.closed_through)
    months = ", ".join(month_math.label(m) for m in after)
    return [f"Not counted     actuals entered for {months}, after the last closed month ({closed})"]


def _money(currency: Currency, amount: int | None) -> str:
    return "-" if amount is None else currency.format(amount, cents=False)


def _status_counts(figures: Headline) -> str:
    parts = [
        f"{count} {status.value}"
        for status, count in figures.initiatives_by_status.items()
        if count
    ]
    return f"{figures.initiatives}" + (f" ({', '.join(parts)})" if parts else "")


def _metric_table(plan: Plan, figures: Headline, year: str) -> str:
    currency = plan.currency

    def shown(metric: Metric, amount: int | None) -> str:
        if amount is None:
            return "-"
        return currency.format(amount, cents=False) if metric.is_money else f"{amount:,}"

    rows = [
        [
            metric.title,
            shown(metric, p.planned_to_date),
            shown(metric, p.actual_to_date),
            percent(p.attainment_to_date),
            shown(metric, p.planned_year),
            shown(metric, p.forecast_year),
            percent(p.forecast_attainment),
        ]
        for metric, p in figures.progress.metrics.items()
    ]
    headers = [
        "Metric",
        "Plan to date",
        "Actual",
        "Attain.",
        f"Plan {year}",
        "Forecast",
        "Fcst/plan",
    ]
    return render(headers, rows)


def _returns_lines(analysis: Analysis, by: Dimension | str | None) -> list[str]:
    """The "Returns" section: every figure of the plan, planned and actual; with ``by``, the
    main figures of each group too."""
    currency = analysis.plan.currency
    margin = analysis.plan.settings.get().gross_margin
    through = _returns_through(analysis)
    (total,) = returns_by(analysis)
    actual = f"actual to {month_math.label(through)}" if through else "no actuals yet"
    shown = [f for f in FIGURES if f.name != "payback_months" or margin is not None]
    rows = [
        [f.label, f.text(f.of(total.planned), currency), f.text(f.of(total.actual), currency)]
        for f in shown
    ]
    lines = [
        f"Returns (planned: the whole plan; {actual}; {NONE_SHOWN}: nothing to divide by)",
        render(["Figure", "Planned", "Actual"], rows),
    ]
    if margin is None:
        lines.append("Payback in months: set the plan's gross margin to see it.")
    if by is None:
        return lines
    dimension = Dimension(by)
    columns = [f for f in shown if f.name in GROUP_COLUMNS]
    headers = [GROUPINGS[dimension]]
    for figure in columns:
        headers += [f"{figure.short} plan", "actual"]
    table = [
        [plain(row.label, 40), *_group_cells(row, columns, currency)]
        for row in returns_by(analysis, dimension)
    ]
    return [*lines, "", f"Returns by {GROUPINGS[dimension].lower()}", render(headers, table)]


def _group_cells(row: ReturnsRow, figures: list[ReturnsFigure], currency: Currency) -> list[str]:
    cells = []
    for figure in figures:
        cells += [
            figure.text(figure.of(row.planned), currency),
            figure.text(figure.of(row.actual), currency),
        ]
    return cells
