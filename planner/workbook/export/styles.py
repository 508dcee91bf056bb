"""Every look of the workbook in one place: fonts, fills, borders, number formats.

Cells name a style (``"money"``, ``"header"``); :class:`Styles` knows what each name means for
this plan (its currency's symbol and decimal places) and how wide a value looks in it, for
fitted column widths. The report's money (``"money"``, ``"headline_money"``...) shows whole
units, as a finance report does; the cells still hold amounts exact to the cent, and the
Actuals sheet, the form sent back, shows the cents (``"exact_money"``, ``"input_money"``). Colours follow Excel's own conventions (good green, bad red, pale
yellow for cells to fill in) so the workbook reads like any finance deliverable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from planner.money import Currency

NAVY = "1F3864"
HEADER_FILL = "305496"
TOTAL_FILL = "F2F2F2"
INPUT_FILL = "FFF2CC"  # cells a reader is asked to fill in
GOOD_FILL, GOOD_TEXT = "C6EFCE", "006100"
BAD_FILL, BAD_TEXT = "FFC7CE", "9C0006"
NEUTRAL_FILL, NEUTRAL_TEXT = "FFEB9C", "9C5700"
MUTED_TEXT = "595959"
GRID = "BFBFBF"
TOP = "top"  # data cells align to the top, so rows with wrapped text read across
ROLE_FILLS = {"A": "F4B183", "R": "BDD7EE", "C": "C5E0B4", "I": "EDEDED"}
# The Timeline sheet's bars, by status, as the timeline chart colours them (Okabe & Ito's
# blues, greys for what is over): (fill, text). They print apart in grey too, and the row says
# its status in words.
BAR_LOOKS = {
    "active": ("0072B2", "FFFFFF"),
    "planned": ("9CCFEF", "1F2326"),
    "idea": ("DDEFFA", "1F2326"),
    "done": ("A6A6A6", "1F2326"),
    "dropped": ("EDEDED", "595959"),
}
LANE_FILL = "D9E1F2"
CLOSED_FILL = "7F7F7F"  # the header of a month that is closed
TODAY_FILL = "C55A11"  # the header of today's month

# Attainment colour scale: red at half the plan or less, amber just below it, green at plan.
SCALE_POINTS = ((0.5, "F8696B"), (0.9, "FFEB84"), (1.0, "63BE7B"))

COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
MONTH_FORMAT = "mmm yyyy"
MONTH_NAME_FORMAT = "mmm"
TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm"
HOURS_FORMAT = "0.0"
RATIO_FORMAT = '0.0" : 1"'
MULTIPLE_FORMAT = '0.00"x"'  # per unit of spend: pipeline or revenue per dollar
MONTHS_FORMAT = "0.0"


def money_format(currency: Currency, *, cents: bool = True) -> str:
    """An Excel number format showing amounts in ``currency``: ``"$"#,##0.00``, or
    ``"$"#,##0`` without ``cents`` (the amount rounded to whole units where it is shown)."""
    symbol = currency.symbol.replace('"', "")
    decimals = f".{'0' * currency.digits}" if currency.digits and cents else ""
    return f'"{symbol}"#,##0{decimals}'


def axis_money_format(currency: Currency) -> str:
    """A compact format for chart axes: ``$1.5M``, ``$250k``, ``$900``."""
    symbol = f'"{currency.symbol.replace(chr(34), "")}"'
    return f'[>=1000000]{symbol}#,##0.0,,"M";[>=1000]{symbol}#,##0,"k";{symbol}#,##0'


@dataclass(frozen=True, slots=True)
class Look:
    """How one named style looks. ``width``: whether its values count when columns are
    fitted (titles and notes spill over empty neighbours and do not)."""

    bold: bool = False
    italic: bool = False
    size: float | None = None
    colour: str | None = None
    fill: str | None = None
    number_format: str | None = None
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool = False
    rotation: int | None = None
    indent: int = 0  # steps of about one character from the left edge
    top_border: bool = False
    box: bool = False
    locked: bool = True
    width: bool = True


