"""``smarketing rollover``: next year's plan, started from this one in a new file."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from planner import validation as check
from planner.cli.progress import terminal_progress
from planner.errors import ValidationError
from planner.plan import Plan


def add_rollover_parser(commands: argparse._SubParsersAction) -> None:
    rollover = commands.add_parser("rollover", help="start next year's plan from this one")
    rollover.description = (
        "Write next year's plan to a new file: the initiatives that are ideas, planned or "
        "active, the people, segments, channels and assumptions, moved on to the next "
        "horizon, with no actuals; this year's plan is kept in it as a locked baseline to "
        "compare against. PLAN is not changed. The file is written whole or not at all."
    )
    rollover.add_argument("plan", metavar="PLAN", type=Path, help="this year's plan file")
    rollover.add_argument(
        "-o", "--output", required=True, type=Path, help="next year's plan file (.smplan)"
    )
    rollover.add_argument(
        "--budget-scale",
        metavar="PCT",
        default="100",
        help="budgets and planned spend, in percent of this year's (default 100)",
    )
    rollover.add_argument(
        "--target-scale",
        metavar="PCT",
        default="100",
        help="revenue targets, planned pipeline and revenue, in percent of this year's "
        "(default 100)",
    )
    rollover.add_argument(
        "--include-dropped",
        action="store_true",
        help="carry done and dropped initiatives over too",
    )
    rollover.add_argument("--force", action="store_true", help="replace the output if it exists")


# The options of the scales, by the argument of roll_over they give.
SCALE_OPTIONS = {"budget_scale": "--budget-scale", "target_scale": "--target-scale"}


def percent(option: str, typed: str) -> Decimal:
    """``"110"`` or ``"110%"`` as the fraction 1.1, exactly as typed."""
    try:
        number = check.positive_number(option, typed.strip().removesuffix("%").strip())
    except ValidationError as error:
        if error.rule == "negative":
            raise
        raise ValidationError(
            option, "not_a_number", f"{typed!r} is not a percentage (write it like 110 or 110%)"
        ) from None
    return Decimal(str(number)) / 100


def run_rollover(plan: Plan, options: argparse.Namespace) -> str:
    """Start next year's plan as the options ask; returns what was written, in a few lines."""
    from planner.versions.rollover import describe, percent_text, roll_over

    budget = percent("--budget-scale", options.budget_scale)
    target = percent("--target-scale", options.target_scale)
    progress = terminal_progress("Starting next year's plan")
    try:
        result = roll_over(
            plan,
            options.output,
            budget_scale=budget,
            target_scale=target,
            include_dropped=options.include_dropped,
            overwrite=options.force,
            progress=progress,
        )
    except ValidationError as error:
        if error.field not in SCALE_OPTIONS:
            raise
        raise ValidationError(SCALE_OPTIONS[error.field], error.rule, error.detail) from None
    finally:
        if progress is not None:
            progress.done()
    lines = [f"Wrote next year's plan to {result.path}", *describe(result.outline)]
    if budget != 1:
        lines.append(f"Budgets and planned spend at {percent_text(budget)} of this year's.")
    if target != 1:
        lines.append(
            f"Revenue targets, planned pipeline and revenue at {percent_text(target)} of "
            "this year's."
        )
    if result.values_dropped:
        lines.append(
            f"{result.values_dropped:,} planned values fell outside "
            f"{result.outline.horizon.describe()} and were left out."
        )
    return "\n".join(lines)
