"""Where the plan stands: actuals to date, attainment, and a run-rate forecast to year end.

The rules, each written once here (see :mod:`planner.analysis.headline` for the whole set):

- **Closed months.** The last closed month is the month before the one the analysis's
  ``today`` falls in (:attr:`planner.analysis.Analysis.closed_through`).
  An actual dated after it (typed ahead, or a wrong month) is *not counted*: not to date, not
  in the year so far, not in the forecast. :func:`actuals_after_close` names those months so
  every surface can flag them, and the checks report them.
- **To date** runs through the latest closed month holding any actual (the plan's "actuals
  through" month, :meth:`planner.analysis.Analysis.actuals_through`), within the months
  asked for.
- **The current fiscal year** is the fiscal year of that month, or the plan's first fiscal
  year while no actual is counted (:func:`fiscal_year_months`).
- **The run-rate forecast** adds to the year's actual so far, for every month left in that
  year, its average monthly actual (so far), rounded half up to the minor unit once
  (:func:`run_rate`).
- **No data is not zero**: an actual nobody entered is ``None`` (shown as a dash), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis.sums import Dimension, Totals
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
    """``months``: the months asked about; ``to_date``: those of them through
    ``actuals_through`` (empty before any counted actual); ``closed_through``: the last closed
    month; ``actuals_after_close``: months after it that hold an actual (not counted)."""

    actuals_through: int | None
    fiscal_year: int
    year_months: tuple[int, int]
    months_elapsed: int
    months_in_year: int
    metrics: dict[Metric, MetricProgress]
    months: tuple[int, int]
    to_date: tuple[int, ...]
    closed_through: int
    actuals_after_close: tuple[int, ...]


def _ratio(actual: int | None, planned: int) -> float | None:
    if actual is None or not planned:
        return None
    return actual / planned


def fiscal_year_months(
    analysis: Analysis, through: int | None = None
) -> tuple[int, tuple[int, int]]:
    """The plan's current fiscal year and its first and last month inside the horizon: the
    fiscal year of ``through`` (the actuals-through month, read when not given), or the
    plan's first fiscal year while no actual is counted."""
    if through is None:
        through = analysis.actuals_through()
    settings = analysis.plan.settings.get()
    start, horizon = settings.fiscal_year_start, settings.horizon
    year = month_math.fiscal_year(through if through is not None else horizon.first, start)
    in_year = [m for m in horizon.months() if month_math.fiscal_year(m, start) == year]
    return year, (in_year[0], in_year[-1])


def run_rate(actual_so_far: int, elapsed: int, months_ahead: int) -> int:
    """What ``months_ahead`` more months add at the average of ``elapsed`` months that made
    ``actual_so_far``: rounded half up once, on the whole run (so the line and the forecast
    end on the same minor unit)."""
    return (actual_so_far * months_ahead * 2 + elapsed) // (2 * elapsed)


def progress(
    analysis: Analysis,
    *,
    months: tuple[int, int] | None = None,
    where: Filter | None = None,
    monthly: dict[int, Totals] | None = None,
) -> Progress:
    """Planned, actual, attainment and forecast of every metric: to date within ``months``
    (first, last; default the whole horizon) and for the current fiscal year, over the
    initiatives ``where`` keeps. ``monthly`` (month -> totals over the whole horizon for
    ``where``), when the caller has it, saves summing the plan again."""
    horizon = analysis.plan.horizon
    closed = analysis.closed_through
    if monthly is None:
        monthly = {row.key: row.totals for row in analysis.rollup(Dimension.MONTH, where=where)}
    after = tuple(
        sorted(
            m
            for m, totals in monthly.items()
            if m > closed and any(value is not None for value in totals.actual.values())
        )
    )
    # "To date" is the plan's, filtered or not: a filter never moves the year or the months
    # compared.
    through = analysis.actuals_through()
    year, year_range = fiscal_year_months(analysis, through)
    first, last = months or (horizon.first, horizon.last)
    chosen = [m for m in horizon.months() if first <= m <= last]
    to_date = [m for m in chosen if through is not None and m <= through]
    in_year = [m for m in horizon.months() if year_range[0] <= m <= year_range[1]]
    elapsed = [m for m in in_year if through is not None and m <= through]
    remaining = len(in_year) - len(elapsed)

    metrics = {}
    for metric in Metric:
        planned_to_date, actual_to_date = _sums(monthly, to_date, metric)
        planned_year, _ = _sums(monthly, in_year, metric)
        _, actual_year = _sums(monthly, elapsed, metric)
        forecast = None
        if actual_year is not None:
            forecast = actual_year + run_rate(actual_year, len(elapsed), remaining)
        metrics[metric] = MetricProgress(
            metric=metric,
            planned_to_date=planned_to_date,
            actual_to_date=actual_to_date,
            planned_year=planned_year,
            actual_year=actual_year,
            forecast_year=forecast,
        )
    return Progress(
        actuals_through=through,
        fiscal_year=year,
        year_months=year_range,
        months_elapsed=len(elapsed),
        months_in_year=len(in_year),
        metrics=metrics,
        months=(first, last),
        to_date=tuple(to_date),
        closed_through=closed,
        actuals_after_close=after,
    )


def to_date_by_initiative(analysis: Analysis) -> dict[int, Totals]:
    """Each initiative's totals to date: from the plan's first month through the
    actuals-through month, as every figure "to date" runs; empty before any actual is
    counted. Its spend is each initiative's **spend to date**."""
    through = analysis.actuals_through()
    if through is None:
        return {}
    rows = analysis.rollup(Dimension.INITIATIVE, months=(analysis.plan.horizon.first, through))
    return {row.key: row.totals for row in rows}  # type: ignore[misc]


def _sums(monthly: dict[int, Totals], months: list[int], metric: Metric) -> tuple[int, int | None]:
    """Planned and actual of ``metric`` over ``months``; the actual is ``None`` when none of
    them holds one ("no data", not zero)."""
    planned, actual = 0, None
    for month in months:
        totals = monthly.get(month)
        if totals is None:
            continue
        planned += totals.planned[metric]
        value = totals.actual[metric]
        if value is not None:
            actual = (actual or 0) + value
    return planned, actual