def _looks(money: str, exact_money: str) -> dict[str, Look]:
    header = Look(bold=True, colour="FFFFFF", fill=HEADER_FILL, vertical="center", wrap=True)
    total = {"bold": True, "fill": TOTAL_FILL, "top_border": True}
    values = {
        "money": Look(number_format=money, vertical=TOP),
        "count": Look(number_format=COUNT_FORMAT, vertical=TOP),
        "percent": Look(number_format=PERCENT_FORMAT, vertical=TOP),
        "hours": Look(number_format=HOURS_FORMAT, vertical=TOP),
        "ratio": Look(number_format=RATIO_FORMAT, vertical=TOP),
        "multiple": Look(number_format=MULTIPLE_FORMAT, vertical=TOP),
        "months": Look(number_format=MONTHS_FORMAT, vertical=TOP),
        # "—": a figure with nothing to divide by, where a number would stand.
        "missing": Look(colour=MUTED_TEXT, horizontal="right", vertical=TOP),
    }
    return {
        "title": Look(bold=True, size=15, colour=NAVY, width=False),
        # A line under a title, wrapped across the page (see Grid.line).
        "subtitle": Look(italic=True, colour=MUTED_TEXT, width=False, wrap=True, vertical=TOP),
        "section": Look(bold=True, size=12, colour=NAVY, width=False),
        # A sentence of a list across the page (see Grid.line), read as the text it is.
        "story": Look(width=False, wrap=True, vertical=TOP),
        # A note beside a right-aligned figure: kept a little apart from it.
        "note": Look(colour=MUTED_TEXT, width=False, indent=1),
        "header": header,
        # Each column's header aligns as its values do (see Styles.header_for).
        "header_centre": Look(**{**_fields(header), "horizontal": "center"}),
        "header_right": Look(**{**_fields(header), "horizontal": "right"}),
        # Text after a column of figures, kept a little apart from them.
        "header_apart": Look(**{**_fields(header), "indent": 1}),
        "header_rotated": Look(
            **{**_fields(header), "horizontal": "center", "rotation": 90, "wrap": False}
        ),
        "label": Look(bold=True, vertical=TOP),
        # Short text (a channel, a status) that still wraps where its column is capped.
        "text": Look(vertical=TOP, wrap=True),
        "key": Look(horizontal="center", vertical=TOP),
        "wrap": Look(wrap=True, vertical=TOP),
        "wrap_apart": Look(wrap=True, vertical=TOP, indent=1),
        **values,
        # The same figures in a list of settings, whose values read from the left.
        **{
            f"{name}_left": Look(**{**_fields(look), "horizontal": "left"})
            for name, look in values.items()
        },
        "exact_money": Look(number_format=exact_money, vertical=TOP),
        "month": Look(number_format=MONTH_FORMAT, horizontal="left", vertical=TOP),
        "timestamp": Look(number_format=TIMESTAMP_FORMAT, horizontal="left", vertical=TOP),
        "total_label": Look(**total),
        "total_money": Look(number_format=money, **total),
        "total_count": Look(number_format=COUNT_FORMAT, **total),
        "total_percent": Look(number_format=PERCENT_FORMAT, **total),
        "total_multiple": Look(number_format=MULTIPLE_FORMAT, **total),
        "total_months": Look(number_format=MONTHS_FORMAT, **total),
        "total_missing": Look(colour=MUTED_TEXT, horizontal="right", **total),
        "headline_money": Look(bold=True, size=12, number_format=money),
        "headline_percent": Look(bold=True, size=12, number_format=PERCENT_FORMAT),
        "headline_count": Look(bold=True, size=12, number_format=COUNT_FORMAT),
        "input_money": Look(number_format=exact_money, fill=INPUT_FILL, box=True, locked=False),
        "input_count": Look(number_format=COUNT_FORMAT, fill=INPUT_FILL, box=True, locked=False),
        "good": Look(fill=GOOD_FILL, colour=GOOD_TEXT, horizontal="center", vertical=TOP),
        "bad": Look(fill=BAD_FILL, colour=BAD_TEXT, horizontal="center", vertical=TOP),
        "neutral": Look(fill=NEUTRAL_FILL, colour=NEUTRAL_TEXT, horizontal="center", vertical=TOP),
        "info": Look(horizontal="center", vertical=TOP),
        **{
            f"role_{role}": Look(bold=role == "A", fill=fill, horizontal="center", box=True)
            for role, fill in ROLE_FILLS.items()
        },
        **{
            f"legend_{role}": Look(fill=fill, bold=role == "A", width=False)
            for role, fill in ROLE_FILLS.items()
        },
        "team": Look(bold=True, colour=NAVY, fill=LANE_FILL, horizontal="center", box=True),
        # The Timeline sheet: its fiscal-year and quarter bands, a lane's title row, its
        # months' headers and its bars' cells.
        "header_band": Look(**{**_fields(header), "horizontal": "center", "box": True}),
        "lane": Look(bold=True, colour=NAVY, fill=LANE_FILL, top_border=True, width=False),
        **{
            f"header_month{kind}": Look(
                **{
                    **_fields(header),
                    "horizontal": "center",
                    "number_format": MONTH_NAME_FORMAT,
                    "fill": fill,
                }
            )
            for kind, fill in (("", HEADER_FILL), ("_closed", CLOSED_FILL), ("_today", TODAY_FILL))
        },
        **{
            f"bar_{status}": Look(fill=fill, colour=text, horizontal="center", box=True)
            for status, (fill, text) in BAR_LOOKS.items()
        },
    }


