"""The Plan vs baseline sheet, written when the export is asked to compare the plan with a
baseline: which versions, the landing against the baseline's, the story of what changed,
then the variance by initiative (budget and revenue target, with what changed) and by month
(revenue won and spend planned), with a native chart of the months.

Every figure is the comparison's (:func:`planner.versions.compare.compare`), so the sheet
says what the app's comparison says.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from planner.analysis.reforecast import describe
from planner.domain import Metric
from planner.workbook.export import native_charts
from planner.workbook.export.cells import Styled, shown_line
from planner.workbook.export.facts import described, first_day, saved_words
from planner.workbook.export.printing import MIN_SCALE, PAGE_HEIGHT, ROOM, PrintLayout
from planner.workbook.export.sheet_setup import (
    LINE_HEIGHT,
    Grid,
    define_name,
    headers_over,
    write_grid,
)

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.versions.compare import Comparison, InitiativeDiff
    from planner.versions.service import VersionInfo
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import BaselineFacts, ExportFacts
    from planner.workbook.export.styles import Styles

TITLE = "Plan vs baseline"
INITIATIVES_NAME = "Baseline_Variance_By_Initiative"
MONTHS_NAME = "Baseline_Variance_By_Month"
HEADERS = (
    "Initiative",
    "Channel",
    "Status",
    "Baseline budget",
    "Plan budget",
    "Budget variance",
    "Budget variance %",
    "Baseline target",
    "Plan target",
    "Target variance",
    "What changed",
)
MONTH_HEADERS = (
    "Month",
    "Baseline revenue won",
    "Plan revenue won",
    "Revenue variance",
    "Baseline spend",
    "Plan spend",
    "Spend variance",
)
# Printed across pages, a page ends after who and what, after the budget, or at the end.
PAGE_ENDS = (3, 7, len(HEADERS))
CAPS = {1: 36.0, 2: 16.0, len(HEADERS): 30.0}
CHART_ROWS = 18
CHARTED = Metric.REVENUE_WON
SERIES_NAME = 60  # characters of a version's name in the chart's legend
NOT_IN_PLAN = "Removed"  # in the baseline, not in the plan


def write(ctx: ExportContext) -> None:
    """Add the Plan vs baseline sheet (the export was given a baseline)."""
    facts, styles = ctx.facts, ctx.styles
    baseline = facts.baseline
    assert baseline is not None
    comparison = baseline.comparison
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled(TITLE, "title"))
    for line in _header_lines(facts, baseline):
        grid.line(Styled(line, "subtitle"))
    grid.blank()
    grid.add(Styled("What changed", "section"))
    for line in comparison.story():
        grid.line(Styled(f"• {line}", "story"))
    grid.blank()
    grid.add(Styled("Variance by initiative", "section"))
    rows = [_initiative_row(diff, styles) for diff in _shown(comparison)]
    rows = rows or [[Styled("No initiative is live in either version", "note")]]
    headers = headers_over(HEADERS, rows[0], styles)
    headers[-1] = Styled(HEADERS[-1], "header_apart")
    header_row = grid.add(*headers)
    for row in rows:
        grid.add(*row)
    last_initiative = grid.next_row - 1
    totals_row = grid.add(*_initiative_totals(comparison, styles))
    grid.blank()
    month_section = grid.add(Styled("Variance by month: planned", "section"))
    month_header = grid.add(*(Styled(title, "header_right") for title in MONTH_HEADERS))
    grid.rows[month_header - 1][0] = Styled(MONTH_HEADERS[0], "header")
    for month in comparison.months:
        grid.add(Styled(first_day(month), "month"), *_month_cells(comparison, month, styles))
    last_month = grid.next_row - 1
    grid.add(Styled("Total", "total_label"), *_month_cells(comparison, None, styles))
    grid.blank()
    chart_row = grid.next_row
    grid.blank(CHART_ROWS)

    layout = write_grid(
        ctx,
        ws,
        grid,
        freeze=f"B{header_row + 1}",
        title_rows=f"{header_row}:{header_row}",
        title_columns=1,
        caps=CAPS,
        ends=PAGE_ENDS,
        print_rows=totals_row,  # the pages of the initiatives are planned; the months follow
    )
    last_column = get_column_letter(len(HEADERS))
    ws.auto_filter.ref = f"A{header_row}:{last_column}{last_initiative}"
    define_name(ctx.wb, INITIATIVES_NAME, ws, 1, header_row, len(HEADERS), last_initiative)
    define_name(ctx.wb, MONTHS_NAME, ws, 1, month_header, len(MONTH_HEADERS), last_month)
    _chart(ctx, ws, baseline, month_header, last_month, chart_row, layout.column_breaks)
    _print_months_apart(
        ws,
        layout,
        header_row=header_row,
        totals_row=totals_row,
        first=month_section,
        last=grid.next_row - 1,
    )


def _print_months_apart(
    ws: WriteOnlyWorksheet,
    layout: PrintLayout,
    *,
    header_row: int,
    totals_row: int,
    first: int,
    last: int,
) -> None:
    """Print the months (rows ``first`` to ``last``) on a page of their own, only as wide as
    their table: printed across with the initiatives, a page would hold nothing but the month
    names. Their table and chart are kept on one page where the scale allows.

    A program prints the initiatives' header row above every page after the one it is on,
    the months' page too: it is repeated only when the initiatives run onto a second page."""
    ws.print_area = [
        f"A1:{get_column_letter(len(HEADERS))}{totals_row}",
        f"A{first}:{get_column_letter(len(MONTH_HEADERS))}{last}",
    ]
    if layout.scale is None:
        return  # fitted to the page by the program that prints it
    scale, room = layout.scale, ROOM * PAGE_HEIGHT * 100
    months = _printed_height(ws, first, last)
    # As :func:`.printing.plan_layout` fits a sheet one page tall.
    if _printed_height(ws, 1, totals_row) * scale <= PAGE_HEIGHT * 100:
        ws._print_rows = None  # openpyxl's setter cannot clear them
    else:
        months += _printed_height(ws, first=header_row, last=header_row)
    if months * scale > room:
        ws.page_setup.scale = max(MIN_SCALE, math.floor(room / months))


