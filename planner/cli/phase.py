"""``smarketing phase``: spread revenue targets, the funnel they need and budgets into months.

One call of :meth:`planner.services.phasing.PhasingService.phase`: one transaction, all of it
or nothing, so a refusal leaves the plan as it was; ``--dry-run`` shows what it would do and
writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planner import months as month_math
from planner import validation as check
from planner.cli.table import plain, render
from planner.domain import STAGE_RATES, Metric
from planner.errors import ValidationError
from planner.phasing import Part, Shape
from planner.plan import Plan
from planner.services.phasing import Phased

_NAME_WIDTH = 40


def add_phase_parser(commands: argparse._SubParsersAction) -> None:
    phase = commands.add_parser(
        "phase", help="phase revenue targets, their funnel and budgets into months"
    )
    phase.description = (
        "Spread each initiative's revenue target (as planned revenue won), the funnel it needs "
        "at its conversion rates (deals to leads, and pipeline) and its budget (as planned "
        "spend) over its months. Months with actuals are kept unless --overwrite-actuals. "
        "The whole plan unless --initiative; one transaction: all of it or nothing."
    )
    phase.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    phase.add_argument(
        "--shape",
        choices=[shape.value for shape in Shape],
        default=Shape.EVEN.value,
        help="how the total is shared among the months (default even)",
    )
    phase.add_argument(
        "--lag",
        action="append",
        metavar="N|STAGE=N",
        help="months between each stage and the next (N), or for one stage "
        f"({', '.join(STAGE_RATES)}); repeat for several; default: the plan's last",
    )
    phase.add_argument(
        "--profile",
        metavar="W,W,...",
        help="the seasonal profile: 12 weights, January first (with --shape seasonal); "
        "default: the plan's last",
    )
    phase.add_argument(
        "--last-year",
        metavar="VERSION|FILE",
        help="with --shape last-year: a version of this plan, or last year's plan file "
        "(its actuals); default: the plan's newest baseline",
    )
    phase.add_argument(
        "--initiative",
        action="append",
        metavar="NAME",
        help="phase this initiative only; repeat for several",
    )
    phase.add_argument("--no-revenue", action="store_true", help="leave planned revenue be")
    phase.add_argument("--no-funnel", action="store_true", help="leave the planned funnel be")
    phase.add_argument("--no-spend", action="store_true", help="leave planned spend be")
    phase.add_argument(
        "--overwrite-actuals",
        action="store_true",
        help="phase over months that have actuals too",
    )
    phase.add_argument(
        "--dry-run", action="store_true", help="show what it would do; write nothing"
    )


def lags_of(typed: list[str] | None) -> object:
    """``--lag`` as typed: None (the plan's), one number for every stage, or per stage."""
    if not typed:
        return None
    per_stage: dict[str, str] = {}
    every: str | None = None
    for value in typed:
        stage, equals, months = value.partition("=")
        if equals:
            per_stage[stage.strip()] = months
        else:
            every = value
    if every is not None and per_stage:
        raise ValidationError(
            "--lag", "mixed", "give one number for every stage, or STAGE=N for each, not both"
        )
    return every if every is not None else per_stage


def initiative_ids(plan: Plan, names: list[str] | None) -> list[int] | None:
    """The ids of the initiatives ``--initiative`` names (any letter case)."""
    if not names:
        return None
    keys = {key: i for i, key in plan.query("SELECT id, name_key FROM initiatives")}
    ids = []
    for name in names:
        found = keys.get(check.name_key(" ".join(name.split())))
        if found is None:
            raise ValidationError(
                "--initiative", "unknown", f"the plan has no initiative named {name!r}"
            )
        ids.append(found)
    return ids


def last_year_of(plan: Plan, typed: str | None) -> str | Path | None:
    """``--last-year`` as typed: a version of the plan by name, else a plan file."""
    if typed is None:
        return None
    if plan.query("SELECT 1 FROM plan_versions WHERE name_key = ?", [check.name_key(typed)]):
        return typed
    path = Path(typed)
    if path.is_file():
        return path
    raise ValidationError(
        "--last-year", "unknown", f"{typed!r} is neither a version of the plan nor a plan file"
    )


def run_phase(plan: Plan, options: argparse.Namespace) -> str:
    """Phase as the options ask; returns what it did (or would do), in a few lines."""
    parts = [
        part
        for part, off in (
            (Part.REVENUE, options.no_revenue),
            (Part.FUNNEL, options.no_funnel),
            (Part.SPEND, options.no_spend),
        )
        if not off
    ]
    phased = plan.phasing.phase(
        initiative_ids(plan, options.initiative),
        shape=options.shape,
        lags=lags_of(options.lag),
        profile=options.profile,
        parts=parts,
        overwrite_actuals=options.overwrite_actuals,
        last_year=last_year_of(plan, options.last_year),
        dry_run=options.dry_run,
    )
    return describe(plan, phased, dry_run=options.dry_run)


def describe(plan: Plan, phased: Phased, *, dry_run: bool) -> str:
    money = plan.currency.format
    rows = []
    for p in phased.initiatives:
        rows.append(
            [
                plain(p.name, _NAME_WIDTH),
                f"{month_math.label(p.first)}–{month_math.label(p.last)}",
                money(p.revenue_target, cents=False),
                f"{money(p.before[Metric.REVENUE_WON], cents=False)} → "
                f"{money(p.after[Metric.REVENUE_WON], cents=False)}",
                f"{p.after[Metric.LEADS]:,}",
                money(p.after[Metric.SPEND], cents=False),
                "; ".join(p.notes),
            ]
        )
    lines = []
    if rows:
        # The notes last and left-aligned: a table right-aligns every column after the first.
        headers = ["Initiative", "Months", "Target", "Revenue planned", "Leads", "Spend"]
        table = render(headers, [row[:-1] for row in rows], numeric_from=2).splitlines()
        width = max(map(len, table))
        notes = ["Notes", "-----", *(row[-1] for row in rows)]
        lines.extend(
            f"{line.ljust(width)}  {note}".rstrip() for line, note in zip(table, notes, strict=True)
        )
    for skipped in phased.skipped:
        lines.append(f"Skipped {plain(skipped.name, _NAME_WIDTH)!s}: {skipped.reason}")
    lags = ", ".join(
        f"{rate} {months}"
        for rate, months in zip(STAGE_RATES, phased.lags.as_tuple(), strict=True)
        if months
    )
    how = f"{phased.shape.title.lower()}" + (f", lags: {lags}" if lags else ", no lags")
    if phased.last_year is not None:
        how += f", last year from {plain(phased.last_year)}"
    count = len(phased.initiatives)
    verb = "Would phase" if dry_run else "Phased"
    lines.append(
        f"{verb} {count} initiative{'' if count == 1 else 's'} ({how}): planned revenue "
        f"{money(phased.total(Metric.REVENUE_WON, after=False), cents=False)} → "
        f"{money(phased.total(Metric.REVENUE_WON), cents=False)}, spend "
        f"{money(phased.total(Metric.SPEND, after=False), cents=False)} → "
        f"{money(phased.total(Metric.SPEND), cents=False)}"
        + (" (dry run: nothing written)" if dry_run else "")
    )
    return "\n".join(lines)
