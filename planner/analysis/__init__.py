"""Analysis of a plan, aggregated in SQL: roll-ups, progress and forecast, the funnel, the
strike zone and the hand-off agreement. Results are plain immutable records."""

from planner.analysis.filters import Filter
from planner.analysis.funnel import Conversion, conversions, reverse_funnel
from planner.analysis.handoff import HandoffMonth, handoff_by_month
from planner.analysis.headline import Headline, headline
from planner.analysis.periods import Period
from planner.analysis.progress import MetricProgress, Progress, actuals_through, progress
from planner.analysis.rollups import Dimension, RollupRow, Totals, rollup, total
from planner.analysis.strike_zone import SegmentCoverage, StrikeZone, strike_zone

__all__ = [
    "Conversion",
    "Dimension",
    "Filter",
    "HandoffMonth",
    "Headline",
    "MetricProgress",
    "Period",
    "Progress",
    "RollupRow",
    "SegmentCoverage",
    "StrikeZone",
    "Totals",
    "actuals_through",
    "conversions",
    "handoff_by_month",
    "headline",
    "progress",
    "reverse_funnel",
    "rollup",
    "strike_zone",
    "total",
]
