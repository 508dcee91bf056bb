"""Charts of a plan as matplotlib Figures (never pyplot, never Qt), for the app's dashboard,
``smarketing chart`` and the workbook export alike.

    from planner.charts import ChartOptions, build_chart
    figure = build_chart(Analysis.in_sql(plan), "revenue", ChartOptions(months=(202601, 202606)))
    figure.savefig("revenue.png")

Each kind lives in a module of its own with two steps: ``data(analysis, options)`` reads the
analysis roll-ups into a plain record, and ``draw(data, style)`` turns that record into a
Figure. Tests check that what is drawn equals the record. matplotlib is imported only when a
chart is built, so the core and the command line start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from planner.charts.options import ChartOptions

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.analysis import Analysis

# The Dashboard's kinds, by their command-line names, and the module drawing each.
KINDS: dict[str, str] = {
    "revenue": "planner.charts.revenue",
    "funnel": "planner.charts.funnel",
    "attainment": "planner.charts.attainment",
    "strike-zone": "planner.charts.strike_zone",
    "budget": "planner.charts.budget",
    "handoff": "planner.charts.handoff",
    "returns": "planner.charts.returns",
}
# Every kind ``smarketing chart`` draws: the Dashboard's, and the timeline and the waterfall,
# which have pages of their own in the app (no tile of the Dashboard, no picture on the Charts
# sheet).
FILE_KINDS: dict[str, str] = {
    **KINDS,
    "timeline": "planner.charts.timeline",
    "waterfall": "planner.charts.waterfall",
}

TITLES: dict[str, str] = {
    "revenue": "Revenue: plan vs actual",
    "funnel": "Funnel: plan vs actual",
    "attainment": "Attainment",
    "strike-zone": "Strike zone",
    "budget": "Budget: plan vs spend",
    "handoff": "Hand-off to sales",
    "returns": "Returns: what each dollar returns",
    "timeline": "Timeline",
    "waterfall": "Waterfall",
}


def chart_module(kind: str) -> Any:
    """The module of ``kind``; ``ValueError`` naming the kinds for an unknown one."""
    if kind not in FILE_KINDS:
        raise ValueError(f"no chart kind {kind!r}; choose one of {', '.join(FILE_KINDS)}")
    return import_module(FILE_KINDS[kind])


def chart_data(analysis: Analysis, kind: str, options: ChartOptions | None = None) -> Any:
    """What a chart of ``kind`` shows, as a plain record (see each kind's module)."""
    return chart_module(kind).data(analysis, options or ChartOptions())


def build_chart(analysis: Analysis, kind: str, options: ChartOptions | None = None) -> Figure:
    """A Figure of ``kind`` for the analysed plan, over the options' months and filter."""
    from planner.charts.style import ChartStyle

    options = options or ChartOptions()
    module = chart_module(kind)
    style = ChartStyle.for_plan(analysis.plan, dark=options.dark)
    return module.draw(module.data(analysis, options), style)


__all__ = [
    "FILE_KINDS",
    "KINDS",
    "TITLES",
    "ChartOptions",
    "build_chart",
    "chart_data",
    "chart_module",
]
