"""What a check reports: a finding with a severity, what it concerns and what to do."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong (or worth a look) in a plan.

    ``rule`` is a stable code (``"no_owner"``); ``message`` says what is wrong and what to do;
    ``initiative_id``/``initiative`` name the initiative it concerns (``None`` for findings
    about the plan as a whole); ``field`` is the field that fixes it, for the app to jump to
    (a metric's planned column, ``"mql_plan"``, is its planned cell); ``channel_id`` names
    the channel a finding about one channel concerns (its ``field`` is then the channel's).
    """

    severity: Severity
    rule: str
    message: str
    initiative_id: int | None = None
    initiative: str | None = None
    field: str | None = None
    channel_id: int | None = None


def finding_title(finding: Finding) -> str:
    """A finding named by its rule, short enough for a row or a bar: ``no_owner`` is "No
    owner" (the message says the rest)."""
    return finding.rule.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many findings of each severity; ``open`` counts errors and warnings, the findings
    that ask for a change (an info is a hint)."""

    errors: int
    warnings: int
    info: int

    @property
    def open(self) -> int:
        return self.errors + self.warnings

    def of(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings}.get(
            severity, self.info
        )


def count_findings(findings: Iterable[Finding]) -> FindingCounts:
    """The findings counted by severity: the one count every surface shows."""
    counts = Counter(f.severity for f in findings)
    return FindingCounts(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
