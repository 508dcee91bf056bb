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
DATE_COLUMNS = ("Close Date", "Closed Date", "Date Closed", "Won Date", "Close Date (Deal)", "Date")
VALUE_COLUMNS = (
    "Amount",
    "Amount in company currency",
    "Amount (converted)",
    "Deal Amount",
    "Opportunity Amount",
    "Total Contract Value",
    "Revenue",
    "Value",
)
STAGE_COLUMNS = ("Deal Stage", "Stage", "Opportunity Stage", "Stage Name", "Status")
WON_STAGES = ("Closed Won",)


def suggest_mapping(plan: Plan, headers: Sequence[str]) -> CsvMapping | None:
    """The plan's saved mapping for these columns if it has one, else a guess from known CRM
    column names (revenue won from won deals, each also counted as a deal won), or None when
    the columns name no initiative, date and amount."""
    saved = plan.import_mappings.saved(headers)
    return saved if saved is not None else guess_mapping(headers)


def guess_mapping(headers: Sequence[str]) -> CsvMapping | None:
    """A mapping guessed from the column names alone (see :func:`suggest_mapping`)."""
    initiative = _find(headers, INITIATIVE_COLUMNS)
    date = _find(headers, DATE_COLUMNS)
    value = _find(headers, VALUE_COLUMNS)
    if initiative is None or date is None or value is None:
        return None
    stage = _find(headers, STAGE_COLUMNS)
    return CsvMapping(
        initiative=initiative,
        date=date,
        value=value,
        metric=Metric.REVENUE_WON,
        stage_column=stage,
        stages=WON_STAGES if stage else (),
        count_into=Metric.DEALS_WON if stage else None,
    )


def _find(headers: Sequence[str], known: Sequence[str]) -> str | None:
    by_key = {}
    for header in headers:
        by_key.setdefault(_key(header), header)
    return next((by_key[_key(name)] for name in known if _key(name) in by_key), None)


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())
