"""``smarketing compare``: the working plan (or up to two versions) against a baseline: what
changed in a leadership update's words, the totals side by side, the initiatives that differ,
and where the year lands against the baseline's landing.

Every figure is :func:`planner.versions.compare.compare`'s and
:func:`planner.analysis.reforecast`'s, read through the one analysis engine, so it is the
figure ``smarketing summary --version NAME`` gives for the same version.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner import months as month_math
from planner.analysis import Analysis, Landing, reforecast
from planner.analysis.reforecast import describe
from planner.checks import Severity
from planner.cli.summary import figure_value, landing_data, rounded
from planner.cli.table import percent, plain, render
from planner.cli.versions import version_data
from planner.domain import STAGE_RATES, Metric
from planner.errors import ValidationError
from planner.money import Currency
from planner.plan import Plan
from planner.versions import Kind, VersionInfo
from planner.versions.compare import (
    MOST_SIDES,
    Comparison,
    Difference,
    InitiativeDiff,
    InitiativeFacts,
    Side,
    compare,
)

WIDTH = 100
# Characters of a name in a column; the story and --json give names whole.
NAME_IN_HEADER = 18
NAME_IN_ROW = 36
# Initiatives listed per side; --json lists every one.
MOST_LISTED = 40
# The order the changed initiatives are listed in.
_ORDER = {Difference.ADDED: 0, Difference.DROPPED: 1, Difference.CHANGED: 2}


# What else may differ in an initiative, as the list names it.
def add_compare_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "compare", help="compare the working plan (or versions) with a baseline"
    )
    command.description = (
        "Compare the working plan with the plan's most recent locked baseline, or with the "
        "version --against names: what changed, the totals side by side, the initiatives "
        "added, dropped or changed, and where the year lands against the baseline's landing. "
        "--with compares one or two versions instead of the working plan."
    )
    command.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    command.add_argument(
        "--against",
        metavar="NAME",
        help="the version to compare with (default: the most recent locked baseline)",
    )
    command.add_argument(
        "--with",
        dest="others",
        action="append",
        metavar="NAME",
        help=f"a version to compare instead of the working plan (up to {MOST_SIDES - 1})",
    )
    command.add_argument("--json", action="store_true", help="print JSON for other programs")


@dataclass(frozen=True, slots=True)
class _Compared:
    """The comparison, and beside it each side's version and landing for the year."""

    comparison: Comparison
    versions: tuple[VersionInfo | None, ...]
    landings: tuple[Landing, ...]
    plan_name: str


def run_compare(working: Plan, options: argparse.Namespace) -> str:
    """What ``smarketing compare`` prints for ``working`` and the options."""
    others = options.others or []
    if len(others) > MOST_SIDES - 1:
        raise ValidationError(
            "--with", "too_many", f"compares at most {MOST_SIDES - 1} versions with the baseline"
        )
    versions = working.versions
    reference = versions.find(options.against) if options.against else _latest_baseline(working)
    chosen = [reference, *(versions.find(name) for name in others)] if others else [reference]
    from planner.versions.opened import open_versions

    with ExitStack() as stack:
        opened = open_versions(working, [info.id for info in chosen])
        plans = [stack.enter_context(version) for version in opened]
        if not others:
            plans.append(working)
        comparison = compare(*plans)
        landings = tuple(_landing(plan) for plan in plans)
        compared = _Compared(
            comparison,
            tuple(plan.version for plan in plans),
            landings,
            working.settings.get().name,
        )
    return compare_json(compared) if options.json else compare_text(compared)


def _latest_baseline(plan: Plan) -> VersionInfo:
    baselines = [
        info for info in plan.versions.list() if info.kind is Kind.BASELINE and info.locked
    ]
    if not baselines:
        raise ValidationError(
            "--against",
            "no_baseline",
            f"{plan.where} has no locked baseline to compare with; save the working plan as "
            "one with 'smarketing version save PLAN NAME', or name a version with --against",
        )
    return max(baselines, key=lambda info: (info.saved_at, info.id))


def _landing(plan: Plan) -> Landing:
    analysis = Analysis.in_sql(plan)
    try:
        return reforecast(analysis)
    finally:
        analysis.close()


# -- text ----------------------------------------------------------------------------------


