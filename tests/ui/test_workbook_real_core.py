"""The workbook actions of the window with the core's real export and import, on the small
demo plan: a workbook comes out, goes round through another person's hands and back in as one
undo step; a CRM's CSV goes through the column mapping, which the plan keeps for next time."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from window_support import make_window, open_and_wait, problem_box
from workbook_ui_support import settle_task

from planner import Metric
from planner.workbook.layout import ACTUAL, ACTUALS_HEADERS, ACTUALS_SHEET, metric_from_title
from ui.workbook.mapping_dialog import MappingDialog
from ui.workbook.preview_dialog import PreviewDialog

CSV_TEXT = (
    "Deal Name,Deal Stage,Amount,Close Date,Deal owner,Original Source,Campaign\n"
    "Acme – renewal,Closed Won,1200.50,2026-02-14,Ana,Paid Search,CFO roundtable dinners\n"
    "Birch – new,Closed Won,800,2026-02-20,Ben,Referrals,CFO roundtable dinners\n"
    "Cobalt – new,Closed Lost,5000,2026-02-21,Ben,Referrals,CFO roundtable dinners\n"
    "Delta – new,Closed Won,300,2026-03-02,Cy,Events,No such campaign\n"
)


@pytest.fixture
def window(qtbot, tmp_path, demo_path):
    window = make_window(qtbot, tmp_path)
    open_and_wait(window, demo_path)
    return window


def export(window, target: Path) -> None:
    assert window.files.workbook.exporting.export(target)
    settle_task(window)


def fill_actuals(path: Path, rows: int, bad_cell: bool = False) -> dict:
    """Write planned + 1 into the Actual cell of the first ``rows`` rows with a planned value,
    as another person would; what the plan should hold after, by (id, month, metric)."""
    book = openpyxl.load_workbook(path)
    sheet = book[ACTUALS_SHEET]
    header = next(
        n
        for n, row in enumerate(sheet.iter_rows(values_only=True), 1)
        if row[:6] == ACTUALS_HEADERS
    )
    expected = {}
    for row in sheet.iter_rows(min_row=header + 1):
        if len(expected) == rows:
            break
        initiative, _, month, metric, planned, _ = (cell.value for cell in row[:6])
        if planned is None:
            continue
        row[ACTUALS_HEADERS.index(ACTUAL)].value = planned + 1
        metric = metric_from_title(metric)
        amount = Decimal(str(planned + 1))
        value = int(amount * 100) if metric.is_money else int(amount)
        expected[(initiative, month.year * 100 + month.month, metric)] = value
    if bad_cell:
        sheet.cell(row=header + rows + 40, column=ACTUALS_HEADERS.index(ACTUAL) + 1).value = "abc"
    book.save(path)
    return expected


def actual_of(window, key) -> int | None:
    initiative, month, metric = key
    return window.document.plan.values.grid(metric).get((initiative, month), (None, None))[1]


def test_the_export_writes_the_workbook_and_names_it_in_the_notice(window, tmp_path):
    target = tmp_path / "Board pack.xlsx"

    export(window, target)

    assert ACTUALS_SHEET in openpyxl.load_workbook(target, read_only=True).sheetnames
    assert str(target) in window.notice.text()


def test_a_cancelled_export_leaves_no_file(window, tmp_path):
    target = tmp_path / "Board pack.xlsx"

    window.files.workbook.exporting.export(target)
    window.files.workbook.task.cancel()
    settle_task(window)

    assert not target.exists()
    assert list(tmp_path.glob("*.xlsx*")) == []
    assert "cancelled" in window.notice.text()
    assert problem_box(window) is None


def test_an_export_into_a_missing_folder_is_told_by_name(window, tmp_path):
    export(window, tmp_path / "gone" / "Board pack.xlsx")

    box = problem_box(window)
    assert box is not None and "gone" in box.text()


def test_a_filled_in_workbook_comes_back_as_one_undo_step(window, tmp_path):
    target = tmp_path / "returned.xlsx"
    export(window, target)
    expected = fill_actuals(target, rows=6)
    before = {key: actual_of(window, key) for key in expected}
    flow = window.files.workbook.importing

    flow.import_file(target)
    settle_task(window)
    preview_dialog = flow.dialog
    assert isinstance(preview_dialog, PreviewDialog)
    assert preview_dialog.import_button.text() == "Import 6 Values"
    preview_dialog.import_button.click()

    assert {key: actual_of(window, key) for key in expected} == expected
    window.document.undo_stack.undo()
    assert {key: actual_of(window, key) for key in expected} == before
    window.document.undo_stack.redo()
    assert {key: actual_of(window, key) for key in expected} == expected


def test_a_rejected_cell_holds_the_real_import_back_until_ticked(window, tmp_path):
    target = tmp_path / "returned.xlsx"
    export(window, target)
    fill_actuals(target, rows=2, bad_cell=True)
    flow = window.files.workbook.importing

    flow.import_file(target)
    settle_task(window)

    dialog = flow.dialog
    assert len(dialog.preview.rejected) == 1
    assert "abc" in dialog.rejected.shown(0, 1)
    assert not dialog.import_button.isEnabled()
    dialog.skip_box.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_a_crm_csv_is_mapped_previewed_imported_and_its_mapping_kept(window, tmp_path):
    source = tmp_path / "hubspot deals.csv"
    source.write_text(CSV_TEXT, encoding="utf-8")
    flow = window.files.workbook.importing

    flow.import_file(source)
    settle_task(window)
    mapping_dialog = flow.dialog
    assert isinstance(mapping_dialog, MappingDialog)
    mapping_dialog.initiative_combo.setCurrentText("Campaign")
    chosen = mapping_dialog.mapping()
    mapping_dialog.preview_button.click()
    settle_task(window)
    preview_dialog = flow.dialog
    assert isinstance(preview_dialog, PreviewDialog)
    assert len(preview_dialog.preview.rejected) == 1  # the unknown campaign
    preview_dialog.skip_box.setChecked(True)
    preview_dialog.import_button.click()

    roundtable = next(
        i.id for i in window.document.plan.initiatives.list() if i.name == "CFO roundtable dinners"
    )
    assert actual_of(window, (roundtable, 202602, Metric.REVENUE_WON)) == 2000_50
    flow.import_file(source)
    settle_task(window)
    assert flow.dialog.mapping() == chosen


def test_an_edit_made_after_the_preview_refuses_the_import_and_says_why(window, tmp_path):
    target = tmp_path / "returned.xlsx"
    export(window, target)
    expected = fill_actuals(target, rows=3)
    flow = window.files.workbook.importing
    flow.import_file(target)
    settle_task(window)
    initiative, month, metric = next(iter(expected))
    window.document.plan.values.set(initiative, month, metric, actual=7)
    steps = window.document.undo_stack.count()

    flow.dialog.import_button.click()

    assert actual_of(window, (initiative, month, metric)) == 7
    assert window.document.undo_stack.count() == steps
    assert "the plan changed since the preview" in window.notice.text()
