"""The columns of the Initiatives table: what each shows, edits and sorts by."""

from __future__ import annotations

from collections.abc import Callable

from planner import Currency, Status
from planner import months as month_math
from planner.returns_figures import BY_NAME, ReturnsFigure
from ui.tables.rows_model import Column

from .rows import InitiativeRow

STATUS_TITLES = {status.value: status.value.capitalize() for status in Status}
# Statuses sort in their life-cycle order, not alphabetically.
STATUS_ORDER = {status.value: n for n, status in enumerate(Status)}

# Column keys, in table order; each names the field an edit of that column changes.
NAME, CHANNEL, STATUS, START, END = "name", "channel_id", "status", "start_month", "end_month"
BUDGET, TARGET, RETURN, OWNER, SEGMENTS, VS_BASELINE = (
    "budget",
    "revenue_target",
    "return_ratio",
    "owner",
    "segments",
    "vs_baseline",
)

# What each dollar returns: optional columns, hidden until chosen (see returns_columns),
# each figure planned then actual.
RETURNS_FIGURES = ("cost_per_mql", "cac", "romi", "pipeline_per_spend")
RETURNS_KINDS = ("planned", "actual")
RETURNS_COLUMNS = tuple(f"{name}_{kind}" for name in RETURNS_FIGURES for kind in RETURNS_KINDS)

# Initial widths come from a typical value of each column, measured in the table's font,
# instead of measuring every row (ResizeToContents walks all 2,000 rows of a large plan).
WIDTH_SAMPLES = {
    NAME: "Outbound to newly hired controllers",
    CHANNEL: "Field marketing",  # the longest of the default channels
    STATUS: "Planned",
    START: "May 2026",
    END: "May 2026",
    BUDGET: "$120,000",
    TARGET: "$1,200,000",
    RETURN: "20.0x",
    OWNER: "Kenji Watanabe",
    SEGMENTS: "Mid-market SaaS finance teams (core)",
    VS_BASELINE: "dropped",
    **{key: "$10,000" for key in RETURNS_COLUMNS},
}


def ratio_text(ratio: float | None) -> str:
    """``"4.2x"``, or a dash when there is no return (no target, or no budget)."""
    return "—" if ratio is None else f"{ratio:.1f}x"


def vs_baseline_text(row: InitiativeRow, currency: Currency) -> str:
    """The budget against the baseline (``+$5k``, ``new``, ``—``); empty without one."""
    if row.vs_baseline is None:
        return ""
    from planner.versions.compare import budget_change  # loaded once a baseline is chosen

    return budget_change(row.vs_baseline, currency)


def vs_baseline_tip(row: InitiativeRow, currency: Currency) -> str | None:
    """What changed since the baseline, a line each."""
    if row.vs_baseline is None:
        return None
    from planner.versions.compare import change_lines

    return "Against the baseline:\n" + "\n".join(change_lines(row.vs_baseline, currency))


def vs_baseline_order(row: InitiativeRow) -> int:
    """The budget difference: new initiatives above, dropped below, the same at 0."""
    return 0 if row.vs_baseline is None else row.vs_baseline.delta("budget")


