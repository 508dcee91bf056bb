"""The Summary sheet: the plan, its period, the headline figures, attainment of every metric,
three native charts, the findings, and the cells the charts are drawn from.

Printed, it is three pages (more with many findings): the figures, the charts, the findings.
The chart data below them is left out of the print area."""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis.periods import Period, period_label
from planner.analysis.reforecast import baseline_words, target_words
from planner.domain import FUNNEL_STAGES, Metric, Status, Tier
from planner.workbook.export import native_charts
from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import described, first_day, saved_words
from planner.workbook.export.sheet_setup import (
    LINE_HEIGHT,
    Grid,
    attainment_scale,
    define_name,
    text_lines,
    write_grid,
)
from planner.workbook.export.styles import COUNT_FORMAT

if TYPE_CHECKING:
    from openpyxl.chart._chart import ChartBase
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import BaselineFacts, ExportFacts
    from planner.workbook.export.styles import Styles

TITLE = "Summary"
WIDTHS = (27.0, 14.0, 14.0, 14.0, 14.0, 14.0, 14.0)
MAX_FINDINGS = 200  # the Initiatives sheet names every initiative's findings
SEVERITY_LOOK = {"error": "bad", "warning": "neutral", "info": "info"}
# The charts: revenue across the page, then funnel and strike zone side by side.
CHART_ROWS = native_charts.ROWS_PER_CHART
FUNNEL_COLUMNS, ZONE_COLUMNS = (1, 3), (4, len(WIDTHS))
TIER_LABELS = {Tier.CORE: "Core", Tier.EDGE: "Edge", Tier.OUTSIDE: "Outside", None: "(no segment)"}


def write(ctx: ExportContext) -> None:
    """Add the Summary sheet."""
    facts, styles = ctx.facts, ctx.styles
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    _plan_block(grid, facts)
    headline_rows = _headline_block(grid, facts, styles)
    attainment_rows = _attainment_block(grid, facts, styles)
    grid.page_breaks.append(grid.next_row - 1)
    grid.add(Styled("Charts", "section"))
    chart_row = grid.next_row
    grid.blank(2 * CHART_ROWS + 1)  # a row apart
    grid.page_breaks.append(grid.next_row - 1)
    _findings_block(grid, facts)
    printed = grid.next_row - 1
    grid.blank()
    grid.add(Styled("Chart data: the charts above are drawn from these cells", "section"))
    revenue = _revenue_data(grid, facts, styles)
    grid.blank()
    funnel = _funnel_data(grid, facts)
    grid.blank()
    zone = _zone_data(grid, facts)

    write_grid(ctx, ws, grid, freeze=None, title_rows=None, widths=WIDTHS, print_rows=printed)

    define_name(ctx.wb, "Headline_Figures", ws, 1, headline_rows[0], 2, headline_rows[1])
    define_name(ctx.wb, "Attainment_By_Metric", ws, 1, attainment_rows[0], 7, attainment_rows[1])
    for column in ("D", "G"):
        ws.conditional_formatting.add(
            f"{column}{attainment_rows[0] + 1}:{column}{attainment_rows[1]}", attainment_scale()
        )
    revenue_chart, funnel_chart, zone_chart = _charts(ctx, ws, revenue, funnel, zone)
    second_row = chart_row + CHART_ROWS + 1
    for chart, columns, first in (
        (revenue_chart, (1, len(WIDTHS)), chart_row),
        (funnel_chart, FUNNEL_COLUMNS, second_row),
        (zone_chart, ZONE_COLUMNS, second_row),
    ):
        native_charts.place_over(
            ws,
            chart,
            columns=columns,
            rows=(first, first + CHART_ROWS - 1),
            last_width=WIDTHS[columns[1] - 1],
        )


