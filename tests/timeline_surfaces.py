"""Reading the timeline back from the two surfaces beyond the app, as a reader sees them: the
``timeline`` chart (its artists) and the workbook's Timeline sheet (its cells and fills).
Shared by the chart's tests, the sheet's tests and the test that both show what
``build_timeline`` built.

(``pythonpath = ["tests"]`` in pyproject.toml puts this module on the import path.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.text import Text

from planner import months as month_math
from planner.timeline import Timeline


@dataclass(frozen=True)
class ShownBar:
    """A bar as a surface shows it: whose (``key``: "initiative:7" on the chart, the name on
    the sheet), and its first and last month shown."""

    key: str
    first: int
    last: int


@dataclass(frozen=True)
class ShownLane:
    key: str  # the lane's key (chart) or its title row's text (sheet)
    bars: tuple[ShownBar, ...]


def expected_on_chart(timeline: Timeline) -> list[ShownLane]:
    """What the chart should show of ``timeline``: every lane by its key, every bar by its
    initiative, its months cut to the horizon."""
    first, last = timeline.months[0], timeline.months[-1]
    return [
        ShownLane(
            lane.key,
            tuple(
                ShownBar(
                    f"initiative:{bar.initiative_id}",
                    max(bar.start_month, first),
                    min(bar.end_month, last),
                )
                for bar in lane.bars
            ),
        )
        for lane in timeline.lanes
    ]


def expected_on_sheet(timeline: Timeline) -> list[ShownLane]:
    """What the sheet should show of ``timeline``: every lane by its title row, every bar by
    its name, its months cut to the horizon."""
    first, last = timeline.months[0], timeline.months[-1]
    return [
        ShownLane(
            f"{lane.title} ({len(lane.bars)})",
            tuple(
                ShownBar(bar.name, max(bar.start_month, first), min(bar.end_month, last))
                for bar in lane.bars
            ),
        )
        for lane in timeline.lanes
    ]


# -- the chart -------------------------------------------------------------------------------


def chart_rows(figure: Figure) -> list[tuple[float, str]]:
    """The chart's tagged rows top to bottom: (row, gid) of each lane's band ("lane:...") and
    each bar ("initiative:...")."""
    axes = figure.axes[1]
    rows = []
    for patch in axes.patches:
        gid = patch.get_gid() or ""
        if gid.startswith(("lane:", "initiative:")):
            box = patch.get_extents().transformed(axes.transData.inverted())
            rows.append(((box.y0 + box.y1) / 2, gid))
    return sorted(rows)


def chart_lanes(figure: Figure, months: tuple[int, ...]) -> list[ShownLane]:
    """The lanes the chart draws, top to bottom, with their bars and the months they cover
    (``months``: the chart's, at positions 0, 1, 2...)."""
    axes = figure.axes[1]
    spans = {}
    for patch in axes.patches:
        gid = patch.get_gid() or ""
        if gid.startswith("initiative:"):
            spans[gid] = (
                months[round(patch.get_x() + 0.5)],
                months[round(patch.get_x() + patch.get_width() - 0.5)],
            )
    lanes: list[tuple[str, list[ShownBar]]] = []
    for _row, gid in chart_rows(figure):
        if gid.startswith("lane:"):
            lanes.append((gid.removeprefix("lane:"), []))
        else:
            lanes[-1][1].append(ShownBar(gid, *spans[gid]))
    return [ShownLane(key, tuple(bars)) for key, bars in lanes]


def chart_texts(figure: Figure) -> list[Text]:
    """Every text of the chart that is shown."""
    return [text for text in figure.findobj(Text) if text.get_visible() and text.get_text()]


# -- the sheet -------------------------------------------------------------------------------

TIMELINE_SHEET = "Timeline"


@dataclass(frozen=True)
class SheetRow:
    """A bar's row on the Timeline sheet: its cells before the months, and the months shaded
    (with the fill colour of each)."""

    cells: tuple[object, ...]
    shaded: dict[int, str]


def sheet_layout(path: Path) -> tuple[int, list[int], list[tuple[str, list[SheetRow]]]]:
    """The Timeline sheet of the workbook at ``path``: its header row, the month of each month
    column, and its lanes (their title rows' text) with their bars' rows, top to bottom."""
    import openpyxl

    ws = openpyxl.load_workbook(path)[TIMELINE_SHEET]
    header = next(row[0].row for row in ws.iter_rows(max_col=1) if row[0].value == "Initiative")
    header_cells = list(ws[header])
    first_month = next(n for n, cell in enumerate(header_cells) if cell.is_date)
    months = [cell.value.year * 100 + cell.value.month for cell in header_cells[first_month:]]
    lanes: list[tuple[str, list[SheetRow]]] = []
    for row in ws.iter_rows(min_row=header + 1):
        name = row[0]
        if name.value is None:
            continue
        if name.font.bold:
            lanes.append((name.value, []))
            continue
        shaded = {
            month: cell.fill.fgColor.rgb[-6:]
            for month, cell in zip(months, row[first_month:], strict=False)
            if cell.fill.fill_type == "solid"
        }
        lanes[-1][1].append(SheetRow(tuple(c.value for c in row[:first_month]), shaded))
    return header, months, lanes


def sheet_lanes(path: Path) -> list[ShownLane]:
    """The lanes the Timeline sheet shows, top to bottom: each bar by its name, and the first
    and last of its shaded months (which run without a gap: see :func:`gaps`)."""
    _header, _months, lanes = sheet_layout(path)
    return [
        ShownLane(
            title,
            tuple(ShownBar(str(row.cells[0]), min(row.shaded), max(row.shaded)) for row in rows),
        )
        for title, rows in lanes
    ]


def gaps(shaded: dict[int, str]) -> list[int]:
    """Months missing from a bar's shaded run."""
    if not shaded:
        return []
    first, last = min(shaded), max(shaded)
    every = [month_math.add(first, n) for n in range(month_math.between(first, last))]
    return [month for month in every if month not in shaded]
