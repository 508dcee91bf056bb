"""``smarketing check``: the alignment findings, most severe first."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from planner.checks import Finding, Severity
from planner.checks.findings import count_findings

if TYPE_CHECKING:
    from planner.versions import VersionInfo

_LABELS = {Severity.ERROR: "ERROR", Severity.WARNING: "WARN ", Severity.INFO: "INFO "}


def findings_text(findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        head = f"{_LABELS[finding.severity]} [{finding.rule}] "
        lines.append(
            textwrap.fill(
                finding.message, width=100, initial_indent=head, subsequent_indent=" " * 8
            )
        )
    lines.append(findings_count_line(findings))
    return "\n".join(lines)


def findings_count_line(findings: list[Finding]) -> str:
    """``Alignment checks: 2 errors, 5 warnings, 3 info.``"""
    if not findings:
        return "Alignment checks: no findings."
    counts = count_findings(findings)
    parts = [
        f"{counts.of(s)} {s.value}{'s' if counts.of(s) != 1 and s is not Severity.INFO else ''}"
        for s in Severity
        if counts.of(s)
    ]
    return f"Alignment checks: {', '.join(parts)}."


def findings_json(findings: list[Finding], version: VersionInfo | None = None) -> str:
    """The findings as a JSON list; each names the ``version`` of the plan it is of (``null``
    for the working plan)."""
    name = None if version is None else version.name
    return json.dumps(
        [
            {
                "version": name,
                "severity": f.severity.value,
                "rule": f.rule,
                "message": f.message,
                "initiative_id": f.initiative_id,
                "initiative": f.initiative,
                "field": f.field,
                "channel_id": f.channel_id,  # a finding about one channel names it
            }
            for f in findings
        ],
        indent=2,
        ensure_ascii=False,
    )
