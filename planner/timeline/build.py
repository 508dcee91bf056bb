"""Building the timeline of a plan: :func:`build_timeline`, the one place that groups, orders and
judges its bars (see :mod:`planner.timeline.model`).

Each figure on a bar comes from the one function the rest of the app uses for it: attainment
to date from :func:`planner.analysis.to_date_by_initiative` (revenue won against revenue won
planned, over the months "to date" runs through, as the Dashboard and the workbook count it),
the findings from :func:`planner.checks.run_checks` (or the caller's, when it keeps them), the
initiatives kept from :meth:`planner.analysis.Filter.kept`, fiscal periods from
:mod:`planner.analysis.periods`.

Lanes come in the plan's own order: channels as the plan lists them, owners by name, teams
and statuses in the order of their lists, tiers from the core out; the lane of initiatives
with no owner (or aimed at no segment) last. A lane with no bar is left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from planner.analysis import Analysis, Filter, to_date_by_initiative
from planner.analysis.periods import Period, period_key, period_label
from planner.checks.findings import Finding, finding_title
from planner.domain import Initiative, Metric, Status, Team, Tier
from planner.months import Horizon, Month
from planner.timeline.model import Band, Bar, Grouping, Lane, Timeline

if TYPE_CHECKING:
    from planner.plan import Plan

NO_OWNER = "(no owner)"
NO_SEGMENT = "(no segment)"
_TIERS = tuple(Tier)  # core first: the best tier is the first an initiative aims at


def build_timeline(
    plan: Plan,
    grouping: Grouping = Grouping.CHANNEL,
    *,
    keep: Filter | None = None,
    baseline: Plan | None = None,
    analysis: Analysis | None = None,
    today: datetime.date | None = None,
    findings: Iterable[Finding] | None = None,
) -> Timeline:
    """The timeline of ``plan`` in lanes by ``grouping``, of the initiatives ``keep`` keeps.

    ``baseline``: an opened version (:func:`planner.versions.opened.open_version`) whose dates
    each bar shows as a ghost. ``analysis``: the caller's engine, if it has one (by default
    summed in SQL); ``today``: the clock (by default the analysis's). ``findings``: the
    plan's findings when the caller keeps them (the app's findings panel does), so the
    checks are not run again."""
    grouping = Grouping(grouping)
    if analysis is None:
        analysis = Analysis.in_sql(plan, today=today)
    today = today or analysis.today
    settings = plan.settings.get()
    horizon, fiscal_start = settings.horizon, settings.fiscal_year_start
    kept = keep.kept(plan) if keep is not None else None
    initiatives = [i for i in plan.initiatives.list() if kept is None or i.id in kept]
    if findings is None:
        from planner.checks import run_checks  # the rules load when first used

        findings = run_checks(analysis)
    bars = _Bars(plan, analysis, findings, baseline)
    made = [(initiative, bars.of(initiative)) for initiative in initiatives]
    this_month = today.year * 100 + today.month
    return Timeline(
        months=tuple(horizon.months()),
        quarters=_bands(horizon, Period.QUARTER, fiscal_start),
        years=_bands(horizon, Period.YEAR, fiscal_start),
        today=this_month if this_month in horizon else None,
        closed_through=analysis.actuals_through(),
        grouping=grouping,
        lanes=_LANES[grouping](plan, made),
        baseline_name=_name_of(baseline),
    )


class _Bars:
    """What every bar needs from the plan, read once."""

    def __init__(
        self,
        plan: Plan,
        analysis: Analysis,
        findings: Iterable[Finding],
        baseline: Plan | None,
    ) -> None:
        self.people = {person.id: person for person in plan.people.list()}
        self.tiers = {segment.id: segment.tier for segment in plan.segments.list()}
        self.channels = {channel.id: channel.name for channel in plan.channels.list()}
        self.to_date = to_date_by_initiative(analysis)
        titles: dict[int, dict[str, None]] = {}
        for finding in findings:
            if finding.initiative_id is not None:
                titles.setdefault(finding.initiative_id, {})[finding_title(finding)] = None
        self.findings = {key: tuple(found) for key, found in titles.items()}
        self.baseline: dict[int, tuple[Month, Month]] = (
            {}
            if baseline is None
            else {
                row[0]: (row[1], row[2])
                for row in baseline.query("SELECT id, start_month, end_month FROM initiatives")
            }
        )

    def of(self, initiative: Initiative) -> Bar:
        owner = self.people.get(initiative.owner_id) if initiative.owner_id is not None else None
        aimed = {self.tiers[s] for s in initiative.segment_ids if s in self.tiers}
        totals = self.to_date.get(initiative.id)
        ghost = self.baseline.get(initiative.id, (None, None))
        return Bar(
            initiative_id=initiative.id,
            name=initiative.name,
            start_month=initiative.start_month,
            end_month=initiative.end_month,
            status=initiative.status,
            owner=owner.name if owner is not None else None,
            channel=self.channels[initiative.channel_id],
            tier=next((tier for tier in _TIERS if tier in aimed), None),
            findings=self.findings.get(initiative.id, ()),
            budget=initiative.budget,
            revenue_target=initiative.revenue_target,
            attainment=totals.attainment(Metric.REVENUE_WON) if totals is not None else None,
            baseline_start=ghost[0],
            baseline_end=ghost[1],
        )


def _bands(horizon: Horizon, period: Period, fiscal_start: int) -> tuple[Band, ...]:
    """The fiscal periods of the horizon in order, each clipped to it."""
    spans: dict[int, list[Month]] = {}
    for month in horizon.months():
        spans.setdefault(period_key(period, month, fiscal_start), []).append(month)
    return tuple(
        Band(period_label(period, key, fiscal_start), months[0], months[-1])
        for key, months in spans.items()
    )


def _name_of(baseline: Plan | None) -> str | None:
    if baseline is None:
        return None
    if baseline.version is not None:
        return baseline.version.name
    return baseline.settings.get().name


# -- lanes -----------------------------------------------------------------------------------

Made = Sequence[tuple[Initiative, Bar]]


def _lanes(
    made: Made,
    key_of: Callable[[Initiative, Bar], Hashable],
    order: Iterable[tuple[Hashable, str, str]],
) -> tuple[Lane, ...]:
    """The bars grouped by ``key_of``, one lane per ``(group, lane key, title)`` of
    ``order`` that holds any."""
    grouped: dict[Hashable, list[Bar]] = {}
    for initiative, bar in made:
        grouped.setdefault(key_of(initiative, bar), []).append(bar)
    return tuple(
        Lane(key, title, tuple(sorted(grouped[group], key=_bar_order)))
        for group, key, title in order
        if group in grouped
    )


def _bar_order(bar: Bar) -> tuple[int, int, str, int]:
    return (bar.start_month, bar.end_month, bar.name.casefold(), bar.initiative_id)


def _by_channel(plan: Plan, made: Made) -> tuple[Lane, ...]:
    channels = plan.channels.list()
    return _lanes(
        made,
        lambda initiative, _bar: initiative.channel_id,
        [(c.id, f"channel:{c.id}", c.name) for c in channels],
    )


def _by_owner(plan: Plan, made: Made) -> tuple[Lane, ...]:
    people = plan.people.list()  # by name
    return _lanes(
        made,
        lambda initiative, _bar: initiative.owner_id,
        [*((p.id, f"owner:{p.id}", p.name) for p in people), (None, "owner:none", NO_OWNER)],
    )


def _by_team(plan: Plan, made: Made) -> tuple[Lane, ...]:
    teams = {person.id: person.team for person in plan.people.list()}
    return _lanes(
        made,
        lambda initiative, _bar: teams.get(initiative.owner_id),  # type: ignore[arg-type]
        [*((t, f"team:{t.value}", t.value) for t in Team), (None, "team:none", NO_OWNER)],
    )


def _by_tier(_plan: Plan, made: Made) -> tuple[Lane, ...]:
    return _lanes(
        made,
        lambda _initiative, bar: bar.tier,
        [
            *((t, f"tier:{t.value}", t.value.capitalize()) for t in Tier),
            (None, "tier:none", NO_SEGMENT),
        ],
    )


def _by_status(_plan: Plan, made: Made) -> tuple[Lane, ...]:
    return _lanes(
        made,
        lambda initiative, _bar: initiative.status,
        [(s, f"status:{s.value}", s.value.capitalize()) for s in Status],
    )


_LANES: dict[Grouping, Callable[[Plan, Made], tuple[Lane, ...]]] = {
    Grouping.CHANNEL: _by_channel,
    Grouping.OWNER: _by_owner,
    Grouping.TEAM: _by_team,
    Grouping.TIER: _by_tier,
    Grouping.STATUS: _by_status,
}
