"""File > Export Workbook…: ask where, export off the UI thread, say where it went."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.background import Outcome, Shown, TaskRunner, problem_text
from ui.workbook import jobs
from ui.workbook.export_dialog import ExportDialog

if TYPE_CHECKING:
    from planner import Plan
    from planner.analysis import Analysis
    from planner.timeline import Grouping
    from planner.versions.service import VersionInfo
    from ui.main_window import MainWindow


class ExportFlow:
    """Exports the window's plan; one export at a time (the task is shared with imports)."""

    def __init__(self, window: MainWindow, task: TaskRunner) -> None:
        self.window = window
        self.task = task

    def ask(self) -> ExportDialog | None:
        """Open the export dialog (not blocking the window); accepting it starts the export."""
        document = self.window.document
        if document is None or self.task.busy():
            return None
        plan = document.plan
        name = plan.settings.get().name
        dialog = ExportDialog(
            self.window.settings, document.path, name, self.window, versions=_versions(plan)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.export(
                dialog.target(),
                chart_images=dialog.chart_images(),
                baseline_id=dialog.baseline_id(),
                timeline_lanes=dialog.timeline_lanes(),
            )
        )
        dialog.open()
        return dialog

    def export(
        self,
        target: Path,
        *,
        chart_images: bool = False,
        baseline_id: int | None = None,
        timeline_lanes: Grouping | None = None,
    ) -> bool:
        """Start writing the workbook to ``target``, compared with version ``baseline_id``
        when given, its Timeline sheet in lanes by ``timeline_lanes`` (by channel when not
        given); ``False`` when it could not start (the user is told why, or other work is
        still running)."""
        document = self.window.document
        if document is None:
            return False
        if document.path is None:
            self.window.show_problem(
                "Can't export the workbook", "Save the plan to a file before exporting it."
            )
            return False
        name = document.plan.settings.get().name
        pictures = None
        if chart_images:
            try:
                pictures = self._draw_pictures(document.analysis)
            except Exception as error:  # a picture that cannot be drawn stops nothing else
                self.window.show_problem(
                    "Can't draw the chart pictures", f"{type(error).__name__}: {error}"
                )
                return False
        version = document.plan.version
        work = functools.partial(
            jobs.export,
            target=target,
            pictures=pictures,
            version_id=None if version is None else version.id,
            baseline_id=baseline_id,
            timeline_lanes=timeline_lanes,
        )
        return self.task.start(
            jobs.on_own_plan(document.path, work),
            on_done=lambda outcome: self._finished(target, outcome),
            shown=Shown("Export Workbook", f"Exporting “{name}” to {target.name}…"),
        )

    def _draw_pictures(self, analysis: Analysis) -> tuple[tuple[str, bytes], ...]:
        """The chart pictures, drawn here on the UI thread (the app's one matplotlib thread;
        a second one drawing at the same time has crashed it) before the export starts."""
        self.window.statusBar().showMessage("Drawing the chart pictures…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return jobs.draw_pictures(analysis)
        finally:
            QApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()

    def _finished(self, target: Path, outcome: Outcome) -> None:
        if outcome.cancelled:
            self.window.notice.show_message(
                f"Export cancelled: {target.name} was not written.", "info"
            )
        elif outcome.error is not None:
            self.window.show_problem(f"Can't export {target.name}", problem_text(outcome.error))
        else:
            written = outcome.result if isinstance(outcome.result, Path) else target
            self.window.notice.show_message(f"Exported the workbook to {written}", "info")
            self.window.statusBar().showMessage(f"Exported {written.name}", 4000)


def _versions(plan: Plan) -> list[VersionInfo]:
    """The versions ``plan`` can be compared with: the working plan's, but the one it is."""
    if plan.version is None:
        return plan.versions.list()
    working: Plan = plan.working  # type: ignore[attr-defined]
    return [version for version in working.versions.list() if version.id != plan.version.id]
