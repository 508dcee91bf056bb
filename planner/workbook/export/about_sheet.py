"""The About sheet: where the workbook came from (app, plan file, export time), the currency,
the funnel assumptions and the hand-off agreement the figures rest on, how to read them, and
what text of the plan was changed to fit Excel. Its values, text and figures alike, read from
the left, as a list of settings does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner import months as month_math
from planner.rate_words import RATE_TITLES, percent_text
from planner.version import APP_NAME, APP_VERSION
from planner.workbook.export.cells import MAX_CELL_TEXT, REPLACEMENT, Styled
from planner.workbook.export.facts import kind_words, saved_words
from planner.workbook.export.sheet_setup import Grid, define_name, write_grid

if TYPE_CHECKING:
    from collections.abc import Callable

    from planner.versions.service import VersionInfo
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import ExportFacts

TITLE = "About"
RANGE_NAME = "Funnel_Assumptions"
WIDTHS = (30.0, 40.0, 60.0)
READING_NOTES = (
    "Money is shown in whole units of the plan currency (12,346); the cells hold it exact to "
    "the cent, and the Actuals sheet shows the cents.",
    "To date: from the plan's first month to the latest month holding any actual.",
    "Attainment: actual ÷ planned over the same months; forecast attainment: the run-rate "
    "forecast ÷ the year's plan.",
    "Live initiatives are those not dropped; budget, revenue target and the strike zone count "
    "only them.",
    "An initiative aimed at several segments is shared equally among them, the odd cent going "
    "to the first.",
    "The Actuals sheet is made to be filled in and sent back; the plan imports it by "
    "initiative ID. It is left out of the printout until its print area is cleared.",
)
CHANGES_TITLE = "Changed to fit Excel"
CHANGES_NOTE = (
    "Text of the plan that an Excel cell cannot hold as it is: text longer than "
    f'{MAX_CELL_TEXT:,} characters is cut, ending in "… [cut: …]"; characters XML cannot '
    f"carry are shown as {REPLACEMENT}."
)
WORKING_PLAN = "Working plan"
MAX_LISTED = 40  # changes listed one by one; the rest are counted


def write(ctx: ExportContext) -> None:
    """Add the About sheet."""
    facts, styles = ctx.facts, ctx.styles
    settings, funnel, agreement = facts.settings, facts.funnel, facts.agreement
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("About this workbook", "title"))
    grid.blank()

    def pair(label: str, value: object, note: str = "") -> int:
        shown = value if isinstance(value, Styled) else Styled(value, "wrap")
        return grid.add(Styled(label, "label"), shown, Styled(note, "wrap") if note else None)

    grid.add(Styled("Source", "section"))
    pair("Made by", f"{APP_NAME} {APP_VERSION}")
    pair("Plan file", facts.file_name)
    pair("Plan", settings.name)
    pair("Company", settings.company or "(not given)")
    _versions(facts, pair)
    pair("Exported", Styled(facts.exported_at, "timestamp"), "local time of the exporting computer")
    pair("Period", settings.horizon.describe(), f"{settings.horizon.count} months")
    start = month_math.label(month_math.month(2000, settings.fiscal_year_start)).split()[0]
    pair("Fiscal year starts in", start)
    pair(
        "Currency",
        f"{facts.currency.code} ({facts.currency.symbol.strip()})",
        f"{facts.currency.digits} decimal places",
    )
    grid.blank()
    grid.add(Styled("Funnel assumptions", "section"))
    first = pair("Lead to MQL", Styled(funnel.lead_to_mql, "percent_left"), "stage conversion rate")
    pair("MQL to SAL", Styled(funnel.mql_to_sal, "percent_left"))
    pair("SAL to SQL", Styled(funnel.sal_to_sql, "percent_left"))
    pair("SQL to opportunity", Styled(funnel.sql_to_opportunity, "percent_left"))
    pair("Opportunity to won", Styled(funnel.opportunity_to_won, "percent_left"))
    pair("Average deal size", Styled(styles.money(funnel.average_deal_size), "money_left"))
    last = pair(
        "Minimum return",
        Styled(funnel.min_return_ratio, "ratio_left"),
        "revenue target per unit of budget below which the checks warn",
    )
    margin = settings.gross_margin
    pair(
        "Gross margin",
        Styled(margin, "percent_left") if margin is not None else "(not stated)",
        "for payback in months",
    )
    _channel_rates(facts, pair)
    grid.blank()
    grid.add(Styled("Hand-off agreement", "section"))
    pair("MQLs per month", Styled(agreement.mqls_per_month, "count_left"), "marketing commits")
    pair(
        "Acceptance rate",
        Styled(agreement.acceptance_rate, "percent_left"),
        "sales accepts at least",
    )
    pair(
        "Follow-up within (hours)",
        Styled(agreement.followup_hours, "hours_left"),
        "sales commits",
    )
    pair("Quality bar", Styled(agreement.quality_bar, "wrap"))
    grid.blank()
    grid.add(Styled("Reading the figures", "section"))
    for note in READING_NOTES:
        grid.add(Styled(note, "note"))
    _fit_rows(ctx, grid)
    _list_changes(ctx, grid)

    write_grid(ctx, ws, grid, freeze=None, title_rows=None, widths=WIDTHS)
    define_name(ctx.wb, RANGE_NAME, ws, 1, first, 2, last)


def _channel_rates(facts: ExportFacts, pair: Callable[..., int]) -> None:
    """The channels with conversion rates of their own, each with those rates (their
    initiatives convert at them unless they have their own: see the Initiatives sheet)."""
    own = facts.rates.channels if facts.rates is not None else {}
    listed = [(c.name, own[c.id]) for c in facts.channels if c.id in own and own[c.id].given]
    if not listed:
        pair("Channel rates", "(none: every channel converts at the rates above)")
        return
    for name, overrides in listed:
        rates = ", ".join(
            f"{RATE_TITLES[rate]} {percent_text(value)}" for rate, value in overrides.given.items()
        )
        pair(f"Channel {name}", rates, "its own; the rates above for the rest")


def _versions(facts: ExportFacts, pair: Callable[..., int]) -> None:
    """The version exported and the baseline it is compared with, each with its kind and
    when it was saved."""
    pair("Version exported", *_version(facts.version))
    if facts.baseline is not None:
        name, note = _version(facts.baseline.version)
        pair("Compared with", name, f"{note}; see the Plan vs baseline sheet")


def _version(version: VersionInfo | None) -> tuple[str, str]:
    """A version's name, and its kind and when it was saved."""
    if version is None:
        return WORKING_PLAN, kind_words(None)
    return version.name, f"{kind_words(version)}, {saved_words(version, origin=True)}"


def _fit_rows(ctx: ExportContext, grid: Grid) -> None:
    """Fit the text of the sheet's rows so far now, so that changes to it are recorded
    before the list of changes below them is made."""
    for number, row in enumerate(grid.rows, 1):
        for column, item in enumerate(row, 1):
            value, style = item if type(item) is Styled else (item, None)
            if isinstance(value, str):
                fitted = ctx.texts.cell(value, TITLE, number, column)
                row[column - 1] = fitted if style is None else Styled(fitted, style)


def _list_changes(ctx: ExportContext, grid: Grid) -> None:
    """The section listing what was changed to fit Excel, when anything was: where (the
    field of the plan, or the sheet and cell) and what."""
    changes = ctx.texts.changes
    if not changes:
        return
    grid.blank()
    grid.add(Styled(CHANGES_TITLE, "section"))
    grid.add(Styled(CHANGES_NOTE, "note"))
    for change in changes[:MAX_LISTED]:
        grid.add(
            Styled(change.subject, "wrap"),
            Styled(change.field, "wrap"),
            Styled(change.describe(), "wrap"),
        )
    if len(changes) > MAX_LISTED:
        grid.add(Styled(f"… and {len(changes) - MAX_LISTED:,} more texts changed", "note"))
