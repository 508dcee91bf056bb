"""Turning the values an edit is given into the values the plan stores, or a ValidationError.

Every service method passes its inputs through here, so one rule reads the same everywhere:
the message names the field and says what would be accepted.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from planner import months
from planner.errors import ValidationError
from planner.money import Currency

E = TypeVar("E", bound=StrEnum)

MAX_NAME = 200
MAX_TEXT = 20_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def name(field: str, value: object) -> str:
    """A required, single-line name of at most 200 characters, trimmed."""
    if not isinstance(value, str):
        raise ValidationError(field, "type", "must be text")
    cleaned = " ".join(value.split())
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
    cleaned = " ".join(value.split()) if single_line else value.strip()
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(field, "too_long", f"must be at most {MAX_TEXT:,} characters")
    return cleaned


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
    if isinstance(value, str) and value.strip().casefold() in ("yes", "true", "1", "no", "false", "0"):
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
        except ValueError as error:
            raise ValidationError(field, "not_a_number", str(error)) from None
    else:
        raise ValidationError(field, "type", "must be an amount like 25,000.00")
    if minor < 0 and not allow_negative:
        raise ValidationError(field, "negative", "must not be negative")
    return minor


def count(field: str, value: object) -> int:
    """A whole, non-negative number; text like ``"1,200"`` is accepted."""
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, "type", "must be a whole number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        cleaned = value.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
        if not re.fullmatch(r"-?\d+", cleaned):
            raise ValidationError(field, "not_a_number", f"{value.strip()!r} is not a whole number")
        number = int(cleaned)
    else:
        raise ValidationError(field, "type", "must be a whole number")
    if number < 0:
        raise ValidationError(field, "negative", "must not be negative")
    return number


def rate(field: str, value: object) -> float:
    """A fraction above 0 and at most 1; text may be a percentage (``"15%"``)."""
    number = _decimal(field, value, percent_ok=True)
    if not Decimal(0) < number <= Decimal(1):
        raise ValidationError(field, "range", "must be above 0 % and at most 100 %")
    return float(number)


def positive_number(field: str, value: object, *, allow_zero: bool = True) -> float:
    number = _decimal(field, value, percent_ok=False)
    if number < 0 or (number == 0 and not allow_zero):
        raise ValidationError(field, "negative", "must be above zero" if not allow_zero else "must not be negative")
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
        cleaned = value.strip().replace(",", "")
        divisor = Decimal(1)
        if percent_ok and cleaned.endswith("%"):
            cleaned, divisor = cleaned[:-1].strip(), Decimal(100)
        try:
            number = Decimal(cleaned) / divisor
        except InvalidOperation:
            raise ValidationError(field, "not_a_number", f"{value.strip()!r} is not a number") from None
    else:
        raise ValidationError(field, "type", "must be a number")
    if not number.is_finite():
        raise ValidationError(field, "not_a_number", "must be a finite number")
    return number
