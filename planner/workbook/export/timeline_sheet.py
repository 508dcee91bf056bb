"""The Timeline sheet: what runs when, as a lead's own spreadsheet shades it. Months across, one
row per initiative under its lane's title row, its months shaded by status; the initiative's
owner, status, tier and budget beside it in words and figures.

Everything shown is :func:`planner.timeline.build_timeline`'s, the one definition the
Timeline page and the ``timeline`` chart read too: the lanes and their order, each bar's
months, status, tier and owner, the fiscal-year and quarter bands over the months, today's
month and the last closed month (their month headers are marked).

Printed landscape, one page wide per fiscal year: a page across ends where a fiscal year does,
and each repeats the name columns and the header rows, the key to the shading among them. A
part of a fiscal year (where the plan's months start or end within one) shares the page of the
year beside it when the two take no more than :data:`MONTHS_A_PAGE` months.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from planner import months as month_math
from planner.domain import Status
from planner.timeline.wording import months_span
from planner.workbook.export.cells import Styled
from planner.workbook.export.facts import first_day
from planner.workbook.export.initiatives_sheet import NO_OWNER
from planner.workbook.export.printing import page_room
from planner.workbook.export.sheet_setup import LINE_HEIGHT, Grid, fitted_widths, write_grid

if TYPE_CHECKING:
    from planner.timeline import Band, Bar, Lane, Timeline
    from planner.workbook.export.context import ExportContext
    from planner.workbook.export.styles import Styles

TITLE = "Timeline"
HEADERS = ("Initiative", "Owner", "Status", "Tier", "Budget")
NAME_COLUMNS = len(HEADERS)  # without a baseline
BASELINE_HEADER = "Dates in baseline"
NOT_IN_BASELINE = "not in it"
SAME_DATES = "same"
CAPS = {1: 36.0, 2: 16.0}  # the name and the owner wrap within these widths
MONTH_WIDTH = (3.6, 6.0)  # narrowest and widest month column
MONTHS_A_PAGE = 15  # a fiscal year and a quarter of the next (or last) one
NO_SEGMENT = "(no segment)"
KEY_TITLE = "Months shaded by status:"
# The key's statuses, in the order of work, beside the fiscal years and then the quarters.
KEY = (Status.IDEA, Status.PLANNED, Status.ACTIVE, Status.DONE, Status.DROPPED)
BEFORE, AFTER = "«", "»"  # in a bar's first or last shaded month: it runs on past the plan's


def write(ctx: ExportContext, timeline: Timeline) -> None:
    """Add the Timeline sheet of ``timeline`` (built by :func:`planner.timeline.build_timeline`
    for this export's plan)."""
    styles = ctx.styles
    months = timeline.months
    headers = name_headers(timeline)
    ws = ctx.new_sheet(TITLE)
    grid = Grid()
    grid.add(Styled(f"Timeline of {ctx.facts.settings.name}", "title"))
    grid.line(Styled(_explanation(ctx, timeline), "subtitle"))
    grid.blank()
    keys = _key_cells(len(headers))
    year_row = _band_row(grid, timeline.years, months, keys[0])
    _band_row(grid, timeline.quarters, months, keys[1])
    header_row = grid.add(
        *(Styled(title, "header_right" if title == "Budget" else "header") for title in headers),
        *(Styled(first_day(month), _month_header(month, timeline)) for month in months),
    )
    for lane in timeline.lanes:
        grid.add(*lane_row(lane, len(headers) + len(months)))
        for bar in lane.bars:
            grid.add(*bar_row(bar, timeline, styles))

    widths = _widths(grid, header_row, timeline, styles)
    write_grid(
        ctx,
        ws,
        grid,
        freeze=f"{get_column_letter(len(headers) + 1)}{header_row + 1}",
        title_rows=f"{year_row}:{header_row}",
        title_columns=len(headers),
        widths=widths,
        ends=year_ends(timeline),
    )


def name_headers(timeline: Timeline) -> tuple[str, ...]:
    """The columns before the months: with a baseline, its dates too."""
    return HEADERS if timeline.baseline_name is None else (*HEADERS, BASELINE_HEADER)


def lane_row(lane: Lane, columns: int) -> list[Styled]:
    """A lane's title row: its title and how many initiatives it has, shaded across."""
    return [
        Styled(f"{lane.title} ({len(lane.bars):,})", "lane"),
        *(Styled(None, "lane") for _ in range(columns - 1)),
    ]


def bar_row(bar: Bar, timeline: Timeline, styles: Styles) -> list[Styled | None]:
    """An initiative's row: its name, owner, status, tier and budget (and its dates in the
    baseline), then its months shaded (marked where it runs on past the plan's months)."""
    months = timeline.months
    shade = f"bar_{bar.status.value}"
    cells: list[Styled | None] = [
        Styled(bar.name, "wrap"),
        Styled(bar.owner or NO_OWNER, "wrap"),
        Styled(bar.status.value.capitalize(), "text"),
        Styled(bar.tier.value if bar.tier is not None else NO_SEGMENT, "text"),
        Styled(styles.money(bar.budget), "money"),
    ]
    if timeline.baseline_name is not None:
        cells.append(Styled(baseline_dates(bar), "text"))
    for month in months:
        if not bar.start_month <= month <= bar.end_month:
            cells.append(None)
            continue
        mark = None
        if month == months[0] and bar.start_month < month:
            mark = BEFORE
        if month == months[-1] and bar.end_month > month:
            mark = AFTER if mark is None else BEFORE + AFTER
        cells.append(Styled(mark, shade))
    return cells


def baseline_dates(bar: Bar) -> str:
    """Where the baseline has ``bar``: its months when they differ from the plan's."""
    if bar.baseline_start is None or bar.baseline_end is None:
        return NOT_IN_BASELINE
    if (bar.baseline_start, bar.baseline_end) == (bar.start_month, bar.end_month):
        return SAME_DATES
    return months_span(bar.baseline_start, bar.baseline_end)


def pages_of_years(timeline: Timeline) -> list[list[Band]]:
    """The fiscal years in pages across: a year each, and a part of a year with the year
    beside it when the two fit :data:`MONTHS_A_PAGE` months."""
    pages: list[list[Band]] = []
    for band in timeline.years:
        if pages and sum(map(_length, pages[-1])) + _length(band) <= MONTHS_A_PAGE:
            pages[-1].append(band)
        else:
            pages.append([band])
    return pages


def _length(band: Band) -> int:
    return month_math.between(band.first, band.last)


def year_ends(timeline: Timeline) -> list[int]:
    """The column each fiscal year's last month is in: where a printed page may end."""
    before = len(name_headers(timeline))
    return [before + timeline.months.index(band.last) + 1 for band in timeline.years]


def _key_cells(before: int) -> tuple[list[Styled], list[Styled]]:
    """The key to the shading, in the name columns (``before`` of them) of the two band rows:
    its title, then a cell shaded for each status, named."""
    slots = [(row, column) for row in (0, 1) for column in range(1, before)]
    cells = [[Styled(None, "header") for _ in range(before)] for _row in (0, 1)]
    cells[0][0] = Styled(KEY_TITLE, "header_right")
    for status, (row, column) in zip(KEY, slots, strict=False):
        cells[row][column] = Styled(status.value.capitalize(), f"bar_{status.value}")
    return cells[0], cells[1]


def _band_row(
    grid: Grid, bands: tuple[Band, ...], months: tuple[int, ...], names: list[Styled]
) -> int:
    """A header row of ``bands`` over the month columns, each merged over its months, after
    the ``names`` cells of the name columns."""
    before = len(names)
    cells = list(names)
    spans = []
    for band in bands:
        first = months.index(band.first) + before + 1
        last = months.index(band.last) + before + 1
        spans.append((first, last))
        cells += [
            Styled(band.label if column == first else None, "header_band")
            for column in range(first, last + 1)
        ]
    row = grid.add(*cells)
    for first, last in spans:
        grid.merge(first, row, last)
    grid.heights[row] = LINE_HEIGHT  # one line: merged, the label is as wide as its months
    return row


def _month_header(month: int, timeline: Timeline) -> str:
    if month == timeline.today:
        return "header_month_today"
    if timeline.closed_through is not None and month <= timeline.closed_through:
        return "header_month_closed"
    return "header_month"


def _explanation(ctx: ExportContext, timeline: Timeline) -> str:
    """The sheet's line under its title: how it is grouped, and how to read it."""
    parts = [
        f"By {timeline.grouping.label.lower()}: one row per initiative, its months shaded by "
        "status (the key is beside the fiscal years; the Status column says it in words).",
        f"Money in {ctx.facts.currency.code}.",
    ]
    marked = []
    if timeline.today is not None:
        marked.append(f"today's month ({month_math.label(timeline.today)}) is orange")
    if timeline.closed_through is not None:
        marked.append(f"closed months (to {month_math.label(timeline.closed_through)}) are grey")
    if marked:
        parts.append(f"Month headers: {' and '.join(marked)}.")
    if timeline.baseline_name is not None:
        parts.append(f"{BASELINE_HEADER}: as in {timeline.baseline_name}.")
    first, last = timeline.months[0], timeline.months[-1]
    if any(bar.start_month < first or bar.end_month > last for bar in timeline.bars):
        parts.append(f"{BEFORE} {AFTER}: it runs on before or after the plan's months.")
    return " ".join(parts)


def _widths(grid: Grid, header_row: int, timeline: Timeline, styles: Styles) -> list[float]:
    """The name columns fitted to their rows (and to the key above them); the months as wide
    as lets the widest page of fiscal years (see :func:`pages_of_years`) print beside them,
    within :data:`MONTH_WIDTH`."""
    before = len(name_headers(timeline))
    names = fitted_widths([row[:before] for row in grid.rows[header_row - 1 :]], styles, caps=CAPS)
    names += [8.0] * (before - len(names))
    key = fitted_widths(
        [row[:before] for row in grid.rows[header_row - 3 : header_row - 1]], styles
    )
    names = [max(name, shown) for name, shown in zip(names, key, strict=False)] + names[len(key) :]
    widest = max(sum(map(_length, page)) for page in pages_of_years(timeline))
    room = page_room(names, before) / max(widest, 1)
    month = min(MONTH_WIDTH[1], max(MONTH_WIDTH[0], room))
    return names + [round(month - 0.05, 1)] * len(timeline.months)
