"""The contract between the export and the import: how the Actuals sheet is laid out.

The sheet is long, one row per initiative, month and metric, so that anyone can fill in the
Actual column and send the workbook back. The import finds the header row by its titles (the
instructions above it may grow), matches rows by initiative id and checks the name beside it.
"""

from __future__ import annotations

from planner.domain import Metric

WORKBOOK_SUFFIX = ".xlsx"

ACTUALS_SHEET = "Actuals"

# Column titles, in order. The Month column holds a real date (the first of the month, shown
# as "Mar 2026"); the Metric column a metric's title ("Revenue won"); money is in major units
# of the plan currency (12,345.67), counts are whole numbers.
INITIATIVE_ID = "Initiative ID"
INITIATIVE = "Initiative"
MONTH = "Month"
METRIC = "Metric"
PLANNED = "Planned"
ACTUAL = "Actual"
ACTUALS_HEADERS: tuple[str, ...] = (INITIATIVE_ID, INITIATIVE, MONTH, METRIC, PLANNED, ACTUAL)

# The header row is looked for in the first rows only: a sheet without it is not ours.
HEADER_SEARCH_ROWS = 20


def metric_from_title(text: str) -> Metric | None:
    """The metric a Metric cell names: its title ("MQLs") or its key ("mql"), any case."""
    wanted = text.strip().casefold()
    for metric in Metric:
        if wanted in (metric.title.casefold(), metric.value):
            return metric
    return None