def _charts(
    ctx: ExportContext,
    ws: WriteOnlyWorksheet,
    revenue: tuple[int, int],
    funnel: tuple[int, int, int],
    zone: tuple[int, int],
) -> list[ChartBase]:
    """The three charts, drawn from the chart data blocks at the given rows."""
    facts, styles = ctx.facts, ctx.styles
    return [
        native_charts.line_by_month(
            ws,
            title="Revenue won: planned vs actual, cumulative",
            months_column=1,
            first_column=2,
            last_column=3,
            header_row=revenue[0],
            last_row=revenue[1],
            number_format=styles.axis_money_format,
        ),
        native_charts.columns(
            ws,
            title="Funnel: planned vs actual to date"
            if facts.actuals_through
            else "Funnel: planned",
            labels_column=1,
            first_column=2,
            last_column=funnel[2],
            header_row=funnel[0],
            last_row=funnel[1],
            number_format=COUNT_FORMAT,
        ),
        native_charts.columns(
            ws,
            title="Strike zone: share of budget and revenue target by tier",
            labels_column=1,
            first_column=2,
            last_column=3,
            header_row=zone[0],
            last_row=zone[1],
            number_format="0%",
            colours=(native_charts.ACTUAL, native_charts.SECOND),
        ),
    ]


def year_label(facts: ExportFacts) -> str:
    """``2026``, or ``FY2027`` when the fiscal year does not start in January."""
    return period_label(
        Period.YEAR, facts.headline.progress.fiscal_year, facts.settings.fiscal_year_start
    )


def _plan_block(grid: Grid, facts: ExportFacts) -> None:
    """The title, and under it who made the workbook and what the plan covers."""
    settings = facts.settings
    grid.add(Styled(settings.name, "title"))
    byline = " · ".join(
        part
        for part in (
            settings.company,
            "Leadership workbook",
            f"exported {facts.exported_at:%d %b %Y %H:%M}",
        )
        if part
    )
    grid.line(Styled(byline, "subtitle"))
    horizon, through = settings.horizon, facts.actuals_through
    covers = (
        f"{horizon.describe()} ({horizon.count} months)",
        f"fiscal year {year_label(facts)}",
        f"actuals through {month_math.label(through)}" if through else "no actuals yet",
        f"money in {facts.currency.code} ({facts.currency.symbol.strip()})",
        f"{settings.stage.value} company",
    )
    grid.line(Styled(" · ".join(covers), "subtitle"))
    if facts.version is not None:
        saved = saved_words(facts.version)
        grid.line(
            Styled(
                f"Version: {described(facts.version)}, {saved}; not the working plan", "subtitle"
            )
        )
    if facts.baseline is not None:
        grid.line(Styled(_against(facts, facts.baseline), "subtitle"))


def _against(facts: ExportFacts, baseline: BaselineFacts) -> str:
    """The plan against the baseline in a line: the totals as the comparison tells them, and
    the landing against the baseline's."""
    saved = saved_words(baseline.version)
    totals = baseline.comparison.story()[0]
    landing = baseline_words(facts.landing, baseline.landing, facts.currency)
    return (
        f"Against {baseline.described}{f' ({saved})' if saved else ''}: "
        f"{totals[:1].lower()}{totals[1:]}; landing: {landing}. See the Plan vs baseline sheet."
    )


def _headline_block(grid: Grid, facts: ExportFacts, styles: Styles) -> tuple[int, int]:
    """Label and value rows; returns (first, last) row."""
    figures = facts.headline
    revenue = figures.progress.metrics[Metric.REVENUE_WON]
    through = facts.actuals_through
    to_date = "no actuals yet"
    if through is not None:
        to_date = f"{month_math.label(facts.settings.horizon.first)} to {month_math.label(through)}"
    year = year_label(facts)
    counts = ", ".join(
        f"{count} {status.value}"
        for status, count in figures.initiatives_by_status.items()
        if count
    )
    dropped = figures.initiatives_by_status.get(Status.DROPPED, 0)
    spent = "no spend entered" if through is not None else to_date
    phased = figures.phased_share
    rows = [
        ("Initiatives (live)", facts.live_initiatives, "headline_count", counts or "none yet"),
        (
            "Budget",
            styles.money(figures.budget),
            "headline_money",
            "of live initiatives" + (f" ({dropped} dropped not counted)" if dropped else ""),
        ),
        (
            "Revenue target",
            styles.money(figures.revenue_target),
            "headline_money",
            "of live initiatives",
        ),
        (
            "Phased into months",
            styles.money(figures.target_phased),
            "headline_money",
            "revenue won planned month by month"
            + (f" ({phased:.0%} of the target)" if phased is not None else ""),
        ),
        (
            "Revenue planned to date",
            styles.money(revenue.planned_to_date) if through else None,
            "headline_money",
            to_date,
        ),
        (
            "Revenue won to date",
            styles.money(revenue.actual_to_date),
            "headline_money",
            to_date,
        ),
        (
            "Attainment to date",
            revenue.attainment_to_date,
            "headline_percent",
            "revenue won ÷ revenue planned, to date",
        ),
        (
            f"Forecast {year}",
            styles.money(revenue.forecast_year),
            "headline_money",
            "run rate: the year's revenue won so far, plus its monthly average for each month left",
        ),
        (
            "Forecast attainment",
            revenue.forecast_attainment,
            "headline_percent",
            f"forecast ÷ revenue won planned for {year}",
        ),
        *_landing_rows(facts, styles),
        (
            "Spend to date",
            styles.money(figures.spend_to_date),
            "headline_money",
            "" if figures.spend_to_date is not None else spent,
        ),
        ("Budget used", figures.budget_used, "headline_percent", "spend to date ÷ budget"),
    ]
    after = figures.actuals_after_close
    if after:
        closed = month_math.label(figures.progress.closed_through)
        rows.append(
            (
                "Not counted",
                ", ".join(month_math.label(m) for m in after),
                "label",
                f"actuals entered after the last closed month ({closed}): not counted to date "
                "or in the forecast",
            )
        )
    grid.blank()
    grid.add(Styled("Headline figures", "section"))
    first = grid.next_row
    for label, value, style, note in rows:
        grid.add(
            Styled(label, "label"), Styled(value, style), Styled(note, "note") if note else None
        )
    return first, grid.next_row - 1


