"""The Hand-off sheet: the marketing-sales agreement, and each month's actuals against it.
(The About sheet lists the agreement's terms as figures too.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import first_day
from planner.workbook.export.sheet_setup import Grid, define_name, headers_over, write_grid

if TYPE_CHECKING:
    from planner.domain import HandoffAgreement
    from planner.workbook.export.context import ExportContext

TITLE = "Hand-off"
RANGE_NAME = "Handoff_Data"
HEADER_ROW = 5
HEADERS = (
    "Month",
    "MQLs committed",
    "MQLs delivered",
    "MQLs met",
    "Acceptance agreed",
    "Acceptance actual",
    "Acceptance met",
    "Follow-up agreed (hours)",
    "Follow-up actual (hours)",
    "Follow-up met",
    "Agreement met",
)
# How each column's values look, for its header's alignment.
COLUMN_LOOKS = tuple(
    Styled(None, style)
    for style in (
        "month",
        "count",
        "count",
        "good",
        "percent",
        "percent",
        "good",
        "hours",
        "hours",
        "good",
        "good",
    )
)


def write(ctx: ExportContext) -> None:
    """Add the Hand-off sheet."""
    facts = ctx.facts
    agreement = facts.agreement
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled("Hand-off: the marketing-sales agreement against actuals", "title"))
    grid.line(
        Styled(
            "Marketing commits MQLs each month; sales commits to accept enough of them and to "
            "follow up fast. Months up to the latest actuals; a month without MQL actuals is "
            "not judged.",
            "subtitle",
        )
    )
    grid.line(Styled(_terms(agreement), "subtitle"))
    grid.blank()
    grid.add(*headers_over(HEADERS, COLUMN_LOOKS, ctx.styles))
    for month in facts.handoff:
        grid.add(
            Styled(first_day(month.month), "month"),
            Styled(month.mqls_committed, "count"),
            Styled(month.mqls_delivered, "count"),
            _met(month.mqls_met),
            Styled(month.acceptance_agreed, "percent"),
            Styled(month.acceptance_actual, "percent"),
            _met(month.acceptance_met),
            Styled(month.followup_agreed, "hours"),
            Styled(month.followup_actual, "hours"),
            _met(month.followup_met),
            _met(month.met),
        )
    if not facts.handoff:
        grid.add(Styled("No actuals yet: each month is judged once its actuals are in.", "note"))
    last_row = grid.next_row - 1

    write_grid(
        ctx,
        ws,
        grid,
        freeze=f"B{HEADER_ROW + 1}",
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        title_columns=1,
    )
    define_name(ctx.wb, RANGE_NAME, ws, 1, HEADER_ROW, len(HEADERS), last_row)


def _terms(agreement: HandoffAgreement) -> str:
    """The agreement in a sentence."""
    terms = (
        f"The agreement: marketing delivers {agreement.mqls_per_month:,} MQLs a month; sales "
        f"accepts at least {agreement.acceptance_rate:.0%} of them and follows up within "
        f"{agreement.followup_hours:g} hours."
    )
    return f"{terms} Quality bar: {agreement.quality_bar}" if agreement.quality_bar else terms


def _met(met: bool | None) -> Styled | None:
    if met is None:
        return None
    return Styled("Yes", "good") if met else Styled("No", "bad")
