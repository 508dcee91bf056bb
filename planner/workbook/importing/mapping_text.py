"""A column mapping in words, for the command line's report and the mapping dialog's summary."""

from __future__ import annotations

from planner.workbook.importing.mapping import CsvMapping, DateOrder

DATE_ORDER_WORDS = {
    DateOrder.AUTO: "date order read from the file's own dates",
    DateOrder.YMD: "dates read year-month-day",
    DateOrder.DMY: "dates read day/month/year",
    DateOrder.MDY: "dates read month/day/year",
}


def describe_mapping(mapping: CsvMapping) -> str:
    """One line: "initiative from 'Campaign', month from 'Close Date', Revenue won from
    'Amount', only 'Deal Stage' in Closed Won, each row also counts as 1 of Deals won"."""
    parts = [f"initiative from {mapping.initiative!r}", f"month from {mapping.date!r}"]
    if mapping.metric_column:
        parts.append(f"the metric named in {mapping.metric_column!r} from {mapping.value!r}")
    elif mapping.metric is not None:
        parts.append(f"{mapping.metric.title} from {mapping.value!r}")
    if mapping.stage_column:
        parts.append(f"only {mapping.stage_column!r} in {', '.join(mapping.stages)}")
    if mapping.count_into is not None:
        parts.append(f"each row also counts as 1 of {mapping.count_into.title}")
    if mapping.date_order != DateOrder.AUTO:
        parts.append(DATE_ORDER_WORDS.get(mapping.date_order, mapping.date_order))
    return ", ".join(parts)
