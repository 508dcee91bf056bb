"""The Actuals sheet: one row per initiative, month and metric, laid out as
:mod:`planner.workbook.layout` says, for others to fill in and send back.

It holds every month from each initiative's start to its end (clipped to the plan's horizon)
and any other month that holds values, metrics in funnel order, Planned and Actual prefilled.
The sheet is protected without a password, so its key columns are not changed by mistake,
and only the Actual column is open; data validation keeps actuals numbers of 0 or more. It
prints nothing unless asked: its print area is the blank row above the header, and clearing
it prints the form, header repeated on every page.

On the large plan this sheet is most of the workbook (648,000 rows), so its rows are read
with one query and written through one reusable cell per style (see :mod:`.streaming`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl.worksheet.datavalidation import DataValidation

from planner import months as month_math
from planner.domain import Metric
from planner.workbook import layout
from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import first_day
from planner.workbook.export.printing import PrintLayout
from planner.workbook.export.sheet_setup import (
    declare_size,
    define_name,
    headers_over,
    prepare,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.domain import Initiative
    from planner.plan import Plan
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import ExportFacts

RANGE_NAME = "Actuals_Data"
METRICS = tuple(Metric)
_VALUES = "SELECT initiative_id, month, " + ", ".join(
    column for metric in METRICS for column in (metric.planned_column, metric.actual_column)
)
MONEY_TITLES = tuple(metric.title for metric in METRICS if metric.is_money)
# How each column's values look, for its header's alignment (ids are plain numbers).
COLUMN_LOOKS = tuple(
    Styled(None, style) for style in ("count", "text", "month", "text", "count", "input_count")
)


@dataclass(frozen=True)
class ActualsRows:
    """What the sheet will hold: each initiative (in the plan's order) with its months, and
    the stored values by initiative and month."""

    blocks: list[tuple[Initiative, list[int]]]
    values: dict[int, dict[int, tuple[int | None, ...]]]

    @property
    def count(self) -> int:
        """Data rows the sheet will have."""
        return len(METRICS) * sum(len(months) for _initiative, months in self.blocks)


def read_rows(plan: Plan, facts: ExportFacts) -> ActualsRows:
    """The initiatives and months of the sheet, and every stored value, in one query."""
    values: dict[int, dict[int, tuple[int | None, ...]]] = {}
    for row in plan.query(f"{_VALUES} FROM monthly_values"):
        values.setdefault(row[0], {})[row[1]] = row[2:]
    horizon = facts.settings.horizon
    blocks = []
    for initiative in facts.initiatives:
        first = max(initiative.start_month, horizon.first)
        last = min(initiative.end_month, horizon.last)
        months = set(values.get(initiative.id, ()))
        month = first
        while month <= last:
            months.add(month)
            month = month_math.add(month, 1)
        blocks.append((initiative, sorted(months)))
    return ActualsRows(blocks, values)


def instructions(facts: ExportFacts) -> list[Styled]:
    """The lines above the header row."""
    code = facts.currency.code
    money = ", ".join(MONEY_TITLES)
    return [
        Styled("Actuals: fill in the Actual column and send the workbook back", "title"),
        Styled(
            "Fill in the yellow Actual cells for the months and metrics you report. Leave a cell "
            "blank to keep the plan's value; clear it in the app to remove one.",
            "note",
        ),
        Styled(
            f"Money ({money}) is in {code} major units, e.g. 12345.67; every other metric is a "
            "whole number of 0 or more.",
            "note",
        ),
        Styled(
            "Do not change the Initiative ID, Initiative, Month or Metric columns, and do not add, "
            "delete or move rows: the sheet is protected (no password) so they stay as they are.",
            "note",
        ),
        Styled(
            "Use the filter buttons to see one initiative or month. The plan imports this sheet "
            "with File > Import Actuals… (or: smarketing import PLAN FILE).",
            "note",
        ),
        Styled(
            "Printing the workbook leaves this form out. To print it, clear the sheet's print "
            "area (Excel: Page Layout > Print Area > Clear Print Area; LibreOffice: Format > "
            "Print Ranges > Clear).",
            "note",
        ),
    ]


def write(ctx: ExportContext, rows: ActualsRows) -> None:
    """Add the Actuals sheet."""
    facts = ctx.facts
    ws = ctx.new_sheet(layout.ACTUALS_SHEET)
    lines = instructions(facts)
    header_row = len(lines) + 2
    last_row = header_row + max(1, rows.count)
    widths = _widths(rows, ctx)
    prepare(
        ws,
        widths=widths,
        freeze=f"C{header_row + 1}",
        title_rows=f"{header_row}:{header_row}",
        plan_name=facts.settings.name,
        # Printed on request, the form runs one page wide.
        layout=PrintLayout(),
        # A blank cell: the printed workbook is for reading (see the last instruction).
        print_area=f"A{header_row - 1}",
    )
    declare_size(ws, last_row, len(layout.ACTUALS_HEADERS))
    writer = ctx.writer(ws)
    for line in lines:
        writer.append((line,))
    writer.blank()
    writer.append(headers_over(layout.ACTUALS_HEADERS, COLUMN_LOOKS, ctx.styles))

    scale = facts.currency.scale
    # Per metric: its title, its styles, and whether its minor units become major ones.
    kinds = [
        (
            metric.title,
            "exact_money" if metric.is_money else "count",
            "input_money" if metric.is_money else "input_count",
            metric.is_money and scale != 1,
        )
        for metric in METRICS
    ]
    nothing = (None,) * (2 * len(METRICS))
    append, advance = writer.append, ctx.progress.advance
    step = len(METRICS)
    for initiative, months in rows.blocks:
        key, name = initiative.id, initiative.name
        stored = rows.values.get(key, {})
        for month in months:
            when = Styled(first_day(month), "month")
            values = stored.get(month, nothing)
            for position, (title, planned_style, actual_style, major) in enumerate(kinds):
                planned, actual = values[2 * position], values[2 * position + 1]
                if major:
                    planned = None if planned is None else planned / scale
                    actual = None if actual is None else actual / scale
                append(
                    (
                        key,
                        name,
                        when,
                        title,
                        Styled(planned, planned_style),
                        Styled(actual, actual_style),
                    )
                )
            advance(step)

    _protect(ws, header_row, last_row)
    define_name(ctx.wb, RANGE_NAME, ws, 1, header_row, len(layout.ACTUALS_HEADERS), last_row)


def _widths(rows: ActualsRows, ctx: ExportContext) -> list[float]:
    styles = ctx.styles
    longest_name = max((len(initiative.name) for initiative, _ in rows.blocks), default=10)
    largest = max(
        (
            value
            for by_month in rows.values.values()
            for values in by_month.values()
            for value in values
            if value is not None
        ),
        default=0,
    )
    amount = styles.shown_width("exact_money", styles.money(largest))
    return [
        14.0,
        min(50.0, max(12.0, longest_name + 2.0)),
        11.0,
        max(len(title) for title in (metric.title for metric in METRICS)) + 3.0,
        max(12.0, amount + 3.0),
        max(12.0, amount + 3.0),
    ]


def _protect(ws: WriteOnlyWorksheet, header_row: int, last_row: int) -> None:
    first = header_row + 1
    actual = f"F{first}:F{last_row}"
    money = ",".join(f'D{first}="{title}"' for title in MONEY_TITLES)
    numbers = DataValidation(
        type="custom",
        formula1=f"AND(ISNUMBER(F{first}),F{first}>=0,OR({money},F{first}=INT(F{first})))",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Actual",
        error=(
            "Enter a number of 0 or more: an amount for Spend, Pipeline and Revenue won, a "
            "whole number for the other metrics. Leave the cell blank to keep the plan's value."
        ),
        showInputMessage=False,
    )
    numbers.add(actual)
    metrics = DataValidation(
        type="list",
        formula1='"' + ",".join(metric.title for metric in METRICS) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Metric",
        error="Choose one of the plan's metrics.",
    )
    metrics.add(f"D{first}:D{last_row}")
    ws.data_validations.append(numbers)
    ws.data_validations.append(metrics)
    ws.auto_filter.ref = f"A{header_row}:F{last_row}"
    protection = ws.protection
    protection.sheet = True
    # Readers may still filter, resize columns and select any cell; nothing else but Actual.
    protection.autoFilter = False
    protection.formatColumns = False
