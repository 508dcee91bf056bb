"""Where the plan stands: actuals to date, attainment, and a run-rate forecast to year end.

"To date" runs through the latest month that holds any actual (the plan's "actuals through"
month). The year is the fiscal year that month falls in (the plan's first fiscal year while
no actual is in). The run-rate forecast adds, for every month left in that year, the average
monthly actual of the year's months so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis.sums import Dimension, Totals, summed
from planner.domain import Metric

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.analysis.filters import Filter


@dataclass(frozen=True, slots=True)
class MetricProgress:
    metric: Metric
    planned_to_date: int
    actual_to_date: int | None
    planned_year: int
    actual_year: int | None
    forecast_year: int | None

    @property
    def attainment_to_date(self) -> float | None:
        return _ratio(self.actual_to_date, self.planned_to_date)

    @property
    def attainment_year(self) -> float | None:
        """Actual so far this year over the whole year's plan."""
        return _ratio(self.actual_year, self.planned_year)

    @property
    def forecast_attainment(self) -> float | None:
        return _ratio(self.forecast_year, self.planned_year)


@dataclass(frozen=True, slots=True)
class Progress:
    actuals_through: int | None
    fiscal_year: int
    year_months: tuple[int, int]
    months_elapsed: int
    months_in_year: int
    metrics: dict[Metric, MetricProgress]


def _ratio(actual: int | None, planned: int) -> float | None:
    if actual is None or not planned:
        return None
    return actual / planned


def progress(analysis: Analysis, *, where: Filter | None = None) -> Progress:
    """Planned, actual, attainment and forecast of every metric, to date and for the year."""
    settings = analysis.plan.settings.get()
    horizon = settings.horizon
    start = settings.fiscal_year_start
    through = analysis.actuals_through()
    anchor = through if through is not None else horizon.first
    year = month_math.fiscal_year(anchor, start)
    in_year = [m for m in horizon.months() if month_math.fiscal_year(m, start) == year]
    year_range = (in_year[0], in_year[-1])
    elapsed = [m for m in in_year if through is not None and m <= through]
    # One pass over the values, by month, for the three spans.
    monthly = analysis.rollup(Dimension.MONTH, where=where)

    def over(first: int, last: int) -> Totals:
        return summed(row.totals for row in monthly if first <= row.key <= last)  # type: ignore[operator]

    to_date = over(horizon.first, through or 0)
    this_year = over(*year_range)
    year_to_date = over(in_year[0], elapsed[-1]) if elapsed else None
    remaining = len(in_year) - len(elapsed)

    metrics = {}
    for metric in Metric:
        actual_ytd = year_to_date.actual[metric] if year_to_date else None
        forecast = None
        if actual_ytd is not None:
            # Whole minor units: the run rate is rounded half up once, at the end.
            forecast = actual_ytd + (actual_ytd * remaining * 2 + len(elapsed)) // (
                2 * len(elapsed)
            )
        metrics[metric] = MetricProgress(
            metric=metric,
            planned_to_date=to_date.planned[metric] if through else 0,
            actual_to_date=to_date.actual[metric] if through else None,
            planned_year=this_year.planned[metric],
            actual_year=actual_ytd,
            forecast_year=forecast,
        )
    return Progress(
        actuals_through=through,
        fiscal_year=year,
        year_months=year_range,
        months_elapsed=len(elapsed),
        months_in_year=len(in_year),
        metrics=metrics,
    )