def _fields(look: Look) -> dict[str, Any]:
    return {name: getattr(look, name) for name in Look.__slots__}


class Styles:
    """The named looks of one workbook, for one currency."""

    def __init__(self, currency: Currency) -> None:
        self.currency = currency
        self.money_format = money_format(currency, cents=False)
        self.exact_money_format = money_format(currency)
        self.axis_money_format = axis_money_format(currency)
        self._looks = _looks(self.money_format, self.exact_money_format)

    def look(self, name: str) -> Look:
        return self._looks[name]

    def header_for(self, style: str | None) -> str:
        """The header style of a column whose values have ``style``: aligned as they are,
        so a column reads down one edge (figures right, keys and flags centred, text left)."""
        look = self._looks[style] if style else None
        if look is None:
            return "header"
        if look.horizontal == "center":
            return "header_centre"
        if look.horizontal is None and look.number_format:
            return "header_right"
        return "header"

    def money(self, minor: int | None) -> float | int | None:
        """Minor units as the number a cell holds: major units (exact to the cent as a
        double up to 2**53 minor units, far beyond any plan)."""
        if minor is None:
            return None
        scale = self.currency.scale
        return minor / scale if scale != 1 else minor

    def shown_width(self, style: str | None, value: object) -> int:
        """About how many characters ``value`` takes when shown in ``style``."""
        look = self._looks[style] if style else None
        if look is not None and not look.width:
            return 0
        if value is None:
            return 0
        if isinstance(value, str):
            return max(len(line) for line in value.split("\n")) if value else 0
        if isinstance(value, dt.datetime):
            return 16
        if isinstance(value, dt.date):
            return 8
        number_format = look.number_format if look else None
        if isinstance(value, int | float):
            if number_format in (self.money_format, self.exact_money_format):
                digits = self.currency.digits if number_format == self.exact_money_format else 0
                return len(self.currency.symbol) + len(f"{value:,.{digits}f}")
            if number_format in (PERCENT_FORMAT,):
                return len(f"{value:.1%}")
            if isinstance(value, float) and number_format in (HOURS_FORMAT, RATIO_FORMAT):
                return len(f"{value:.1f}") + (4 if number_format == RATIO_FORMAT else 0)
            if number_format == MULTIPLE_FORMAT:
                return len(f"{value:,.2f}") + 1
            if number_format == MONTHS_FORMAT:
                return len(f"{value:,.1f}")
            return len(f"{value:,}") if isinstance(value, int) else len(f"{value:,.2f}")
        return len(str(value))
