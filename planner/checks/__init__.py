"""Alignment checks: "no random acts of marketing" made into findings a lead can act on."""

from planner.checks.findings import Finding, Severity
from planner.checks.run import (
    Checked,
    CheckInputs,
    InputsInStep,
    check,
    gather,
    judge,
    run_checks,
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