def compare_text(compared: _Compared) -> str:
    comparison = compared.comparison
    sides = comparison.sides
    others = " and ".join(_described(side, info) for side, info in _after(compared))
    title = f"{others} compared with {_described(sides[0], compared.versions[0])}"
    lines = [_wrapped(title[0].upper() + title[1:])]
    for index, (side, _info) in enumerate(_after(compared), 1):
        lines.append("")
        if len(sides) > 2:
            lines.append(_wrapped(f"{plain(side.name)}:"))
        said = [*comparison.story(index), _landing_line(compared, index)]
        lines.extend(_bullet(line) for line in said)
    lines += ["", totals_table(comparison)]
    for index, (side, _info) in enumerate(_after(compared), 1):
        lines += ["", *_changed_lines(comparison, index, side)]
    return "\n".join(lines)


def _after(compared: _Compared) -> list[tuple[Side, VersionInfo | None]]:
    return list(zip(compared.comparison.sides[1:], compared.versions[1:], strict=True))


def _described(side: Side, info: VersionInfo | None) -> str:
    return "the working plan" if info is None else info.described


def _wrapped(line: str) -> str:
    return textwrap.fill(line, width=WIDTH, subsequent_indent="  ")


def _bullet(line: str) -> str:
    return textwrap.fill(plain(line), width=WIDTH, initial_indent="  - ", subsequent_indent="    ")


def _landing_line(compared: _Compared, index: int) -> str:
    landing = compared.landings[index]
    said = describe(
        landing, compared.comparison.currency, baseline=compared.landings[0], compact=True
    )
    return f"Landing {landing.year_name}: {said}"


def totals_table(comparison: Comparison) -> str:
    """The totals of every side, each later side followed by its change from the first."""
    currency = comparison.currency
    sides = comparison.sides

    def money(amount: int) -> str:
        return currency.format(amount, cents=False)

    def signed_money(amount: int) -> str:
        return money(amount) if amount <= 0 else "+" + money(amount)

    def count(number: int) -> str:
        return f"{number:,}"

    def signed_count(number: int) -> str:
        return f"{number:+,}" if number else "0"

    def share(value: float | None) -> str:
        return percent(value)

    def share_change(before: float | None, after: float | None) -> str:
        if before is None or after is None:
            return "-"
        points = round(after * 100) - round(before * 100)
        return f"{points:+d} pt{'s' if abs(points) != 1 else ''}" if points else "0 pts"

    figures: list[tuple[str, Callable[[Side], Any], Callable[[Any], str], Callable[..., str]]] = [
        ("Budget", lambda s: s.budget, money, lambda a, b: signed_money(b - a)),
        ("Revenue target", lambda s: s.revenue_target, money, lambda a, b: signed_money(b - a)),
        (
            "Planned revenue",
            lambda s: s.planned[Metric.REVENUE_WON],
            money,
            lambda a, b: signed_money(b - a),
        ),
        (
            "Planned pipeline",
            lambda s: s.planned[Metric.PIPELINE],
            money,
            lambda a, b: signed_money(b - a),
        ),
        ("Strike-zone budget share", lambda s: s.budget_share_in_zone, share, share_change),
        ("Errors", lambda s: s.findings.errors, count, lambda a, b: signed_count(b - a)),
        ("Warnings", lambda s: s.findings.warnings, count, lambda a, b: signed_count(b - a)),
    ]
    headers = ["", plain(sides[0].name, NAME_IN_HEADER)]
    for side in sides[1:]:
        headers += [plain(side.name, NAME_IN_HEADER), "Change"]
    rows = []
    for label, read, shown, change in figures:
        before = read(sides[0])
        row = [label, shown(before)]
        for side in sides[1:]:
            row += [shown(read(side)), change(before, read(side))]
        rows.append(row)
    return render(headers, rows)


def _changed_lines(comparison: Comparison, index: int, side: Side) -> list[str]:
    changed = sorted(comparison.changed(index), key=lambda d: _ORDER[d.difference])
    title = f"Initiatives that differ in {plain(side.name)} from {plain(comparison.sides[0].name)}"
    if not changed:
        return [_wrapped(f"{title}: none.")]
    currency = comparison.currency

    def delta(amount: int) -> str:
        if not amount:
            return ""
        shown = currency.format(amount, cents=False)
        return shown if amount < 0 else "+" + shown

    def moved(months: int) -> str:
        return f"{months:+d} mo" if months else ""

    shown = changed[:MOST_LISTED]
    rows = [
        [
            plain(diff.name, NAME_IN_ROW),
            diff.difference.value,
            delta(diff.delta("budget")),
            delta(diff.delta("revenue_target")),
            moved(diff.moved_by),
            ", ".join(diff.also_changed()),
        ]
        for diff in shown
    ]
    table = render(
        ["Initiative", "Change", "Budget", "Target", "Start", "Also changed"], rows, numeric_from=2
    )
    lines = [_wrapped(f"{title} ({len(changed):,}):"), table]
    if len(changed) > len(shown):
        lines.append(f"… and {len(changed) - len(shown):,} more (--json lists them all)")
    return lines


