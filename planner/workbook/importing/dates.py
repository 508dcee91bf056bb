"""Reading the month of an actual from a cell: a real date, or text in the common forms.

A workbook's Month column holds dates (the export writes the first of each month), text
like "Mar 2026" or "2026-03", or an Excel date serial (46023 for 1 Jan 2026) where dates
were pasted as values. A CRM's CSV writes dates as text: ISO ("2026-03-14", with or
without a time), day/month/year, month/day/year, or with month names ("14 Mar 2026",
"Mar 14, 2026"), or as Excel date serials when it was saved from a sheet. Only the month
matters, but the day is checked so that a wrong order is not read as a valid date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from planner import months
from planner.workbook.importing.mapping import DateOrder
from planner.workbook.importing.numbers import CellProblem

_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# A time of day after the date, as CRMs export it: "10:22", "10:22:05", "3:05 PM",
# "T10:22:05.123Z", "10:22 UTC". Only the date before it counts.
_TIME = r"(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2}|UTC|GMT)?)?"
_ISO = re.compile(rf"([0-9]{{4}})[-/.]([0-9]{{1,2}})[-/.]([0-9]{{1,2}}){_TIME}")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_NUMERIC = re.compile(rf"([0-9]{{1,2}})[-/.]([0-9]{{1,2}})[-/.]([0-9]{{4}}|[0-9]{{2}}){_TIME}")
_DAY_NAME_YEAR = re.compile(rf"([0-9]{{1,2}})[ -]([A-Za-z]{{3,9}})\.?[ -,]*([0-9]{{4}}){_TIME}")
_NAME_DAY_YEAR = re.compile(rf"([A-Za-z]{{3,9}})\.? ([0-9]{{1,2}}),? ([0-9]{{4}}){_TIME}")
_NAME_YEAR = re.compile(r"([A-Za-z]{3,9})\.?[ -]([0-9]{4})")

# Excel keeps a date as the number of days since 30 Dec 1899 (its 1900 date system: 46023 is
# 1 Jan 2026), and a date copied and pasted as a value, or whose cell lost its date format,
# shows that number. Only whole days of this century count: other numbers (a year such as
# 2026, a month such as 202603, an amount) are not taken for dates.
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30)
_EXCEL_SERIALS = range(
    (dt.date(2000, 1, 1) - _EXCEL_DAY_ZERO).days, (dt.date(2100, 1, 1) - _EXCEL_DAY_ZERO).days
)
_SERIAL_TEXT = re.compile(r"([0-9]{5})(?:\.0+)?")

_WRITE_IT = "a date such as 2026-03-14"
_ORDER_WORDS = {DateOrder.DMY: "day/month/year", DateOrder.MDY: "month/day/year"}


def sheet_month(value: object) -> months.Month:
    """The month a workbook's Month cell names: a date, or text like "Mar 2026"/"2026-03"."""
    if isinstance(value, dt.datetime | dt.date):
        return _month(value.year, value.month, value.day, shown=str(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = _serial_month(value)
        if serial is not None:
            return serial
    if isinstance(value, str):
        text = " ".join(value.split())
        serial = _serial_month(text)
        if serial is not None:
            return serial
        found = _ISO_MONTH.fullmatch(text)
        if found:
            return _month(int(found[1]), int(found[2]), 1, shown=text)
        found = _NAME_YEAR.fullmatch(text)
        if found and found[1].casefold() in _MONTH_NAMES:
            return _month(int(found[2]), _MONTH_NAMES[found[1].casefold()], 1, shown=text)
        found = _ISO.fullmatch(text)
        if found:
            return _month(int(found[1]), int(found[2]), int(found[3]), shown=text)
        raise CellProblem(f"holds {text[:40]!r}, not a month (a date, or text like Mar 2026)")
    if isinstance(value, bool) or value is None:
        raise CellProblem("holds no month (a date, or text like Mar 2026)")
    raise CellProblem(f"holds {value!r}, not a month (a date, or text like Mar 2026)")


def text_month(text: str, order: str) -> months.Month:
    """The month of a CSV date. ``order`` (a :class:`DateOrder`, not AUTO) says how to read
    all-number dates such as 03/04/2026; ISO dates and month names read the same in any."""
    shown = " ".join(text.split())
    serial = _serial_month(shown)
    if serial is not None:
        return serial
    found = _ISO.fullmatch(shown)
    if found:
        return _month(int(found[1]), int(found[2]), int(found[3]), shown=shown)
    found = _NUMERIC.fullmatch(shown)
    if found:
        first, second, year = int(found[1]), int(found[2]), _year(found[3])
        if order == DateOrder.DMY:
            return _month(year, second, first, shown=shown, order=order)
        if order == DateOrder.MDY:
            return _month(year, first, second, shown=shown, order=order)
        raise CellProblem(f"holds {shown!r}, not a year-month-day date such as 2026-03-14")
    found = _DAY_NAME_YEAR.fullmatch(shown)
    if found and found[2].casefold() in _MONTH_NAMES:
        return _month(int(found[3]), _MONTH_NAMES[found[2].casefold()], int(found[1]), shown=shown)
    found = _NAME_DAY_YEAR.fullmatch(shown)
    if found and found[1].casefold() in _MONTH_NAMES:
        return _month(int(found[3]), _MONTH_NAMES[found[1].casefold()], int(found[2]), shown=shown)
    found = _NAME_YEAR.fullmatch(shown) or _ISO_MONTH.fullmatch(shown)
    if found:
        name_first = not found[1].isdigit()
        number = _MONTH_NAMES.get(found[1].casefold()) if name_first else int(found[2])
        year = int(found[2]) if name_first else int(found[1])
        if number is not None:
            return _month(year, number, 1, shown=shown)
    raise CellProblem(f"holds {shown[:40]!r}, not {_WRITE_IT}")


@dataclass(frozen=True, slots=True)
class OrderEvidence:
    """What a file's own all-number dates say about their order: where the first date that
    only reads day-first is, the first that only reads month-first, and the first that reads
    either way as different dates (each ``None`` if there is none)."""

    day_first: str | None = None
    month_first: str | None = None
    either: str | None = None


def order_evidence(dates: Iterable[tuple[str, str]]) -> OrderEvidence:
    """Look through ``(where, text)`` pairs of a date column for :class:`OrderEvidence`."""
    day_first = month_first = either = None
    for where, text in dates:
        found = _NUMERIC.fullmatch(" ".join(text.split()))
        if not found:
            continue
        first, second = int(found[1]), int(found[2])
        if first > 12 >= second and day_first is None:
            day_first = f"{text.strip()} on {where}"
        elif second > 12 >= first and month_first is None:
            month_first = f"{text.strip()} on {where}"
        elif first <= 12 and second <= 12 and first != second and either is None:
            either = f"{text.strip()} on {where}"
        if day_first and month_first:
            break
    return OrderEvidence(day_first, month_first, either)


def _serial_month(value: int | float | str) -> months.Month | None:
    """The month of an Excel date serial (a whole number, or text of one), else None."""
    if isinstance(value, str):
        found = _SERIAL_TEXT.fullmatch(value)
        if not found:
            return None
        days = int(found[1])
    elif isinstance(value, float):
        if not value.is_integer():
            return None
        days = int(value)
    else:
        days = value
    if days not in _EXCEL_SERIALS:
        return None
    day = _EXCEL_DAY_ZERO + dt.timedelta(days=days)
    return months.month(day.year, day.month)


def _year(text: str) -> int:
    # Two-digit years are this century's: CRM exports of current deals, not birth dates.
    return 2000 + int(text) if len(text) == 2 else int(text)


def _month(year: int, number: int, day: int, *, shown: str, order: str | None = None) -> int:
    try:
        dt.date(year, number, day)
        return months.month(year, number)
    except ValueError:
        read_as = f" read as {_ORDER_WORDS[order]}" if order in _ORDER_WORDS else ""
        raise CellProblem(f"holds {shown[:40]!r}, not a date{read_as}") from None
