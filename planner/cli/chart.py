"""``smarketing chart``: one of the dashboard's charts, the timeline or the waterfall, written to
a file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from planner import validation as check
from planner.analysis import Analysis
from planner.charts import ChartOptions, build_chart
from planner.charts.files import save_chart
from planner.cli.grouping import add_returns_by_option, chosen_grouping
from planner.errors import ValidationError

if TYPE_CHECKING:
    from planner.charts.returns import ReturnsChoice
from planner.returns_figures import DEFAULT_FIGURE, FIGURES


def add_returns_options(chart: argparse.ArgumentParser) -> None:
    """``--figure`` and ``--by`` of the returns chart."""
    names = [figure.option for figure in FIGURES]
    chart.add_argument(
        "--figure",
        choices=names,
        type=str.lower,
        metavar="FIGURE",
        help=f"the returns chart's figure (with --kind returns): {', '.join(names)} "
        f"(default: {DEFAULT_FIGURE})",
    )
    add_returns_by_option(
        chart, "the returns chart's groups (with --kind returns; default channel)"
    )


def write_chart(analysis: Analysis, options: argparse.Namespace) -> str:
    """Draw the chart the options ask for and say where it went."""
    horizon = analysis.plan.horizon
    first = check.month_in("--from", options.first, horizon) if options.first else horizon.first
    last = check.month_in("--to", options.last, horizon) if options.last else horizon.last
    if last < first:
        raise ValidationError("--to", "before_from", "is before --from")
    if options.grouping is not None and options.kind != "timeline":
        raise ValidationError("--group-by", "timeline_only", "applies to --kind timeline only")
    for flag, given in (("--figure", options.figure), ("--by", options.returns_by)):
        if given is not None and options.kind != "returns":
            raise ValidationError(flag, "returns_only", "applies to --kind returns only")
    chosen = ChartOptions(
        months=(first, last),
        dark=options.dark,
        grouping=chosen_grouping(options),
        returns=_returns_choice(options) if options.kind == "returns" else None,
    )
    figure = build_chart(analysis, options.kind, chosen)
    path = save_chart(figure, options.output)
    return f"Wrote the {options.kind} chart to {path}"


def _returns_choice(options: argparse.Namespace) -> ReturnsChoice:
    from planner.analysis import Dimension
    from planner.charts.returns import DEFAULT_BY, ReturnsChoice

    figure = (options.figure or DEFAULT_FIGURE).replace("-", "_")
    by = Dimension(options.returns_by) if options.returns_by else DEFAULT_BY
    return ReturnsChoice(figure, by)
