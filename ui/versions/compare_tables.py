"""What the compare dialog's tables show: a :class:`~planner.versions.compare.Comparison` as
plain rows and their columns. No Qt beyond the shared column type; every figure is the
comparison's own, only worded here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.domain import Metric
from planner.money import Currency
from planner.versions.compare import (
    Comparison,
    Side,
    budget_change,
    change_lines,
    signed,
)
from ui.tables.rows_model import Column


@dataclass(frozen=True, slots=True)
class TotalRow:
    """One figure of every version: ``values`` as shown, reference first."""

    id: int
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One initiative that differs between the reference and one other version."""

    id: int  # a row number: an initiative is listed once per other version
    name: str
    version: str
    change: str  # "+$5k", "new", "dropped", "—" (the budget)
    budget_delta: int
    target_delta: int
    details: str  # every change, "moved from Mar 2026 to May 2026" among them


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def _live(side: Side) -> int:
    return sum(1 for facts in side.initiatives.values() if facts.live)


def total_rows(comparison: Comparison) -> list[TotalRow]:
    """Budget, target, planned revenue and pipeline, the strike zone's shares, initiatives
    and findings of each version; money against the reference's in brackets."""
    money = comparison.currency.format_short
    reference = comparison.reference

    def amounts(read: Callable[[Side], int]) -> tuple[str, ...]:
        first = read(reference)
        return tuple(
            money(read(side))
            if n == 0
            else f"{money(read(side))} ({signed(money, read(side) - first)})"
            for n, side in enumerate(comparison.sides)
        )

    def each(read: Callable[[Side], str]) -> tuple[str, ...]:
        return tuple(read(side) for side in comparison.sides)

    rows = [
        ("Budget", amounts(lambda s: s.budget)),
        ("Revenue target", amounts(lambda s: s.revenue_target)),
        ("Planned revenue won", amounts(lambda s: s.planned[Metric.REVENUE_WON])),
        ("Planned pipeline", amounts(lambda s: s.planned[Metric.PIPELINE])),
        ("Planned spend", amounts(lambda s: s.planned[Metric.SPEND])),
        ("Budget in strike zone", each(lambda s: _percent(s.budget_share_in_zone))),
        ("Target in strike zone", each(lambda s: _percent(s.target_share_in_zone))),
        ("Live initiatives", each(lambda s: f"{_live(s):,}")),
        ("Errors / warnings", each(lambda s: f"{s.findings.errors} / {s.findings.warnings}")),
    ]
    return [TotalRow(n, label, values) for n, (label, values) in enumerate(rows)]


def total_columns(comparison: Comparison) -> list[Column[TotalRow]]:
    """The figure's name, then a column per version."""

    def value(n: int) -> Callable[[TotalRow], str]:
        return lambda row: row.values[n]

    return [
        Column("figure", "", show=lambda row: row.label),
        *(
            Column(f"side{n}", side.name, show=value(n), numeric=True, header_tip=side.name)
            for n, side in enumerate(comparison.sides)
        ),
    ]


def change_rows(comparison: Comparison) -> list[ChangeRow]:
    """Every initiative that differs, once per version it differs in from the reference."""
    currency = comparison.currency
    rows = []
    for side in range(1, len(comparison.sides)):
        for diff in comparison.changed(side):
            rows.append(
                ChangeRow(
                    len(rows),
                    diff.name,
                    comparison.sides[side].name,
                    budget_change(diff, currency),
                    diff.delta("budget"),
                    diff.delta("revenue_target"),
                    "; ".join(change_lines(diff, currency)),
                )
            )
    return rows


def change_columns(currency: Callable[[], Currency]) -> list[Column[ChangeRow]]:
    """Initiative, version, budget (as the Initiatives table words it), target, and what
    changed; each sorts by its value."""

    def delta(amount: int) -> str:
        return signed(currency().format_short, amount) if amount else "—"

    return [
        Column(
            "name",
            "Initiative",
            show=lambda r: r.name,
            sort=lambda r: r.name.casefold(),
            tip=lambda r: r.name,
        ),
        Column("version", "Version", show=lambda r: r.version),
        Column(
            "budget",
            "Budget",
            show=lambda r: r.change,
            sort=lambda r: r.budget_delta,
            numeric=True,
            header_tip="The budget against the reference's: more, less, new or dropped",
        ),
        Column(
            "target",
            "Target",
            show=lambda r: delta(r.target_delta),
            sort=lambda r: r.target_delta,
            numeric=True,
        ),
        Column("details", "What changed", show=lambda r: r.details, tip=lambda r: r.details),
    ]


def story_text(comparison: Comparison) -> str:
    """The story of each other version against the reference, a paragraph each."""
    reference = comparison.reference.name
    # A word joiner keeps a minus with its amount: "(-$120k)" never wraps after the "-".
    minus, joined = f"-{comparison.currency.symbol}", f"-\u2060{comparison.currency.symbol}"
    parts = []
    for side in range(1, len(comparison.sides)):
        lines = [line.replace(minus, joined) for line in comparison.story(side)]
        heading = f"{comparison.sides[side].name} against {reference}:"
        parts.append("\n".join([heading, *(f"• {line}" for line in lines)]))
    return "\n\n".join(parts)
