"""Checks of each initiative against the glossary's "random act of marketing" rules.

The facts each rule needs are read for all initiatives, or for the few an edit touched: one SQL
query of the initiatives (:func:`read_rows`) and their planned sums from the analysis
(:func:`read_planned`); the rules themselves are small functions of one initiative's facts,
run by :func:`judge` on those facts alone.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner import months as month_math
from planner.analysis.funnel import reverse_funnel
from planner.analysis.rates import most_specific
from planner.analysis.waterfall import WATERFALL_STAGES
from planner.checks.findings import Finding, Severity
from planner.domain import STAGE_RATES, FunnelAssumptions, Metric, RateOverrides, return_ratio
from planner.money import Currency
from planner.months import Horizon

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.plan import Plan

_FACTS = """
SELECT i.id, i.name, i.start_month, i.end_month, i.budget, i.revenue_target,
       i.problem != '', i.so_what != '', i.why_us != '',
       owner.id, owner.active,
       (SELECT count(*) FROM roles r JOIN people p ON p.id = r.person_id
        WHERE r.initiative_id = i.id AND p.team = 'Sales'),
       (SELECT count(*) FROM initiative_segments a WHERE a.initiative_id = i.id),
       (SELECT count(*) FROM initiative_segments a JOIN segments s ON s.id = a.segment_id
        WHERE a.initiative_id = i.id AND s.tier = 'core'),
       (SELECT count(*) FROM initiative_segments a JOIN segments s ON s.id = a.segment_id
        WHERE a.initiative_id = i.id AND s.tier = 'edge'),
       {initiative_rates},
       {channel_rates}
