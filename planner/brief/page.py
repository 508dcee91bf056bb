"""The one-page plan drawn as one matplotlib Figure the size of the paper: header, headline
figures, the revenue and strike-zone charts (their own ``draw`` functions, into sub-figures),
the top initiatives, the open findings and the hand-off agreement.

Whatever the plan's size it is one page: every list prints what fits and counts the rest
("+12 more"), and every text is cut or wrapped to the room measured for it. Text from the
plan is drawn as written: maths mode is off for every string (a name with "$" or "_" prints
as typed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure, SubFigure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.textpath import TextToPath

from planner.charts import revenue, strike_zone
from planner.charts.fonts import use_fallback_fonts
from planner.charts.style import AHEAD, BEHIND, ChartStyle

if TYPE_CHECKING:
    from planner.brief.content import BriefContent, PageCharts

# Portrait paper, inches.
PAPERS: dict[str, tuple[float, float]] = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
MARGIN = 0.55  # inches on every side: inside any printer's unprintable edge
POINTS = 72.0

TEXT = "#1f2326"
MUTED = "#6b7280"
RULE = "#d1d5db"
TONES = {"ahead": AHEAD, "behind": BEHIND}

# Heights of the page's bands, inches; the last band (lists) takes what is left.
HEADER = 0.78
CARDS = 1.0
REVENUE_CHART = 2.55
ZONE_CHART = 2.05
FOOTER = 0.22

_MEASURE = TextToPath()


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size``, as the PDF will draw it."""
    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    width, _height, _descent = _MEASURE.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` on one line no wider than ``width`` points, cut with "…" when it is not."""
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest cut that fits
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", size, bold=bold) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def wrap(text: str, width: float, size: float, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines no wider than ``width`` points; the last cut with
    "…" when the text is longer."""
    words = text.split()
    result: list[str] = []
    while words and len(result) < lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size) <= width:
            line = f"{line} {words.pop(0)}"
        result.append(line)
    if words:
        result[-1] = fit(f"{result[-1]} {' '.join(words)}", width, size)
    return [fit(line, width, size) for line in result]


class Writer:
    """Text placed on a sub-figure in points from its top-left corner (plain text only)."""

    def __init__(self, figure: Figure | SubFigure, width: float, height: float) -> None:
        self.figure = figure
        self.width = width * POINTS
        self.height = height * POINTS

    def text(
        self, x: float, y: float, text: str, size: float, colour: str = TEXT, **options: Any
    ) -> None:
        """``text`` with its top at ``y`` points down, at ``x`` points across."""
        self.figure.text(
            x / self.width,
            1 - y / self.height,
            text,
            fontsize=size,
            color=colour,
            va="top",
            parse_math=False,
            usetex=False,
            **options,
        )

    def rule(self, y: float, x0: float = 0.0, x1: float | None = None) -> None:
        end = self.width if x1 is None else x1
        self.figure.add_artist(
            _line(self.figure, (x0 / self.width, end / self.width), 1 - y / self.height)
        )


def _line(figure: Figure | SubFigure, xs: tuple[float, float], y: float) -> Line2D:
    return Line2D(xs, (y, y), transform=figure.transSubfigure, color=RULE, linewidth=0.6)


def draw_page(content: BriefContent, charts: PageCharts, style: ChartStyle, paper: str) -> Figure:
    """The page as a Figure the size of ``paper`` (``"a4"`` or ``"letter"``)."""
    use_fallback_fonts()  # before any text is measured, so it is measured in the fonts drawn
    width, height = PAPERS[paper]
    inner_w, inner_h = width - 2 * MARGIN, height - 2 * MARGIN
    lists = inner_h - HEADER - CARDS - REVENUE_CHART - ZONE_CHART - FOOTER
    figure = Figure(figsize=(width, height), layout="constrained", facecolor="white")
    figure.get_layout_engine().set(w_pad=0, h_pad=0, wspace=0, hspace=0)  # type: ignore[union-attr]
    outer = figure.subfigures(
        3,
        3,
        width_ratios=[MARGIN, inner_w, MARGIN],
        height_ratios=[MARGIN, inner_h, MARGIN],
        wspace=0,
        hspace=0,
    )
    page = outer[1][1]
    bands = page.subfigures(
        6,
        1,
        height_ratios=[HEADER, CARDS, REVENUE_CHART, ZONE_CHART, lists, FOOTER],
        hspace=0,
    )
    _header(Writer(bands[0], inner_w, HEADER), content)
    _cards(Writer(bands[1], inner_w, CARDS), content)
    revenue.draw(charts.revenue, style, into=bands[2])
    strike_zone.draw(charts.strike_zone, style, into=bands[3])
    _lists(bands[4], content, inner_w, lists)
    _footer(Writer(bands[5], inner_w, FOOTER), content)
    return figure


def _header(writer: Writer, content: BriefContent) -> None:
    writer.text(0, 0, fit(content.title, writer.width, 18, bold=True), 18, fontweight="bold")
    byline = " · ".join(part for part in (content.company, content.period, content.as_of) if part)
    if content.version:
        writer.text(0, 24, fit(byline, writer.width, 10), 10, MUTED)
        writer.text(0, 39, fit(content.version, writer.width, 8), 8, BEHIND, fontweight="bold")
    else:
        writer.text(0, 27, fit(byline, writer.width, 10), 10, MUTED)
    writer.rule(writer.height - 4)


def _cards(writer: Writer, content: BriefContent) -> None:
    count = len(content.cards)
    gap = 8.0
    card = (writer.width - gap * (count - 1)) / count
    for number, figure in enumerate(content.cards):
        x = number * (card + gap)
        writer.text(x, 2, fit(figure.caption, card, 7.5), 7.5, MUTED)
        colour = TONES.get(figure.tone, TEXT)
        writer.text(x, 15, fit(figure.value, card, 17, bold=True), 17, colour, fontweight="bold")
        for line_number, line in enumerate(wrap(figure.note, card, 7, 3)):
            writer.text(x, 38 + 9 * line_number, line, 7, MUTED)
    writer.rule(writer.height - 3)


def _lists(band: SubFigure, content: BriefContent, inner_w: float, height: float) -> None:
    left_w = inner_w * 0.58
    columns = band.subfigures(1, 2, width_ratios=[left_w, inner_w - left_w], wspace=0)
    _initiatives(Writer(columns[0], left_w, height), content)
    _findings_and_handoff(Writer(columns[1], inner_w - left_w, height), content)


ROW = 11.5  # points per line of a list at 7.5 pt


def _initiatives(writer: Writer, content: BriefContent) -> None:
    writer.text(0, 6, "Top initiatives by revenue target", 10, fontweight="bold")
    right = writer.width - 14  # room from the findings' column
    # Name, owner, then target and attainment right-aligned.
    attain_right = right
    target_right = right - 46
    owner_x = right * 0.5
    owner_width = target_right - 34 - owner_x
    top = 24.0
    for x, title, align in (
        (0, "Initiative", "left"),
        (owner_x, "Owner", "left"),
        (target_right, "Target", "right"),
        (attain_right, "Attained", "right"),
    ):
        writer.text(x, top, title, 7, MUTED, ha=align)
    writer.rule(top + 10, 0, right)
    rows = content.initiatives
    room = int((writer.height - top - 14 - 4) // ROW)
    shown = rows if len(rows) <= room else rows[: max(room - 1, 0)]
    y = top + 14
    for row in shown:
        writer.text(0, y, fit(row.name, owner_x - 8, 7.5), 7.5)
        writer.text(owner_x, y, fit(row.owner, owner_width, 7.5), 7.5)
        writer.text(target_right, y, row.revenue_target, 7.5, ha="right")
        writer.text(attain_right, y, row.attainment, 7.5, ha="right")
        y += ROW
    if not rows:
        writer.text(0, y, "No live initiatives yet.", 7.5, MUTED)
    elif len(shown) < len(rows):
        writer.text(0, y, f"+{len(rows) - len(shown):,} more initiatives", 7.5, MUTED)


HANDOFF = 70.0  # points kept at the column's foot for the hand-off agreement


def _findings_and_handoff(writer: Writer, content: BriefContent) -> None:
    x = 6.0
    width = writer.width - x
    writer.text(x, 6, "Open findings", 10, fontweight="bold")
    writer.text(x, 22, fit(content.findings_summary, width, 7.5), 7.5, MUTED)
    y = 36.0
    bottom = writer.height - HANDOFF
    findings = content.findings
    shown = 0
    for finding in findings:
        lines = wrap(finding.text, width - 40, 7, 2)
        rest = len(findings) - shown - 1
        need = len(lines) * 9 + 4 + (ROW if rest else 0)
        if y + need > bottom:
            break
        colour = BEHIND if finding.severity == "Error" else TEXT
        writer.text(x, y, finding.severity, 7, colour, fontweight="bold")
        for number, line in enumerate(lines):
            writer.text(x + 40, y + 9 * number, line, 7)
        y += len(lines) * 9 + 4
        shown += 1
    if shown < len(findings):
        writer.text(x, y, f"+{len(findings) - shown:,} more findings", 7.5, MUTED)
    top = bottom + 6
    writer.rule(top - 4, x, writer.width)
    writer.text(x, top + 2, "Hand-off agreement", 10, fontweight="bold")
    for number, line in enumerate(wrap(content.handoff_terms, width, 7.5, 2)):
        writer.text(x, top + 18 + 10 * number, line, 7.5)
    if content.handoff_state:
        colour = TONES.get(content.handoff_tone, TEXT)
        for number, line in enumerate(wrap(content.handoff_state, width, 7.5, 2)):
            writer.text(x, top + 40 + 10 * number, line, 7.5, colour)


def _footer(writer: Writer, content: BriefContent) -> None:
    writer.rule(1)
    writer.text(
        0,
        5,
        f"Plan on a page · made by Smarketing Planner on {content.made_on} · "
        "planned is hatched, actual solid",
        6.5,
        MUTED,
    )