def initiative_columns(currency: Callable[[], Currency]) -> list[Column[InitiativeRow]]:
    """The table's columns; ``currency`` gives the plan's currency when a cell is drawn (it
    can change in the plan settings)."""

    def money(minor: int) -> str:
        return currency().format(minor, cents=False)

    return [
        Column(
            NAME,
            "Name",
            header_tip="What the initiative is, in a few words; its story (problem, so what, why us) "
            "goes below the table",
            show=lambda r: r.name,
            edit=lambda r: r.name,
            sort=lambda r: r.name.casefold(),
        ),
        Column(
            CHANNEL,
            "Channel",
            header_tip="How it reaches buyers (content, event, paid, outbound, partner, webinar…); a "
            "channel can have conversion rates of its own on Plan settings",
            show=lambda r: r.channel_name,
            edit=lambda r: r.channel_id,
            sort=lambda r: r.channel_name.casefold(),
        ),
        Column(
            STATUS,
            "Status",
            header_tip="Idea, planned, active, done or dropped; a dropped initiative leaves the "
            "targets and budgets, its actuals still count",
            show=lambda r: STATUS_TITLES[r.status],
            edit=lambda r: r.status,
            sort=lambda r: STATUS_ORDER[r.status],
        ),
        Column(
            START,
            "Start",
            header_tip="The first month it runs, inside the plan's horizon (else the checks warn)",
            show=lambda r: month_math.label(r.start_month),
            edit=lambda r: r.start_month,
            sort=lambda r: r.start_month,
        ),
        Column(
            END,
            "End",
            header_tip="The last month it runs, inside the plan's horizon (else the checks warn)",
            show=lambda r: month_math.label(r.end_month),
            edit=lambda r: r.end_month,
            sort=lambda r: r.end_month,
        ),
        Column(
            BUDGET,
            "Budget",
            header_tip="What it may spend over its months; phased into monthly planned spend "
            "(Plan > Phase Targets), and covered by a planned funnel, or the checks warn",
            show=lambda r: money(r.budget),
            edit=lambda r: r.budget,
            sort=lambda r: r.budget,
            numeric=True,
        ),
        # Hidden until a baseline is chosen (see vs_baseline.BaselineColumn).
        Column(
            VS_BASELINE,
            "vs baseline",
            show=lambda r: vs_baseline_text(r, currency()),
            sort=vs_baseline_order,
            tip=lambda r: vs_baseline_tip(r, currency()),
            numeric=True,
            header_tip="The budget against the baseline chosen on the Dashboard: more (+), "
            "less (-), the same (—), new since the baseline or dropped since; the tooltip "
            "says what changed",
        ),
        Column(
            TARGET,
            "Revenue target",
            header_tip="The revenue won it should bring in: every initiative needs one, several "
            "times its budget (the minimum return ratio on Plan settings)",
            show=lambda r: money(r.revenue_target),
            edit=lambda r: r.revenue_target,
            sort=lambda r: r.revenue_target,
            numeric=True,
        ),
        Column(
            RETURN,
            "Return",
            show=lambda r: ratio_text(r.return_ratio),
            # No return sorts below every ratio; one number type keeps Qt's comparison numeric.
            sort=lambda r: -1.0 if r.return_ratio is None else r.return_ratio,
            numeric=True,
            header_tip="Revenue target divided by budget: 3× is three of revenue for each one "
            "spent; the checks warn below the plan's minimum return ratio",
        ),
        # Hidden until chosen (see returns.ReturnsColumns), beside the planned return.
        *returns_columns(currency),
        Column(
            OWNER,
            "Owner",
            show=lambda r: r.owner_name or "—",
            edit=lambda r: r.owner_id,
            sort=lambda r: r.owner_name.casefold(),
            tip=lambda r: None if r.owner_id else "No one is accountable yet",
            header_tip="The one Accountable person (RACI), who answers for its budget and target; "
            "hand ownership over on People & roles (Ctrl+Shift+A)",
        ),
        Column(
            SEGMENTS,
            "Segments",
            show=lambda r: ", ".join(r.segment_names) or "—",
            sort=lambda r: ", ".join(r.segment_names).casefold(),
            tip=lambda r: "\n".join(r.segment_names) or "Aimed at no segment",
            header_tip="The segments it aims at, with their strike-zone tier: aim at core "
            "segments, not only outside the zone",
        ),
    ]


def returns_columns(currency: Callable[[], Currency]) -> list[Column[InitiativeRow]]:
    """The returns columns, read-only: each figure planned, then actual to date; "—" where
    there is nothing to divide by, sorted last whichever way the column is sorted."""
    columns = []
    for name in RETURNS_FIGURES:
        figure = BY_NAME[name]
        for kind in RETURNS_KINDS:
            columns.append(
                Column(
                    f"{name}_{kind}",
                    f"{figure.short} {'plan' if kind == 'planned' else 'actual'}",
                    show=lambda r, f=figure, k=kind: f.text(returns_value(r, f, k), currency()),
                    sort=lambda r, f=figure, k=kind: returns_value(r, f, k),
                    tip=lambda r, f=figure: returns_tip(r, f, currency()),
                    numeric=True,
                    header_tip=f"{figure.label}, {kind}"
                    + (" (actuals to date)" if kind == "actual" else " (the whole plan)")
                    + "; — where there is nothing to divide by",
                )
            )
    return columns


def returns_value(row: InitiativeRow, figure: ReturnsFigure, kind: str) -> int | float | None:
    """The figure of ``row``, planned or actual (``None`` when not read or nothing divides)."""
    if row.returns is None:
        return None
    return figure.of(row.returns.planned if kind == "planned" else row.returns.actual)


def returns_tip(row: InitiativeRow, figure: ReturnsFigure, currency: Currency) -> str | None:
    if row.returns is None:
        return None
    planned = figure.text(figure.of(row.returns.planned), currency)
    actual = figure.text(figure.of(row.returns.actual), currency)
    return f"{figure.label}: planned {planned}, actual to date {actual}"


def column_index(columns: list[Column[InitiativeRow]], key: str) -> int | None:
    """The position of the column with this key, if the table has one."""
    return next((n for n, column in enumerate(columns) if column.key == key), None)
