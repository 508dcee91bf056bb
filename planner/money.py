"""Money: exact amounts in integer minor units (cents), parsed and formatted in one place.

The core stores and computes every amount as an ``int`` of the plan currency's minor unit, the
way payment APIs do, so sums never drift by a cent. Text a person typed is turned into minor
units by :meth:`Currency.parse` and shown again by :meth:`Currency.format`; nothing else in the
app parses or formats money.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

# ISO 4217 codes the app knows a symbol for, with their number of minor-unit digits.
# Any other ISO 4217 code (:data:`ISO_4217_CODES`) has two digits and its code as its symbol.
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

# Every currency code of ISO 4217 (Debian's iso-codes 4.15, plus XCG and ZWG, issued since):
# the codes a plan's currency may have. XTS (for testing) and XXX ("no currency") name none.
# Codes withdrawn lately (HRK, SLL, ANG, ZWL) stay, so a plan made with one still opens.
ISO_4217_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS
    INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
    MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
    PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
    SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW
    UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA
    YER ZAR ZMW ZWG ZWL
    """.split()  # noqa: SIM905 - 180 codes read better as a block than one to a line
)

# A currency code in capitals before or after an amount ("SEK 1,200", "1.200 NOK").
_CODE_BESIDE_AMOUNT = re.compile(r"(?P<first>[A-Z]{3}) ?[0-9.,].*|.*[0-9] ?(?P<last>[A-Z]{3})")
# Digits with optional thousands separators (comma, thin space, apostrophe or space, the same
# one throughout) and an optional decimal point; a leading minus is handled separately so the
# message can say so. ASCII digits only: other scripts' digits are not accepted as money.
_AMOUNT = re.compile(
    r"^[0-9]{1,3}(?:([,' \u202f])[0-9]{3}(?:\1[0-9]{3})*)?(?:\.[0-9]+)?$"
    r"|^[0-9]+(?:\.[0-9]+)?$|^\.[0-9]+$"
)
# How plans write thousands, millions and billions after a number ("400k", "1.2M", "3B"), as
# format_short shows them; one letter, either case. "12kk", "1.2MM" and "1e6" are refused:
# "kk" and "MM" mean a million to some readers and a thousand thousand to none, and an
# exponent is a calculator's notation, not a plan's (and "1e6" is one slip from "166").
_MULTIPLIERS = {"k": 3, "m": 6, "b": 9}
# "1,2M" or "1,50": a decimal comma, which this parser never reads (a comma groups thousands).
_DECIMAL_COMMA = re.compile(r"^[0-9]+,[0-9]{1,2}$")

LARGEST_MINOR = 2**63 - 1
"""The largest amount a plan file can hold, in minor units: its columns are SQLite's signed
64-bit integers."""


