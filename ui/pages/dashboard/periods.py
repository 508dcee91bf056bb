"""The periods the dashboard can show: the plan's current fiscal year and its quarters, the
plan's other fiscal years, the whole plan, or months of the user's choosing. Plain
functions, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis.periods import Period, period_label

if TYPE_CHECKING:
    from planner.analysis import Analysis

YEAR = "year"  # the current fiscal year, whichever that is as actuals come in
WHOLE = "whole"
CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """One entry of the period selector: ``months`` (first, last) is ``None`` for "custom"."""

    key: str  # "year", "q1" ... "q4", "fy2027" (another fiscal year), "whole", "custom"
    label: str
    months: tuple[int, int] | None


def fiscal_year_months(
    analysis: Analysis, through: int | None = None
) -> tuple[int, tuple[int, int]]:
    """The plan's current fiscal year and its first and last month inside the horizon: the
    year of the latest actual (``through``, read from the plan when not given), or the
    plan's first year before any actual, as :func:`planner.analysis.progress` has it."""
    settings = analysis.plan.settings.get()
    start, horizon = settings.fiscal_year_start, settings.horizon
    if through is None:
        through = analysis.actuals_through()
    year = month_math.fiscal_year(through if through is not None else horizon.first, start)
    in_year = [m for m in horizon.months() if month_math.fiscal_year(m, start) == year]
    return year, (in_year[0], in_year[-1])


def year_name(year: int, fiscal_year_start: int) -> str:
    """ "2026" for a calendar year, "FY2027" for a fiscal year starting in another month."""
    return period_label(Period.YEAR, year, fiscal_year_start)


def year_label(year: int, fiscal_year_start: int) -> str:
    """How the selector names a year: "Year 2026" (a bare number reads oddly), "FY2027"."""
    name = year_name(year, fiscal_year_start)
    return f"Year {name}" if fiscal_year_start == 1 else name


def period_choices(analysis: Analysis, through: int | None = None) -> list[PeriodChoice]:
    """The current fiscal year, its quarters (those inside the horizon), the plan's other
    fiscal years, the whole plan (when it is more than that year) and "Months…"."""
    plan = analysis.plan
    start = plan.settings.get().fiscal_year_start
    horizon = plan.horizon
    year, (first, last) = fiscal_year_months(analysis, through)
    years: dict[int, list[int]] = {}
    for month in horizon.months():
        years.setdefault(month_math.fiscal_year(month, start), []).append(month)
    choices = [PeriodChoice(YEAR, year_label(year, start), (first, last))]
    quarters: dict[int, list[int]] = {}
    for month in years[year]:
        quarters.setdefault(month_math.fiscal_quarter(month, start), []).append(month)
    for quarter, months in sorted(quarters.items()):
        label = period_label(Period.QUARTER, year * 10 + quarter, start)
        choices.append(PeriodChoice(f"q{quarter}", label, (months[0], months[-1])))
    # A plan over several years: each other year too, so the lead can look back or ahead.
    for other, months in sorted(years.items()):
        if other != year:
            label = year_label(other, start)
            choices.append(PeriodChoice(f"fy{other}", label, (months[0], months[-1])))
    if (horizon.first, horizon.last) != (first, last):
        choices.append(PeriodChoice(WHOLE, "Whole plan", (horizon.first, horizon.last)))
    choices.append(PeriodChoice(CUSTOM, "Months…", None))
    return choices


def describe_months(months: tuple[int, int]) -> str:
    """``Mar 2026`` for one month; ``Jan`` to ``Jun 2026`` within a year (an en dash
    between), ``Nov 2026`` to ``Feb 2027`` across two."""
    first, last = months
    if first == last:
        return month_math.label(first)
    if first // 100 == last // 100:
        return f"{month_math.label(first)[:3]} – {month_math.label(last)}"
    return f"{month_math.label(first)} – {month_math.label(last)}"


def ordered(first: int, last: int) -> tuple[int, int]:
    """A month range the right way round, whichever end the user picked first."""
    return (first, last) if first <= last else (last, first)
