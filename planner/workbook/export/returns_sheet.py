"""The Returns sheet: what each dollar returns, planned and actual, by channel (with the
plan's total) and then by initiative, and a native chart of ROMI by channel.

Every figure is :func:`planner.analysis.returns.returns_by`'s over the whole plan, as
:mod:`planner.returns_figures` names and formats it: money in the plan's currency, per-dollar
figures as multiples ("2.40x"), ROMI as a percentage, payback in months (only when the plan
states a gross margin). A figure with nothing to divide by, or nothing entered, is "—".
The chart is drawn from a block of cells at the foot of the sheet, where "—" is an empty cell
(a gap in the chart, not a zero). Printed, the sheet is the channels and the chart (two pages
across); the initiatives, one row each, are there to read and filter on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from planner import months as month_math
from planner.analysis import Dimension
from planner.analysis.returns import ReturnsRow, returns_by
from planner.returns_figures import FIGURES, NONE_SHOWN, ReturnsFigure, Unit, per_dollar_label
from planner.workbook.export import native_charts
from planner.workbook.export.cells import Styled
from planner.workbook.export.sheet_setup import Grid, define_name, write_grid

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.styles import Styles

TITLE = "Returns"
CHANNELS_NAME = "Returns_By_Channel"
INITIATIVES_NAME = "Returns_By_Initiative"
CHART_FIGURE = "romi"
CHART_ROWS = native_charts.ROWS_PER_CHART
# Each unit's cell style ("total_" before it in the total row).
STYLES = {
    Unit.MONEY: "money",
    Unit.MULTIPLE: "multiple",
    Unit.PERCENT: "percent",
    Unit.MONTHS: "months",
}


def sheet_figures(margin: float | None) -> tuple[ReturnsFigure, ...]:
    """The figures the sheet shows: payback only when the plan states a gross margin."""
    return tuple(f for f in FIGURES if f.name != "payback_months" or margin is not None)


def write(ctx: ExportContext, analysis: Analysis) -> None:
    """Add the Returns sheet."""
    facts, styles = ctx.facts, ctx.styles
    currency = facts.currency
    margin = facts.settings.gross_margin
    figures = sheet_figures(margin)
    ws = ctx.new_sheet(TITLE)
    by_channel = returns_by(analysis, Dimension.CHANNEL)
    by_initiative = returns_by(analysis, Dimension.INITIATIVE)
    (total,) = returns_by(analysis)

    grid = Grid()
    grid.add(Styled("Returns: what each dollar returns", "title"))
    grid.line(Styled(_explained(analysis, margin, currency.code), "subtitle"))
    grid.blank()
    spend = Styled("Spend", "header_centre")
    headers = [
        spend,
        *(Styled(per_dollar_label(f.label, currency), "header_centre") for f in figures),
    ]
    # These two rows print atop every page, over the initiatives too: they name no column
    # of names, each table's section title does.
    titles_row = grid.add(Styled(None, "header"), *_pairs(headers))
    header_row = grid.add(Styled(None, "header"), *_planned_actual(len(headers)))
    for column in range(len(headers)):
        grid.merge(2 + 2 * column, titles_row, 3 + 2 * column)
    grid.add(Styled("By channel", "section"))
    channels = [row for row in by_channel if _any_spend(row)]
    for row in channels:
        grid.add(Styled(row.label, "wrap"), *_cells(row, figures, styles, total=False))
    total_row = grid.add(
        Styled("Total", "total_label"), *_cells(total, figures, styles, total=True)
    )
    grid.blank()
    chart_row = grid.next_row
    grid.blank(CHART_ROWS)
    grid.blank()
    printed = grid.next_row - 1
    grid.add(Styled("By initiative", "section"))
    grid.add(Styled(None, "header"), *_pairs(headers))
    initiative_header = grid.add(Styled("Initiative", "header"), *_planned_actual(len(headers)))
    for column in range(len(headers)):
        grid.merge(2 + 2 * column, initiative_header - 1, 3 + 2 * column)
    for row in by_initiative:
        grid.add(Styled(row.label, "wrap"), *_cells(row, figures, styles, total=False))
    if not by_initiative:
        grid.add(Styled("No initiatives yet.", "note"))
    last_initiative = grid.next_row - 1
    grid.blank()
    chart = next(f for f in figures if f.name == CHART_FIGURE)
    grid.add(Styled("Chart data: the chart above is drawn from these cells", "section"))
    data_header = grid.add(
        Styled("Channel", "header"),
        Styled(f"{chart.label} planned", "header_right"),
        Styled(f"{chart.label} actual", "header_right"),
    )
    for row in channels:
        grid.add(
            Styled(row.label, "wrap"),
            Styled(chart.of(row.planned), "percent"),
            Styled(chart.of(row.actual), "percent"),
        )
    data_last = grid.next_row - 1

    layout = write_grid(
        ctx,
        ws,
        grid,
        freeze=f"B{header_row + 1}",
        title_rows=f"{titles_row}:{header_row}",
        title_columns=1,
        caps={1: 30.0},
        # A page across ends after a figure's Actual column, never between its two.
        ends=[3 + 2 * column for column in range(len(headers))],
        print_rows=printed,
    )
    last_column = 1 + 2 * len(headers)
    define_name(ctx.wb, CHANNELS_NAME, ws, 1, header_row, last_column, total_row)
    define_name(ctx.wb, INITIATIVES_NAME, ws, 1, initiative_header, last_column, last_initiative)
    if not channels:
        return
    drawn = native_charts.columns(
        ws,
        title=f"{chart.label} by channel: planned vs actual",
        labels_column=1,
        first_column=2,
        last_column=3,
        header_row=data_header,
        last_row=data_last,
        number_format="0%",
    )
    # On the first page across, beside the Channel column when that repeats on the next
    # pages (a chart over a repeated column would print on every page).
    first, last = 1, last_column
    if layout.column_breaks:
        first, last = 2, layout.column_breaks[0]
    width = ws.column_dimensions[get_column_letter(last)].width or 10.0
    native_charts.place_over(
        ws,
        drawn,
        columns=(first, last),
        rows=(chart_row, chart_row + CHART_ROWS - 1),
        last_width=width,
    )


def _explained(analysis: Analysis, margin: float | None, code: str) -> str:
    """The line under the title: what is compared, and where "—" comes from."""
    through = analysis.actuals_through()
    closed = min(analysis.closed_through, analysis.plan.horizon.last)
    actual = (
        f"actual: the actuals through {month_math.label(min(through, closed))}"
        if through is not None and through <= closed
        else "actual: none entered yet"
    )
    payback = (
        f" Payback: months of gross profit ({margin:.0%} margin) that pay the spend back."
        if margin is not None
        else " Set the plan's gross margin (Plan settings) to see the payback in months."
    )
    return (
        f"Planned: the whole plan; {actual}. Money in {code}. ROMI is (revenue won - spend) "
        f"/ spend; CAC is spend per deal won. {NONE_SHOWN} where there is nothing to divide "
        f"by (no spend, no MQLs, no deals) or nothing entered.{payback} Each initiative's "
        "figures follow the chart (on screen; they are not printed)."
    )


def _pairs(headers: list[Styled]) -> list[Styled | None]:
    """Each title over its two columns (merged)."""
    cells: list[Styled | None] = []
    for header in headers:
        cells += [header, Styled(None, "header_centre")]
    return cells


def _planned_actual(count: int) -> list[Styled]:
    return [Styled(kind, "header_right") for _ in range(count) for kind in ("Planned", "Actual")]


def _any_spend(row: ReturnsRow) -> bool:
    """Whether a channel has any spend planned or spent (an unused channel is no row)."""
    return bool(row.planned.spend) or bool(row.actual.spend)


def _cells(
    row: ReturnsRow, figures: tuple[ReturnsFigure, ...], styles: Styles, *, total: bool
) -> list[Styled]:
    """Spend, then each figure, planned and actual; "—" for a figure that is ``None``."""
    cells = [_cell(r.spend, Unit.MONEY, styles, total=total) for r in (row.planned, row.actual)]
    for figure in figures:
        for returns in (row.planned, row.actual):
            cells.append(_cell(figure.of(returns), figure.unit, styles, total=total))
    return cells


def _cell(value: int | float | None, unit: Unit, styles: Styles, *, total: bool) -> Styled:
    if value is None:
        return Styled(NONE_SHOWN, "total_missing" if total else "missing")
    style = ("total_" if total else "") + STYLES[unit]
    return Styled(styles.money(int(value)) if unit is Unit.MONEY else value, style)
