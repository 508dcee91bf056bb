"""The demand waterfall: what the revenue target needs at each stage of the funnel, beside what
is planned and what is actual, with the gap at each stage.

- **Needed** is worked out per initiative by :func:`~planner.analysis.funnel.reverse_funnel`
  (the one definition) from its revenue target, at its most specific conversion rates
  (:mod:`planner.analysis.rates`: its own, else its channel's, else the plan's) and the
  plan's average deal size; a group's need is the sum of its initiatives' needs, so an
  initiative converting better asks for fewer leads than the plan's rates would.
- **Planned** and **actual** are the engine's roll-ups of the monthly values over the whole
  plan (:class:`~planner.analysis.Analysis`), grouped the same way: segments and tiers get an
  initiative's need in the same equal shares as its values, so every grouping adds up to the
  plan's total exactly.
- Only live initiatives count (not dropped), as for the headline's revenue target and what is
  phased of it: a dropped initiative needs nothing, and its plan and actuals are not set
  against the target of the others.
- **Gap** at a stage: planned minus needed, and actual minus needed (negative: short of what
  the target needs); the actual gap is ``None`` while no actual is entered.

A what-if (a page where changing a rate or the deal size shows the effect at once) passes
other plan-wide :class:`~planner.domain.FunnelAssumptions`; nothing is written, and the
overrides of channels and initiatives still win over the rates passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis.funnel import reverse_funnel
from planner.analysis.headline import live_only
from planner.analysis.rates import Rates, read_rates
from planner.analysis.sums import Dimension, Sums
from planner.domain import FunnelAssumptions, Metric

if TYPE_CHECKING:
    from planner.analysis.engine import Analysis
    from planner.analysis.filters import Filter

# The stages of the waterfall, worked back from revenue: the order a surface lists them in.
WATERFALL_STAGES: tuple[Metric, ...] = (
    Metric.REVENUE_WON,
    Metric.DEALS_WON,
    Metric.OPPORTUNITIES,
    Metric.SQL,
    Metric.SAL,
    Metric.MQL,
    Metric.LEADS,
    Metric.PIPELINE,
)


@dataclass(frozen=True, slots=True)
class StageGap:
    """One stage of a waterfall row: ``needed`` by the revenue target, ``planned`` in the
    monthly plan, ``actual`` entered (``None``: no data). Money stages in minor units."""

    stage: Metric
    needed: int
    planned: int
    actual: int | None

    @property
    def planned_gap(self) -> int:
        """Planned minus needed: negative when the plan falls short of what the target needs."""
        return self.planned - self.needed

    @property
    def actual_gap(self) -> int | None:
        """Actual minus needed; ``None`` while no actual is entered."""
        return None if self.actual is None else self.actual - self.needed

    @property
    def planned_share(self) -> float | None:
        """Planned over needed (1.0: the plan covers the need); ``None`` when nothing is needed."""
        return self.planned / self.needed if self.needed else None


@dataclass(frozen=True, slots=True)
class WaterfallRow:
    """The waterfall of one group (the plan, a tier, a segment, a channel, an initiative...),
    keyed and labelled as the engine's roll-up row of that group."""

    key: int | str | None
    label: str
    stages: tuple[StageGap, ...]  # in WATERFALL_STAGES order

    def stage(self, metric: Metric) -> StageGap:
        return self.stages[WATERFALL_STAGES.index(metric)]

    @property
    def target(self) -> int:
        """The revenue target of the group's live initiatives (what revenue won needs)."""
        return self.stage(Metric.REVENUE_WON).needed


def needs_by_initiative(
    analysis: Analysis, rates: Rates | None = None
) -> dict[int, dict[Metric, int]]:
    """What each live initiative with a revenue target needs at each stage, at its most
    specific rates (``rates``: as read from the plan when not given)."""
    rates = rates or read_rates(analysis.plan)
    targets = analysis.plan.query(
        "SELECT id, revenue_target FROM initiatives WHERE status != 'dropped' "
        "AND revenue_target > 0"
    )
    return {
        initiative: reverse_funnel(target, rates.of_initiative(initiative))
        for initiative, target in targets
    }


def waterfall(
    analysis: Analysis,
    by: Dimension | str = Dimension.TOTAL,
    *,
    where: Filter | None = None,
    assumptions: FunnelAssumptions | None = None,
    rates: Rates | None = None,
) -> list[WaterfallRow]:
    """The waterfall grouped ``by`` the total or a per-initiative grouping (initiative,
    owner, team, channel, segment, tier), over the live initiatives ``where`` keeps.

    ``assumptions``: other plan-wide rates and deal size to work the needs out at (a what-if;
    nothing is written). ``rates``: the plan's rates already read (:func:`read_rates`), for a
    caller asking again and again."""
    return waterfalls(analysis, [by], where=where, assumptions=assumptions, rates=rates)[0]


def waterfalls(
    analysis: Analysis,
    by: Iterable[Dimension | str],
    *,
    where: Filter | None = None,
    assumptions: FunnelAssumptions | None = None,
    rates: Rates | None = None,
) -> list[list[WaterfallRow]]:
    """:func:`waterfall` by each of ``by``, working out each initiative's needs and summing
    the values once."""
    dimensions = [Dimension(each) for each in by]
    live = live_only(where)
    if live is None:  # the filter keeps only dropped initiatives: nothing counts
        return [[] for _ in dimensions]
    rates = rates or read_rates(analysis.plan)
    if assumptions is not None:
        rates = rates.with_plan(assumptions)
    needs = {i: _as_sums(needed) for i, needed in needs_by_initiative(analysis, rates).items()}
    values = analysis.rollups(dimensions, where=live)
    result = []
    for dimension, rows in zip(dimensions, values, strict=True):
        needed = {row.key: row.totals for row in analysis.rollup_of(dimension, needs, where=live)}
        result.append(
            [
                WaterfallRow(
                    row.key,
                    row.label,
                    tuple(
                        StageGap(
                            stage,
                            needed[row.key].planned[stage],
                            row.totals.planned[stage],
                            row.totals.actual[stage],
                        )
                        for stage in WATERFALL_STAGES
                    ),
                )
                for row in rows
            ]
        )
    return result


def _as_sums(needed: Mapping[Metric, int]) -> Sums:
    """An initiative's needs as the engine's sums: each need where a planned sum goes."""
    return tuple(v for metric in Metric for v in (needed.get(metric, 0), None))