# -- JSON ----------------------------------------------------------------------------------


def compare_json(compared: _Compared) -> str:
    return json.dumps(compare_data(compared), indent=2, ensure_ascii=False)


def compare_data(compared: _Compared) -> dict[str, Any]:
    """Everything the comparison shows, as JSON-ready values (money as exact decimal
    strings, shares rounded to 4 places, months as YYYY-MM)."""
    comparison = compared.comparison
    currency = comparison.currency
    sides = comparison.sides
    return {
        "plan": compared.plan_name,
        "currency": currency.code,
        "months": [month_math.iso(m) for m in comparison.months],
        "sides": [
            _side_data(side, info, landing, currency)
            for side, info, landing in zip(sides, compared.versions, compared.landings, strict=True)
        ],
        "changes": [
            {
                "side": side.name,
                "against": sides[0].name,
                "story": comparison.story(index),
                "landing": describe(
                    compared.landings[index], currency, baseline=compared.landings[0]
                ),
                "initiatives": [_diff_data(diff, currency) for diff in comparison.changed(index)],
            }
            for index, side in enumerate(sides[1:], 1)
        ],
    }


def _side_data(
    side: Side, info: VersionInfo | None, landing: Landing, currency: Currency
) -> dict[str, Any]:
    def value(metric: Metric, amount: int | None) -> str | int | None:
        return figure_value(currency, metric, amount)

    return {
        "name": side.name,
        "version": version_data(info),
        "budget": value(Metric.SPEND, side.budget),
        "revenue_target": value(Metric.REVENUE_WON, side.revenue_target),
        "planned": {metric.value: value(metric, side.planned[metric]) for metric in Metric},
        "planned_by_month": {
            metric.value: {
                month_math.iso(month): value(metric, amount)
                for month, amount in side.planned_by_month[metric].items()
            }
            for metric in Metric
        },
        "budget_share_in_zone": rounded(side.budget_share_in_zone),
        "target_share_in_zone": rounded(side.target_share_in_zone),
        "findings": {severity.value: side.findings.of(severity) for severity in Severity},
        "initiatives": len([facts for facts in side.initiatives.values() if facts.live]),
        "landing": landing_data(landing, currency, value),
    }


def _diff_data(diff: InitiativeDiff, currency: Currency) -> dict[str, Any]:
    return {
        "id": diff.id,
        "name": diff.name,
        "difference": diff.difference.value,
        "deltas": {
            "budget": figure_value(currency, Metric.SPEND, diff.delta("budget")),
            "revenue_target": figure_value(
                currency, Metric.REVENUE_WON, diff.delta("revenue_target")
            ),
            **{
                metric.value: figure_value(currency, metric, diff.delta(metric.value))
                for metric in Metric
            },
        },
        "moved_by": diff.moved_by,
        "also_changed": diff.also_changed(),
        "before": _facts_data(diff.before, currency),
        "after": _facts_data(diff.after, currency),
    }


def _facts_data(facts: InitiativeFacts | None, currency: Currency) -> dict[str, Any] | None:
    if facts is None:
        return None
    return {
        "name": facts.name,
        "channel": facts.channel,
        "status": facts.status.value,
        "start": month_math.iso(facts.start_month),
        "end": month_math.iso(facts.end_month),
        "budget": figure_value(currency, Metric.SPEND, facts.budget),
        "revenue_target": figure_value(currency, Metric.REVENUE_WON, facts.revenue_target),
        "planned": {
            metric.value: figure_value(currency, metric, facts.planned[metric]) for metric in Metric
        },
        # Its own conversion rates; null where its channel's or the plan's apply.
        "rates": {rate: getattr(facts.rates, rate) for rate in STAGE_RATES},
    }
