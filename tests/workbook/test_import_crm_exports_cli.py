"""`smarketing import` run as a real process on CRM exports as Salesforce and HubSpot write
them: a report's footer and deals with no campaign let the import through, Excel serial months
are months, and an amount in another currency is refused naming the converted column."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import smarketing
from crm_exports import (
    ABM,
    HUBSPOT_DEALS,
    MULTICURRENCY,
    SALESFORCE_REPORT,
    SERIAL_MONTHS,
    WEBINARS,
    actual_of,
    demo_copy,
)

from planner import Metric, Plan

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(export_demo_path: Path, tmp_path: Path) -> Path:
    return demo_copy(export_demo_path, tmp_path)


def test_a_salesforce_report_with_its_footer_passes_a_dry_run(demo: Path) -> None:
    result = smarketing("import", demo, SALESFORCE_REPORT, "--dry-run")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 skipped, 3 footer lines ignored, 0 rows rejected" in result.stdout
    assert "Note: lines 15 to 18 are the report's footer, not data: " in result.stdout


def test_a_salesforce_report_with_its_footer_is_imported(demo: Path) -> None:
    before = demo.read_bytes()

    result = smarketing("import", demo, SALESFORCE_REPORT)

    assert result.returncode == 0, result.stderr
    assert "Imported 11 values" in result.stdout
    assert demo.read_bytes() != before


def test_deals_with_no_campaign_are_counted_as_skipped_in_a_dry_run(demo: Path) -> None:
    result = smarketing("import", demo, HUBSPOT_DEALS, "--dry-run")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 skipped (4 with no initiative), 0 rows rejected" in result.stdout


def test_excel_serial_months_are_imported_as_months(demo: Path) -> None:
    mapping = ("--initiative-column", "Campaign", "--date-column", "Month")
    mapping += ("--value-column", "Actual", "--metric-column", "Metric")

    result = smarketing("import", demo, SERIAL_MONTHS, *mapping)

    assert result.returncode == 0, result.stderr
    assert "Imported 12 values" in result.stdout
    with Plan.open(demo, read_only=True) as plan:
        assert actual_of(plan, WEBINARS, 202601, Metric.LEADS) == 412


def test_an_amount_in_another_currency_is_refused_naming_the_converted_column(
    demo: Path,
) -> None:
    before = demo.read_bytes()

    result = smarketing("import", demo, MULTICURRENCY, "--value-column", "Amount")

    assert result.returncode == 2
    assert "line 3: column 'Amount' is in EUR (column 'Amount Currency')" in result.stdout
    assert "use column 'Amount (converted)' instead" in result.stdout
    assert "nothing was imported: 1 row rejected" in result.stderr
    assert demo.read_bytes() == before


def test_the_converted_column_imports_the_amount_in_the_plans_currency(demo: Path) -> None:
    result = smarketing("import", demo, MULTICURRENCY, "--value-column", "Amount (converted)")

    assert result.returncode == 0, result.stderr
    with Plan.open(demo, read_only=True) as plan:
        assert actual_of(plan, ABM, 202603, Metric.REVENUE_WON) == 31_372_25
