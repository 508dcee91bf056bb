"""Alignment checks: "no random acts of marketing" made into findings a lead can act on."""

from planner.checks.findings import Finding, Severity
from planner.checks.run import run_checks

__all__ = ["Finding", "Severity", "run_checks"]
