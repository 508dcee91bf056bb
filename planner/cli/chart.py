"""``smarketing chart``: one of the dashboard's charts, the timeline or the waterfall, written to
a file."""

from __future__ import annotations

import argparse

from planner import validation as check
from planner.analysis import Analysis
from planner.charts import ChartOptions, build_chart
from planner.charts.files import save_chart
from planner.cli.grouping import chosen_grouping
from planner.errors import ValidationError


def write_chart(analysis: Analysis, options: argparse.Namespace) -> str:
    """Draw the chart the options ask for and say where it went."""
    horizon = analysis.plan.horizon
    first = check.month_in("--from", options.first, horizon) if options.first else horizon.first
    last = check.month_in("--to", options.last, horizon) if options.last else horizon.last
    if last < first:
        raise ValidationError("--to", "before_from", "is before --from")
    if options.grouping is not None and options.kind != "timeline":
        raise ValidationError("--group-by", "timeline_only", "applies to --kind timeline only")
    chosen = ChartOptions(
        months=(first, last), dark=options.dark, grouping=chosen_grouping(options)
    )
    figure = build_chart(analysis, options.kind, chosen)
    path = save_chart(figure, options.output)
    return f"Wrote the {options.kind} chart to {path}"
