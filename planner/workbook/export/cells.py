"""Safe text: what any user text becomes before it goes into a cell.

Excel runs a cell that starts with ``=`` as a formula, and also one typed or pasted starting
with ``+``, ``-`` or ``@``; a tab, CR or LF in front hides the same trick from a quick look
(OWASP "CSV injection"). openpyxl stores every string starting with ``=`` as a formula and
strings like ``#N/A`` as errors. So every string this export writes is forced to be a text
cell, and a string starting with one of those characters also gets Excel's quote prefix
(shown as text even after someone edits the cell), with the text itself kept exactly.

A cell holds at most 32,767 characters, and XML cannot carry most control characters. The app
never stores either, but a plan written elsewhere can hold both. Such text is changed where
the reader can see it, never silently: each character XML cannot carry is shown as U+FFFD
(the replacement character, "�"), and text too long for a cell ends in a marker that says how
much was cut. :class:`TextFitter` makes those changes and keeps a record of them, which the
About sheet lists field by field.

Why U+FFFD rather than a control picture (U+2400 "␀" and its neighbours): the pictures would
tell which character was there, but neither Calibri nor DejaVu Sans (LibreOffice's usual
stand-in) has them, so they print as empty boxes; "�" is in every common font, and it is the
sign Unicode made for "a character that could not be shown here". Which characters they were
(U+0000, U+0007...) is written in the About sheet's note instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

RISKY_STARTS = frozenset("=+-@\t\r\n")
# Excel's limit on the characters of one cell. It counts UTF-16 code units, so a character
# beyond the Basic Multilingual Plane (most emoji) counts twice.
MAX_CELL_TEXT = 32_767
REPLACEMENT = "\ufffd"
ELLIPSIS = "…"

# Characters XML 1.0 cannot hold (tab, LF and CR can), and lone surrogates, which no file
# can encode. The app refuses them on input; a plan made elsewhere can hold them.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Below this many characters a text fits a cell whatever they are (each is at most two
# UTF-16 code units).
_SURELY_FITS = MAX_CELL_TEXT // 2


class Styled(NamedTuple):
    """A cell's value with the name of its style (see :mod:`.styles`)."""

    value: Any
    style: str


def needs_quote_prefix(text: str) -> bool:
    """Whether Excel could take ``text`` for a formula (or hide one behind whitespace)."""
    return text[:1] in RISKY_STARTS


def excel_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def fits_a_cell(text: str) -> bool:
    """Whether ``text`` can go into a cell exactly as it is."""
    if _UNWRITABLE.search(text):
        return False
    return len(text) <= _SURELY_FITS or excel_length(text) <= MAX_CELL_TEXT


def cut_marker(more: int) -> str:
    """What ends a text cut to fit a cell, ``more`` characters having been cut off."""
    return f"{ELLIPSIS} [cut: {more:,} more characters did not fit; see About]"


def shown_line(text: str, limit: int) -> str:
    """``text`` as one short line outside a cell (a page footer, the file's title property):
    characters XML cannot carry shown as "�", and cut to ``limit`` characters ending in "…"
    when longer. Not recorded: the same text in its cell is (see :class:`TextFitter`)."""
    text = _UNWRITABLE.sub(REPLACEMENT, text)
    if excel_length(text) <= limit:
        return text
    return _head(text, limit - 1) + ELLIPSIS


MAX_CODES = 6  # characters named in a change's description; more are counted


@dataclass(frozen=True, slots=True)
class TextChange:
    """What was done to one text to fit a cell: where it is (``subject`` and ``field``: an
    initiative and its notes, or a sheet and one of its cells), its ``length`` before and
    ``kept`` after (as Excel counts characters), and the characters shown as "�" with how
    many of each."""

    subject: str
    field: str
    length: int
    kept: int
    replaced: tuple[tuple[str, int], ...]

    @property
    def where(self) -> str:
        return f"{self.subject}, {self.field}"

    def describe(self) -> str:
        """What was done, in words ("cut from 40,000 to 32,767 characters")."""
        done = []
        if self.kept < self.length:
            done.append(f"cut from {self.length:,} to {self.kept:,} characters")
        if self.replaced:
            count = sum(times for _char, times in self.replaced)
            plural = "s" if count > 1 else ""
            kind = (
                f"control character{plural}"
                if all(char < " " for char, _times in self.replaced)
                else f"character{plural} a workbook cannot hold"
            )
            codes = [
                f"U+{ord(char):04X}" + (f" ×{times:,}" if times > 1 else "")
                for char, times in self.replaced[:MAX_CODES]
            ]
            if len(self.replaced) > MAX_CODES:
                codes.append(f"{len(self.replaced) - MAX_CODES} more kinds")
            done.append(f"{count:,} {kind} ({', '.join(codes)}) shown as {REPLACEMENT}")
        return "; ".join(done)


def fit(text: str, subject: str, field: str) -> tuple[str, TextChange | None]:
    """``text`` as a cell can hold it, and what was changed (``None`` when nothing was).

    Characters XML cannot carry are shown as "�"; text longer than a cell holds is cut so
    that it ends in :func:`cut_marker` within the limit."""
    if fits_a_cell(text):
        return text, None
    replaced: tuple[tuple[str, int], ...] = ()
    if _UNWRITABLE.search(text):
        replaced = tuple(Counter(_UNWRITABLE.findall(text)).items())
        text = _UNWRITABLE.sub(REPLACEMENT, text)
    length = kept = excel_length(text)
    if length > MAX_CELL_TEXT:
        text = _cut(text, length)
        kept = excel_length(text)
    return text, TextChange(subject, field, length, kept, replaced)


def _cut(text: str, length: int) -> str:
    """``text`` (``length`` long) cut to end in the marker within a cell's limit."""
    more = length - MAX_CELL_TEXT
    while True:
        marker = cut_marker(more)
        head = _head(text, MAX_CELL_TEXT - len(marker))
        if length - excel_length(head) == more:
            return head + marker
        more = length - excel_length(head)


def _head(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` UTF-16 code units (never half of a
    character beyond the Basic Multilingual Plane)."""
    if text.isascii():
        return text[:units]
    return text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore")


class TextFitter:
    """Fits the text of one export's cells and records what it changed, for the About sheet.

    One per export (exports may run side by side on worker threads). ``fields`` are the
    plan's own texts the workbook shows, as (subject, field, text): ("Initiative 12
    'Webinar series'", "Notes", "..."). A change to one is recorded once, under its name,
    wherever its text appears; any other text (a title or sentence built around a name) is
    recorded by its sheet and cell.
    """

    def __init__(self, fields: Iterable[tuple[str, str, str]] = ()) -> None:
        self.changes: list[TextChange] = []
        self._fitted: dict[str, str] = {}
        # Texts seen to fit already: the Actuals sheet repeats each name hundreds of times.
        self._fine: set[str] = set()
        for subject, field, text in fields:
            fitted, change = fit(text, subject, field)
            if change is not None:
                self._fitted[text] = fitted
                self.changes.append(change)

    def cell(self, text: str, sheet: str, row: int, column: int) -> str:
        """``text`` as the cell at ``row``, ``column`` of ``sheet`` can hold it."""
        if text in self._fine:
            return text
        if fits_a_cell(text):
            self._fine.add(text)
            return text
        known = self._fitted.get(text)
        if known is not None:
            return known
        from openpyxl.utils import get_column_letter

        fitted, change = fit(text, f"{sheet} sheet", f"cell {get_column_letter(column)}{row}")
        if change is not None:
            self.changes.append(change)
        return fitted
