"""Two or three versions of a plan side by side: totals, months, the strike zone, findings,
and what changed initiative by initiative, told as a leadership update would tell it.

    comparison = compare(baseline_plan, plan)          # each a Plan: the working plan or
    comparison.story()                                  # a version (open_version)
    ["3 initiatives added ($120k)", "2 dropped ($85k)", "2 Event initiatives moved from
     Q3 2026 to Q4 2026", ...]

The first plan is the reference: every other side is compared with it. Every figure is read
through the one analysis engine (:class:`~planner.analysis.Analysis`), as the Dashboard, the
CLI and the workbook read it, so a comparison never disagrees with them.

Initiatives are matched by id (a version keeps the ids its initiatives had in the working
plan). A dropped initiative counts as not there: "dropped" in the story means it left the
live plan, deleted or marked dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from planner import months as month_math
from planner.analysis import Analysis, Dimension, budget_and_target, strike_zone
from planner.analysis.filters import Filter
from planner.analysis.periods import Period, period_key, period_label
from planner.checks.findings import FindingCounts, count_findings
from planner.checks.initiative_rules import read_planned
from planner.checks.run import gather, judge
from planner.domain import NO_OVERRIDES, STAGE_RATES, Metric, RateOverrides, Status
from planner.rate_words import RATE_TITLES, percent_text
from planner.services.base import some_names
from planner.versions.copying import IDS, ids_json

if TYPE_CHECKING:
    from planner.analysis.sums import RollupRow
    from planner.money import Currency
    from planner.plan import Plan

WORKING_PLAN = "Working plan"
MOST_SIDES = 3


class Difference(StrEnum):
    ADDED = "added"
    DROPPED = "dropped"
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class InitiativeFacts:
    """What a version says of one initiative."""

    id: int
    name: str
    channel: str
    status: Status
    start_month: int
    end_month: int
    budget: int
    revenue_target: int
    planned: dict[Metric, int]
    # Its own stage conversion rates (None where its channel's or the plan's apply).
    rates: RateOverrides = NO_OVERRIDES

    @property
    def live(self) -> bool:
        return self.status is not Status.DROPPED


@dataclass(frozen=True, slots=True)
class InitiativeDiff:
    """One initiative in the reference (``before``) and in another side (``after``)."""

    id: int
    name: str
    difference: Difference
    before: InitiativeFacts | None
    after: InitiativeFacts | None

    def figures(self, figure: str) -> tuple[int, int]:
        """``budget``, ``revenue_target`` or a metric's planned total, before and after (a
        side that does not have the initiative live counts 0)."""
        return _figure(self.before, figure), _figure(self.after, figure)

    def delta(self, figure: str) -> int:
        """:meth:`figures`' after minus before."""
        before, after = self.figures(figure)
        return after - before

    @property
    def moved_by(self) -> int:
        """Months its start moved (later is positive); 0 unless on both sides."""
        if self.before is None or self.after is None:
            return 0
        return month_math.index(self.after.start_month) - month_math.index(self.before.start_month)

    def also_changed(self) -> list[str]:
        """What else differs in a changed initiative than its budget, target and start:
        ``["name", "channel", "status", "end", "planned spend", "planned funnel"]``, as many
        as do."""
        before, after = self.before, self.after
        if self.difference is not Difference.CHANGED or before is None or after is None:
            return []
        also = [words for field, words in _ALSO if getattr(before, field) != getattr(after, field)]
        if before.planned[Metric.SPEND] != after.planned[Metric.SPEND]:
            also.append("planned spend")
        if any(before.planned[m] != after.planned[m] for m in Metric if m is not Metric.SPEND):
            also.append("planned funnel")
        if before.rates != after.rates:
            also.append("conversion rates")
        return also

    def what_changed(self) -> list[str]:
        """What differs, in the story's words: ``["added"]``, ``["dropped"]``, or for a
        changed initiative ``["re-budgeted", "moved from Mar 2026 to May 2026", "also
        changed: end"]`` (amounts are the figures' own; these say which changed)."""
        if self.difference is not Difference.CHANGED:
            return [] if self.difference is Difference.SAME else [self.difference.value]
        assert self.before is not None and self.after is not None
        said = [verb for figure, verb in _VERBS if self.delta(figure)]
        if self.moved_by:
            said.append(
                f"moved from {month_math.label(self.before.start_month)} to "
                f"{month_math.label(self.after.start_month)}"
            )
        also = self.also_changed()
        if also:
            said.append(f"{'also ' if said else ''}changed: {', '.join(also)}")
        return said


_VERBS = (("budget", "re-budgeted"), ("revenue_target", "re-targeted"))
_ALSO = (("name", "name"), ("channel", "channel"), ("status", "status"), ("end_month", "end"))


