"""The CRM exports in tests/workbook/data, shaped as Salesforce and HubSpot write them, and what
the tests of their import share: the demo plan they name initiatives of, and ways to read a
preview's sums.

- ``salesforce_opportunities_by_campaign.csv``: a Salesforce report of won opportunities
  ("Details Only", every cell quoted, month/day/year dates) ending with its footer: a blank
  line, "Grand Totals (12 records)", a blank line, "Confidential Information - Do Not
  Distribute" and "Copyright © 2000-2025 salesforce.com, inc. All rights reserved.";
- ``hubspot_all_deals.csv``: HubSpot's export of every deal, won, lost and open, where the
  deals sales found itself name no campaign;
- ``actuals_with_excel_serial_months.csv``: monthly actuals kept in a sheet and saved as CSV
  after its months were pasted as values (46023 is 1 Jan 2026);
- ``salesforce_multicurrency.csv``: a report from a Salesforce org with several currencies,
  laid out as Salesforce exports it ("Amount Currency", "Amount", "Amount (converted)
  Currency", "Amount (converted)"), one deal in EUR;
- ``salesforce_formatted_amounts.csv``: the same deals with amounts written with their
  currency ("EUR 28,520.23").
"""

from __future__ import annotations

import shutil
from pathlib import Path

from planner import Metric, Plan
from planner.workbook.importing import ImportPreview

DATA = Path(__file__).parent / "data"
SALESFORCE_REPORT = DATA / "salesforce_opportunities_by_campaign.csv"
HUBSPOT_DEALS = DATA / "hubspot_all_deals.csv"
SERIAL_MONTHS = DATA / "actuals_with_excel_serial_months.csv"
MULTICURRENCY = DATA / "salesforce_multicurrency.csv"
FORMATTED_AMOUNTS = DATA / "salesforce_formatted_amounts.csv"

WEBINARS = "Webinar series: the 5-day close"  # initiatives of the demo plan
PAID_SEARCH = "Paid search for close automation"
ABM = "LinkedIn ABM for PE portfolio CFOs"
SALESFORCE_FOOTER = (
    "Grand Totals (12 records)",
    "Confidential Information - Do Not Distribute",
    "Copyright © 2000-2025 salesforce.com, inc. All rights reserved.",
)


def demo_copy(demo_path: Path, folder: Path) -> Path:
    """A copy of the demo plan's file that a test may import into."""
    return Path(shutil.copyfile(demo_path, folder / "demo.smplan"))


def new_value(preview: ImportPreview, initiative: str, month: int, metric: Metric) -> int | None:
    """What the import would write for one initiative, month and metric (None: nothing)."""
    return next(
        (
            change.new
            for change in preview.changes
            if (change.initiative, change.month, change.metric) == (initiative, month, metric)
        ),
        None,
    )


def actual_of(plan: Plan, initiative: str, month: int, metric: Metric) -> int | None:
    initiative_id = next(i.id for i in plan.initiatives.list() if i.name == initiative)
    return plan.values.grid(metric).get((initiative_id, month), (None, None))[1]


def salesforce_report_with(path: Path, *, above_footer: str = "", footer: str = "") -> Path:
    """The Salesforce report with ``above_footer`` (CSV lines) added below its last row and
    its footer replaced by ``footer`` when given, written to ``path``."""
    text = SALESFORCE_REPORT.read_bytes().decode("utf-8")
    rows, _blank, old_footer = text.partition("\r\n\r\n")
    written = f"{rows}\r\n{above_footer}\r\n{footer or old_footer}"
    path.write_text(written, encoding="utf-8", newline="")
    return path
