"""Phasing: an initiative's revenue target, the funnel it needs and its budget spread over
its months.

    phased = plan.phasing.phase(shape=Shape.FRONT, lags=StageLags.every(1))

The rules, each kept by the code in this package and the service
:mod:`planner.services.phasing`:

**What is phased.** An initiative's *active months* are its start to end months clipped to
the plan's horizon. Over them go, as planned monthly values:

- *revenue*: its revenue target, as planned revenue won;
- *funnel*: what that target needs at each stage at the initiative's most specific rates
  (:func:`planner.analysis.funnel.reverse_funnel` at
  :meth:`planner.analysis.rates.Rates.of_initiative`: the one definition the waterfall and
  the checks use): deals won, opportunities, SQLs, SALs, MQLs, leads, and pipeline;
- *spend*: its budget, as planned spend.

Each total is split into whole minor units (or whole counts) by the largest-remainder method
(:func:`planner.money.apportion`), so the months add up to the total exactly.

**Shapes** (:class:`Shape`) give each active month a weight: *even* (1 each); *front*-loaded
(n, n-1, ..., 1 over n months); *back*-loaded (1, 2, ..., n); *seasonal* (the weight of the
month's calendar month in a profile of 12 weights the lead edits, remembered in the plan);
*last year* (the initiative's revenue won of last year in the same months, from a version of
this plan that lays last year on this year's months, such as the baseline a rollover leaves,
or from the previous year's plan file's actuals, moved on by that file's horizon length).
An initiative with no revenue of last year in its months takes the plan-wide shape of last
year (every initiative's revenue added up, month by month); a plan with none of either is
phased evenly; the preview says which.

**Stage lags** (:class:`StageLags`): a B2B funnel takes time, so each stage may land some
months before the next ("MQLs in March become revenue in May": two months from MQL to
revenue won). Revenue and deals land in the shape's months; opportunities and pipeline
``opportunity_to_won`` months earlier; SQLs ``sql_to_opportunity`` months before those; and so
on to leads. What would land before the first active month (or the horizon's first month)
lands in that first month: a plan holds nothing outside its months and an initiative does
nothing before it starts, so its first month carries the early stages of the months that
follow (the preview notes it). When the first months have actuals and are kept, the first
month after them takes that place (what is past cannot be planned any more). Spend follows the shape with no lag: the budget is spent while
the initiative runs.

**Months with actuals** (any actual value of the initiative in that month) are kept as they
are unless ``overwrite_actuals``: what they plan counts toward the total, and the rest of the
total goes into the other months in the shape's proportions (evenly if the shape gives them
no weight). An initiative all of whose active months have actuals is skipped, with that
reason.

**Replacing.** Phasing writes each phased metric in every month of the initiative it does
not keep: the new share in its active months, nothing outside them (a planned value left
there would count toward the total twice). So phasing again with the same choices changes
nothing, and the planned months add up to the target and the budget.

**Skipped**, with the reason in the result: dropped initiatives (not in the plan's
figures), ones with no revenue target, and ones with no active month in the horizon.
"""

from planner.phasing.shapes import (
    EVEN_PROFILE,
    MAX_LAG,
    MAX_WEIGHT,
    Part,
    Shape,
    StageLags,
    lags_text,
    parse_lags,
    parse_profile,
    profile_text,
    shape_weights,
)
from planner.phasing.spread import (
    Held,
    InitiativePhase,
    Skipped,
    Target,
    metrics_of,
    spread,
)

__all__ = [
    "EVEN_PROFILE",
    "MAX_LAG",
    "MAX_WEIGHT",
    "Held",
    "InitiativePhase",
    "Part",
    "Shape",
    "Skipped",
    "StageLags",
    "Target",
    "lags_text",
    "metrics_of",
    "parse_lags",
    "parse_profile",
    "profile_text",
    "shape_weights",
    "spread",
]
