"""A CRM's "all deals" export holds the deals sales found itself, which name no campaign: those
rows are skipped and counted ("skipped (no initiative)"), not rejected."""

from __future__ import annotations

from pathlib import Path

from crm_exports import HUBSPOT_DEALS, WEBINARS, actual_of, demo_copy, new_value

from planner import Metric, Plan
from planner.workbook.importing import CsvMapping, apply_import, preview_import
from planner.workbook.importing.records import ImportPreview, SourceKind

EVERY_DEAL = CsvMapping("Campaign", "Close Date", "Amount", metric=Metric.PIPELINE)


def test_won_deals_that_name_no_campaign_are_skipped_not_rejected(
    export_demo_plan: Plan,
) -> None:
    preview = preview_import(export_demo_plan, HUBSPOT_DEALS)  # won deals, by the guess

    assert preview.rejected == ()
    assert (preview.no_initiative, preview.skipped) == (4, 7)  # and 3 deals not won


def test_every_deal_that_names_no_campaign_is_skipped_without_a_stage_filter(
    export_demo_plan: Plan,
) -> None:
    preview = preview_import(export_demo_plan, HUBSPOT_DEALS, mapping=EVERY_DEAL)

    assert preview.rejected == ()
    assert (preview.no_initiative, preview.skipped) == (5, 5)


def test_the_deals_that_name_a_campaign_are_summed_as_before(export_demo_plan: Plan) -> None:
    preview = preview_import(export_demo_plan, HUBSPOT_DEALS)

    assert new_value(preview, WEBINARS, 202601, Metric.REVENUE_WON) == 18_400_00
    assert new_value(preview, WEBINARS, 202603, Metric.REVENUE_WON) == 19_350_00


def test_the_counts_line_says_how_many_were_skipped_for_no_initiative(
    export_demo_plan: Plan,
) -> None:
    preview = preview_import(export_demo_plan, HUBSPOT_DEALS)

    assert ", 7 skipped (4 with no initiative), 0 rows rejected" in preview.counts_line()


def test_the_counts_line_says_so_when_every_skipped_row_named_no_initiative() -> None:
    preview = ImportPreview(
        Path("deals.csv"), SourceKind.CSV, (), unchanged=0, rejected=(), skipped=12,
        no_initiative=12,
    )  # fmt: skip

    assert preview.counts_line() == (
        "0 values to import (0 new, 0 changed), 0 unchanged, 12 skipped (no initiative), "
        "0 rows rejected"
    )


def test_an_all_deals_export_imports_with_no_rejected_rows_to_skip(
    export_demo_path: Path, tmp_path: Path
) -> None:
    with Plan.open(demo_copy(export_demo_path, tmp_path)) as plan:
        apply_import(plan, preview_import(plan, HUBSPOT_DEALS))  # refused if any rejected

        assert actual_of(plan, WEBINARS, 202601, Metric.REVENUE_WON) == 18_400_00
