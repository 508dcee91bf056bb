"""File > Import Actuals… in the window: a preview first, then one undo step that Undo takes
back exactly and Redo puts back; cancels are quiet, failures are told, and a read-only plan
offers no import. The core's import is stood in for here (see test_workbook_real_core for
the real one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from window_support import make_window, open_and_wait, problem_box
from workbook_ui_support import (
    FakeExport,
    actuals_of,
    demo_changes,
    patch_export,
    preview_of,
    settle_task,
)

from planner import Metric, Plan, PlanError
from planner.workbook.importing import CsvTable
from planner.workbook.importing.mapping import CsvMapping
from planner.workbook.importing.records import SourceKind
from ui.workbook import jobs
from ui.workbook.mapping_dialog import MappingDialog
from ui.workbook.preview_dialog import PreviewDialog


def fake_apply(plan, preview, *, skip_rejected):
    if preview.rejected and not skip_rejected:
        raise PlanError("3 rows are rejected; nothing was imported")
    return plan.values.set_many(preview.entries())


@pytest.fixture
def window(qtbot, tmp_path, demo_path, monkeypatch):
    monkeypatch.setattr(jobs, "apply", fake_apply)
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def stand_in_preview(monkeypatch, preview, seen: list | None = None):
    def fake(plan, on_progress, cancel, *, path, mapping):
        if seen is not None:
            seen.append({"path": path, "mapping": mapping, "read_only": plan.read_only})
        return preview

    monkeypatch.setattr(jobs, "preview", fake)


def revenue(window) -> dict:
    return actuals_of(window.document.plan, Metric.REVENUE_WON)


def test_applying_a_preview_writes_its_values(window):
    changes = demo_changes(window.document.plan)

    assert window.files.workbook.importing.apply(preview_of(changes))

    after = revenue(window)
    assert all(after[(c.initiative_id, c.month)] == c.new for c in changes)


def test_an_import_is_one_undo_step_named_for_its_file(window):
    stack = window.document.undo_stack
    before = stack.count()
    preview = preview_of(demo_changes(window.document.plan), source=Path("/x/q1.xlsx"))

    window.files.workbook.importing.apply(preview)

    assert stack.count() == before + 1
    assert stack.undoText() == "import actuals from q1.xlsx"


def test_undo_puts_back_exactly_what_the_plan_held(window):
    before = revenue(window)
    preview = preview_of(demo_changes(window.document.plan, changed=3, new=2))
    window.files.workbook.importing.apply(preview)

    window.document.undo_stack.undo()

    assert revenue(window) == before


def test_redo_applies_the_import_again(window):
    preview = preview_of(demo_changes(window.document.plan))
    window.files.workbook.importing.apply(preview)
    applied = revenue(window)
    window.document.undo_stack.undo()

    window.document.undo_stack.redo()

    assert revenue(window) == applied


def test_the_notice_says_what_was_imported(window):
    preview = preview_of(demo_changes(window.document.plan, changed=2, new=1))

    window.files.workbook.importing.apply(preview)

    assert window.notice.text().startswith(
        "Imported 3 values from returned.xlsx (2 changed, 1 new)"
    )


def test_a_refused_import_changes_nothing_and_leaves_no_undo_step(window):
    before, steps = revenue(window), window.document.undo_stack.count()
    preview = preview_of(demo_changes(window.document.plan), rejected=3)

    assert not window.files.workbook.importing.apply(preview, skip_rejected=False)

    assert revenue(window) == before
    assert window.document.undo_stack.count() == steps
    assert "3 rows are rejected" in window.notice.text()


def test_a_workbook_goes_to_the_preview_read_on_a_read_only_plan(window, monkeypatch):
    seen: list = []
    preview = preview_of(demo_changes(window.document.plan))
    stand_in_preview(monkeypatch, preview, seen)
    flow = window.files.workbook.importing

    flow.import_file(Path("/x/returned.xlsx"))
    settle_task(window)

    assert isinstance(flow.dialog, PreviewDialog)
    assert seen == [{"path": Path("/x/returned.xlsx"), "mapping": None, "read_only": True}]


def test_import_in_the_preview_applies_it(window, monkeypatch):
    changes = demo_changes(window.document.plan)
    stand_in_preview(monkeypatch, preview_of(changes))
    flow = window.files.workbook.importing
    flow.import_file(Path("/x/returned.xlsx"))
    settle_task(window)

    flow.dialog.import_button.click()

    assert revenue(window)[(changes[0].initiative_id, changes[0].month)] == changes[0].new
    assert flow.dialog is None


def test_cancel_in_the_preview_changes_nothing(window, monkeypatch):
    before = revenue(window)
    stand_in_preview(monkeypatch, preview_of(demo_changes(window.document.plan)))
    flow = window.files.workbook.importing
    flow.import_file(Path("/x/returned.xlsx"))
    settle_task(window)

    flow.dialog.reject()

    assert revenue(window) == before


def test_skipping_rejected_rows_imports_the_others(window, monkeypatch):
    changes = demo_changes(window.document.plan)
    stand_in_preview(monkeypatch, preview_of(changes, rejected=2))
    flow = window.files.workbook.importing
    flow.import_file(Path("/x/returned.xlsx"))
    settle_task(window)

    flow.dialog.skip_box.setChecked(True)
    flow.dialog.import_button.click()

    assert revenue(window)[(changes[0].initiative_id, changes[0].month)] == changes[0].new
    assert "left out 2 rejected rows" in window.notice.text()


def test_a_file_the_core_refuses_is_told_in_a_dialog_and_changes_nothing(window, monkeypatch):
    before = revenue(window)

    def refuse(plan, on_progress, cancel, *, path, mapping):
        raise PlanError(f"{path}: there is no sheet named Actuals")

    monkeypatch.setattr(jobs, "preview", refuse)

    window.files.workbook.importing.import_file(Path("/x/other.xlsx"))
    settle_task(window)

    assert problem_box(window).text() == "/x/other.xlsx: there is no sheet named Actuals"
    assert problem_box(window).windowTitle() == "Can't import other.xlsx"
    assert revenue(window) == before


def test_a_cancelled_preview_is_quiet(window, monkeypatch):
    def wait_for_cancel(plan, on_progress, cancel, *, path, mapping):
        cancel.wait(10)
        raise PlanError("cancelled")

    monkeypatch.setattr(jobs, "preview", wait_for_cancel)

    window.files.workbook.importing.import_file(Path("/x/big.xlsx"))
    window.files.workbook.task.cancel()
    settle_task(window)

    assert problem_box(window) is None
    assert "cancelled" in window.notice.text()


def test_a_csv_asks_for_its_columns_first_then_previews_through_them(window, monkeypatch):
    table = CsvTable(
        path=Path("/x/deals.csv"),
        headers=("Deal Name", "Amount", "Close Date"),
        sample=(("Webinar", "100", "2026-01-05"),),
        rows=1,
        encoding="UTF-8",
        delimiter=",",
    )
    saved = CsvMapping(initiative="Deal Name", date="Close Date", value="Amount")
    monkeypatch.setattr(
        jobs, "read_csv", lambda plan, on_progress, cancel, *, path: jobs.CsvStart(table, saved)
    )
    seen: list = []
    preview = preview_of((), kind=SourceKind.CSV, source=Path("/x/deals.csv"), unchanged=1)
    stand_in_preview(monkeypatch, preview, seen)
    flow = window.files.workbook.importing

    flow.import_file(Path("/x/deals.csv"))
    settle_task(window)
    assert isinstance(flow.dialog, MappingDialog)
    flow.dialog.preview_button.click()
    settle_task(window)

    assert seen[0]["mapping"] == saved
    assert isinstance(flow.dialog, PreviewDialog)


def test_change_columns_goes_back_to_the_mapping_as_chosen(window, monkeypatch):
    table = CsvTable(
        path=Path("/x/deals.csv"),
        headers=("Deal Name", "Amount", "Close Date", "Campaign"),
        sample=(("Big deal", "100", "2026-01-05", "Webinar"),),
        rows=1,
        encoding="UTF-8",
        delimiter=";",
    )
    monkeypatch.setattr(
        jobs, "read_csv", lambda plan, on_progress, cancel, *, path: jobs.CsvStart(table, None)
    )
    chosen = CsvMapping(initiative="Campaign", date="Close Date", value="Amount")
    preview = preview_of((), kind=SourceKind.CSV, source=Path("/x/deals.csv"))
    stand_in_preview(monkeypatch, preview)
    flow = window.files.workbook.importing
    flow.import_file(Path("/x/deals.csv"))
    settle_task(window)
    flow.dialog.initiative_combo.setCurrentText("Campaign")
    flow.dialog.date_combo.setCurrentText("Close Date")
    flow.dialog.value_combo.setCurrentText("Amount")
    flow.dialog.preview_button.click()
    settle_task(window)

    flow.dialog.mapping_button.click()

    assert isinstance(flow.dialog, MappingDialog)
    assert flow.dialog.mapping() == chosen


def test_a_read_only_plan_offers_export_but_no_import(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)

    window.set_plan(Plan.open(demo_path, read_only=True))

    assert window.files.workbook.export.isEnabled()
    assert not window.files.workbook.import_.isEnabled()


def test_without_a_plan_neither_is_offered(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)

    assert not window.files.workbook.export.isEnabled()
    assert not window.files.workbook.import_.isEnabled()


def test_both_sit_in_the_file_menu_after_save_a_copy_with_their_shortcuts(window):
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]

    at = texts.index("Save a &Copy As…")
    # After the actions that write a plan file: Save a Copy, Start Next Year's Plan.
    assert texts[at + 2 : at + 4] == ["&Export Workbook…", "&Import Actuals…"]
    assert window.files.workbook.export.shortcut().toString() == "Ctrl+E"
    assert window.files.workbook.import_.shortcut().toString() == "Ctrl+Shift+I"


# -- where the file picker opens -------------------------------------------------------------


def picker_start(window, monkeypatch, chosen: str = "") -> str:
    """Open File > Import Actuals…; the folder its file picker opened in."""
    asked: list[str] = []

    def picker(_parent, _title, start, _filter):
        asked.append(start)
        return chosen, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", picker)
    window.files.workbook.importing.ask()
    return asked[0]


def test_the_import_picker_opens_where_the_last_workbook_was_exported(
    qtbot, window, tmp_path, monkeypatch
):
    patch_export(monkeypatch, FakeExport())
    out = tmp_path / "sent to the team"
    out.mkdir()
    dialog = window.files.workbook.exporting.ask()
    dialog.path_edit.setText(str(out / "Plan.xlsx"))
    dialog.export_button.click()
    settle_task(window)

    assert picker_start(window, monkeypatch) == str(out)


def import_from(window, monkeypatch, folder: Path) -> None:
    """Import a workbook from ``folder`` through the picker, and close its preview."""
    folder.mkdir()
    stand_in_preview(monkeypatch, preview_of(()))
    picker_start(window, monkeypatch, chosen=str(folder / "Plan filled in.xlsx"))
    settle_task(window)
    window.files.workbook.importing.dialog.reject()


def test_the_import_picker_opens_where_the_last_import_came_from(window, tmp_path, monkeypatch):
    import_from(window, monkeypatch, tmp_path / "came back")

    assert picker_start(window, monkeypatch) == str(tmp_path / "came back")


def test_the_export_suggests_the_folder_of_the_last_import(window, tmp_path, monkeypatch):
    import_from(window, monkeypatch, tmp_path / "came back")

    dialog = window.files.workbook.exporting.ask()

    assert dialog.target().parent == tmp_path / "came back"


def test_the_import_picker_first_opens_beside_the_plan(window, demo_path, monkeypatch):
    assert picker_start(window, monkeypatch) == str(demo_path.parent)