def _landing_rows(facts: ExportFacts, styles: Styles) -> list[tuple[str, object, str, str]]:
    """The year's landing of revenue, how much of it is plan standing in for actuals nobody
    entered, and the landing of spend, each with its gap to the target or the budget (below
    0: short of the target, under budget). Notes stay short: a long one is cut off in print."""
    landing, currency = facts.landing, facts.currency
    revenue, spend = landing.revenue, landing.spend
    if landing.months_closed:
        last = min(landing.closed_through, landing.year_months[1])
        made_of = f"actuals for closed months (through {month_math.label(last)}), plan for the rest"
    else:
        made_of = "the plan: no month of the year is closed yet"
    spend_made_of = "as the landing"
    if spend.plan_standing_in:
        standing_in = currency.format(spend.plan_standing_in, cents=False)
        spend_made_of += f"; {standing_in} of it is plan for closed months with no actuals"
    year = landing.year_name
    return [
        (f"Landing {year}", styles.money(revenue.landing), "headline_money", made_of),
        (
            "Plan standing in",
            styles.money(revenue.plan_standing_in),
            "headline_money",
            "of the landing: plan counted for closed months with no actual entered",
        ),
        (
            "Landing vs target",
            styles.money(revenue.gap),
            "headline_money",
            target_words(landing, currency, compact=False),
        ),
        (f"Spend landing {year}", styles.money(spend.landing), "headline_money", spend_made_of),
        (
            "Spend landing vs budget",
            styles.money(spend.gap),
            "headline_money",
            target_words(landing, currency, metric=Metric.SPEND, compact=False),
        ),
    ]


def _attainment_block(grid: Grid, facts: ExportFacts, styles: Styles) -> tuple[int, int]:
    """The attainment table; returns (header row, last row)."""
    year = year_label(facts)
    grid.blank()
    grid.add(Styled("Attainment by metric", "section"))
    header = grid.add(
        Styled("Metric", "header"),
        *(
            Styled(title, "header_right")
            for title in (
                "Planned to date",
                "Actual to date",
                "Attainment to date",
                f"Planned {year}",
                f"Forecast {year}",
                "Forecast attainment",
            )
        ),
    )
    through = facts.actuals_through
    for metric, progress in facts.headline.progress.metrics.items():
        style = "money" if metric.is_money else "count"

        def shown(value: int | None, style: str = style, money: bool = metric.is_money):
            return Styled(styles.money(value) if money else value, style)

        grid.add(
            Styled(metric.title, "label"),
            shown(progress.planned_to_date if through else None),
            shown(progress.actual_to_date),
            Styled(progress.attainment_to_date, "percent"),
            shown(progress.planned_year),
            shown(progress.forecast_year),
            Styled(progress.forecast_attainment, "percent"),
        )
    return header, grid.next_row - 1