FROM initiatives i
LEFT JOIN channels c ON c.id = i.channel_id
LEFT JOIN roles ro ON ro.initiative_id = i.id AND ro.role = 'A'
LEFT JOIN people owner ON owner.id = ro.person_id
WHERE i.status != 'dropped' AND {which}
""".replace("{initiative_rates}", ", ".join(f"i.{rate}" for rate in STAGE_RATES)).replace(
    "{channel_rates}", ", ".join(f"c.{rate}" for rate in STAGE_RATES)
)


@dataclass(frozen=True, slots=True)
class Facts:
    id: int
    name: str
    start: int
    end: int
    budget: int
    target: int
    has_problem: bool
    has_so_what: bool
    has_why_us: bool
    owner_id: int | None
    owner_active: bool | None
    sales_people: int
    segments: int
    core_segments: int
    edge_segments: int
    planned: dict[Metric, int]
    # Its most specific conversion rates (its own, else its channel's, else the plan's).
    rates: FunnelAssumptions


@dataclass(frozen=True, slots=True)
class Context:
    horizon: Horizon
    currency: Currency
    assumptions: FunnelAssumptions


Rule = Callable[[Facts, Context], Iterator[Finding]]


def _finding(facts: Facts, severity: Severity, rule: str, message: str, field: str) -> Finding:
    return Finding(severity, rule, message, facts.id, facts.name, field)


def no_owner(f: Facts, c: Context) -> Iterator[Finding]:
    if f.owner_id is None:
        yield _finding(
            f,
            Severity.ERROR,
            "no_owner",
            f"No one is accountable for {f.name!r}. Make one person its Accountable owner.",
            "owner",
        )
    elif not f.owner_active:
        yield _finding(
            f,
            Severity.WARNING,
            "inactive_owner",
            f"The owner of {f.name!r} is no longer active. Hand it to someone who is.",
            "owner",
        )


def no_revenue_target(f: Facts, c: Context) -> Iterator[Finding]:
    if f.target == 0:
        yield _finding(
            f,
            Severity.ERROR,
            "no_revenue_target",
            f"{f.name!r} has no revenue target. Tie it to revenue, or drop it.",
            "revenue_target",
        )


def target_too_small(f: Facts, c: Context) -> Iterator[Finding]:
    ratio = return_ratio(f.target, f.budget)
    if ratio is None:
        return
    if f.target < f.budget:
        yield _finding(
            f,
            Severity.ERROR,
            "target_below_budget",
            f"{f.name!r} aims to bring {c.currency.format(f.target, cents=False)} on a "
            f"budget of {c.currency.format(f.budget, cents=False)}. Raise the target or "
            "cut the budget.",
            "revenue_target",
        )
    elif ratio < c.assumptions.min_return_ratio:
        yield _finding(
            f,
            Severity.WARNING,
            "low_return",
            f"{f.name!r} aims to return {ratio:.1f}x its budget; the plan asks for at "
            f"least {c.assumptions.min_return_ratio:g}x. Raise the target or cut the "
            "budget.",
            "revenue_target",
        )


def no_sales_person(f: Facts, c: Context) -> Iterator[Finding]:
    if f.sales_people == 0:
        yield _finding(
            f,
            Severity.WARNING,
            "no_sales_person",
            f"No one from Sales is on {f.name!r}. Make a seller Responsible or "
            "Consulted, so the hand-off is agreed before it starts.",
            "roles",
        )


def outside_strike_zone(f: Facts, c: Context) -> Iterator[Finding]:
    if f.segments == 0:
        yield _finding(
            f,
            Severity.ERROR,
            "no_segment",
            f"{f.name!r} is aimed at no segment. Aim it at a core segment.",
            "segments",
        )
    elif f.core_segments == 0 and f.edge_segments == 0:
        yield _finding(
            f,
            Severity.WARNING,
            "outside_zone_only",
            f"{f.name!r} aims only at segments outside the strike zone. Aim it at a core "
            "segment, or drop it.",
            "segments",
        )
    elif f.core_segments == 0:
        yield _finding(
            f,
            Severity.INFO,
            "edge_only",
            f"{f.name!r} aims only at edge segments. Fine as an experiment; keep most of "
            "the budget in the core.",
            "segments",
        )


def budget_without_funnel(f: Facts, c: Context) -> Iterator[Finding]:
    funnel = [f.planned[m] for m in Metric if m is not Metric.SPEND]
    if f.budget > 0 and not any(funnel):
        yield _finding(
            f,
            Severity.WARNING,
            "budget_without_funnel",
            f"{f.name!r} has a budget of {c.currency.format(f.budget, cents=False)} but "
            "no planned funnel. Plan the leads, MQLs and revenue it should bring.",
            "values",
        )


def spend_over_budget(f: Facts, c: Context) -> Iterator[Finding]:
    if f.planned[Metric.SPEND] > f.budget:
        yield _finding(
            f,
            Severity.WARNING,
            "spend_over_budget",
            f"{f.name!r} plans to spend {c.currency.format(f.planned[Metric.SPEND], cents=False)}, "
            f"more than its budget of {c.currency.format(f.budget, cents=False)}. Raise the "
            "budget or trim the monthly spend.",
            "budget",
        )


def dates_outside_plan(f: Facts, c: Context) -> Iterator[Finding]:
    if f.start not in c.horizon or f.end not in c.horizon:
        yield _finding(
            f,
            Severity.ERROR,
            "dates_outside_plan",
            f"{f.name!r} runs {month_math.label(f.start)} to {month_math.label(f.end)}, "
            f"outside the plan ({c.horizon.describe()}). Move its dates inside the plan, "
            "or extend the plan.",
            "start_month" if f.start not in c.horizon else "end_month",
        )


# The checks judge every initiative again after each edit, nearly all unchanged: their needs
# are remembered (a pure function of the revenue and the rates; read, never changed).
_needs = functools.lru_cache(maxsize=8192)(reverse_funnel)

# The funnel's stages walked down from revenue: the first one planned short of what the
# target needs is where the plan breaks (each stage below feeds it).
FUNNEL_WALK: tuple[Metric, ...] = tuple(
    stage for stage in WATERFALL_STAGES if stage not in (Metric.REVENUE_WON, Metric.PIPELINE)
)


def stage_words(metric: Metric) -> str:
    """A stage as a sentence names it: "deals won", "opportunities", "SQLs"."""
    title = metric.title
    return title if title[1:2].isupper() else title.lower()


def short_stages(planned: Mapping[Metric, int], needed: Mapping[Metric, int]) -> list[Metric]:
    """The stages of :data:`FUNNEL_WALK` planned (above 0) but short of what is ``needed``,
    from deals down. A stage not planned at all is not judged: the plan has not got that
    far (phasing the target fills it)."""
    return [m for m in FUNNEL_WALK if 0 < planned[m] < needed[m]]


def thin_funnel(f: Facts, c: Context) -> Iterator[Finding]:
    """The first stage, from deals down, planned short of what the revenue target needs at
    the initiative's most specific rates; the finding jumps to that stage's planned cell.

    Deals won are revenue won counted in deals: while the revenue planned falls short of
    the target, :func:`target_not_phased` says so (and phasing the rest fills the deals),
    so the walk then starts at the opportunities."""
    if f.target == 0 or not any(f.planned[m] for m in FUNNEL_WALK):
        return
    # What the target needs at each stage: the waterfall's one definition.
    needed = _needs(f.target, f.rates)
    short = short_stages(f.planned, needed)
    if 0 < f.planned[Metric.REVENUE_WON] < f.target and short[:1] == [Metric.DEALS_WON]:
        short = short[1:]
    if not short:
        return
    first = short[0]
    words = stage_words(first)
    also = ""
    if len(short) > 1:
        rest = [stage_words(m) for m in short[1:]]
        also = f" ({', '.join(rest[:-1])}{' and ' if len(rest) > 1 else ''}{rest[-1]} too)"
    yield _finding(
        f,
        Severity.WARNING,
        "thin_funnel",
        f"{f.name!r} plans {f.planned[first]:,} {words}, but its "
        f"{c.currency.format(f.target, cents=False)} target needs about {needed[first]:,} at "
        f"its conversion rates{also}. Plan more {words} in its months, or lower the target.",
        first.planned_column,
    )


def target_not_phased(f: Facts, c: Context) -> Iterator[Finding]:
    planned_revenue = f.planned[Metric.REVENUE_WON]
    if f.target > 0 and 0 < planned_revenue < f.target:
        yield _finding(
            f,
            Severity.INFO,
            "target_not_phased",
            f"The monthly plan of {f.name!r} adds up to "
            f"{c.currency.format(planned_revenue, cents=False)} of revenue, short of its "
            f"{c.currency.format(f.target, cents=False)} target. Use Phase Targets (Plan "
            "menu, or the Initiatives page for a selection) to phase it into its months.",
            "values",
        )


def no_story(f: Facts, c: Context) -> Iterator[Finding]:
    missing = [
        label
        for label, present in (
            ("problem", f.has_problem),
            ("so what", f.has_so_what),
            ("why us", f.has_why_us),
        )
        if not present
    ]
    if missing:
        yield _finding(
            f,
            Severity.INFO,
            "no_story",
            f"{f.name!r} does not tell its story (missing: {', '.join(missing)}). Sell "
            "the problem: what pain, why it matters, why us.",
            "problem",
        )


RULES: tuple[Rule, ...] = (
    no_owner,
    no_revenue_target,
    target_too_small,
    outside_strike_zone,
    no_sales_person,
    budget_without_funnel,
    dates_outside_plan,
    spend_over_budget,
    thin_funnel,
    target_not_phased,
    no_story,
)


Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Gathered:
    """What the rules judge: the rows of :data:`_FACTS` of the live initiatives, and each
    initiative's planned sums in :class:`~planner.domain.Metric` order (none: nothing
    planned), both by initiative id."""

    context: Context
    rows: Mapping[int, Row]
    planned: Mapping[int, tuple[int, ...]]


def read_context(plan: Plan) -> Context:
    return Context(plan.horizon, plan.currency, plan.funnel.get())


def read_rows(plan: Plan, ids: Collection[int] | None = None) -> dict[int, Row]:
    """The facts of the live initiatives among ``ids`` (``None``: all), by id."""
    if ids is None:
        return {row[0]: row for row in plan.query(_FACTS.format(which="1"))}
    # One parameter however many ids (SQLite limits their number).
    which = "i.id IN (SELECT value FROM json_each(?))"
    return {row[0]: row for row in plan.query(_FACTS.format(which=which), [json.dumps(list(ids))])}


def read_planned(
    analysis: Analysis, ids: Collection[int] | None = None
) -> dict[int, tuple[int, ...]]:
    """The planned sums of the initiatives among ``ids`` (``None``: all) that plan anything
    (one that plans nothing, or is gone, has none: every sum is 0)."""
    found = analysis.sums.by_initiative(None, ids)
    return {key: planned for key, sums in found.items() if any(planned := sums[0::2])}  # type: ignore[misc]


def gather(analysis: Analysis) -> Gathered:
    plan = analysis.plan
    return Gathered(read_context(plan), read_rows(plan), read_planned(analysis))


def _name_order(row: Row) -> tuple[str, int]:
    # As SQLite's NOCASE orders names (ASCII letters folded), then by id.
    return row[1].translate(_ASCII_LOWER), row[0]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NOTHING_PLANNED = (0,) * len(Metric)
# Where a row of _FACTS holds the initiative's own rate overrides, and its channel's.
_OWN_RATES = slice(15, 15 + len(STAGE_RATES))
_CHANNEL_RATES = slice(_OWN_RATES.stop, _OWN_RATES.stop + len(STAGE_RATES))


def judge(gathered: Gathered) -> list[Finding]:
    context = gathered.context
    findings = []
    for row in sorted(gathered.rows.values(), key=_name_order):
        planned = gathered.planned.get(row[0], _NOTHING_PLANNED)
        facts = Facts(
            *row[:6],
            bool(row[6]),
            bool(row[7]),
            bool(row[8]),
            row[9],
            None if row[10] is None else bool(row[10]),
            *row[11:15],
            planned=dict(zip(Metric, (total or 0 for total in planned), strict=True)),
            rates=most_specific(
                context.assumptions,
                channel=RateOverrides(*row[_CHANNEL_RATES]),
                initiative=RateOverrides(*row[_OWN_RATES]),
            ),
        )
        for rule in RULES:
            findings.extend(rule(facts, context))
    return findings