class AmountTooLarge(ValueError):
    """An amount beyond :data:`LARGEST_MINOR` (in either direction)."""


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
        if not isinstance(self.code, str) or self.code not in ISO_4217_CODES:
            raise ValueError(
                f"currency must be an ISO 4217 code such as USD, EUR or GBP, not {self.code!r}"
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

        Accepts ``"25,000"``, ``"25000.50"``, ``"$1,200"``, ``"1,200 USD"``, ``"400k"``,
        ``"1.2M"``, ``"$ 3B"``, ``"-20"``, ``"(20)"`` and ``Decimal("9.99")``. Raises
        ``ValueError`` with a plain reason for anything else (words, another currency's symbol
        or code, a decimal comma, more decimals than the currency has, digits of other
        scripts), and :class:`AmountTooLarge` beyond what a plan can store. A negative amount
        comes back negative: the caller decides whether that is allowed.
        """
        if isinstance(value, Decimal):
            amount, shown = value, str(value)
        elif isinstance(value, str):
            amount, shown = self._parse_text(value), repr(value.strip())
        else:
            raise ValueError(f"expected an amount, not {type(value).__name__}")
        if not amount.is_finite():
            raise ValueError("expected a finite amount")
        # Refused before scaling: Decimal("1E+999999999") would make an int of a billion digits.
        if amount and amount.adjusted() + self.digits > len(str(LARGEST_MINOR)):
            raise self._too_large(shown)
        with _exact(amount):
            minor = amount.scaleb(self.digits)
            whole = minor.to_integral_value()
        if minor != whole:
            raise ValueError(
                f"{self.code} amounts have {self.digits} decimal places at most, not {amount}"
            )
        if abs(whole) > LARGEST_MINOR:
            raise self._too_large(shown)
        return int(whole)

    def _too_large(self, shown: str) -> AmountTooLarge:
        largest = self.format(LARGEST_MINOR)
        return AmountTooLarge(f"{shown} is too large: amounts in {self.code} go up to {largest}")

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
        for marker in self.markers():
            if cleaned.startswith(marker):
                cleaned = cleaned[len(marker) :].strip()
                break
            if cleaned.endswith(marker):
                cleaned = cleaned[: -len(marker)].strip()
                break
        places = _MULTIPLIERS.get(cleaned[-1:].casefold(), 0)
        if places:
            cleaned = cleaned[:-1].rstrip()
        if not cleaned or not _AMOUNT.match(cleaned):
            raise ValueError(self._why_not(shown, cleaned))
        amount = Decimal(re.sub(r"[,' \u202f]", "", cleaned))
        with _exact(amount):
            amount = amount.scaleb(places)
        return amount.copy_negate() if negative else amount  # exact, unlike unary minus

    def markers(self) -> list[str]:
        """This currency's symbol and code ("$" too for any dollar), longest first."""
        found = {self.symbol.strip(), self.code} | ({"$"} if "$" in self.symbol else set())
        return sorted(found, key=len, reverse=True)

    def _why_not(self, shown: str, number: str) -> str:
        """Why ``shown`` is not an amount, in words that say how to write it."""
        foreign = self.foreign_marker(shown)
        if foreign:
            return f"{shown!r} is in another currency ({foreign}); this plan's amounts are in {self.code}"
        if _DECIMAL_COMMA.match(number):
            return (
                f"{shown!r} is not an amount in {self.code}: a comma groups thousands, so "
                f"write decimals with a point ({shown.replace(',', '.')})"
            )
        return f"{shown!r} is not an amount in {self.code} (write it like 25,000.00, 400k or 1.2M)"

    def foreign_marker(self, text: str) -> str | None:
        """The symbol or code of another currency that ``text`` starts or ends with, if any
        (a marker made of letters only when no letter runs on from it: "Revenue" is not rand;
        any ISO-like code in capitals counts: "SEK 1,200")."""
        body = text.strip("()-").strip()
        own = set(self.markers())
        others = {code for code in _KNOWN} | {symbol.strip() for symbol, _ in _KNOWN.values()}
        for marker in sorted(others - own, key=len, reverse=True):
            after = body[len(marker) : len(marker) + 1]
            before = body[-len(marker) - 1 : -len(marker)]
            if (body.startswith(marker) and not after.isalpha()) or (
                body.endswith(marker) and not before.isalpha()
            ):
                return marker
        for end in (body[:1], body[-1:]):
            if end and unicodedata.category(end) == "Sc" and end not in own:
                return end  # a currency sign the app has no code for (₽, ₺, ...)
        coded = _CODE_BESIDE_AMOUNT.fullmatch(body)
        code = coded and (coded["first"] or coded["last"])
        return code if code and code not in own else None

    def to_decimal(self, minor: int) -> Decimal:
        """Minor units as an exact Decimal of major units (for exports and JSON)."""
        sign, digits, _ = Decimal(minor).as_tuple()
        return Decimal((sign, digits, -self.digits))

    def format(self, minor: int, *, cents: bool = True) -> str:
        """Format minor units for people: ``$1,234.50``, ``-€20.00``; ``cents=False`` rounds."""
        # In whole numbers, exact at any size: tables and checks format thousands at a time.
        digits, scale = self.digits, self.scale
        whole, part = divmod(abs(minor), scale)
        if cents and digits:
            text = f"{whole:,}.{part:0{digits}d}"
        else:
            if 2 * part > scale or (2 * part == scale and whole % 2):  # half to even
                whole += 1
            text, part = f"{whole:,}", 0
        sign = "-" if minor < 0 and (whole or part) else ""
        return f"{sign}{self.symbol}{text}"

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


def scaled(minor: int, factor: Fraction) -> int:
    """``minor`` times ``factor``, rounded to the minor unit half to even, as
    :meth:`Currency.format` rounds: a what-if's "-30 %" on 12,345 cents is 8,642 cents."""
    return round(minor * factor)


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` (minor units, or a count) split in proportion to ``weights`` into whole
    parts that add up to ``total`` exactly: each part is the whole part of its share, and
    the units left over go one each to the largest remainders, the earliest first on a tie
    (the largest-remainder method). Weights that are all zero split nothing: every part is
    0, and ``total`` must be too."""
    whole = sum(weights)
    if any(weight < 0 for weight in weights) or total < 0:
        raise ValueError("apportion splits a non-negative total by non-negative weights")
    if whole == 0:
        if total:
            raise ValueError(f"cannot split {total} by weights that are all zero")
        return [0] * len(weights)
    parts = [total * weight // whole for weight in weights]
    left = total - sum(parts)
    if left:
        # Remainders compared as total * weight mod whole: exact, no fractions needed. The
        # sort is stable, reversed too, so the earliest comes first on a tie.
        remainders = [total * weight % whole for weight in weights]
        order = sorted(range(len(weights)), key=remainders.__getitem__, reverse=True)
        for n in order[:left]:
            parts[n] += 1
    return parts
