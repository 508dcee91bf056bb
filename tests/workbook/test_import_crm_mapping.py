"""A CRM export through a column mapping: rows summed per initiative, month and metric, stages
filtered, dates read in the file's own order, and a mapping that does not fit refused naming
the columns; the mapping is kept in the plan for the next export with the same columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_support import (
    OUTBOUND,
    WEBINARS,
    actual,
    imported,
    plan_state,
    plan_with_actuals,
    refusal,
    rejected_rows,
)

from planner import Metric, PlanFileError
from planner.workbook.importing import (
    CsvMapping,
    DateOrder,
    MappingNeeded,
    apply_import,
    describe_mapping,
    guess_mapping,
    preview_import,
    suggest_mapping,
)

HUBSPOT = """Deal Name,Deal Stage,Amount,Close Date,Deal owner,Campaign
Acme renewal,Closed Won,"12,500.00",2026-03-14,Sam,Webinar series
Beta new logo,closed won,7500,2026-03-20 10:22,Sam,webinar  SERIES
Gamma pilot,Negotiation,9000,2026-03-22,Sam,Webinar series
Delta,Closed Won,300,2026-04-02T09:00:00Z,Sam,Outbound push
"""
WON_DEALS = CsvMapping(
    initiative="Campaign",
    date="Close Date",
    value="Amount",
    metric=Metric.REVENUE_WON,
    stage_column="Deal Stage",
    stages=("Closed Won",),
    count_into=Metric.DEALS_WON,
)


def _csv(tmp_path: Path, text: str, name: str = "deals.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_are_summed_per_initiative_month_and_metric(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    imported(plan, _csv(tmp_path, HUBSPOT), mapping=WON_DEALS)

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 2_000_000
    assert actual(plan, OUTBOUND, 202604, Metric.REVENUE_WON) == 30_000


def test_count_into_adds_one_per_counted_row(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    imported(plan, _csv(tmp_path, HUBSPOT), mapping=WON_DEALS)

    assert actual(plan, WEBINARS, 202603, Metric.DEALS_WON) == 2
    assert actual(plan, OUTBOUND, 202604, Metric.DEALS_WON) == 1


def test_rows_of_other_stages_are_skipped_not_rejected(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    preview = preview_import(plan, _csv(tmp_path, HUBSPOT), mapping=WON_DEALS)

    assert (preview.skipped, preview.rejected) == (1, ())


def test_each_sum_names_the_lines_it_came_from(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    preview = preview_import(plan, _csv(tmp_path, HUBSPOT), mapping=WON_DEALS)

    wheres = {(c.initiative_id, c.metric): c.where for c in preview.changes}
    assert wheres[(WEBINARS, Metric.REVENUE_WON)] == "lines 2 and 3"
    assert wheres[(OUTBOUND, Metric.DEALS_WON)] == "line 5"


def test_importing_the_same_export_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _csv(tmp_path, HUBSPOT)
    imported(plan, path, mapping=WON_DEALS)
    before = plan_state(plan)

    again = preview_import(plan, path, mapping=WON_DEALS)

    assert (again.changes, again.unchanged) == ((), 4)
    assert apply_import(plan, again) is None
    assert plan_state(plan) == before


def test_a_metric_column_names_each_rows_metric(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Source,Day,Count,What\nWebinar series,2026-03-01,40,MQLs\nWebinar series,2026-03-02,2,sql\n"
    mapping = CsvMapping("Source", "Day", "Count", metric=None, metric_column="What")

    imported(plan, _csv(tmp_path, text), mapping=mapping)

    assert actual(plan, WEBINARS, 202603, Metric.MQL) == 40
    assert actual(plan, WEBINARS, 202603, Metric.SQL) == 2


def test_initiative_names_not_in_the_plan_are_rejected_naming_the_value(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign,Close Date,Amount\nSpring promo,2026-03-14,100\n"
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    assert rejected_rows(plan, _csv(tmp_path, text), mapping=mapping) == [
        "line 2: 'Spring promo' (column 'Campaign') is not an initiative in the plan"
    ]


def test_wrong_cells_are_rejected_naming_their_columns(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = (
        "Campaign,Close Date,Amount\n"
        "Webinar series,2025-12-31,100\n"
        "Webinar series,soon,100\n"
        "Webinar series,2026-03-01,-5\n"
        "Webinar series,2026-03-01,\n"
    )
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    assert rejected_rows(plan, _csv(tmp_path, text), mapping=mapping) == [
        "line 2: column 'Close Date': Dec 2025 is outside the plan (Jan 2026 to Dec 2026)",
        "line 3: column 'Close Date' holds 'soon', not a date such as 2026-03-14",
        "line 4: column 'Amount' holds '-5', below zero; actuals cannot be negative",
        "line 5: column 'Amount' is empty",
    ]


def test_a_crm_export_whose_columns_do_not_map_asks_for_a_mapping(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _csv(tmp_path, "When,What,How much\n2026-03-01,x,5\n")

    before = plan_state(plan)
    with pytest.raises(MappingNeeded) as caught:
        preview_import(plan, path)

    assert caught.value.headers == ("When", "What", "How much")
    assert str(caught.value) == (
        "deals.csv: choose which columns hold the initiative, the date and the value "
        "(its columns are 'When', 'What', 'How much')"
    )
    assert plan_state(plan) == before


def test_a_mapping_naming_columns_the_file_lacks_is_refused_naming_both(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _csv(tmp_path, "Campaign,Date,Value\nWebinar series,2026-03-01,5\n")

    message = refusal(plan, path, MappingNeeded, mapping=WON_DEALS)

    assert message == (
        "deals.csv has no column 'Close Date', 'Amount', 'Deal Stage' (the mapping needs it); "
        "its columns are 'Campaign', 'Date', 'Value'"
    )


def test_a_mapping_that_adds_to_no_metric_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    mapping = CsvMapping("Campaign", "Close Date", "Amount", metric=None)

    message = refusal(plan, _csv(tmp_path, HUBSPOT), MappingNeeded, mapping=mapping)

    assert "the mapping adds to no metric" in message


def test_day_first_dates_are_recognised_from_the_file(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign,Close Date,Amount\nWebinar series,03/04/2026,1\nWebinar series,25/04/2026,2\n"

    imported(plan, _csv(tmp_path, text), mapping=CsvMapping("Campaign", "Close Date", "Amount"))

    assert actual(plan, WEBINARS, 202604, Metric.REVENUE_WON) == 300


def test_month_first_dates_are_recognised_from_the_file(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = (
        "Campaign,Close Date,Amount\nWebinar series,3/4/26,1\nWebinar series,4/25/2026 3:05 PM,2\n"
    )

    imported(plan, _csv(tmp_path, text), mapping=CsvMapping("Campaign", "Close Date", "Amount"))

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 100
    assert actual(plan, WEBINARS, 202604, Metric.REVENUE_WON) == 200


def test_ambiguous_dates_are_refused_asking_for_the_order(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign,Close Date,Amount\nWebinar series,03/04/2026,1\n"
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    message = refusal(plan, _csv(tmp_path, text), MappingNeeded, mapping=mapping)

    assert message == (
        "deals.csv: dates in column 'Close Date' such as 03/04/2026 on line 2 could be "
        "day/month/year or month/day/year; choose the date order (DMY or MDY)"
    )


def test_a_chosen_date_order_reads_ambiguous_dates(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign,Close Date,Amount\nWebinar series,03/04/2026,1\n"
    mapping = CsvMapping("Campaign", "Close Date", "Amount", date_order=DateOrder.MDY)

    imported(plan, _csv(tmp_path, text), mapping=mapping)

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 100


def test_dates_in_both_orders_are_refused_naming_a_line_of_each(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = "Campaign,Close Date,Amount\nWebinar series,25/03/2026,1\nWebinar series,03/25/2026,1\n"
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    message = refusal(plan, _csv(tmp_path, text), PlanFileError, mapping=mapping)

    assert message == (
        "deals.csv: column 'Close Date' mixes day-first dates (25/03/2026 on line 2) and "
        "month-first dates (03/25/2026 on line 3); correct the file"
    )


def test_dates_with_month_names_are_read(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    text = (
        'Campaign,Close Date,Amount\nWebinar series,14 Mar 2026,1\nWebinar series,"Apr 2, 2026",2\n'
    )

    imported(plan, _csv(tmp_path, text), mapping=CsvMapping("Campaign", "Close Date", "Amount"))

    assert actual(plan, WEBINARS, 202603, Metric.REVENUE_WON) == 100
    assert actual(plan, WEBINARS, 202604, Metric.REVENUE_WON) == 200


def test_hubspot_columns_suggest_won_revenue_counted_as_deals(tmp_path: Path) -> None:
    headers = ("Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner", "Campaign")

    assert guess_mapping(headers) == WON_DEALS


def test_salesforce_columns_suggest_a_mapping(tmp_path: Path) -> None:
    headers = (
        "Opportunity Name",
        "Account Name",
        "Stage",
        "Amount",
        "Close Date",
        "Opportunity Owner",
        "Primary Campaign Source",
        "Lead Source",
    )

    suggested = guess_mapping(headers)

    assert suggested is not None
    assert (suggested.initiative, suggested.date, suggested.value) == (
        "Primary Campaign Source",
        "Close Date",
        "Amount",
    )
    assert (suggested.stage_column, suggested.stages) == ("Stage", ("Closed Won",))


def test_a_sheet_of_monthly_actuals_suggests_its_metric_column() -> None:
    headers = ("Campaign", "Month", "Metric", "Actual")

    assert guess_mapping(headers) == CsvMapping(
        "Campaign", "Month", "Actual", metric=None, metric_column="Metric"
    )


def test_columns_naming_no_initiative_suggest_nothing() -> None:
    plan = plan_with_actuals()

    assert suggest_mapping(plan, ("Deal Name", "Amount", "Close Date")) is None


def test_the_suggested_mapping_is_used_when_none_is_given(tmp_path: Path) -> None:
    plan = plan_with_actuals()

    preview = imported(plan, _csv(tmp_path, HUBSPOT))

    assert preview.mapping == WON_DEALS
    assert "columns mapped by their names (a guess: check it)" in preview.notes


def test_the_mapping_applied_is_kept_and_used_next_time(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    mapping = CsvMapping("Campaign", "Close Date", "Amount", metric=Metric.PIPELINE)
    first = _csv(tmp_path, HUBSPOT, "march.csv")
    imported(plan, first, mapping=mapping)
    # Next month's export: the same columns in another order.
    later = "Campaign,Close Date,Deal owner,Deal Stage,Deal Name,Amount\nOutbound push,2026-05-01,Sam,Open,X,70\n"

    preview = preview_import(plan, _csv(tmp_path, later, "may.csv"))

    assert preview.mapping == mapping
    assert suggest_mapping(plan, preview.headers) == mapping
    assert "columns mapped as saved for this file's columns" in preview.notes
    assert [(c.metric, c.new) for c in preview.changes] == [(Metric.PIPELINE, 7_000)]


def test_a_new_mapping_for_the_same_columns_replaces_the_kept_one(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _csv(tmp_path, HUBSPOT)
    imported(plan, path, mapping=CsvMapping("Campaign", "Close Date", "Amount"))

    imported(plan, path, mapping=WON_DEALS)

    assert (
        suggest_mapping(
            plan, ("Campaign", "Close Date", "Amount", "Deal Stage", "Deal Name", "Deal owner")
        )
        == WON_DEALS
    )


def test_a_mapped_column_that_appears_twice_is_refused(tmp_path: Path) -> None:
    plan = plan_with_actuals()
    path = _csv(tmp_path, "Campaign,Close Date,Amount,Amount\nWebinar series,2026-03-01,5,6\n")
    mapping = CsvMapping("Campaign", "Close Date", "Amount")

    message = refusal(plan, path, MappingNeeded, mapping=mapping)

    assert message == "deals.csv has two columns named 'Amount'; rename one and choose it again"


def test_a_mapping_reads_as_one_line_of_words() -> None:
    assert describe_mapping(WON_DEALS) == (
        "initiative from 'Campaign', month from 'Close Date', Revenue won from 'Amount', "
        "only 'Deal Stage' in Closed Won, each row also counts as 1 of Deals won"
    )
