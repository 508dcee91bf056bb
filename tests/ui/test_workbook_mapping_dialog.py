"""The column mapping of a CRM's CSV export: it builds the mapping the user chose, starts
from the one saved in the plan, lists the stages seen in the file to tick, and will not go
on while a needed column is missing."""

from __future__ import annotations

from planner import Metric
from planner.workbook.importing.mapping import CsvMapping, DateOrder
from ui.workbook.mapping_dialog import FROM_COLUMN, MappingDialog

HEADERS = ("Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Original Source")
SAMPLE = (
    ("Webinar: close faster", "Closed Won", "12000", "2026-02-14", "Ana", "Webinar"),
    ("Partner referral", "Closed Lost", "8000", "2026-02-20", "Ben", "Partner"),
    ("Webinar: close faster", "Appointment Scheduled", "5000", "2026-03-02", "Ana", "Webinar"),
    ("Audit sprint", "closed won", "3000", "2026-03-09", "Cy", "Event"),
)


def dialog_for(qtbot, suggested: CsvMapping | None = None) -> MappingDialog:
    dialog = MappingDialog("deals.csv", HEADERS, SAMPLE, suggested)
    qtbot.addWidget(dialog)
    return dialog


def stages_listed(dialog: MappingDialog) -> list[str]:
    return [dialog.stage_list.item(n).text() for n in range(dialog.stage_list.count())]


def test_the_mapping_is_what_the_user_chose(qtbot):
    dialog = dialog_for(qtbot)

    dialog.initiative_combo.setCurrentText("Original Source")
    dialog.date_combo.setCurrentText("Close Date")
    dialog.order_combo.setCurrentIndex(dialog.order_combo.findData(DateOrder.YMD))
    dialog.value_combo.setCurrentText("Amount")
    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData(Metric.PIPELINE))
    dialog.count_combo.setCurrentIndex(dialog.count_combo.findData(Metric.OPPORTUNITIES))

    assert dialog.mapping() == CsvMapping(
        initiative="Original Source",
        date="Close Date",
        value="Amount",
        metric=Metric.PIPELINE,
        count_into=Metric.OPPORTUNITIES,
        date_order=DateOrder.YMD,
    )


def test_the_metric_can_come_from_a_column(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))

    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData(FROM_COLUMN))
    dialog.metric_column_combo.setCurrentText("Deal Stage")

    mapping = dialog.mapping()
    assert (mapping.metric, mapping.metric_column) == (None, "Deal Stage")


def test_a_saved_mapping_fills_every_field(qtbot):
    saved = CsvMapping(
        initiative="Deal Name",
        date="Close Date",
        value="Amount",
        metric=Metric.REVENUE_WON,
        stage_column="Deal Stage",
        stages=("Closed Won",),
        count_into=Metric.DEALS_WON,
        date_order=DateOrder.DMY,
    )

    dialog = dialog_for(qtbot, saved)

    assert dialog.mapping() == saved
    assert dialog.preview_button.isEnabled()


def test_the_stages_seen_in_the_file_are_listed_once_ignoring_case(qtbot):
    dialog = dialog_for(qtbot)

    dialog.stage_combo.setCurrentText("Deal Stage")

    assert stages_listed(dialog) == ["Closed Won", "Closed Lost", "Appointment Scheduled"]


def test_the_stages_of_the_whole_file_are_listed_not_only_those_of_the_first_rows(qtbot):
    distinct = [(), ("Closed Won", "Closed Lost", "Renewal Won")] + [()] * 4
    dialog = MappingDialog("deals.csv", HEADERS, SAMPLE, None, distinct=distinct)
    qtbot.addWidget(dialog)

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("Deal Stage"))

    assert stages_listed(dialog) == ["Closed Won", "Closed Lost", "Renewal Won"]


def test_a_first_choice_of_the_stage_column_ticks_the_won_stage(qtbot):
    dialog = dialog_for(qtbot)

    dialog.stage_combo.setCurrentText("Deal Stage")

    assert dialog.chosen_stages() == ("Closed Won",)


def test_a_saved_stage_not_in_the_first_rows_is_still_listed_and_ticked(qtbot):
    saved = CsvMapping(
        "Deal Name", "Close Date", "Amount", stage_column="Deal Stage", stages=("Won (legacy)",)
    )

    dialog = dialog_for(qtbot, saved)

    assert "Won (legacy)" in stages_listed(dialog)
    assert dialog.chosen_stages() == ("Won (legacy)",)


def test_without_a_stage_column_every_row_counts(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))

    mapping = dialog.mapping()

    assert (mapping.stage_column, mapping.stages) == (None, ())
    assert not dialog.stage_list.isVisibleTo(dialog)


def test_a_missing_column_is_named_and_holds_the_preview_back(qtbot):
    dialog = dialog_for(qtbot)

    dialog.initiative_combo.setCurrentText("Deal Name")

    assert not dialog.preview_button.isEnabled()
    assert dialog.problem.text() == "Choose the columns for the date and the value."


def test_one_column_cannot_serve_two_purposes(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))

    dialog.value_combo.setCurrentText("Deal Name")

    assert not dialog.preview_button.isEnabled()
    assert "a column of its own" in dialog.problem.text()


def test_a_stage_column_with_no_stage_ticked_holds_the_preview_back(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))
    dialog.stage_combo.setCurrentText("Deal Stage")

    dialog.stage_list.item(0).setCheckState(dialog.stage_list.item(0).checkState().Unchecked)

    assert not dialog.preview_button.isEnabled()
    assert "Tick the stages" in dialog.problem.text()


def test_the_sample_shows_the_first_rows_and_what_each_column_is_used_as(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))
    table = dialog.sample_table

    assert table.rowCount() == len(SAMPLE)
    assert table.item(3, 0).text() == "Audit sprint"
    assert table.horizontalHeaderItem(0).text() == "Deal Name\n▸ initiative"
    assert table.horizontalHeaderItem(2).text() == "Amount\n▸ value"


def test_the_metrics_come_back_as_metrics_not_their_names(qtbot):
    dialog = dialog_for(qtbot, CsvMapping("Deal Name", "Close Date", "Amount"))
    dialog.count_combo.setCurrentIndex(dialog.count_combo.findData(Metric.DEALS_WON))

    mapping = dialog.mapping()

    assert type(mapping.metric) is Metric and type(mapping.count_into) is Metric
    assert mapping.metric.is_money