def _figure(facts: InitiativeFacts | None, figure: str) -> int:
    if facts is None or not facts.live:
        return 0
    if figure in ("budget", "revenue_target"):
        return int(getattr(facts, figure))
    return facts.planned[Metric(figure)]


@dataclass(frozen=True, slots=True)
class Side:
    """One version's figures (live initiatives, every month of the horizon)."""

    name: str
    budget: int
    revenue_target: int
    planned: dict[Metric, int]
    planned_by_month: dict[Metric, dict[int, int]]
    budget_share_in_zone: float | None
    target_share_in_zone: float | None
    findings: FindingCounts
    initiatives: dict[int, InitiativeFacts] = field(repr=False)


@dataclass(frozen=True, slots=True)
class Comparison:
    sides: tuple[Side, ...]
    diffs: tuple[tuple[InitiativeDiff, ...], ...]  # per side after the first, vs the first
    months: tuple[int, ...]
    fiscal_year_start: int
    currency: Currency

    @property
    def reference(self) -> Side:
        return self.sides[0]

    def changed(self, side: int = 1) -> list[InitiativeDiff]:
        """The initiatives that differ between the reference and side ``side``."""
        return [d for d in self.diffs[side - 1] if d.difference is not Difference.SAME]

    def story(self, side: int = 1) -> list[str]:
        """What changed from the reference to side ``side``, in a leadership update's words:
        the totals, then added, dropped, re-budgeted, re-targeted and moved initiatives."""
        return _story(self, side)


def compare(*plans: Plan, names: tuple[str, ...] | None = None) -> Comparison:
    """Compare two or three plans (the first is the reference). ``names`` default to each
    version's name, or "Working plan"."""
    if not 2 <= len(plans) <= MOST_SIDES:
        raise ValueError(f"compare two or three versions, not {len(plans)}")
    labels = names or tuple(_name_of(plan) for plan in plans)
    # Each side reads its own connection, and SQLite sums without holding Python's lock:
    # the sides are read side by side.
    with ThreadPoolExecutor(max_workers=len(plans)) as pool:
        sides = tuple(pool.map(_side, plans, labels))
    diffs = tuple(_diffs(sides[0], side) for side in sides[1:])
    settings = plans[0].settings.get()
    return Comparison(
        sides,
        diffs,
        tuple(plans[0].horizon.months()),
        settings.fiscal_year_start,
        plans[0].currency,
    )


def _name_of(plan: Plan) -> str:
    return plan.version.name if plan.version is not None else WORKING_PLAN


_FACTS = (
    "SELECT i.id, i.name, c.name, i.status, i.start_month, i.end_month, i.budget, "
    f"i.revenue_target, {', '.join(f'i.{rate}' for rate in STAGE_RATES)} "
    "FROM initiatives i JOIN channels c ON c.id = i.channel_id"
)


def initiative_facts(
    analysis: Analysis,
    ids: Collection[int] | None = None,
    *,
    planned: Mapping[int, Sequence[int | None]] | None = None,
) -> dict[int, InitiativeFacts]:
    """What the analysed plan says of each initiative among ``ids`` (``None``: all): the
    facts a comparison compares. ``planned``: each initiative's planned sums when the caller
    has read them already (the checks read them), else they are read here."""
    plan = analysis.plan
    if planned is None:
        planned = read_planned(analysis, ids)
    planned_by_initiative = {
        initiative_id: dict(zip(Metric, (total or 0 for total in sums), strict=True))
        for initiative_id, sums in planned.items()
    }
    if ids is None:
        rows = plan.query(_FACTS)
    else:
        rows = plan.query(f"{_FACTS} WHERE i.id IN {IDS}", [ids_json(sorted(ids))])
    return {
        row[0]: InitiativeFacts(
            row[0],
            row[1],
            row[2],
            Status(row[3]),
            row[4],
            row[5],
            row[6],
            row[7],
            planned_by_initiative.get(row[0]) or dict.fromkeys(Metric, 0),
            RateOverrides(*row[8:]),
        )
        for row in rows
    }


