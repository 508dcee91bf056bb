"""Months as plain integers ``YYYYMM`` (202601 is January 2026), and fiscal periods of them.

The integer form sorts, compares and indexes in SQL with no parsing, and still reads as a date
to anyone who opens a plan file in a database browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TEXT = re.compile(r"^\s*([0-9]{4})-([0-9]{1,2})\s*$")
# A month as the app shows it ("Mar 2026") or spelled out ("March 2026"), in any case.
_LABEL = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+([0-9]{4})\s*$")
_NAME = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s*$")
_FULL_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

Month = int  # YYYYMM

# The years a plan's months may fall in: wide enough for any plan, narrow enough that every
# month has a four-digit year and a label.
FIRST_YEAR, LAST_YEAR = 1900, 2999
# The longest horizon a plan covers.
MAX_HORIZON_MONTHS = 120


def month(year: int, number: int) -> Month:
    """The month ``number`` (1-12) of ``year`` as ``YYYYMM``."""
    if not 1 <= number <= 12:
        raise ValueError(f"month number must be 1 to 12, not {number}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year must be between {FIRST_YEAR} and {LAST_YEAR}, not {year}")
    return year * 100 + number


def parse_month(value: str | int) -> Month:
    """``"2026-03"``, ``"Mar 2026"`` (as the app shows months; "March 2026" too) or ``202603``
    to ``202603``; ``ValueError`` with a plain reason otherwise."""
    if isinstance(value, bool):
        raise ValueError("expected a month like 2026-03")
    if isinstance(value, int):
        return month(value // 100, value % 100)
    if isinstance(value, str):
        found = _TEXT.match(value)
        if found:
            return month(int(found.group(1)), int(found.group(2)))
        found = _LABEL.match(value)
        if found:
            return month(int(found.group(2)), _month_number(found.group(1), value))
    raise ValueError(f"{value!r} is not a month (write it like Mar 2026 or 2026-03)")


def typed_month(text: str, horizon: Horizon) -> Month:
    """A month as a person types it into a month field of a plan with ``horizon``: anything
    :func:`parse_month` reads, or a month's name alone ("Mar": that month of the horizon, its
    first if the horizon holds two). ``ValueError`` with a plain reason otherwise; a month
    outside the horizon is returned (the caller says why it cannot be used)."""
    alone = _NAME.match(text)
    if alone is None:
        return parse_month(text)
    number = _month_number(alone.group(1), text)
    in_plan = (m for m in horizon.months() if m % 100 == number)
    return next(in_plan, month(horizon.first // 100, number))


def _month_number(name: str, text: str) -> int:
    """1-12 for a month's name or the start of it ("Sep", "Sept"), in any case."""
    folded = name.casefold()
    for number, full in enumerate(_FULL_NAMES, 1):
        if full.startswith(folded):
            return number
    raise ValueError(f"{text!r} is not a month (write it like Mar 2026 or 2026-03)")


def index(value: Month) -> int:
    """A running month number: consecutive months differ by one."""
    return (value // 100) * 12 + value % 100 - 1


def from_index(number: int) -> Month:
    return (number // 12) * 100 + number % 12 + 1


def add(value: Month, months: int) -> Month:
    return from_index(index(value) + months)


def between(first: Month, last: Month) -> int:
    """How many months from ``first`` to ``last``, counting both (0 when last is before first)."""
    return max(0, index(last) - index(first) + 1)


def label(value: Month) -> str:
    """``Mar 2026``."""
    return f"{_MONTH_NAMES[value % 100 - 1]} {value // 100}"


def iso(value: Month) -> str:
    """``2026-03``."""
    return f"{value // 100:04d}-{value % 100:02d}"


def fiscal_year(value: Month, start_month: int) -> int:
    """The fiscal year a month falls in, named by the calendar year the fiscal year ends in.

    With a January start that is the calendar year; with an October start, October 2026 is in
    FY2027.
    """
    _check_start(start_month)
    year, number = divmod(value, 100)
    return year + (1 if start_month != 1 and number >= start_month else 0)


def fiscal_years_label(first: Month, last: Month, start_month: int) -> str:
    """The fiscal years from ``first`` to ``last`` as a plan's name says them: ``FY2027``,
    or ``FY2026-FY2027`` for months in two or more fiscal years."""
    opening, closing = fiscal_year(first, start_month), fiscal_year(last, start_month)
    return f"FY{opening}" if opening == closing else f"FY{opening}-FY{closing}"


def fiscal_quarter(value: Month, start_month: int) -> int:
    """1 to 4: the quarter of the fiscal year the month falls in."""
    _check_start(start_month)
    return (value % 100 - start_month) % 12 // 3 + 1


def _check_start(start_month: int) -> None:
    if (
        isinstance(start_month, bool)
        or not isinstance(start_month, int)
        or not 1 <= start_month <= 12
    ):
        raise ValueError(f"the fiscal year must start in month 1 to 12, not {start_month!r}")


@dataclass(frozen=True, slots=True)
class Horizon:
    """The months a plan covers: ``first`` and the ``count`` months from it."""

    first: Month
    count: int

    @property
    def last(self) -> Month:
        return add(self.first, self.count - 1)

    def months(self) -> list[Month]:
        start = index(self.first)
        return [from_index(start + offset) for offset in range(self.count)]

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.first <= value <= self.last

    def describe(self) -> str:
        return f"{label(self.first)} to {label(self.last)}"
