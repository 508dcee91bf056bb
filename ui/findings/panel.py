"""The findings panel: what the alignment checks say, worst first; a click jumps to the fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner.checks import Finding, Severity
from ui.icons import icon

FINDING_ROLE = Qt.ItemDataRole.UserRole


def summary_text(findings: list[Finding]) -> str:
    """ "2 errors · 5 warnings · 1 note", or a word of praise when there is nothing."""
    if not findings:
        return "No random acts of marketing: every check passes."
    counts = {severity: 0 for severity in Severity}
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Findings")
        title = QLabel("<b>Findings</b>")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Findings summary")
        self.list = QListWidget()
        self.list.setAccessibleName("Findings list")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_findings(self, findings: list[Finding]) -> None:
        self.summary.setText(summary_text(findings))
        self.list.clear()
        for finding in findings:
            about = finding.initiative or "The plan"
            item = QListWidgetItem(icon(finding.severity.value), f"{about}\n{finding.message}")
            item.setData(FINDING_ROLE, finding)
            item.setToolTip(f"{finding.severity.value.title()}: {finding.message}")
            self.list.addItem(item)

    def findings(self) -> list[Finding]:
        return [self.list.item(n).data(FINDING_ROLE) for n in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        finding: Finding = item.data(FINDING_ROLE)
        self.reveal_requested.emit(finding.initiative_id, finding.field)