def _findings_block(grid: Grid, facts: ExportFacts) -> None:
    """The findings, on a page of their own."""
    findings = facts.findings
    grid.add(Styled(f"Findings ({len(findings)})", "section"))
    if not findings:
        grid.add(Styled("No findings: every initiative passes the alignment checks.", "note"))
        return
    header = grid.add(
        Styled("Severity", "header_centre"),
        *(Styled(title, "header") for title in ("Finding", None, None, None, "Initiative", None)),
    )
    grid.merge(2, header, 5)
    grid.merge(6, header, 7)
    message_width = sum(WIDTHS[1:5])
    initiative_width = sum(WIDTHS[5:7])
    for finding in findings[:MAX_FINDINGS]:
        initiative = finding.initiative or "(the whole plan)"
        row = grid.add(
            Styled(finding.severity.value.capitalize(), SEVERITY_LOOK[finding.severity.value]),
            Styled(finding.message, "wrap"),
            None,
            None,
            None,
            Styled(initiative, "wrap"),
        )
        grid.merge(2, row, 5)
        grid.merge(6, row, 7)
        lines = max(
            text_lines(finding.message, message_width),
            text_lines(initiative, initiative_width),
        )
        # Set even for one line: the fitting would measure the merged text in one column.
        grid.heights[row] = LINE_HEIGHT * lines
    if len(findings) > MAX_FINDINGS:
        grid.add(
            Styled(
                f"… and {len(findings) - MAX_FINDINGS} more: the Initiatives sheet names the "
                "findings of each initiative.",
                "note",
            )
        )


def _revenue_data(grid: Grid, facts: ExportFacts, styles: Styles) -> tuple[int, int]:
    """Cumulative revenue won by month; returns (header row, last row)."""
    months = facts.settings.horizon.months()
    through = facts.actuals_through
    planned = accumulate(_revenue(facts, month, planned=True) for month in months)
    actual = accumulate(_revenue(facts, month, planned=False) for month in months)
    header = grid.add(
        Styled("Month", "header"),
        Styled("Planned, cumulative", "header_right"),
        Styled("Actual, cumulative", "header_right"),
    )
    for month, planned_sum, actual_sum in zip(months, planned, actual, strict=True):
        shown_actual = actual_sum if through is not None and month <= through else None
        grid.add(
            Styled(first_day(month), "month"),
            Styled(styles.money(planned_sum), "money"),
            Styled(styles.money(shown_actual), "money"),
        )
    return header, grid.next_row - 1


def _revenue(facts: ExportFacts, month: int, *, planned: bool) -> int:
    totals = facts.monthly.get(month)
    if totals is None:
        return 0
    if planned:
        return totals.planned[Metric.REVENUE_WON]
    return totals.actual[Metric.REVENUE_WON] or 0


def _funnel_data(grid: Grid, facts: ExportFacts) -> tuple[int, int, int]:
    """Funnel stages planned vs actual to date (planned for the whole plan before any
    actual); returns (header row, last row, last column)."""
    metrics = facts.headline.progress.metrics
    if facts.actuals_through is None:
        header = grid.add(Styled("Stage", "header"), Styled("Planned, whole plan", "header_right"))
        for stage in FUNNEL_STAGES:
            grid.add(stage.title, Styled(facts.plan_total.planned[stage], "count"))
        return header, grid.next_row - 1, 2
    header = grid.add(
        Styled("Stage", "header"),
        Styled("Planned to date", "header_right"),
        Styled("Actual to date", "header_right"),
    )
    for stage in FUNNEL_STAGES:
        grid.add(
            stage.title,
            Styled(metrics[stage].planned_to_date, "count"),
            Styled(metrics[stage].actual_to_date, "count"),
        )
    return header, grid.next_row - 1, 3


def _zone_data(grid: Grid, facts: ExportFacts) -> tuple[int, int]:
    """Share of budget and revenue target by tier; returns (header row, last row)."""
    zone = facts.strike_zone
    header = grid.add(
        Styled("Tier", "header"),
        Styled("Share of budget", "header_right"),
        Styled("Share of revenue target", "header_right"),
    )
    for tier, label in TIER_LABELS.items():
        grid.add(
            label,
            Styled(_share(zone.budget_by_tier[tier], zone.total_budget), "percent"),
            Styled(_share(zone.target_by_tier[tier], zone.total_target), "percent"),
        )
    return header, grid.next_row - 1


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
