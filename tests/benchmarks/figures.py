"""The benchmark's result: each figure with its budget, what was measured and whether it holds,
printed as a table and written as one JSON object."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """One line of the result. ``holds`` is None for a figure with no budget (reported)."""

    figure: str
    budget: str
    measured: str
    holds: bool | None
    value: float
    unit: str


def at_most(figure: str, value: float, limit: float | None, unit: str, detail: str = "") -> Figure:
    """A figure whose budget is ``value <= limit`` (no budget when ``limit`` is None)."""
    shown = f"{value:.2f}{unit}" if unit == "x" else f"{value:,.3g} {unit}"
    if unit == "MB":
        shown = f"{value:,.0f} MB"
    budget = (
        "—" if limit is None else f"<= {limit:g}{unit}" if unit == "x" else f"<= {limit:g} {unit}"
    )
    return Figure(
        figure=figure,
        budget=budget,
        measured=f"{shown} ({detail})" if detail else shown,
        holds=None if limit is None else value <= limit,
        value=round(value, 4),
        unit=unit,
    )


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table, one per line."""
    rows = [("Figure", "Budget", "Measured", "Holds")]
    verdict = {True: "yes", False: "NO", None: "report"}
    rows += [(f.figure, f.budget, f.measured, verdict[f.holds]) for f in figures]
    widths = [max(len(row[n]) for row in rows) for n in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def write_json(path: Path, figures: list[Figure], **about: object) -> None:
    """One JSON object: ``about`` (the run's settings and timing) and ``figures``."""
    result = {**about, "figures": [asdict(f) for f in figures]}
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
