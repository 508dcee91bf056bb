"""Fiscal periods: month, quarter and year keys of ``YYYYMM`` months, and their labels."""

from __future__ import annotations

from enum import StrEnum

from planner import months as month_math


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def period_key(period: Period, month: int, start_month: int) -> int:
    """An integer key that sorts periods in time: YYYYMM, YYYYQ (year * 10 + quarter), YYYY."""
    if period is Period.MONTH:
        return month
    year = month_math.fiscal_year(month, start_month)
    if period is Period.YEAR:
        return year
    return year * 10 + month_math.fiscal_quarter(month, start_month)


def period_label(period: Period, key: int, start_month: int) -> str:
    """``Mar 2026``, ``Q1 2026`` / ``FY2027 Q1`` (non-January fiscal years), ``2026`` / ``FY2027``."""
    if period is Period.MONTH:
        return month_math.label(key)
    prefix = "FY" if start_month != 1 else ""
    if period is Period.YEAR:
        return f"{prefix}{key}"
    year, quarter = divmod(key, 10)
    return f"{prefix}{year} Q{quarter}" if prefix else f"Q{quarter} {year}"
