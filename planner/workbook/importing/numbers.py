"""Turning a cell into an actual: minor units of money or a whole count, or the reason why not.

Workbook cells arrive typed (openpyxl gives numbers, text, dates); CSV cells are all text and
may be written the European way ("1.234,56") in a file separated by semicolons.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal

from planner.domain import Metric
from planner.money import AmountTooLarge, Currency
from planner.validation import MAX_NUMBER

# Excel keeps 15 significant digits; a float beyond that is noise from arithmetic
# (1234.5600000000002), not decimals someone typed.
_EXCEL_DIGITS = 15
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
# Evidence in a column of amounts of how they are written.
_DECIMAL_COMMA = re.compile(r"[0-9],[0-9]{1,2}(?![0-9])|\.[0-9]{3},")
_DECIMAL_POINT = re.compile(r"[0-9]\.[0-9]{1,2}(?![0-9])|,[0-9]{3}\.")
# Numbers as written with a decimal point (thousands grouped by commas, spaces or
# apostrophes) or, in European files, with a decimal comma (thousands grouped by points).
_POINT_NUMBER = re.compile(
    r"[0-9]{1,3}(?:([,' \u202f])[0-9]{3})(?:\1[0-9]{3})*(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
)
_COMMA_NUMBER = re.compile(
    r"[0-9]{1,3}(?:([.' \u202f])[0-9]{3})(?:\1[0-9]{3})*(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?|,[0-9]+"
)


_NOT_NUMERIC = re.compile(r"[^0-9.,' \u202f]")


class CellProblem(ValueError):
    """Why a cell's value cannot be imported: a phrase that follows "cell F14" or "column
    'Amount'", starting with "holds"."""


class OtherCurrency(CellProblem):
    """An amount marked as another currency than the plan's ("EUR 28,520.23" in a plan in
    USD): refused, since the import does not convert currencies."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sheet_actual(value: object, metric: Metric, currency: Currency) -> int:
    """A workbook cell's actual of ``metric``: minor units for money, else a count.

    Text is refused even when it reads as a number: "1.500" typed into a text cell means
    1,500 to a German colleague and 1.5 to the import, so it is sent back rather than guessed.
    """
    if isinstance(value, bool):
        raise CellProblem(f"holds {str(value).upper()}, not a number")
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise CellProblem(f"holds a date or time ({value}), not a number")
    if isinstance(value, str):
        shown = value.strip()
        if shown in _EXCEL_ERRORS:
            raise CellProblem(f"holds the error {shown}, not a number")
        raise CellProblem(
            f"holds text ({quoted(shown)}), not a number; type the number itself "
            "(a cell formatted as text keeps numbers as text)"
        )
    if isinstance(value, float):
        number = Decimal(f"{value:.{_EXCEL_DIGITS}g}")
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        raise CellProblem(f"holds {type(value).__name__}, not a number")
    if not number.is_finite():
        raise CellProblem("holds no finite number")
    return _checked(number, metric, currency, shown=_plain(number))


def text_actual(text: str, metric: Metric, currency: Currency, *, european: bool) -> int:
    """A CSV cell's actual of ``metric``: ``"$1,200"``, ``"1,234.56"`` or, when ``european``,
    ``"1.234,56"``; counts are whole numbers written the same ways."""
    shown = " ".join(text.replace("\xa0", " ").split())
    number = _number_in_text(shown, currency if metric.is_money else None, european=european)
    return _checked(number, metric, currency, shown=quoted(shown))


def _number_in_text(shown: str, currency: Currency | None, *, european: bool) -> Decimal:
    body, negative = shown, False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    elif body.startswith("-"):
        negative, body = True, body[1:].strip()
    if currency is not None:
        for marker in currency.markers():
            if body.startswith(marker):
                body = body[len(marker) :].strip()
                break
            if body.endswith(marker):
                body = body[: -len(marker)].strip()
                break
        if not negative and body.startswith("-"):  # "$-1,200"
            negative, body = True, body[1:].strip()
    pattern = _COMMA_NUMBER if european else _POINT_NUMBER
    if not pattern.fullmatch(body):
        other = _other_currency(body, currency, pattern) if currency is not None else None
        if other is not None and currency is not None:
            raise OtherCurrency(
                f"holds {quoted(shown)}, an amount in {other}, not {currency.code}, the "
                "plan's currency"
            )
        what = f"an amount in {currency.code}" if currency is not None else "a number"
        if european and not _NOT_NUMERIC.search(body):
            what += " written like 1.234,56 (the file uses decimal commas)"
        raise CellProblem(f"holds {quoted(shown)}, not {what}")
    digits = re.sub(r"[.' \u202f]" if european else r"[,' \u202f]", "", body)
    number = Decimal(digits.replace(",", ".") if european else digits)
    return number.copy_negate() if negative else number


def _other_currency(body: str, currency: Currency, pattern: re.Pattern[str]) -> str | None:
    """The code or symbol of another currency that marks the amount ``body``, if one does."""
    mark = currency.foreign_marker(body)
    if mark is None:
        return None
    amount = body.removeprefix(mark) if body.startswith(mark) else body.removesuffix(mark)
    return mark if pattern.fullmatch(amount.strip()) else None


def looks_european(texts: Iterable[str]) -> bool:
    """Whether amounts in a semicolon-separated file use a decimal comma: yes unless some
    amount shows a decimal point and none shows a decimal comma."""
    comma = point = False
    for text in texts:
        comma = comma or bool(_DECIMAL_COMMA.search(text))
        point = point or bool(_DECIMAL_POINT.search(text))
        if comma:
            return True
    return not point


def _checked(number: Decimal, metric: Metric, currency: Currency, *, shown: str) -> int:
    """``number`` (in major units) as the integer the plan stores, or why not."""
    if number < 0:
        raise CellProblem(f"holds {shown}, below zero; actuals cannot be negative")
    if metric.is_money:
        try:
            value = currency.parse(number)
        except AmountTooLarge:
            raise CellProblem(f"holds {shown}, too large for an actual") from None
        except ValueError:
            raise CellProblem(
                f"holds {shown}, with more decimal places than {currency.code} has "
                f"({currency.digits})"
            ) from None
    else:
        if number != number.to_integral_value():
            raise CellProblem(f"holds {shown}, not a whole number ({metric.title} are counted)")
        value = int(number)
    if value > MAX_NUMBER:
        raise CellProblem(f"holds {shown}, too large for an actual")
    return value


def _plain(number: Decimal) -> str:
    """A number as a person would write it: 12.5, 1200, -5 (an exponent only when huge)."""
    if abs(number) >= 10**18:
        return f"{number:.3E}"
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def quoted(text: str, limit: int = 40) -> str:
    """Text from a file as a message quotes it: in quotes, cut short with an ellipsis."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
