"""Turning the values an edit is given into the values the plan stores, or a ValidationError.

Every service method passes its inputs through here, so one rule reads the same everywhere:
the message names the field and says what would be accepted.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from planner import months
from planner.errors import ValidationError
from planner.money import AmountTooLarge, Currency

E = TypeVar("E", bound=StrEnum)

MAX_NAME = 200
MAX_TEXT = 20_000
# The largest amount (in minor units) or count a plan holds: far beyond any real plan, and
# small enough that sums over a whole plan stay within SQLite's 64-bit integers.
MAX_NUMBER = 10**15
# The largest total of one amount or count over a whole plan (a column of the file summed):
# far beyond any real plan, and small enough that adding up a dozen such totals still fits
# a signed 64-bit integer (SQLite's sums, numpy's int64 arrays).
MAX_TOTAL = 2**59
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Control characters (tab, line feed and carriage return aside) cannot be shown, typed or
# written to an Excel workbook; lone surrogates cannot even be stored.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# A whole number as people type it: plain digits, or thousands grouped by commas, spaces,
# thin spaces or apostrophes ("1,200", "1 200"). "1,2" is refused, not read as 12.
_WHOLE = re.compile(r"-?(?:[0-9]{1,3}(?:([,' \u202f])[0-9]{3})(?:\1[0-9]{3})*|[0-9]+)")
# A decimal number as people type it: a point for decimals, commas only between thousands.
_DECIMAL = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]*)?")


def name_key(cleaned_name: str) -> str:
    """The key two names share when they differ only in letter case (Unicode-aware)."""
    return unicodedata.normalize("NFC", cleaned_name.casefold())


def name(field: str, value: object) -> str:
    """A required, single-line name of at most 200 characters, trimmed."""
    if not isinstance(value, str):
        raise ValidationError(field, "type", "must be text")
    cleaned = _showable(field, " ".join(value.split()))
    if not cleaned:
        raise ValidationError(field, "required", "must not be empty")
    if len(cleaned) > MAX_NAME:
        raise ValidationError(field, "too_long", f"must be at most {MAX_NAME} characters")
    return cleaned


def text(field: str, value: object, *, single_line: bool = False) -> str:
    """Optional free text (a story, notes); ``None`` is empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, "type", "must be text")
    cleaned = _showable(field, " ".join(value.split()) if single_line else value.strip())
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(field, "too_long", f"must be at most {MAX_TEXT:,} characters")
    return cleaned


def showable(value: str) -> bool:
    """Whether ``value`` holds no character that cannot be shown or stored (see :func:`text`)."""
    return _UNSHOWABLE.search(value) is None


def _showable(field: str, value: str) -> str:
    """``value`` in Unicode's composed form (so "é" typed two ways is one name), or a
    ValidationError if it holds a character that cannot be shown or stored."""
    found = _UNSHOWABLE.search(value)
    if found:
        raise ValidationError(
            field,
            "control_character",
            f"must not contain control characters (found U+{ord(found.group()):04X})",
        )
    return unicodedata.normalize("NFC", value)


def email(field: str, value: object) -> str:
    cleaned = text(field, value, single_line=True)
    if cleaned and not _EMAIL.match(cleaned):
        raise ValidationError(field, "format", f"{cleaned!r} is not an e-mail address")
    return cleaned


def choice(field: str, value: object, enum: type[E]) -> E:
    """A member of ``enum`` given as itself, its value or its name, in any case."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for member in enum:
            if wanted in (member.value.casefold(), member.name.casefold()):
                return member
    allowed = ", ".join(member.value for member in enum)
    raise ValidationError(field, "choice", f"{value!r} is not one of: {allowed}")


def flag(field: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in (
        "yes",
        "true",
        "1",
        "no",
        "false",
        "0",
    ):
        return value.strip().casefold() in ("yes", "true", "1")
    raise ValidationError(field, "type", "must be yes or no")


def month(field: str, value: object) -> int:
    try:
        return months.parse_month(value)  # type: ignore[arg-type]
    except ValueError as error:
        raise ValidationError(field, "month", str(error)) from None


def month_in(field: str, value: object, horizon: months.Horizon) -> int:
    parsed = month(field, value)
    if parsed not in horizon:
        raise ValidationError(
            field,
            "outside_horizon",
            f"{months.label(parsed)} is outside the plan ({horizon.describe()})",
        )
    return parsed


def amount(field: str, value: object, currency: Currency, *, allow_negative: bool = False) -> int:
    """Money in minor units: an ``int`` is already minor units; text and Decimals are major."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, "type", "must be an amount like 25,000.00")
    if isinstance(value, int):
        minor = value
    elif isinstance(value, str | Decimal):
        try:
            minor = currency.parse(value)
        except AmountTooLarge:
            raise _amount_too_large(field, currency) from None
        except ValueError as error:
            raise ValidationError(field, "not_a_number", str(error)) from None
    else:
        raise ValidationError(field, "type", "must be an amount like 25,000.00")
    if minor < 0 and not allow_negative:
        raise ValidationError(field, "negative", "must not be negative")
    if abs(minor) > MAX_NUMBER:
        raise _amount_too_large(field, currency)
    return minor


