"""The import's preview dialog: the counts in words, the values that change as the plan shows
them, every rejected row with its reason, and rejected rows holding the import back until the
user ticks that the others may go in without them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from workbook_ui_support import demo_changes, preview_of

from planner import Metric, months
from planner.money import Currency
from planner.workbook.importing.records import SourceKind, ValueChange
from ui.workbook.preview_dialog import CHANGE_MAPPING, PreviewDialog

USD = Currency("USD")


def change(old: int | None, new: int, metric: Metric = Metric.REVENUE_WON) -> ValueChange:
    return ValueChange(1, "Webinar series", 202603, metric, old, new, "line 7")


def dialog_for(qtbot, preview) -> PreviewDialog:
    dialog = PreviewDialog(preview, USD)
    qtbot.addWidget(dialog)
    return dialog


def test_the_summary_says_what_changes_is_new_unchanged_rejected_and_skipped(qtbot):
    changes = (change(1, 2),) * 142 + (change(None, 5),) * 30
    preview = preview_of(changes, unchanged=2400, rejected=3, skipped=12)

    dialog = dialog_for(qtbot, preview)

    assert dialog.summary.text() == (
        "172 values to import (30 new, 142 changed), 2,400 unchanged, 12 skipped, 3 rows rejected"
    )


def test_the_summary_speaks_of_one_row_in_the_singular(qtbot):
    preview = preview_of((change(1, 2), change(None, 3)), rejected=1)

    dialog = dialog_for(qtbot, preview)

    assert dialog.summary.text() == (
        "2 values to import (1 new, 1 changed), 0 unchanged, 0 skipped, 1 row rejected"
    )


def test_the_import_button_counts_the_values_it_writes(qtbot):
    preview = preview_of((change(1, 2),) * 142 + (change(None, 5),) * 30)

    dialog = dialog_for(qtbot, preview)

    assert dialog.import_button.text() == "Import 172 Values"
    assert dialog.import_button.isEnabled()


def test_the_changes_table_shows_initiative_month_metric_now_and_after(qtbot):
    preview = preview_of(
        (change(1_234_50, 2_000_00), change(None, 12, Metric.DEALS_WON)),
    )

    dialog = dialog_for(qtbot, preview)
    table = dialog.changes

    assert [table.shown(0, c) for c in range(6)] == [
        "Webinar series",
        months.label(202603),
        "Revenue won",
        "$1,234.50",
        "$2,000.00",
        "line 7",
    ]
    assert [table.shown(1, c) for c in (2, 3, 4)] == ["Deals won", "—", "12"]


def test_the_changes_table_sorts_amounts_by_value_not_by_text(qtbot):
    preview = preview_of((change(None, 9_00), change(None, 10_00), change(None, 1_00)))
    dialog = dialog_for(qtbot, preview)
    table = dialog.changes

    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)

    assert [table.shown(n, 4) for n in range(3)] == ["$1.00", "$9.00", "$10.00"]


def test_the_changes_table_sorts_months_by_date_not_by_name(qtbot):
    months_in_file = (202602, 202601, 202512)
    preview = preview_of(
        tuple(ValueChange(1, "Webinar", m, Metric.LEADS, None, 1, "line 2") for m in months_in_file)
    )
    dialog = dialog_for(qtbot, preview)
    table = dialog.changes

    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    assert [table.shown(n, 1) for n in range(3)] == ["Feb 2026", "Jan 2026", "Dec 2025"]


def test_the_rejected_table_lists_every_row_with_its_reason(qtbot):
    preview = preview_of((change(1, 2),), rejected=3)

    dialog = dialog_for(qtbot, preview)

    assert dialog.rejected.model().rowCount() == 3
    assert dialog.rejected.shown(2, 0) == "Actuals row 42"
    assert "not a number" in dialog.rejected.shown(2, 1)
    assert dialog.rejected.isVisibleTo(dialog)


def test_rejected_rows_hold_the_import_back_until_the_box_is_ticked(qtbot):
    preview = preview_of((change(1, 2),), rejected=3)
    dialog = dialog_for(qtbot, preview)
    assert dialog.skip_box.text() == "Import the other rows and skip the 3 rejected"
    assert not dialog.import_button.isEnabled()

    dialog.skip_box.setChecked(True)

    assert dialog.import_button.isEnabled()
    assert dialog.skip_rejected() is True


def test_accepting_without_the_box_ticked_does_nothing(qtbot):
    dialog = dialog_for(qtbot, preview_of((change(1, 2),), rejected=1))

    dialog.accept()

    assert dialog.result() != PreviewDialog.DialogCode.Accepted


def test_without_rejected_rows_there_is_no_box_and_nothing_to_skip(qtbot):
    dialog = dialog_for(qtbot, preview_of((change(1, 2),)))

    assert not dialog.skip_box.isVisibleTo(dialog)
    assert not dialog.rejected.isVisibleTo(dialog)
    assert dialog.skip_rejected() is False


def test_a_file_that_changes_nothing_offers_nothing_to_import(qtbot):
    dialog = dialog_for(qtbot, preview_of((), unchanged=50))

    assert dialog.import_button.text() == "Nothing to Import"
    assert not dialog.import_button.isEnabled()


def test_the_notes_are_shown(qtbot):
    preview = preview_of((change(1, 2),), notes=("read as Windows-1252 text",))

    dialog = dialog_for(qtbot, preview)

    assert "read as Windows-1252 text" in dialog.notes.text()
    assert dialog.notes.isVisibleTo(dialog)


def test_a_csv_preview_offers_to_change_the_columns(qtbot):
    preview = preview_of((change(1, 2),), kind=SourceKind.CSV, source=Path("/x/deals.csv"))
    dialog = dialog_for(qtbot, preview)

    dialog.mapping_button.click()

    assert dialog.result() == CHANGE_MAPPING


def test_a_workbook_preview_has_no_columns_to_change(qtbot):
    dialog = dialog_for(qtbot, preview_of((change(1, 2),)))

    assert dialog.mapping_button is None


def test_real_changes_of_the_demo_plan_show_in_its_currency(qtbot, document):
    changes = demo_changes(document.plan, changed=1, new=1)

    dialog = PreviewDialog(preview_of(changes), document.plan.currency)
    qtbot.addWidget(dialog)

    assert dialog.changes.shown(0, 0) == changes[0].initiative
    assert dialog.changes.shown(0, 4) == document.plan.currency.format(changes[0].new)
