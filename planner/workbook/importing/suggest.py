"""A first mapping for a CSV: the one saved in the plan for its columns, else a guess from the
column names HubSpot's deal exports and Salesforce's opportunity reports use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.domain import Metric
from planner.workbook.importing.mapping import CsvMapping

if TYPE_CHECKING:
    from planner.plan import Plan

# Known column names, most telling first, compared ignoring case, spaces and punctuation.
INITIATIVE_COLUMNS = (
    "Campaign",
    "Campaign Name",
    "Primary Campaign Source",
    "Primary Campaign",
    "Associated Campaign",
    "Marketing Campaign",
    "Initiative",
    "Lead Source",
    "Original Source",
    "Deal Source",
    "Source",
)
DATE_COLUMNS = (
    "Close Date",
    "Closed Date",
    "Date Closed",
    "Won Date",
    "Close Date (Deal)",
    "Date",
    "Month",
)
# Amounts converted to the company's currency (Salesforce's and HubSpot's names). A CRM adds
# them only when deals come in several currencies, and then the plain "Amount" is in each
# deal's own: so they come first.
CONVERTED_COLUMNS = ("Amount in company currency", "Amount (converted)")
VALUE_COLUMNS = (
    *CONVERTED_COLUMNS,
    "Amount",
    "Deal Amount",
    "Opportunity Amount",
    "Total Contract Value",
    "Revenue",
    "Value",
    "Actual",
)
# A sheet of actuals kept by hand names each row's metric (as the Actuals sheet does).
METRIC_COLUMNS = ("Metric",)
STAGE_COLUMNS = ("Deal Stage", "Stage", "Opportunity Stage", "Stage Name", "Status")
WON_STAGES = ("Closed Won",)


def suggest_mapping(plan: Plan, headers: Sequence[str]) -> CsvMapping | None:
    """The plan's saved mapping for these columns if it has one, else a guess from known CRM
    column names (revenue won from won deals, each also counted as a deal won, or the metric
    a column names), or None when the columns name no initiative, date and amount."""
    saved = plan.import_mappings.saved(headers)
    return saved if saved is not None else guess_mapping(headers)


def guess_mapping(headers: Sequence[str]) -> CsvMapping | None:
    """A mapping guessed from the column names alone (see :func:`suggest_mapping`)."""
    initiative = find_column(headers, INITIATIVE_COLUMNS)
    date = find_column(headers, DATE_COLUMNS)
    value = find_column(headers, VALUE_COLUMNS)
    if initiative is None or date is None or value is None:
        return None
    stage = find_column(headers, STAGE_COLUMNS)
    metric_column = find_column(headers, METRIC_COLUMNS)
    return CsvMapping(
        initiative=initiative,
        date=date,
        value=value,
        metric=None if metric_column else Metric.REVENUE_WON,
        metric_column=metric_column,
        stage_column=stage,
        stages=WON_STAGES if stage else (),
        count_into=Metric.DEALS_WON if stage else None,
    )


def find_column(headers: Sequence[str], known: Sequence[str]) -> str | None:
    """The first of ``headers`` named as one of ``known`` (the most telling first), ignoring
    case, spaces and punctuation."""
    by_key = {}
    for header in headers:
        by_key.setdefault(_key(header), header)
    return next((by_key[_key(name)] for name in known if _key(name) in by_key), None)


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())