def _printed_height(ws: WriteOnlyWorksheet, first: int, last: int) -> float:
    """Points rows ``first`` to ``last`` take at full scale."""
    dimensions = ws.row_dimensions
    return sum(
        (dimensions[row].height if row in dimensions else None) or LINE_HEIGHT
        for row in range(first, last + 1)
    )


def _header_lines(facts: ExportFacts, baseline: BaselineFacts) -> list[str]:
    """Which versions, how to read the figures, and the landing against the baseline's."""
    plan = described(facts.version)
    saved = saved_words(facts.version)
    plan_words = f"{plan} of {facts.settings.name!r}" + (f", {saved}" if saved else "")
    base_saved = saved_words(baseline.version)
    base_words = baseline.described + (f", {base_saved}" if base_saved else "")
    landing = describe(facts.landing, facts.currency, baseline=baseline.landing)
    return [
        f"Plan: {plan_words}. Baseline: {base_words}.",
        f"Money in {facts.currency.code}. Variance is plan minus baseline. Budget and revenue "
        "target count live initiatives: one dropped, or missing from a version, counts 0 there.",
        f"{facts.landing.year_name} {landing}.",
    ]


def _shown(comparison: Comparison) -> list[InitiativeDiff]:
    """The initiatives live in the baseline or the plan (one dropped in both is left out)."""
    return [
        diff
        for diff in comparison.diffs[0]
        if any(facts is not None and facts.live for facts in (diff.before, diff.after))
    ]


def _initiative_row(diff: InitiativeDiff, styles: Styles) -> list[Styled | None]:
    facts = diff.after or diff.before
    assert facts is not None
    status = diff.after.status.value.capitalize() if diff.after else NOT_IN_PLAN
    budget, target = diff.figures("budget"), diff.figures("revenue_target")
    changed = diff.what_changed()
    return [
        Styled(diff.name, "wrap"),
        Styled(facts.channel, "text"),
        Styled(status, "text"),
        *_money_pair(budget, styles, total=False),
        Styled(_share(budget), "percent"),
        *_money_pair(target, styles, total=False),
        Styled(_sentence("; ".join(changed)), "wrap_apart") if changed else None,
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _initiative_totals(comparison: Comparison, styles: Styles) -> list[Styled]:
    reference, plan = comparison.sides[0], comparison.sides[1]
    budget = (reference.budget, plan.budget)
    target = (reference.revenue_target, plan.revenue_target)
    return [
        Styled("Total (live initiatives)", "total_label"),
        Styled(None, "total_label"),
        Styled(None, "total_label"),
        *_money_pair(budget, styles, total=True),
        Styled(_share(budget), "total_percent"),
        *_money_pair(target, styles, total=True),
        Styled(None, "total_label"),
    ]


def _month_cells(comparison: Comparison, month: int | None, styles: Styles) -> list[Styled]:
    """Revenue won and spend planned in ``month`` (``None``: the plan's totals), baseline,
    plan and variance."""
    reference, plan = comparison.sides[0], comparison.sides[1]
    cells = []
    for metric in (Metric.REVENUE_WON, Metric.SPEND):
        if month is None:
            pair = (reference.planned[metric], plan.planned[metric])
        else:
            pair = (
                reference.planned_by_month[metric].get(month, 0),
                plan.planned_by_month[metric].get(month, 0),
            )
        cells += _money_pair(pair, styles, total=month is None)
    return cells


def _money_pair(pair: tuple[int, int], styles: Styles, *, total: bool) -> list[Styled]:
    """Baseline, plan and variance (plan minus baseline)."""
    style = "total_money" if total else "money"
    before, after = pair
    return [Styled(styles.money(value), style) for value in (before, after, after - before)]


def _share(pair: tuple[int, int]) -> float | None:
    """The variance as a share of the baseline's figure (none when that is 0)."""
    before, after = pair
    return (after - before) / before if before else None


def _chart(
    ctx: ExportContext,
    ws: WriteOnlyWorksheet,
    baseline: BaselineFacts,
    header_row: int,
    last_row: int,
    chart_row: int,
    column_breaks: tuple[int, ...],
) -> None:
    """Baseline and plan revenue won by month, as lines, under the month table, within the
    sheet's first printed page."""
    styles = ctx.styles
    names = (
        f"Baseline: {_name(baseline.version)}",
        "Plan" if ctx.facts.version is None else f"Plan: {_name(ctx.facts.version)}",
    )
    chart = native_charts.line_by_month(
        ws,
        title=f"{CHARTED.title} planned by month: baseline vs plan",
        months_column=1,
        first_column=2,
        last_column=3,
        header_row=header_row,
        last_row=last_row,
        number_format=styles.axis_money_format,
        # Version names are the plan's text: fitted as a footer is (no XML-breaking characters).
        names=tuple(shown_line(name, SERIES_NAME) for name in names),
    )
    last_column = column_breaks[0] if column_breaks else len(MONTH_HEADERS)
    last_width = ws.column_dimensions[get_column_letter(last_column)].width
    native_charts.place_over(
        ws,
        chart,
        columns=(1, last_column),
        rows=(chart_row, chart_row + CHART_ROWS - 1),
        last_width=last_width,
    )


def _name(version: VersionInfo | None) -> str:
    return "working plan" if version is None else version.name
