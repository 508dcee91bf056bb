"""The findings panel: what the alignment checks say, worst first; a click jumps to the fix."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from planner.checks import Finding, Severity
from ui.findings.model import FINDING_ROLE, FindingDelegate, FindingsModel
from ui.plain_text import plain_label, rich_label

CHECKING_TEXT = "Checking the plan…"


def summary_text(findings: list[Finding]) -> str:
    """ "2 errors · 5 warnings · 1 note", or a word of praise when there is nothing."""
    if not findings:
        return "No random acts of marketing: every check passes."
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    parts = [
        f"{count} {words[severity]}{'' if count == 1 else 's'}"
        for severity, count in counts.items()
        if count
    ]
    return " · ".join(parts)


class FindingsPanel(QWidget):
    """Each finding with its severity icon; activating one asks to reveal what fixes it."""

    reveal_requested = Signal(object, object)  # initiative id or None, field or None
    channel_reveal_requested = Signal(int, object)  # channel id, its field or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Findings")
        title = rich_label("<b>Findings</b>")
        self.summary = plain_label(CHECKING_TEXT)  # until the first findings come
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Findings summary")
        self.model = FindingsModel(self)
        self.list = QListView()
        self.list.setAccessibleName("Findings list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(FindingDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_findings(self, findings: list[Finding]) -> None:
        self.summary.setText(summary_text(findings))
        self.model.set_findings(findings)

    def findings(self) -> list[Finding]:
        return self.model.findings()

    def _activated(self, index: QModelIndex) -> None:
        finding: Finding = index.data(FINDING_ROLE)
        if finding.channel_id is not None:
            self.channel_reveal_requested.emit(finding.channel_id, finding.field)
        else:
            self.reveal_requested.emit(finding.initiative_id, finding.field)