def _side(plan: Plan, name: str) -> Side:
    analysis = Analysis.in_sql(plan)
    try:
        # The months of every initiative serve the hand-off check; a side's months are those
        # of its live initiatives, as every other figure of a side (its months add up to its
        # total): every initiative's less the few dropped ones', not a second pass over all.
        by_month = analysis.rollup(Dimension.MONTH)
        dropped = analysis.rollup(Dimension.MONTH, where=Filter(statuses=(Status.DROPPED,)))
        # The checks sum each initiative's plan already: the comparison reads those sums.
        inputs = gather(analysis, by_month)
        findings = count_findings(judge(inputs))
        budget, target = budget_and_target(analysis)
        zone = strike_zone(analysis)
        initiatives = initiative_facts(analysis, planned=inputs.initiatives.planned)
    finally:
        analysis.close()
    live = [facts for facts in initiatives.values() if facts.live]
    planned = {metric: sum(f.planned[metric] for f in live) for metric in Metric}
    return Side(
        name,
        budget,
        target,
        planned,
        _live_months(by_month, dropped),
        zone.budget_share_in_zone,
        zone.target_share_in_zone,
        findings,
        initiatives,
    )


def _live_months(every: list[RollupRow], dropped: list[RollupRow]) -> dict[Metric, dict[int, int]]:
    """Each metric's plan by month of the live initiatives: every initiative's less the
    dropped ones'."""
    dropped_planned = {row.key: row.totals.planned for row in dropped}
    months: dict[Metric, dict[int, int]] = {metric: {} for metric in Metric}
    for row in every:
        gone = dropped_planned.get(row.key)
        for metric in Metric:
            planned = row.totals.planned[metric] - (gone[metric] if gone else 0)  # type: ignore[operator]
            months[metric][int(row.key)] = planned  # type: ignore[arg-type]
    return months


def _diffs(reference: Side, side: Side) -> tuple[InitiativeDiff, ...]:
    found = []
    for initiative_id in sorted(
        reference.initiatives.keys() | side.initiatives.keys(),
        key=lambda i: (_name(reference, side, i).casefold(), i),
    ):
        found.append(
            initiative_diff(
                reference.initiatives.get(initiative_id), side.initiatives.get(initiative_id)
            )
        )
    return tuple(found)


def initiative_diff(
    before: InitiativeFacts | None, after: InitiativeFacts | None
) -> InitiativeDiff:
    """One initiative as the reference has it (``before``) and as another side has it
    (``after``); either is ``None`` where that side does not have it (not both)."""
    facts = after or before
    if facts is None:
        raise ValueError("an initiative compared must be on one side at least")
    was, now = before is not None and before.live, after is not None and after.live
    if was and not now:
        difference = Difference.DROPPED
    elif now and not was:
        difference = Difference.ADDED
    elif before == after or not was:
        difference = Difference.SAME
    else:
        difference = Difference.CHANGED
    return InitiativeDiff(facts.id, facts.name, difference, before, after)


def _name(reference: Side, side: Side, initiative_id: int) -> str:
    facts = side.initiatives.get(initiative_id) or reference.initiatives[initiative_id]
    return facts.name


# -- the story -------------------------------------------------------------------------


def _story(comparison: Comparison, index: int) -> list[str]:
    money = comparison.currency.format_short
    before, after = comparison.sides[0], comparison.sides[index]
    diffs = comparison.diffs[index - 1]
    lines = [
        f"Budget {money(before.budget)} → {money(after.budget)} "
        f"({signed(money, after.budget - before.budget)}), revenue target "
        f"{money(before.revenue_target)} → {money(after.revenue_target)} "
        f"({signed(money, after.revenue_target - before.revenue_target)})"
    ]
    added = [d for d in diffs if d.difference is Difference.ADDED]
    dropped = [d for d in diffs if d.difference is Difference.DROPPED]
    changed = [d for d in diffs if d.difference is Difference.CHANGED]
    if added:
        lines.append(
            f"{_count(len(added))} added ({money(sum(d.delta('budget') for d in added))}): "
            f"{_names(added)}"
        )
    if dropped:
        lines.append(
            f"{_count(len(dropped))} dropped ({money(-sum(d.delta('budget') for d in dropped))}):"
            f" {_names(dropped)}"
        )
    for figure, verb in _VERBS:
        moved = [d for d in changed if d.delta(figure)]
        if moved:
            net = sum(d.delta(figure) for d in moved)
            lines.append(f"{_count(len(moved))} {verb} ({signed(money, net)} net): {_names(moved)}")
    lines.extend(_moves(comparison, [d for d in changed if d.moved_by]))
    if len(lines) == 1 and before.budget == after.budget:
        lines.append("No initiative differs")
    return lines


