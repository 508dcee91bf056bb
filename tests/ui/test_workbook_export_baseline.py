"""Comparing with a baseline from File > Export Workbook…: the dialog offers the plan's saved
versions (and nothing when it has none), the choice reaches the export job, and the job opens
the version in its worker and writes the Plan vs baseline sheet."""

from __future__ import annotations

import datetime as dt
import threading

import openpyxl
from PySide6.QtCore import QSettings
from window_support import make_window, open_and_wait
from workbook_ui_support import FakeExport, patch_export, settle_task

from planner import Plan
from planner.versions.service import Kind
from ui.workbook import jobs
from ui.workbook.export_dialog import NO_BASELINE, ExportDialog

BASELINE = "Board-approved FY2026"
SAVED_AT = dt.datetime(2026, 1, 15, 10, 30)


def save_versions(path) -> dict[str, int]:
    with Plan.open(path) as plan:
        baseline = plan.versions.save(BASELINE, saved_at=SAVED_AT).id
        scenario = plan.versions.save("Cut events 30%", kind=Kind.SCENARIO, saved_at=SAVED_AT).id
    return {"baseline": baseline, "scenario": scenario}


def open_window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def test_a_plan_without_versions_is_offered_no_comparison(qtbot, tmp_path, demo_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(settings, demo_path, "Plan")
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.baseline_box.isVisible()
    assert dialog.baseline_id() is None


def test_the_dialog_offers_none_and_every_saved_version(qtbot, tmp_path, demo_path):
    save_versions(demo_path)
    window = open_window(qtbot, tmp_path, demo_path)

    dialog = window.files.workbook.exporting.ask()

    box = dialog.baseline_box
    assert box.isVisible()
    assert [box.itemText(n) for n in range(box.count())] == [
        NO_BASELINE,
        f"{BASELINE} (locked baseline, saved 2026-01-15 10:30)",
        "Cut events 30% (scenario, saved 2026-01-15 10:30)",
    ]
    assert dialog.baseline_id() is None  # nothing compared unless chosen


def test_the_version_chosen_reaches_the_export_job(qtbot, tmp_path, demo_path, monkeypatch):
    ids = save_versions(demo_path)
    fake = patch_export(monkeypatch, FakeExport())
    window = open_window(qtbot, tmp_path, demo_path)
    dialog = window.files.workbook.exporting.ask()

    dialog.path_edit.setText(str(tmp_path / "Against.xlsx"))
    dialog.baseline_box.setCurrentIndex(dialog.baseline_box.findData(ids["baseline"]))
    dialog.export_button.click()
    settle_task(window)

    assert fake.calls[0]["baseline_id"] == ids["baseline"]
    assert fake.calls[0]["version_id"] is None  # the window shows the working plan


def test_the_export_job_writes_the_plan_vs_baseline_sheet(qtbot, tmp_path, demo_path):
    ids = save_versions(demo_path)
    window = open_window(qtbot, tmp_path, demo_path)
    target = tmp_path / "Against.xlsx"

    assert window.files.workbook.exporting.export(target, baseline_id=ids["baseline"])
    settle_task(window)

    book = openpyxl.load_workbook(target, read_only=True)
    assert "Plan vs baseline" in book.sheetnames
    assert str(target) in window.notice.text()


def test_the_export_job_exports_the_version_asked_for(tmp_path, demo_path):
    ids = save_versions(demo_path)
    target = tmp_path / "Scenario.xlsx"
    with Plan.open(demo_path, read_only=True) as plan:
        jobs.export(
            plan,
            lambda done, total: None,
            threading.Event(),
            target=target,
            pictures=None,
            version_id=ids["scenario"],
            baseline_id=ids["baseline"],
        )

    about = openpyxl.load_workbook(target, read_only=True)["About"]
    named = {row[0]: row[1] for row in about.iter_rows(values_only=True) if len(row) > 1}
    assert named["Version exported"] == "Cut events 30%"
    assert named["Compared with"] == BASELINE
