"""Checks of the plan as a whole: focus on the strike zone, the hand-off agreement, and
actuals dated in months not closed yet.

:func:`plan_facts` reads what the checks judge (what the strike zone is worked out from, the
hand-off figures from the analysis); the rules then work on those facts alone, anywhere.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Dimension, handoff_by_month
from planner.analysis.returns import cost_per
from planner.analysis.strike_zone import live_initiatives, zone_of
from planner.analysis.sums import COLUMNS, Sums, added, aims_by_initiative
from planner.checks.findings import Finding, Severity
from planner.checks.thresholds import COST_PER_MQL_ALARM, MAX_CORE_SEGMENTS, MIN_ZONE_SHARE
from planner.domain import Metric, Segment, Stage, Tier
from planner.money import Currency

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.sums import RollupRow
    from planner.plan import Plan


@dataclass(frozen=True, slots=True)
class Zone:
    """What the strike zone is worked out from (:func:`~planner.analysis.strike_zone.zone_of`),
    read in three parts that edits move apart: a budget edit moves only ``live``."""

    segments: list[Segment]
    aims: Mapping[int, list[tuple[int, str]]]
    live: list[tuple[int, int, int]]


def read_zone(
    plan: Plan, old: Zone | None = None, *, segments: bool = True, aims: bool = True
) -> Zone:
    """The zone's parts read again: ``live`` always, the others when asked (or no ``old``)."""
    return Zone(
        plan.segments.list() if segments or old is None else old.segments,
        aims_by_initiative(plan) if aims or old is None else old.aims,
        live_initiatives(plan),
    )


@dataclass(frozen=True, slots=True)
class Handoff:
    """The hand-off as the rules judge it. ``planned_mqls``: each month of the plan with its
    planned MQLs (empty when no hand-off is agreed); ``missed``: the months it was missed."""

    mqls_committed: int
    planned_mqls: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AfterClose:
    """Actuals dated after the last closed month (``closed``): each initiative holding any,
    as (id, name, the first metric entered there)."""

    closed: int
    initiatives: tuple[tuple[int, str, Metric], ...]


@dataclass(frozen=True, slots=True)
class ChannelCosts:
    """What each channel's cost per MQL is worked out from: every initiative's sums over the
    months from the plan's first through ``through`` (the actuals-through month; ``None``
    before any actual, and nothing is judged), its channel, and the channels' names in the
    plan's order. Kept per initiative so a value typed reads again that initiative's sums
    only."""

    through: int | None
    channels: Mapping[int, str]
    channel_of: Mapping[int, int]
    # Per initiative: spend and MQLs, planned and actual (None: not entered).
    sums: Mapping[int, tuple[int | None, ...]]
    currency: Currency | None = None  # the plan's, to word the costs

    def per_channel(self) -> list[tuple[int, str, int, int]]:
        """Each channel with a planned and an actual cost per MQL, in the plan's order: its
        id, name, planned and actual cost (the returns' definition,
        :class:`~planner.analysis.returns.Returns`)."""
        members: dict[int, list[tuple[int | None, ...]]] = {}
        for initiative, sums in self.sums.items():
            members.setdefault(self.channel_of[initiative], []).append(sums)
        costs = []
        for channel, name in self.channels.items():
            if channel not in members:
                continue
            spend_plan, spend, mql_plan, mql = added(members[channel])
            planned, actual = cost_per(spend_plan, mql_plan), cost_per(spend, mql)
            if planned is not None and actual is not None:
                costs.append((channel, name, planned, actual))
        return costs


NO_COSTS = ChannelCosts(None, {}, {}, {})
_NO_COST = (0, None, 0, None)
# Where spend and MQLs, planned and actual, are in the engine's sums.
_COST_SUMS = tuple(
    COLUMNS.index(column)
    for metric in (Metric.SPEND, Metric.MQL)
    for column in (metric.planned_column, metric.actual_column)
)


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What the plan-wide rules judge."""

    stage: Stage
    zone: Zone
    handoff: Handoff
    after_close: AfterClose
    channel_costs: ChannelCosts = NO_COSTS


def read_handoff(analysis: Analysis, by_month: list[RollupRow] | None = None) -> Handoff:
    """The hand-off facts; ``by_month``: the plan's roll-up by month when the caller has it."""
    plan = analysis.plan
    committed = plan.handoff.get().mqls_per_month
    if committed == 0:
        return Handoff(committed, (), ())
    rows = analysis.rollup(Dimension.MONTH) if by_month is None else by_month
    monthly = {row.key: row.totals for row in rows}
    planned = tuple((month, monthly[month].planned[Metric.MQL]) for month in plan.horizon.months())
    missed = tuple(
        row.month for row in handoff_by_month(analysis, monthly=monthly) if row.met is False
    )
    return Handoff(committed, planned, missed)


def read_after_close(analysis: Analysis) -> AfterClose:
    """The initiatives holding actuals after ``analysis``'s last closed month: one roll-up."""
    closed = analysis.closed_through
    horizon = analysis.plan.horizon
    if closed >= horizon.last:
        return AfterClose(closed, ())
    first = max(horizon.first, month_math.add(closed, 1))
    if analysis.sums.latest_actual(first, horizon.last) is None:
        return AfterClose(closed, ())  # the usual case: nothing typed ahead, nothing to sum
    held = []
    for row in analysis.rollup(Dimension.INITIATIVE, months=(first, horizon.last)):
        entered = [m for m in Metric if row.totals.actual[m] is not None]
        if entered:
            held.append((int(row.key), row.label, entered[0]))  # type: ignore[arg-type]
    return AfterClose(closed, tuple(held))


def _months(months: list[int]) -> str:
    shown = ", ".join(month_math.label(m) for m in months[:4])
    return shown + (f" and {len(months) - 4} more" if len(months) > 4 else "")


def read_channel_costs(
    analysis: Analysis, old: ChannelCosts | None = None, ids: Collection[int] | None = None
) -> ChannelCosts:
    """What the channels' costs per MQL are worked out from; with ``old`` and ``ids``, only
    the sums of the initiatives ``ids`` are read again (while the months to date stay)."""
    plan = analysis.plan
    through = analysis.actuals_through()
    if through is None:
        return NO_COSTS
    months = (plan.horizon.first, through)
    if old is not None and ids is not None and old.through == through:
        fresh = _held(analysis.sums.by_initiative(months, ids))
        sums = {i: s for i, s in old.sums.items() if i not in ids} | fresh
        return ChannelCosts(through, old.channels, old.channel_of, sums, old.currency)
    return ChannelCosts(
        through,
        dict(plan.query("SELECT id, name FROM channels ORDER BY position, id")),
        dict(plan.query("SELECT id, channel_id FROM initiatives")),
        _held(analysis.sums.by_initiative(months, None)),
        plan.currency,
    )


def _held(sums: Mapping[int, Sums]) -> dict[int, tuple[int | None, ...]]:
    """Each initiative's spend and MQLs that hold a value (a source may list an initiative
    with none: it adds nothing, and the facts are the same whichever source read them)."""
    held = {}
    for initiative, each in sums.items():
        cost = tuple(each[n] for n in _COST_SUMS)
        if cost != _NO_COST:
            held[initiative] = cost
    return held


def read_stage(plan: Plan) -> Stage:
    return plan.settings.get().stage


def plan_facts(analysis: Analysis, by_month: list[RollupRow] | None = None) -> PlanFacts:
    plan = analysis.plan
    return PlanFacts(
        read_stage(plan),
        read_zone(plan),
        read_handoff(analysis, by_month),
        read_after_close(analysis),
        read_channel_costs(analysis),
    )


def strike_zone_findings(facts: PlanFacts) -> Iterator[Finding]:
    stage = facts.stage
    zone = zone_of(facts.zone.segments, facts.zone.aims, facts.zone.live)
    for segment in zone.uncovered:
        if segment.tier is Tier.CORE:
            yield Finding(
                Severity.WARNING,
                "uncovered_core_segment",
                f"No initiative aims at the core segment {segment.name!r}. Aim one at it, or move "
                "it out of the strike zone.",
                field="segments",
            )
    share = zone.budget_share_in_zone
    floor = MIN_ZONE_SHARE[stage]
    if share is not None and share < floor:
        yield Finding(
            Severity.WARNING,
            "spread_thin",
            f"Only {share:.0%} of the budget aims at core segments; a {stage.value} company should "
            f"put at least {floor:.0%} into its strike zone. Move budget to core segments.",
            field="segments",
        )
    core = sum(1 for item in zone.segments if item.segment.tier is Tier.CORE)
    if core > MAX_CORE_SEGMENTS[stage]:
        yield Finding(
            Severity.INFO,
            "too_many_core_segments",
            f"{core} core segments is a wide strike zone for a {stage.value} company. Pick the "
            f"{MAX_CORE_SEGMENTS[stage]} that matter most and move the rest to the edge.",
            field="tier",
        )


def handoff_findings(facts: PlanFacts) -> Iterator[Finding]:
    handoff = facts.handoff
    committed = handoff.mqls_committed
    if committed == 0:
        yield Finding(
            Severity.INFO,
            "handoff_not_agreed",
            "Marketing has not committed a number of MQLs per month. Agree the hand-off with "
            "sales: MQLs per month, acceptance rate and follow-up time.",
            field="mqls_per_month",
        )
        return
    short = [month for month, planned in handoff.planned_mqls if planned < committed]
    if short:
        yield Finding(
            Severity.WARNING,
            "plan_below_handoff",
            f"The plan's MQLs fall short of the {committed:,} a month marketing "
            f"committed to sales in {_months(short)}. Plan more MQLs or revise the "
            "agreement.",
            field="mqls_per_month",
        )
    if handoff.missed:
        yield Finding(
            Severity.WARNING,
            "handoff_missed",
            f"The hand-off agreement was missed in {_months(list(handoff.missed))}. Review it "
            "with sales: MQL volume, acceptance and follow-up time.",
            field="handoff",
        )


def actuals_after_close_findings(facts: PlanFacts) -> Iterator[Finding]:
    """One warning per initiative holding actuals dated after the last closed month: they
    are not counted to date nor in the forecast (see :mod:`planner.analysis.progress`)."""
    closed = month_math.label(facts.after_close.closed)
    for initiative_id, name, metric in facts.after_close.initiatives:
        yield Finding(
            Severity.WARNING,
            "actuals_after_close",
            f"Actuals are entered after the last closed month ({closed}): they are not counted "
            "to date or in the forecast. Move them to the month they belong to, or clear them "
            "until that month closes.",
            initiative_id=initiative_id,
            initiative=name,
            field=metric.value,
        )


def channel_cost_findings(facts: PlanFacts) -> Iterator[Finding]:
    """One warning per channel whose MQLs cost far more so far than planned for those months
    (:data:`~planner.checks.thresholds.COST_PER_MQL_ALARM` times)."""
    currency = facts.channel_costs.currency
    for channel, name, planned, actual in facts.channel_costs.per_channel():
        if currency is not None and planned > 0 and actual >= COST_PER_MQL_ALARM * planned:
            yield Finding(
                Severity.WARNING,
                "cost_per_mql_over_plan",
                f"MQLs from {name!r} have cost {currency.format(actual)} each so far, "
                f"{actual / planned:.1f}x the {currency.format(planned)} planned. If its "
                "leads turn into MQLs less often than planned, set the channel's own Lead → "
                "MQL rate, so its initiatives plan the leads it really takes; otherwise move "
                "budget to channels that bring MQLs for less.",
                field="lead_to_mql",  # the channel's rate, in the channels table
                channel_id=channel,
            )
