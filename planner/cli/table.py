"""Plain-text tables for the terminal: left-aligned text, right-aligned figures."""

from __future__ import annotations

from collections.abc import Sequence


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], *, numeric_from: int = 1) -> str:
    """Columns from ``numeric_from`` on are right-aligned; a rule under the header."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if index >= numeric_from else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def plain(text: str, limit: int | None = None) -> str:
    """Text from a plan file as one terminal line: every character that is not printable (a
    control character, a line break, a bidirectional override) escaped as Python writes it,
    so no name can move the cursor, colour the terminal or split a row; cut to ``limit``
    characters with an ellipsis."""
    shown = "".join(
        character if character.isprintable() else repr(character)[1:-1] for character in text
    )
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown
