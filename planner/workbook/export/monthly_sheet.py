"""The Monthly sheet: every metric planned and actual, month by month, with totals, and a
native line chart of revenue won."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import Metric
from planner.workbook.export import native_charts
from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import first_day
from planner.workbook.export.sheet_setup import Grid, define_name, fitted_widths, write_grid

if TYPE_CHECKING:
    from planner.analysis import Totals
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.styles import Styles

TITLE = "Monthly"
RANGE_NAME = "Monthly_Data"
METRIC_ROW = 4
HEADER_ROW = 5
CHARTED = Metric.REVENUE_WON
CHART_ROWS = 18  # the chart covers these rows, as wide as the first printed page


def metric_columns(metric: Metric) -> tuple[int, int]:
    """The (planned, actual) columns of ``metric``."""
    planned = 2 + 2 * list(Metric).index(metric)
    return planned, planned + 1


def write(ctx: ExportContext) -> None:
    """Add the Monthly sheet."""
    facts, styles = ctx.facts, ctx.styles
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("Monthly: every metric, planned and actual", "title"))
    grid.line(
        Styled(
            f"Money in {facts.currency.code}; a blank actual means none was entered for that "
            "month. Totals are the whole plan's.",
            "subtitle",
        )
    )
    grid.blank()
    metric_row = grid.add(
        Styled(None, "header"),
        *(
            Styled(metric.title if kind == 0 else None, "header_centre")
            for metric in Metric
            for kind in (0, 1)
        ),
    )
    for metric in Metric:
        planned, actual = metric_columns(metric)
        grid.merge(planned, metric_row, actual)
    header_row = grid.add(
        Styled("Month", "header"),
        *(Styled(kind, "header_right") for _metric in Metric for kind in ("Planned", "Actual")),
    )
    months = sorted(set(facts.settings.horizon.months()) | set(facts.monthly))
    for month in months:
        grid.add(
            Styled(first_day(month), "month"),
            *_cells(facts.monthly.get(month), styles, total=False),
        )
    last_month_row = grid.next_row - 1
    total_row = grid.add(
        Styled("Total", "total_label"), *_cells(facts.plan_total, styles, total=True)
    )
    grid.blank()
    chart_row = grid.next_row
    grid.blank(CHART_ROWS)

    widths = _widths(grid, header_row, styles)
    layout = write_grid(
        ctx,
        ws,
        grid,
        freeze=f"B{header_row + 1}",
        title_rows=f"{metric_row}:{header_row}",
        title_columns=1,
        widths=widths,
        # A page across ends after a metric's Actual column, never between its two.
        ends=[metric_columns(metric)[1] for metric in Metric],
    )
    define_name(ctx.wb, RANGE_NAME, ws, 1, header_row, 1 + 2 * len(Metric), total_row)
    planned, actual = metric_columns(CHARTED)
    chart = native_charts.line_by_month(
        ws,
        title=f"{CHARTED.title} by month: planned vs actual",
        months_column=1,
        first_column=planned,
        last_column=actual,
        header_row=header_row,
        last_row=last_month_row,
        number_format=styles.axis_money_format,
        # The header cells say only "Planned" and "Actual": the legend says of what.
        names=(f"{CHARTED.title} planned", f"{CHARTED.title} actual"),
    )
    # On the first page, beside the Month column when that repeats on the next pages.
    first_column, last_column = 1, len(widths)
    if layout.column_breaks:
        first_column, last_column = 2, layout.column_breaks[0]
    native_charts.place_over(
        ws,
        chart,
        columns=(first_column, last_column),
        rows=(chart_row, chart_row + CHART_ROWS - 1),
        last_width=widths[last_column - 1],
    )


def _widths(grid: Grid, header_row: int, styles: Styles) -> list[float]:
    """Columns fitted to the rows from the header row on; each metric's two columns then
    widened, if they must be, to hold its title (merged over both)."""
    widths = fitted_widths(grid.rows[header_row - 1 :], styles)
    for metric in Metric:
        planned, actual = metric_columns(metric)
        short = len(metric.title) * 1.1 + 3.0 - widths[planned - 1] - widths[actual - 1]
        if short > 0:
            widths[planned - 1] += short / 2
            widths[actual - 1] += short / 2
    return widths


def _cells(totals: Totals | None, styles: Styles, *, total: bool) -> list[Styled]:
    cells = []
    for metric in Metric:
        planned = totals.planned[metric] if totals else 0
        actual = totals.actual[metric] if totals else None
        if metric.is_money:
            style = "total_money" if total else "money"
            planned_value, actual_value = styles.money(planned), styles.money(actual)
        else:
            style = "total_count" if total else "count"
            planned_value, actual_value = planned, actual
        cells += [Styled(planned_value, style), Styled(actual_value, style)]
    return cells