def _moves(comparison: Comparison, moved: list[InitiativeDiff]) -> list[str]:
    """ "2 Event initiatives moved from Q3 2026 to Q4 2026"; one alone is named, by month."""
    start = comparison.fiscal_year_start
    groups: dict[tuple[str, int, int], list[InitiativeDiff]] = defaultdict(list)
    for diff in moved:
        assert diff.before is not None and diff.after is not None
        groups[
            (
                diff.after.channel,
                period_key(Period.QUARTER, diff.before.start_month, start),
                period_key(Period.QUARTER, diff.after.start_month, start),
            )
        ].append(diff)
    lines: list[str] = []
    for (channel, was, now), diffs in sorted(groups.items(), key=lambda item: -len(item[1])):
        if len(diffs) == 1 or was == now:
            for diff in diffs:
                assert diff.before is not None and diff.after is not None
                lines.append(
                    f"{diff.name!r} moved from {month_math.label(diff.before.start_month)} to "
                    f"{month_math.label(diff.after.start_month)}"
                )
        else:
            lines.append(
                f"{len(diffs)} {channel} initiatives moved from "
                f"{period_label(Period.QUARTER, was, start)} to "
                f"{period_label(Period.QUARTER, now, start)}"
            )
    if len(lines) > _MOST_MOVES:
        rest = len(lines) - _MOST_MOVES + 1
        lines = [*lines[: _MOST_MOVES - 1], f"{rest} more moves"]
    return lines


_MOST_MOVES = 5


def _count(number: int) -> str:
    return f"{number} initiative{'s' if number != 1 else ''}"


def _names(diffs: list[InitiativeDiff]) -> str:
    return some_names([repr(d.name) for d in diffs])


def signed(money: Callable[[int], str], amount: int) -> str:
    """``amount`` as ``money`` writes it, with its sign: ``+$5k``, ``-$5k``, ``+$0``."""
    text = money(amount)
    return text if amount < 0 else f"+{text}"


# -- one initiative, in words --------------------------------------------------------------


def budget_change(diff: InitiativeDiff, currency: Currency) -> str:
    """How an initiative's budget differs from the reference's, in a table's few letters:
    ``new``, ``dropped``, ``+$5k``, ``-$5k``, or ``—`` when the budget is the same."""
    if diff.difference is Difference.ADDED:
        return "new"
    if diff.difference is Difference.DROPPED:
        return "dropped"
    delta = diff.delta("budget")
    return signed(currency.format_short, delta) if delta else "—"


def change_lines(diff: InitiativeDiff, currency: Currency) -> list[str]:
    """What differs for one initiative from the reference to the other side, a line each
    with its amounts: ``re-budgeted $20k → $25k (+$5k)``, ``moved from Mar 2026 to May
    2026``... (:meth:`InitiativeDiff.what_changed` names the same changes without amounts,
    for a table whose columns hold them)."""
    money = currency.format_short
    before, after = diff.before, diff.after
    if diff.difference is Difference.ADDED:
        assert after is not None
        return [f"added: {money(after.budget)} budget, {money(after.revenue_target)} target"]
    if diff.difference is Difference.DROPPED:
        assert before is not None
        how = "deleted" if after is None else "marked dropped"
        return [f"dropped ({how}): it had {money(before.budget)} budget"]
    if diff.difference is Difference.SAME or before is None or after is None:
        return ["no change"]
    lines = []
    if after.name != before.name:
        lines.append(f"renamed from {before.name!r}")
    for figure, verb in (("budget", "re-budgeted"), ("revenue_target", "re-targeted")):
        was, now = _figure(before, figure), _figure(after, figure)
        if was != now:
            lines.append(f"{verb} {money(was)} → {money(now)} ({signed(money, now - was)})")
    if diff.moved_by:
        lines.append(
            f"moved from {month_math.label(before.start_month)} to "
            f"{month_math.label(after.start_month)}"
        )
    if after.end_month != before.end_month:
        lines.append(
            f"ends {month_math.label(after.end_month)} instead of "
            f"{month_math.label(before.end_month)}"
        )
    if after.channel != before.channel:
        lines.append(f"channel {before.channel} → {after.channel}")
    if after.status is not before.status:
        lines.append(f"status {before.status.value} → {after.status.value}")
    lines.extend(rate_changes(before.rates, after.rates))
    revenue = Metric.REVENUE_WON
    if after.planned[revenue] != before.planned[revenue]:
        lines.append(
            f"planned revenue won {money(before.planned[revenue])} → "
            f"{money(after.planned[revenue])}"
        )
    elif after.planned != before.planned:
        lines.append("planned funnel changed")
    return lines


def rate_changes(before: RateOverrides, after: RateOverrides) -> list[str]:
    """Each of an initiative's own rates that differs, before and after: ``Lead → MQL
    rate 15% → 25%``; one it does not set reads "inherited" (its channel's or the plan's)."""
    return [
        f"{RATE_TITLES[rate]} rate {percent_text(was, INHERITED)} → {percent_text(now, INHERITED)}"
        for rate in STAGE_RATES
        if (was := getattr(before, rate)) != (now := getattr(after, rate))
    ]


INHERITED = "inherited"
