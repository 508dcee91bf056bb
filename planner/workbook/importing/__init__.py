"""Importing actuals: from the Actuals sheet of an exported workbook, or from a CRM's CSV export
through a column mapping saved in the plan.

Always a preview first (:func:`preview_import`, which never writes), then
:func:`apply_import`, which writes everything in one transaction or nothing. Files are
untrusted: sizes, zip ratios and rows are capped before parsing, XML entities are refused, and
openpyxl is loaded only when a workbook is read.

    preview = preview_import(plan, "filled-in.xlsx")
    if not preview.rejected:
        apply_import(plan, preview)
"""

from planner.workbook.importing.apply import apply_import
from planner.workbook.importing.csv_source import SEPARATORS, CsvTable, read_csv_table
from planner.workbook.importing.errors import ImportCancelled, ImportRefused, MappingNeeded
from planner.workbook.importing.mapping import CsvMapping, DateOrder
from planner.workbook.importing.mapping_text import DATE_ORDER_WORDS, describe_mapping
from planner.workbook.importing.preview import (
    CSV_SUFFIXES,
    WORKBOOK_SUFFIXES,
    preview_import,
    source_kind,
)
from planner.workbook.importing.records import ImportPreview, RejectedRow, SourceKind, ValueChange
from planner.workbook.importing.suggest import guess_mapping, suggest_mapping

__all__ = [
    "CSV_SUFFIXES",
    "DATE_ORDER_WORDS",
    "SEPARATORS",
    "WORKBOOK_SUFFIXES",
    "CsvMapping",
    "CsvTable",
    "DateOrder",
    "ImportCancelled",
    "ImportPreview",
    "ImportRefused",
    "MappingNeeded",
    "RejectedRow",
    "SourceKind",
    "ValueChange",
    "apply_import",
    "describe_mapping",
    "guess_mapping",
    "preview_import",
    "read_csv_table",
    "source_kind",
    "suggest_mapping",
]
