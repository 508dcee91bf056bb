"""Running every check over a plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.checks.findings import Finding
from planner.checks.initiative_rules import initiative_findings
from planner.checks.plan_rules import (
    actuals_after_close_findings,
    handoff_findings,
    strike_zone_findings,
)

if TYPE_CHECKING:
    from planner.plan import Plan


def run_checks(plan: Plan, *, today: dt.date | None = None) -> list[Finding]:
    """Every finding, most severe first, then plan-wide before per-initiative, then by name."""
    findings = [
        *strike_zone_findings(plan),
        *handoff_findings(plan, today=today),
        *actuals_after_close_findings(plan, today=today),
        *initiative_findings(plan),
    ]
    return sorted(
        findings,
        key=lambda f: (f.severity.rank, f.initiative is not None, (f.initiative or "").casefold()),
    )