def _amount_too_large(field: str, currency: Currency) -> ValidationError:
    """One message for every amount too large, refused by the plan's limit or the file's."""
    limit = currency.format(MAX_NUMBER, cents=False)
    return ValidationError(field, "too_large", f"must be at most {limit}")


def count(field: str, value: object, *, highest: int = MAX_NUMBER) -> int:
    """A whole number from 0 to ``highest``; text like ``"1,200"`` is accepted."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, "type", "must be a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        cleaned = value.strip()
        if not _WHOLE.fullmatch(cleaned):
            raise ValidationError(field, "not_a_number", f"{cleaned!r} is not a whole number")
        number = int(re.sub(r"[,' \u202f]", "", cleaned))
    else:
        raise ValidationError(field, "type", "must be a whole number")
    if number < 0:
        raise ValidationError(field, "negative", "must not be negative")
    if number > highest:
        raise ValidationError(field, "too_large", f"must be at most {highest:,}")
    return number


def rate(field: str, value: object) -> float:
    """A fraction above 0 and at most 1; text may be a percentage (``"15%"``)."""
    number = _decimal(field, value, percent_ok=True)
    if not Decimal(0) < number <= Decimal(1):
        raise ValidationError(field, "range", "must be above 0 % and at most 100 %")
    return float(number)


def percent(field: str, value: object) -> Decimal:
    """A change in percent, signed, as typed ("-30", "+15 %", "-12.5%", with the minus
    sign U+2212 too) or given as a number: the number of percent (``Decimal("-30")`` for a
    cut of 30 %)."""
    if not isinstance(value, str):
        return _decimal(field, value, percent_ok=False)
    typed = value.strip()
    # Word processors and some keyboards type U+2212 for a minus.
    cleaned = typed.replace("\u2212", "-").removesuffix("%").strip()
    if cleaned.startswith("+") and not cleaned.startswith("+-"):
        cleaned = cleaned[1:]
    try:
        return _decimal(field, cleaned, percent_ok=False)
    except ValidationError:
        raise ValidationError(
            field, "not_a_number", f"{typed!r} is not a percentage (write it like -30 or +15%)"
        ) from None


def positive_number(
    field: str, value: object, *, allow_zero: bool = True, highest: int = MAX_NUMBER
) -> float:
    number = _decimal(field, value, percent_ok=False)
    if number < 0:
        raise ValidationError(field, "negative", "must not be negative")
    if number == 0 and not allow_zero:
        raise ValidationError(field, "range", "must be above zero")
    if number > highest:
        raise ValidationError(field, "too_large", f"must be at most {highest:,}")
    return float(number)


def _decimal(field: str, value: object, *, percent_ok: bool) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, "type", "must be a number")
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(field, "not_a_number", f"{value!r} is not a number") from None
    elif isinstance(value, str):
        cleaned = value.strip()
        divisor = Decimal(1)
        if percent_ok and cleaned.endswith("%"):
            cleaned, divisor = cleaned[:-1].strip(), Decimal(100)
        if not _DECIMAL.fullmatch(cleaned) or not any(c.isdigit() for c in cleaned):
            raise ValidationError(
                field,
                "not_a_number",
                f"{value.strip()!r} is not a number (write it like 0.15, 15% or 1,200.5)",
            )
        number = Decimal(cleaned.replace(",", "")) / divisor
    else:
        raise ValidationError(field, "type", "must be a number")
    if not number.is_finite():
        raise ValidationError(field, "not_a_number", "must be a finite number")
    return number
