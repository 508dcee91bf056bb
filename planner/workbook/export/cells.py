"""Safe text: what any user text becomes before it goes into a cell.

Excel runs a cell that starts with ``=`` as a formula, and also one typed or pasted starting
with ``+``, ``-`` or ``@``; a tab, CR or LF in front hides the same trick from a quick look
(OWASP "CSV injection"). openpyxl stores every string starting with ``=`` as a formula and
strings like ``#N/A`` as errors. So every string this export writes is forced to be a text
cell, and a string starting with one of those characters also gets Excel's quote prefix
(shown as text even after someone edits the cell), with the text itself kept exactly.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

RISKY_STARTS = frozenset("=+-@\t\r\n")
MAX_CELL_TEXT = 32_767  # Excel's limit on the characters of one cell

# Characters XML 1.0 cannot hold (tab, LF and CR can); a plan written outside the app could
# hold them, and openpyxl refuses them.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Styled(NamedTuple):
    """A cell's value with the name of its style (see :mod:`.styles`)."""

    value: Any
    style: str


def needs_quote_prefix(text: str) -> bool:
    """Whether Excel could take ``text`` for a formula (or hide one behind whitespace)."""
    return text[:1] in RISKY_STARTS


def clean_text(text: str | None) -> str:
    """User text as a cell can hold it: characters XML cannot carry dropped, cut at Excel's
    limit. Everything else, leading characters included, is kept exactly."""
    if not text:
        return ""
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub("", text)
    return text[:MAX_CELL_TEXT]
