"""``smarketing brief``: the plan on a page, a one-page PDF for leadership."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.analysis import Analysis


def add_brief_parser(commands: argparse._SubParsersAction) -> None:
    from planner.brief import PAPER_NAMES

    brief = commands.add_parser("brief", help="the plan on one page, as a PDF for leadership")
    brief.description = (
        "Write the plan on one portrait page: headline figures, revenue planned vs actual, the "
        "strike zone, the top initiatives, the open findings and the hand-off agreement. "
        "The file is replaced whole or not at all."
    )
    brief.add_argument("plan", metavar="PLAN", type=Path, help="the plan file")
    brief.add_argument("-o", "--output", required=True, type=Path, help="the PDF to write")
    brief.add_argument(
        "--paper",
        choices=PAPER_NAMES,
        help="A4 or US Letter, portrait (default: the locale's paper)",
    )


def run_brief(analysis: Analysis, options: argparse.Namespace) -> str:
    """Write the page as the options ask; returns the line that says where it went."""
    from planner.brief import default_paper, write_brief

    paper = options.paper or default_paper()
    path = write_brief(analysis, options.output, paper=paper)
    return f"Wrote the plan on a page ({'A4' if paper == 'a4' else 'US Letter'}) to {path}"
