"""Finding markers for initiative rows: the worst severity of each row's findings and a
tooltip listing them (no Qt here; the page turns severities into icons)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.checks import Finding, Severity


@dataclass(frozen=True, slots=True)
class Marker:
    severity: Severity  # the worst of the row's findings
    tip: str  # one line per finding, worst first


def finding_markers(findings: Iterable[Finding]) -> dict[int, Marker]:
    """A marker for each initiative some finding concerns; plan-wide findings are skipped."""
    by_initiative: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.initiative_id is not None:
            by_initiative.setdefault(finding.initiative_id, []).append(finding)
    markers = {}
    for initiative_id, found in by_initiative.items():
        found.sort(key=lambda f: f.severity.rank)  # stable: the checks' order within a rank
        lines = [f"{f.severity.value.capitalize()}: {f.message}" for f in found]
        markers[initiative_id] = Marker(found[0].severity, "\n".join(lines))
    return markers
