"""The plan on a page: one portrait PDF page for leadership (File > Export Plan on a Page,
File > Print, ``smarketing brief``).

    from planner.brief import write_brief
    write_brief(Analysis.in_sql(plan), "plan.pdf", paper="letter")

Built with matplotlib's PDF backend, so the command line needs no Qt: fonts are embedded as
TrueType and the charts stay vectors. The file is written whole or not at all
(:func:`planner.workbook.files.write_atomically`)."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.brief.content import BriefContent, PageCharts, brief_content

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.analysis import Analysis
    from planner.money import Currency

PAPER_NAMES = ("a4", "letter")
# Where US Letter is the paper in the shops (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR"})


def paper_for_territory(territory: str | None) -> str:
    """``"letter"`` for a country that uses US Letter (``"US"``), else ``"a4"``."""
    return "letter" if (territory or "").upper() in LETTER_TERRITORIES else "a4"


def default_paper() -> str:
    """The paper of the user's locale: ``LC_PAPER`` (else ``LC_ALL``, ``LANG`` or Python's
    locale) read for its country, ``en_US.UTF-8`` giving Letter."""
    for name in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(name)
        if value:
            return paper_for_territory(_territory(value))
    return paper_for_territory(_territory(locale.getlocale()[0] or ""))


def _territory(name: str) -> str:
    language = name.split(".")[0].split("@")[0]
    return language.split("_")[1] if "_" in language else ""


@dataclass(frozen=True, slots=True)
class BriefParts:
    """What the page shows, read from the plan: its words and its charts' records. Reading
    them is the slow part on a big plan (the checks, the sums) and needs no matplotlib, so the
    app reads them in a worker and draws on the UI thread, matplotlib's one thread there."""

    content: BriefContent
    charts: PageCharts
    currency: Currency


def read_brief(analysis: Analysis) -> BriefParts:
    """Everything the page of ``analysis``'s plan shows (the whole plan, unfiltered)."""
    from planner.charts import ChartOptions
    from planner.charts import revenue as revenue_chart
    from planner.charts import strike_zone as zone_chart

    options = ChartOptions()
    charts = PageCharts(revenue_chart.data(analysis, options), zone_chart.data(analysis, options))
    return BriefParts(brief_content(analysis), charts, analysis.plan.currency)


def draw_brief(parts: BriefParts, *, paper: str = "a4") -> Figure:
    """The page as a Figure the size of ``paper``, for a PDF or a printer."""
    from planner.brief.page import draw_page
    from planner.charts.style import ChartStyle

    if paper not in PAPER_NAMES:
        raise ValueError(f"paper {paper!r}: choose {' or '.join(PAPER_NAMES)}")
    return draw_page(parts.content, parts.charts, ChartStyle(parts.currency), paper)


def build_brief(analysis: Analysis, *, paper: str = "a4") -> Figure:
    """The page of ``analysis``'s plan as a Figure the size of ``paper``."""
    return draw_brief(read_brief(analysis), paper=paper)


def save_pdf(figure: Figure, path: Path) -> None:
    """Write ``figure`` as a one-page PDF with its fonts embedded as TrueType (Type 42)."""
    import matplotlib

    with matplotlib.rc_context({"pdf.fonttype": 42, "text.usetex": False}):
        figure.savefig(
            path, format="pdf", facecolor="white", metadata={"Creator": "Smarketing Planner"}
        )


def check_brief_target(target: str | Path) -> Path:
    """``target`` as an absolute path once it can be written in principle (a ``.pdf`` in a
    folder that exists, not a folder, not held open); a one-line
    :class:`planner.errors.PlanFileError` otherwise."""
    from planner.workbook.files import check_target

    return check_target(target, suffix=".pdf", kind="a plan on a page")


def write_parts(parts: BriefParts, target: str | Path, *, paper: str = "a4") -> Path:
    """Draw the page and write it to ``target`` whole or not at all."""
    from planner.workbook.files import write_atomically

    path = check_brief_target(target)
    figure = draw_brief(parts, paper=paper)
    return write_atomically(path, lambda temporary: save_pdf(figure, temporary))


def write_brief(analysis: Analysis, target: str | Path, *, paper: str = "a4") -> Path:
    """Write the plan on a page to ``target`` (a ``.pdf``), whole or not at all; a
    :class:`planner.errors.PlanFileError` in one line when it cannot be written."""
    path = check_brief_target(target)
    return write_parts(read_brief(analysis), path, paper=paper)


__all__ = [
    "PAPER_NAMES",
    "BriefContent",
    "BriefParts",
    "brief_content",
    "build_brief",
    "check_brief_target",
    "default_paper",
    "draw_brief",
    "paper_for_territory",
    "read_brief",
    "save_pdf",
    "write_brief",
    "write_parts",
]
