"""The Initiatives sheet: one Excel table (filter buttons, banded rows) of every initiative with
its owner, teams, segments, dates, money, attainment and what the checks found."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from planner import months as month_math
from planner.checks.findings import finding_title
from planner.domain import STAGE_RATES, Metric, Team, Tier
from planner.rate_words import RATE_TITLES, where_from
from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import first_day
from planner.workbook.export.sheet_setup import (
    Grid,
    attainment_scale,
    define_name,
    headers_over,
    write_grid,
)

if TYPE_CHECKING:
    from planner.domain import Initiative
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.facts import ExportFacts
    from planner.workbook.export.styles import Styles

TITLE = "Initiatives"
TABLE_NAME = "Initiatives"
RANGE_NAME = "Initiatives_Table"
HEADER_ROW = 4
HEADERS = (
    "ID",
    "Initiative",
    "Owner",
    "Teams",
    "Segments",
    "Tiers",
    "Channel",
    "Status",
    "Start",
    "End",
    "Budget",
    "Revenue target",
    "Revenue planned to date",
    "Revenue won to date",
    "Attainment",
    "Rates from",
    *RATE_TITLES.values(),
    "Findings",
    "What the checks found",
    "Notes",
)
ATTAINMENT_COLUMN = HEADERS.index("Attainment") + 1
TITLE_COLUMNS = 2  # the ID and the name print on every page across
# Printed across pages, a page ends after one of these: who, where aimed, what and when,
# the money, the conversion rates in use, the findings.
PAGE_ENDS = tuple(
    HEADERS.index(title) + 1
    for title in (
        "Teams",
        "Tiers",
        "Status",
        "End",
        "Attainment",
        RATE_TITLES[STAGE_RATES[-1]],
        "What the checks found",
    )
)
# Long text columns wrap within these widths.
CAPS = {
    HEADERS.index(title) + 1: width
    for title, width in (
        ("Initiative", 32.0),
        ("Owner", 16.0),
        ("Teams", 14.0),
        ("Segments", 26.0),
        ("Channel", 12.0),
        ("Rates from", 26.0),
        ("What the checks found", 30.0),
        ("Notes", 28.0),
    )
}
NO_OWNER = "(no owner)"


def write(ctx: ExportContext) -> None:
    """Add the Initiatives sheet."""
    facts, styles = ctx.facts, ctx.styles
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled(f"Initiatives of {facts.settings.name}", "title"))
    grid.line(Styled(_explanation(facts), "subtitle"))
    grid.blank()
    lookups = _Lookups(facts)
    rows = [_row(initiative, facts, styles, lookups) for initiative in facts.initiatives]
    rows = rows or [[None] * len(HEADERS)]  # a table needs one row below its header
    grid.add(*headers_over(HEADERS, rows[0], styles))
    for row in rows:
        grid.add(*row)
    last_row = grid.next_row - 1
    write_grid(
        ctx,
        ws,
        grid,
        freeze=f"C{HEADER_ROW + 1}",
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        title_columns=TITLE_COLUMNS,
        caps=CAPS,
        ends=PAGE_ENDS,
    )

    ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADERS))}{last_row}"
    table = Table(
        displayName=TABLE_NAME,
        ref=ref,
        tableStyleInfo=TableStyleInfo(
            name="TableStyleMedium2", showRowStripes=True, showColumnStripes=False
        ),
        autoFilter=AutoFilter(ref=ref),
        tableColumns=[TableColumn(id=n, name=title) for n, title in enumerate(HEADERS, 1)],
    )
    with warnings.catch_warnings():
        # openpyxl warns that write-only tables need their columns given: they are, above.
        warnings.simplefilter("ignore", UserWarning)
        ws.add_table(table)
    define_name(ctx.wb, RANGE_NAME, ws, 1, HEADER_ROW, len(HEADERS), last_row)
    column = get_column_letter(ATTAINMENT_COLUMN)
    ws.conditional_formatting.add(
        f"{column}{HEADER_ROW + 1}:{column}{last_row}", attainment_scale()
    )


def _explanation(facts: ExportFacts) -> str:
    through = facts.actuals_through
    if through is None:
        to_date = "No actuals yet, so nothing is won or attained to date."
    else:
        to_date = (
            f"To date: {month_math.label(facts.settings.horizon.first)} to "
            f"{month_math.label(through)}. Attainment: revenue won ÷ revenue planned, to date."
        )
    rates = (
        "Conversion rates: those in use for each initiative, its own, else its channel's, "
        "else the plan's (see About)."
    )
    return f"Money in {facts.currency.code}. {to_date} {rates}"


class _Lookups:
    """Who and what each initiative refers to, indexed once for all rows."""

    def __init__(self, facts: ExportFacts) -> None:
        self.people = {person.id: person for person in facts.people}
        self.segments = {segment.id: segment for segment in facts.segments}
        self.channels = {channel.id: channel.name for channel in facts.channels}
        self.on: dict[int, set[int]] = {}
        for assignment in facts.assignments:
            self.on.setdefault(assignment.initiative_id, set()).add(assignment.person_id)
        self.findings = facts.findings_of()

    def teams(self, initiative_id: int) -> str:
        held = {self.people[p].team for p in self.on.get(initiative_id, ()) if p in self.people}
        return ", ".join(team.value for team in Team if team in held)


def _row(
    initiative: Initiative, facts: ExportFacts, styles: Styles, lookups: _Lookups
) -> list[object]:
    owner = lookups.people.get(initiative.owner_id) if initiative.owner_id is not None else None
    aimed = [lookups.segments[s] for s in initiative.segment_ids if s in lookups.segments]
    tiers = [tier.value for tier in Tier if any(s.tier is tier for s in aimed)]
    findings = lookups.findings.get(initiative.id, [])
    totals = facts.to_date.get(initiative.id)
    planned = totals.planned[Metric.REVENUE_WON] if totals else None
    won = totals.actual[Metric.REVENUE_WON] if totals else None
    if facts.actuals_through is not None and planned is None:
        planned = 0  # nothing planned to date is a zero, not a blank
    attainment = totals.attainment(Metric.REVENUE_WON) if totals else None
    rates = facts.rates
    in_use = rates.of_initiative(initiative.id) if rates is not None else None
    return [
        Styled(initiative.id, "key"),
        Styled(initiative.name, "wrap"),
        Styled(owner.name if owner else NO_OWNER, "wrap"),
        Styled(lookups.teams(initiative.id), "wrap"),
        Styled("; ".join(segment.name for segment in aimed), "wrap"),
        Styled(", ".join(tiers), "wrap"),
        Styled(lookups.channels[initiative.channel_id], "text"),
        Styled(initiative.status.value.capitalize(), "text"),
        Styled(first_day(initiative.start_month), "month"),
        Styled(first_day(initiative.end_month), "month"),
        Styled(styles.money(initiative.budget), "money"),
        Styled(styles.money(initiative.revenue_target), "money"),
        Styled(styles.money(planned), "money"),
        Styled(styles.money(won), "money"),
        Styled(attainment, "percent"),
        Styled(where_from(rates, initiative.id), "wrap") if rates is not None else None,
        *(Styled(getattr(in_use, rate) if in_use else None, "percent") for rate in STAGE_RATES),
        Styled(len(findings), "key"),  # centred: apart from the findings named beside it
        Styled(", ".join(finding_title(f) for f in findings), "wrap") if findings else None,
        Styled(initiative.notes, "wrap") if initiative.notes else None,
    ]
