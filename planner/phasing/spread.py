"""One initiative's totals spread over its months (the rules are in :mod:`planner.phasing`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner import months as month_math
from planner.domain import Metric
from planner.money import apportion
from planner.phasing.shapes import Part, StageLags

# What each part phases; every metric is in exactly one part.
_PART_METRICS = {
    Part.REVENUE: (Metric.REVENUE_WON,),
    Part.FUNNEL: (
        Metric.LEADS,
        Metric.MQL,
        Metric.SAL,
        Metric.SQL,
        Metric.OPPORTUNITIES,
        Metric.PIPELINE,
        Metric.DEALS_WON,
    ),
    Part.SPEND: (Metric.SPEND,),
}
_ALL_METRICS = tuple(Metric)
_POSITION = {metric: n for n, metric in enumerate(_ALL_METRICS)}

# The weights of an initiative's active months, and a note when the shape fell back.
ShapeOf = Callable[[Sequence[int]], tuple[list[int], str | None]]


def metrics_of(parts: Sequence[Part]) -> tuple[Metric, ...]:
    """The metrics ``parts`` phase, in :class:`~planner.domain.Metric` order."""
    chosen = {metric for part in parts for metric in _PART_METRICS[part]}
    return tuple(metric for metric in _ALL_METRICS if metric in chosen)


@dataclass(frozen=True, slots=True)
class Target:
    """What one initiative asks to be phased: its dates, budget and revenue target, and what
    the target needs at each stage (:func:`~planner.analysis.funnel.reverse_funnel`)."""

    initiative_id: int
    name: str
    start: int
    end: int
    revenue_target: int
    budget: int
    needs: Mapping[Metric, int]

    def total(self, metric: Metric) -> int:
        if metric is Metric.SPEND:
            return self.budget
        if metric is Metric.REVENUE_WON:
            return self.revenue_target
        return self.needs[metric]


@dataclass(frozen=True, slots=True)
class Held:
    """One month of an initiative as the plan holds it: its nine planned values in
    :class:`~planner.domain.Metric` order (``None``: not entered), and whether it has any
    actual value."""

    planned: tuple[int | None, ...]
    has_actual: bool


NOTHING_HELD = Held((None,) * len(_ALL_METRICS), False)


@dataclass(frozen=True, slots=True)
class InitiativePhase:
    """What phasing does to one initiative: its active months, its planned sums of each
    metric before and after (every metric, phased or not), the months with actuals it kept,
    notes for the preview, and the months it writes (month, the phased metrics' values)."""

    initiative_id: int
    name: str
    first: int
    last: int
    months: int
    revenue_target: int
    budget: int
    before: Mapping[Metric, int]
    after: Mapping[Metric, int]
    kept: int
    notes: tuple[str, ...]
    rows: tuple[tuple[int, tuple[int | None, ...]], ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    initiative_id: int
    name: str
    reason: str


def _months(count: int) -> str:
    return f"{count} month{'' if count == 1 else 's'}"


def spread(
    target: Target,
    horizon: Sequence[int],
    held: Mapping[int, Held],
    *,
    metrics: Sequence[Metric],
    shape: ShapeOf,
    lags: StageLags,
    overwrite_actuals: bool = False,
) -> InitiativePhase | Skipped:
    """``target``'s totals of ``metrics`` spread over its active months of ``horizon``
    (``held``: what each month holds now, by month), or why it cannot be."""
    active = [month for month in horizon if target.start <= month <= target.end]
    if not active:
        return Skipped(
            target.initiative_id,
            target.name,
            f"no active month in the plan (it runs {month_math.label(target.start)} to "
            f"{month_math.label(target.end)})",
        )
    with_actuals = {month for month in horizon if held.get(month, NOTHING_HELD).has_actual}
    kept = set() if overwrite_actuals else with_actuals
    open_index = [n for n, month in enumerate(active) if month not in kept]
    if not open_index:
        return Skipped(
            target.initiative_id,
            target.name,
            f"every one of its {_months(len(active))} has actuals; phase with "
            "overwrite-actuals to replace them",
        )
    weights, shape_note = shape(active)
    notes = [] if shape_note is None else [shape_note]
    if not any(weights):
        weights = [1] * len(active)
        notes.append("the profile gives its months no weight: phased evenly")
    by_offset: dict[int, list[int]] = {}
    phased: dict[Metric, list[int]] = {}
    surplus = False
    offsets = {metric: lags.offset(metric) for metric in metrics}
    for metric in metrics:
        offset = offsets[metric]
        if offset not in by_offset:
            by_offset[offset] = _landed(weights, open_index, offset)
        position = _POSITION[metric]
        kept_sum = sum(held[month].planned[position] or 0 for month in kept if month in held)
        total = target.total(metric)
        surplus |= kept_sum > total and metric in (Metric.REVENUE_WON, Metric.SPEND)
        phased[metric] = apportion(max(total - kept_sum, 0), by_offset[offset])
    if kept:
        notes.insert(0, f"{_months(len(kept))} with actuals kept")
    elif with_actuals:
        notes.insert(0, f"{_months(len(with_actuals))} with actuals overwritten")
    if surplus:
        notes.append("months with actuals already plan more than its total")
    longest = max(offsets.values(), default=0)
    if longest and len(active) > 1:
        notes.append(
            f"early stages of {_months(min(longest + 1, len(active)))} land in "
            f"{month_math.label(active[open_index[0]])}"
        )
    rows = _rows(active, horizon, held, kept, metrics, phased)
    before = _sums(held)
    after = dict(before)
    for metric in metrics:
        position = _POSITION[metric]
        after[metric] = sum(
            held[month].planned[position] or 0 for month in kept if month in held
        ) + sum(phased[metric])
    return InitiativePhase(
        initiative_id=target.initiative_id,
        name=target.name,
        first=active[0],
        last=active[-1],
        months=len(active),
        revenue_target=target.revenue_target,
        budget=target.budget,
        before=before,
        after=after,
        kept=len(kept),
        notes=tuple(notes),
        rows=rows,
    )


def _landed(weights: Sequence[int], open_index: Sequence[int], offset: int) -> list[int]:
    """The weight of each active month for a stage ``offset`` months before revenue: what
    the open months' revenue needs (a kept month keeps its own stages), each ``offset``
    months earlier, what falls before the first open month in it; kept months none (evenly
    over the open months when that leaves no weight)."""
    first = open_index[0]
    opened = [0] * len(weights)
    for n in open_index:
        opened[n] = weights[n]
    landed = [0] * len(weights)
    landed[first] = sum(opened[first : first + offset + 1])
    shifted = opened[first + offset + 1 :]
    landed[first + 1 : first + 1 + len(shifted)] = shifted
    usable = [0] * len(weights)
    for n in open_index:
        usable[n] = landed[n]
    if not any(usable):
        for n in open_index:
            usable[n] = 1
    return usable


def _rows(
    active: Sequence[int],
    horizon: Sequence[int],
    held: Mapping[int, Held],
    kept: set[int],
    metrics: Sequence[Metric],
    phased: Mapping[Metric, list[int]],
) -> tuple[tuple[int, tuple[int | None, ...]], ...]:
    """The months written: each active month not kept, with its shares, and each other month
    not kept that plans any phased metric, cleared."""
    index = {month: n for n, month in enumerate(active)}
    by_month = list(zip(*(phased[metric] for metric in metrics), strict=True))
    positions = [_POSITION[metric] for metric in metrics]
    cleared = (None,) * len(metrics)
    rows = []
    for month in horizon:
        if month in kept:
            continue
        n = index.get(month)
        if n is not None:
            rows.append((month, by_month[n]))
        elif month in held and any(held[month].planned[p] is not None for p in positions):
            rows.append((month, cleared))
    return tuple(rows)


def _sums(held: Mapping[int, Held]) -> dict[Metric, int]:
    columns = zip(*(month.planned for month in held.values()), strict=True)
    sums = [sum(filter(None, column)) for column in columns] if held else [0] * len(_ALL_METRICS)
    return dict(zip(_ALL_METRICS, sums, strict=True))
