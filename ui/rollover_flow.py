"""File > Start Next Year's Plan…: ask where and how, write the new plan off the UI thread from
a read-only plan of its own, then offer to open it."""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from planner import Plan
from planner.versions.rollover import Rollover, roll_over
from ui.background import Outcome, Progress, Shown, TaskRunner, problem_text
from ui.rollover_dialog import RolloverDialog, RolloverRequest
from ui.workbook.jobs import on_own_plan

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TITLE = "Start Next Year's Plan"


def write_next_year(
    plan: Plan, on_progress: Progress, cancel: threading.Event, *, request: RolloverRequest
) -> Rollover:
    """The work, in the worker thread, on its own read-only plan."""
    return roll_over(
        plan,
        request.target,
        budget_scale=request.budget_scale,
        target_scale=request.target_scale,
        include_dropped=request.include_dropped,
        overwrite=request.overwrite,
        progress=on_progress,
        cancel=cancel,
    )


class RolloverFlow:
    """Starts next year's plan from the window's plan; one at a time."""

    def __init__(self, window: MainWindow, task: TaskRunner) -> None:
        self.window = window
        self.task = task

    def ask(self) -> RolloverDialog | None:
        """Open the dialog (not blocking the window); accepting it starts the work."""
        document = self.window.document
        if document is None:
            return None
        if document.path is None:
            self.window.show_problem(
                "Can't start next year's plan", "Save the plan to a file before starting from it."
            )
            return None
        if self.task.busy():
            self.window.statusBar().showMessage(
                "Next year's plan is still being written; try again in a moment", 5000
            )
            return None
        dialog = RolloverDialog(document.plan, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(dialog.request))
        dialog.open()
        return dialog

    def start(self, request: RolloverRequest | None) -> bool:
        """Write next year's plan as ``request`` asks; ``False`` when it could not start."""
        document = self.window.document
        if request is None or document is None or document.path is None:
            return False
        work = functools.partial(write_next_year, request=request)
        return self.task.start(
            on_own_plan(document.path, work),
            on_done=lambda outcome: self._finished(request.target, outcome),
            shown=Shown(TITLE, f"Writing next year's plan to {request.target.name}…"),
        )

    def _finished(self, target: Path, outcome: Outcome) -> None:
        if outcome.cancelled:
            self.window.notice.show_message(f"Cancelled: {target.name} was not written.", "info")
            return
        if outcome.error is not None:
            self.window.show_problem("Can't start next year's plan", problem_text(outcome.error))
            return
        result: Rollover = outcome.result
        carried = len(result.outline.carried)
        self.window.notice.show_message(
            f"Next year's plan is ready: {result.path} ({carried:,} "
            f"initiative{'' if carried == 1 else 's'} carried over, this year's plan kept as "
            f"the baseline “{result.outline.baseline}”).",
            "info",
            action=("Open It", lambda: self.window.open_path(result.path)),
        )
        self.window.recent.add(result.path)  # under Open Recent once the notice has gone
        self.window.statusBar().showMessage(f"Wrote {result.path.name}", 4000)
