"""Applying a preview: all of it in one transaction and one change set, or nothing at all; and
the preview itself reports progress and can be cancelled."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from import_support import (
    OUTBOUND,
    WEBINARS,
    actual,
    actuals_row,
    plan_state,
    plan_with_actuals,
    write_actuals,
)

from planner import (
    ChangeSet,
    Entity,
    Metric,
    Plan,
    PlanError,
    ReadOnlyPlanError,
    ValidationError,
)
from planner.workbook.importing import (
    CsvMapping,
    ImportCancelled,
    ImportRefused,
    ValueChange,
    apply_import,
    preview_import,
)

DEALS = "Campaign,Close Date,Amount\nWebinar series,2026-03-14,100\nOutbound push,2026-03-15,50\n"


def _filled(tmp_path: Path, *extra: list[object]) -> Path:
    return write_actuals(
        tmp_path / "filled.xlsx",
        [
            actuals_row(WEBINARS, "2026-03", Metric.MQL, 30),
            actuals_row(OUTBOUND, "2026-03", Metric.LEADS, 400),
            *extra,
        ],
    )


def test_rejected_rows_refuse_the_whole_import_leaving_the_plan_as_it_was(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    preview = preview_import(plan, _filled(tmp_path, actuals_row(WEBINARS, "2026-04", "MQLs", -1)))
    before = plan_state(plan)

    with pytest.raises(ImportRefused) as caught:
        apply_import(plan, preview)

    assert str(caught.value) == (
        "filled.xlsx: nothing was imported: 1 row is rejected; correct them, or skip them to "
        "import the rest"
    )
    assert plan_state(plan) == before


def test_skip_rejected_imports_the_other_rows(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    preview = preview_import(plan, _filled(tmp_path, actuals_row(WEBINARS, "2026-04", "MQLs", -1)))

    apply_import(plan, preview, skip_rejected=True)

    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 30
    assert actual(plan, OUTBOUND, 202603, Metric.LEADS) == 400


def test_an_error_while_applying_leaves_every_value_as_it_was(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    preview = preview_import(plan, _filled(tmp_path))
    broken = ValueChange(WEBINARS, "Webinar series", 202801, Metric.MQL, None, 1, "Actuals row 99")
    preview = dataclasses.replace(preview, changes=(*preview.changes, broken))
    before = plan_state(plan)

    with pytest.raises(ValidationError) as caught:
        apply_import(plan, preview)

    assert str(caught.value).startswith("Actuals row 99: Month: Jan 2028 is outside the plan")
    assert plan_state(plan) == before


def test_a_failure_after_the_values_are_written_rolls_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_with_actuals()
    path = tmp_path / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    preview = preview_import(plan, path, mapping=CsvMapping("Campaign", "Close Date", "Amount"))
    before = plan_state(plan)

    def disk_full(*_args: object) -> None:
        raise PlanError("the plan could not be saved (disk full)")

    monkeypatch.setattr(plan.import_mappings, "save", disk_full)
    with pytest.raises(PlanError):
        apply_import(plan, preview)

    assert plan_state(plan) == before


def test_a_preview_made_before_the_plan_changed_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    preview = preview_import(plan, _filled(tmp_path))
    plan.values.set(WEBINARS, "2026-03", Metric.MQL, actual=29)  # edited after the preview
    before = plan_state(plan)

    with pytest.raises(ImportRefused) as caught:
        apply_import(plan, preview)

    assert str(caught.value) == (
        "filled.xlsx: nothing was imported: the plan changed since the preview "
        "(Webinar series, Mar 2026, MQLs); preview the import again"
    )
    assert plan_state(plan) == before


def test_an_import_is_one_change_set_for_the_views(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    heard: list[ChangeSet] = []
    plan.subscribe(heard.append)
    path = tmp_path / "deals.csv"
    path.write_text(DEALS, encoding="utf-8")
    preview = preview_import(plan, path, mapping=CsvMapping("Campaign", "Close Date", "Amount"))

    change = apply_import(plan, preview)

    assert len(heard) == 1
    assert heard[0].touches(Entity.VALUES, Entity.IMPORT_MAPPINGS)
    assert change is not None and change.entity is Entity.VALUES
    assert change.ids == {WEBINARS, OUTBOUND}


def test_the_undo_entries_put_back_what_the_plan_held(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    before = plan_state(plan)
    preview = preview_import(plan, _filled(tmp_path, actuals_row(WEBINARS, "2026-01", "MQLs", 7)))
    apply_import(plan, preview)

    plan.values.set_many(preview.undo_entries())

    assert plan_state(plan) == before


def test_a_read_only_plan_is_refused_unchanged(tmp_path: Path) -> None:
    source = plan_with_actuals()
    copy = source.save_copy(tmp_path / "plan.smplan")
    plan = Plan.open(copy, read_only=True)
    preview = preview_import(plan, _filled(tmp_path))
    before = plan_state(plan)

    with pytest.raises(ReadOnlyPlanError):
        apply_import(plan, preview)

    assert plan_state(plan) == before
    plan.close()


def test_the_preview_reports_progress_up_to_the_total(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    rows = [
        actuals_row(WEBINARS, f"2026-{m:02d}", metric, 1) for m in range(1, 13) for metric in Metric
    ]
    reports: list[tuple[int, int]] = []

    preview_import(
        plan,
        write_actuals(tmp_path / "filled.xlsx", rows),
        on_progress=lambda d, t: reports.append((d, t)),
    )

    assert reports[0] == (0, 0)  # the total is not known before the sheet is scanned
    done, total = reports[-1]
    assert done == total >= len(rows)


def test_a_preview_cancelled_while_reading_rows_stops_with_nothing_changed(
    tmp_path: Path,
) -> None:
    plan = plan_with_actuals()
    cancel = threading.Event()
    before = plan_state(plan)

    def cancel_once_rows_are_read(done: int, total: int) -> None:
        if total:
            cancel.set()

    with pytest.raises(ImportCancelled) as caught:
        preview_import(
            plan, _filled(tmp_path), on_progress=cancel_once_rows_are_read, cancel=cancel
        )

    assert str(caught.value) == "the import was cancelled; nothing was changed"
    assert plan_state(plan) == before
