"""Running every check over a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.checks.findings import Finding
from planner.checks.initiative_rules import initiative_findings
from planner.checks.plan_rules import handoff_findings, strike_zone_findings

if TYPE_CHECKING:
    from planner.analysis import Analysis


def run_checks(analysis: Analysis) -> list[Finding]:
    """Every finding, most severe first, then plan-wide before per-initiative, then by name."""
    findings = [
        *strike_zone_findings(analysis),
        *handoff_findings(analysis),
        *initiative_findings(analysis),
    ]
    return sorted(
        findings,
        key=lambda f: (f.severity.rank, f.initiative is not None, (f.initiative or "").casefold()),
    )
