"""Alignment checks: "no random acts of marketing" made into findings a lead can act on.

The rules (``planner.checks.run`` and what it imports) load when one of their names is first
used, not with :class:`Finding`: the app shows a plan, and imports what shows findings,
before it first checks the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.checks.findings import Finding, Severity

if TYPE_CHECKING:
    from planner.checks.run import (
        Checked,
        CheckInputs,
        InputsInStep,
        check,
        gather,
        judge,
        run_checks,
    )

_RUN_NAMES = frozenset(
    {"CheckInputs", "Checked", "InputsInStep", "check", "gather", "judge", "run_checks"}
)

__all__ = [
    "CheckInputs",
    "Checked",
    "Finding",
    "InputsInStep",
    "Severity",
    "check",
    "gather",
    "judge",
    "run_checks",
]


def __getattr__(name: str) -> Any:
    if name in _RUN_NAMES:
        from planner.checks import run

        value = globals()[name] = getattr(run, name)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
