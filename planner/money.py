"""Money: exact amounts in integer minor units (cents), parsed and formatted in one place.

The core stores and computes every amount as an ``int`` of the plan currency's minor unit, the
way payment APIs do, so sums never drift by a cent. Text a person typed is turned into minor
units by :meth:`Currency.parse` and shown again by :meth:`Currency.format`; nothing else in the
app parses or formats money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

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
# ASCII digits only: other scripts' digits are not accepted as money.
_AMOUNT = re.compile(
    r"^[0-9]{1,3}([,' \u202f][0-9]{3})*(\.[0-9]+)?$|^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$"
)


def _exact(value: Decimal):  # type: ignore[no-untyped-def]
    """A decimal context precise enough that scaling or quantizing ``value`` never rounds.

    The default 28 significant digits would silently round (or refuse to quantize) amounts
    beyond about 10**26 minor units.
    """
    _sign, digits, exponent = value.as_tuple()
    width = len(digits) + (abs(exponent) if isinstance(exponent, int) else 0)
    return localcontext(prec=max(28, width + 20))


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency by ISO 4217 code; knows its symbol and how many minor digits it has."""

    code: str

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(
                f"currency must be a three-letter ISO code such as USD, not {self.code!r}"
            )

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

        Accepts ``"25,000"``, ``"25000.50"``, ``"$1,200"``, ``"1,200 USD"``, ``"-20"``,
        ``"(20)"`` and ``Decimal("9.99")``. Raises ``ValueError`` with a plain reason for
        anything else (words, another currency's symbol, more decimals than the currency has,
        digits of other scripts). A negative amount comes back negative: the caller decides
        whether that is allowed. Exact for amounts of any size.
        """
        if isinstance(value, Decimal):
            amount = value
        elif isinstance(value, str):
            amount = self._parse_text(value)
        else:
            raise ValueError(f"expected an amount, not {type(value).__name__}")
        if not amount.is_finite():
            raise ValueError("expected a finite amount")
        with _exact(amount):
            minor = amount.scaleb(self.digits)
            whole = minor.to_integral_value()
        if minor != whole:
            raise ValueError(
                f"{self.code} amounts have {self.digits} decimal places at most, not {amount}"
            )
        return int(whole)

    def _parse_text(self, text: str) -> Decimal:
        shown = text.strip()
        cleaned = shown
        negative = False
        # One sign only: a leading minus, or accounting parentheses around the amount.
        if cleaned.startswith("(") and cleaned.endswith(")"):
            negative, cleaned = True, cleaned[1:-1].strip()
        elif cleaned.startswith("-"):
            negative, cleaned = True, cleaned[1:].strip()
        # One currency marker, before or after the number: this currency's symbol or code
        # ("$" too when the symbol is a kind of dollar). Another currency's is refused, not
        # silently taken for this one.
        markers = sorted(
            {self.symbol.strip(), self.code} | ({"$"} if "$" in self.symbol else set()),
            key=len,
            reverse=True,
        )
        for marker in markers:
            if cleaned.startswith(marker):
                cleaned = cleaned[len(marker) :].strip()
                break
            if cleaned.endswith(marker):
                cleaned = cleaned[: -len(marker)].strip()
                break
        if not cleaned or not _AMOUNT.match(cleaned):
            raise ValueError(f"{shown!r} is not an amount in {self.code} (write it like 25,000.00)")
        amount = Decimal(re.sub(r"[,' \u202f]", "", cleaned))
        return amount.copy_negate() if negative else amount  # exact, unlike unary minus

    def to_decimal(self, minor: int) -> Decimal:
        """Minor units as an exact Decimal of major units (for exports and JSON)."""
        sign, digits, _ = Decimal(minor).as_tuple()
        return Decimal((sign, digits, -self.digits))

    def format(self, minor: int, *, cents: bool = True) -> str:
        """Format minor units for people: ``$1,234.50``, ``-€20.00``; ``cents=False`` rounds."""
        amount = self.to_decimal(minor)
        places = self.digits if cents else 0
        with _exact(amount):
            amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
            sign = "-" if amount < 0 else ""
            return f"{sign}{self.symbol}{abs(amount):,.{places}f}"

    def format_short(self, minor: int) -> str:
        """A compact figure for tight places: ``$1.2M``, ``$450k``, ``$900``."""
        major = Decimal(minor) / self.scale
        sign = "-" if major < 0 else ""
        major = abs(major)
        for threshold, suffix in (
            (Decimal(10**9), "B"),
            (Decimal(10**6), "M"),
            (Decimal(10**3), "k"),
        ):
            # From 99.95% of the threshold up the figure rounds to "1" of it: $999,950 is
            # "$1M", not "$1000k".
            if major >= threshold * Decimal("0.9995"):
                short = major / threshold
                text = f"{short:.1f}".rstrip("0").rstrip(".") if short < 100 else f"{short:.0f}"
                return f"{sign}{self.symbol}{text}{suffix}"
        return f"{sign}{self.symbol}{major:.0f}"
