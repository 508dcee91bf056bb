"""Test helpers of the workbook dialogs: previews built by hand from the demo plan, and
stand-ins for the core's export and import that tests put in place with ``monkeypatch``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from planner import Metric, Plan, PlanError
from planner.timeline import Grouping
from planner.workbook.importing.records import ImportPreview, RejectedRow, SourceKind, ValueChange
from ui.main_window import MainWindow
from ui.workbook import jobs


def actuals_of(plan: Plan, metric: Metric) -> dict[tuple[int, int], int | None]:
    """``(initiative_id, month) -> actual`` of one metric."""
    return {key: actual for key, (_, actual) in plan.values.grid(metric).items()}


def demo_changes(plan: Plan, *, changed: int = 2, new: int = 1) -> tuple[ValueChange, ...]:
    """Real changes to the demo plan's revenue won: ``changed`` values that exist (doubled
    plus one) and ``new`` ones in months with no actual yet."""
    names = {i.id: i.name for i in plan.initiatives.list()}
    actuals = actuals_of(plan, Metric.REVENUE_WON)
    have = [key for key, value in sorted(actuals.items()) if value is not None]
    empty = [
        (initiative, month)
        for initiative in sorted(names)
        for month in plan.horizon.months()
        if actuals.get((initiative, month)) is None
    ]
    rows = [(key, actuals[key]) for key in have[:changed]] + [(key, None) for key in empty[:new]]
    return tuple(
        ValueChange(
            initiative_id=initiative,
            initiative=names[initiative],
            month=month,
            metric=Metric.REVENUE_WON,
            old=old,
            new=(old or 0) * 2 + 100_00,
            where=f"Actuals row {n + 8}",
        )
        for n, ((initiative, month), old) in enumerate(rows)
    )


def preview_of(
    changes: tuple[ValueChange, ...],
    *,
    rejected: int = 0,
    unchanged: int = 0,
    skipped: int = 0,
    source: Path = Path("/tmp/returned.xlsx"),
    kind: SourceKind = SourceKind.WORKBOOK,
    notes: tuple[str, ...] = (),
) -> ImportPreview:
    return ImportPreview(
        source=source,
        kind=kind,
        changes=changes,
        unchanged=unchanged,
        rejected=tuple(
            RejectedRow(f"Actuals row {40 + n}", f"“abc” in the Actual cell is not a number {n}")
            for n in range(rejected)
        ),
        skipped=skipped,
        notes=notes,
    )


class FakeExport:
    """Stands in for the core's export: writes a small file, reports progress, and when
    ``wait_for_cancel`` stops only when cancelled (as the core does, writing nothing)."""

    def __init__(self, *, wait_for_cancel: bool = False, error: Exception | None = None):
        self.wait_for_cancel = wait_for_cancel
        self.error = error
        self.calls: list[dict] = []

    def __call__(
        self,
        plan: Plan,
        on_progress: Callable[[int, int], None],
        cancel: threading.Event,
        *,
        target: Path,
        pictures: tuple[tuple[str, bytes], ...] | None,
        version_id: int | None = None,
        baseline_id: int | None = None,
        timeline_lanes: Grouping | None = None,
    ) -> Path:
        self.calls.append(
            {
                "read_only": plan.read_only,
                "plan": plan,
                "thread": threading.current_thread(),
                "pictures": pictures,
                "version_id": version_id,
                "baseline_id": baseline_id,
                "timeline_lanes": timeline_lanes,
            }
        )
        if self.error is not None:
            raise self.error
        if self.wait_for_cancel and cancel.wait(10):
            raise PlanError(f"{target}: the export was cancelled; nothing was written")
        for done in range(11):
            on_progress(done, 10)
        target.write_bytes(b"PK\x03\x04 a workbook")
        return target


def patch_export(monkeypatch, fake: FakeExport) -> FakeExport:
    monkeypatch.setattr(jobs, "export", fake)
    return fake


def settle_task(window: MainWindow) -> None:
    """Wait for the workbook worker to finish and hand its outcome over."""
    window.files.workbook.task.wait()
