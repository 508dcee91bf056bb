"""Analysis of a plan: roll-ups, progress and forecast, the landing, the funnel, the strike
zone and the hand-off agreement, all read through one :class:`Analysis` whose source of sums
the owner of the plan chooses (see :mod:`planner.analysis.engine`). Results are plain
immutable records."""

from planner.analysis.engine import Analysis, worth_keeping_in_memory
from planner.analysis.filters import Filter
from planner.analysis.funnel import Conversion, conversions, reverse_funnel
from planner.analysis.handoff import HandoffMonth, handoff_by_month
from planner.analysis.headline import Headline, budget_and_target, headline
from planner.analysis.periods import Period
from planner.analysis.progress import MetricProgress, Progress, progress, to_date_by_initiative
from planner.analysis.reforecast import Landing, MetricLanding, describe, reforecast
from planner.analysis.strike_zone import SegmentCoverage, StrikeZone, strike_zone
from planner.analysis.sums import Dimension, RollupRow, Totals

__all__ = [
    "Analysis",
    "Conversion",
    "Dimension",
    "Filter",
    "HandoffMonth",
    "Headline",
    "Landing",
    "MetricLanding",
    "MetricProgress",
    "Period",
    "Progress",
    "RollupRow",
    "SegmentCoverage",
    "StrikeZone",
    "Totals",
    "budget_and_target",
    "conversions",
    "describe",
    "handoff_by_month",
    "headline",
    "progress",
    "reforecast",
    "reverse_funnel",
    "strike_zone",
    "to_date_by_initiative",
    "worth_keeping_in_memory",
]
