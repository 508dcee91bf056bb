"""Fiscal periods in SQL: month, quarter and year keys computed from ``YYYYMM`` months.

The expressions mirror :func:`planner.months.fiscal_year` and :func:`~planner.months.fiscal_quarter`
so the database groups months exactly as the rest of the app labels them.
"""

from __future__ import annotations

from enum import StrEnum

from planner import months as month_math


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def fiscal_year_sql(column: str, start_month: int) -> str:
    if start_month == 1:
        return f"({column} / 100)"
    return f"({column} / 100 + ({column} % 100 >= {int(start_month)}))"


def fiscal_quarter_sql(column: str, start_month: int) -> str:
    return f"((({column} % 100) - {int(start_month)} + 12) % 12 / 3 + 1)"


def period_key_sql(period: Period, column: str, start_month: int) -> str:
    """An integer key that sorts periods in time: YYYYMM, YYYYQ (year * 10 + quarter), YYYY."""
    if period is Period.MONTH:
        return column
    year = fiscal_year_sql(column, start_month)
    if period is Period.YEAR:
        return year
    return f"({year} * 10 + {fiscal_quarter_sql(column, start_month)})"


def period_label(period: Period, key: int, start_month: int) -> str:
    """``Mar 2026``, ``Q1 2026`` / ``FY2027 Q1`` (non-January fiscal years), ``2026`` / ``FY2027``."""
    if period is Period.MONTH:
        return month_math.label(key)
    prefix = "FY" if start_month != 1 else ""
    if period is Period.YEAR:
        return f"{prefix}{key}"
    year, quarter = divmod(key, 10)
    return f"{prefix}{year} Q{quarter}" if prefix else f"Q{quarter} {year}"
