"""Money: exact amounts in integer minor units (cents), parsed and formatted in one place.

The core stores and computes every amount as an ``int`` of the plan currency's minor unit, the
way payment APIs do, so sums never drift by a cent. Text a person typed is turned into minor
units by :meth:`Currency.parse` and shown again by :meth:`Currency.format`; nothing else in the
app parses or formats money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# ISO 4217 codes the app knows a symbol for, with their number of minor-unit digits.
# Any other three-letter code is accepted with two digits and the code as its symbol.
_KNOWN: dict[str, tuple[str, int]] = {
    "USD": ("$", 2),
    "EUR": ("€", 2),
    "GBP": ("£", 2),
    "CHF": ("CHF ", 2),
    "CAD": ("CA$", 2),
    "AUD": ("A$", 2),
    "NZD": ("NZ$", 2),
    "SEK": ("SEK ", 2),
    "NOK": ("NOK ", 2),
    "DKK": ("DKK ", 2),
    "PLN": ("PLN ", 2),
    "INR": ("₹", 2),
    "BRL": ("R$", 2),
    "SGD": ("S$", 2),
    "ZAR": ("R ", 2),
    "JPY": ("¥", 0),
    "KRW": ("₩", 0),
}

_CODE = re.compile(r"^[A-Z]{3}$")
# Digits with optional thousands separators (comma, thin space, apostrophe or space) and an
# optional decimal point; a leading minus is handled separately so the message can say so.
_AMOUNT = re.compile(r"^\d{1,3}([,' \u202f]\d{3})*(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$")


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency by ISO 4217 code; knows its symbol and how many minor digits it has."""

    code: str

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"currency must be a three-letter ISO code such as USD, not {self.code!r}")

    @property
    def symbol(self) -> str:
        return _KNOWN.get(self.code, (self.code + " ", 2))[0]

    @property
    def digits(self) -> int:
        return _KNOWN.get(self.code, ("", 2))[1]

    @property
    def scale(self) -> int:
        """Minor units in one major unit (100 for USD, 1 for JPY)."""
        return 10**self.digits

    def parse(self, value: str | Decimal) -> int:
        """Turn an amount in major units (typed text or a Decimal) into minor units.

        Accepts ``"25,000"``, ``"25000.50"``, ``"$1,200"`` and ``Decimal("9.99")``. Raises
        ``ValueError`` with a plain reason for anything else (words, more decimals than the
        currency has). A negative amount comes back negative: the caller decides whether that
        is allowed.
        """
        if isinstance(value, Decimal):
            amount = value
        elif isinstance(value, str):
            amount = self._parse_text(value)
        else:
            raise ValueError(f"expected an amount, not {type(value).__name__}")
        if not amount.is_finite():
            raise ValueError("expected a finite amount")
        minor = amount * self.scale
        if minor != minor.to_integral_value():
            raise ValueError(
                f"{self.code} amounts have {self.digits} decimal places at most, not {amount}"
            )
        return int(minor)

    def _parse_text(self, text: str) -> Decimal:
        cleaned = text.strip()
        negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
        cleaned = cleaned.strip("-()").strip()
        for prefix in (self.symbol.strip(), self.code, "$", "€", "£"):
            if prefix and cleaned.startswith(prefix):
                cleaned = cleaned[len(prefix) :].strip()
            if prefix and cleaned.endswith(prefix):
                cleaned = cleaned[: -len(prefix)].strip()
        if not cleaned or not _AMOUNT.match(cleaned):
            raise ValueError(f"{text.strip()!r} is not an amount (write it like 25,000.00)")
        try:
            amount = Decimal(re.sub(r"[,' \u202f]", "", cleaned))
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
            raise ValueError(f"{text!r} is not an amount") from error
        return -amount if negative else amount

    def to_decimal(self, minor: int) -> Decimal:
        """Minor units as an exact Decimal of major units (for exports and JSON)."""
        return (Decimal(minor) / self.scale).quantize(Decimal(1).scaleb(-self.digits))

    def format(self, minor: int, *, cents: bool = True) -> str:
        """Format minor units for people: ``$1,234.50``, ``-€20.00``; ``cents=False`` rounds."""
        amount = self.to_decimal(minor)
        places = self.digits if cents else 0
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        sign = "-" if amount < 0 else ""
        return f"{sign}{self.symbol}{abs(amount):,.{places}f}"

    def format_short(self, minor: int) -> str:
        """A compact figure for tight places: ``$1.2M``, ``$450k``, ``$900``."""
        major = Decimal(minor) / self.scale
        sign = "-" if major < 0 else ""
        major = abs(major)
        for threshold, suffix in ((Decimal(10**9), "B"), (Decimal(10**6), "M"), (Decimal(10**3), "k")):
            if major >= threshold:
                short = major / threshold
                text = f"{short:.1f}".rstrip("0").rstrip(".") if short < 100 else f"{short:.0f}"
                return f"{sign}{self.symbol}{text}{suffix}"
        return f"{sign}{self.symbol}{major:.0f}"
