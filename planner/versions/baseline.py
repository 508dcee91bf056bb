"""A version of the plan held open beside it, to compare the plan with as it changes: the
Dashboard draws its planned revenue and spend beside the plan's, words the landing against
it, and the Initiatives table shows each initiative's budget against it.

    baseline = open_baseline(plan, version_id)      # a worker thread: opening takes a while
    baseline.figures(where).planned_by_month[Metric.REVENUE_WON][202603]
    baseline.close()

A baseline does not change while it is held (a locked version cannot; the app opens a
scenario again when its edits are saved), so what is read of it is read once per filter and
kept: the plan's edits then cost nothing more for being compared. Every figure is the one
the plan's own surfaces read, through the same engine, over the version's plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.analysis import Analysis, Dimension, budget_and_target, worth_keeping_in_memory
from planner.analysis.reforecast import Landing, reforecast
from planner.changes import Action, Change, ChangeSet, Entity
from planner.domain import Metric
from planner.versions.compare import InitiativeFacts, initiative_facts, signed
from planner.versions.opened import open_version, shares, touches_actuals

if TYPE_CHECKING:
    from planner.analysis import Filter
    from planner.money import Currency
    from planner.plan import Plan
    from planner.versions.opened import VersionPlan
    from planner.versions.service import VersionInfo

# Filters remembered at once: the Dashboard's few recent ones.
_KEPT_FILTERS = 16


@dataclass(frozen=True, slots=True)
class BaselineFigures:
    """What a baseline plans over the initiatives a filter keeps: each metric's plan by
    month (every month of the horizon), the landing of the current fiscal year, and the
    budget and revenue target of its live initiatives. Money in minor units."""

    planned_by_month: dict[Metric, dict[int, int]]
    landing: Landing
    budget: int
    revenue_target: int


class Baseline:
    """A version opened beside the plan (see the module's docstring). Close it when done."""

    def __init__(self, plan: VersionPlan, analysis: Analysis) -> None:
        self.plan = plan
        self.analysis = analysis
        self.info: VersionInfo = plan.version
        self._figures: dict[Filter | None, BaselineFigures] = {}
        self._facts: dict[int, InitiativeFacts] | None = None

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def name(self) -> str:
        return self.info.name

    def renamed(self, info: VersionInfo) -> None:
        """The version was renamed or (un)locked: its content is the same."""
        self.info = info

    def figures(self, where: Filter | None = None) -> BaselineFigures:
        """Its figures over the initiatives ``where`` keeps (the plan's ids, people and
        channels are the version's too, so one filter serves both)."""
        try:
            kept = self._figures.get(where)
        except TypeError:  # a filter made of lists: read each time
            return self._read(where)
        if kept is None:
            if len(self._figures) >= _KEPT_FILTERS:
                self._figures.clear()
            kept = self._figures[where] = self._read(where)
        return kept

    def facts(self) -> dict[int, InitiativeFacts]:
        """What it says of each initiative, as a comparison reads it."""
        if self._facts is None:
            self._facts = initiative_facts(self.analysis)
        return self._facts

    def close(self) -> None:
        self.analysis.close()
        self.plan.close()

    def _read(self, where: Filter | None) -> BaselineFigures:
        analysis = self.analysis
        months: dict[Metric, dict[int, int]] = {metric: {} for metric in Metric}
        for row in analysis.rollup(Dimension.MONTH, where=where):
            for metric in Metric:
                months[metric][int(row.key)] = row.totals.planned[metric]  # type: ignore[arg-type]
        budget, target = budget_and_target(analysis, where)
        return BaselineFigures(months, reforecast(analysis, where), budget, target)


def open_baseline(
    working: Plan, version_id: int, *, today: datetime.date | None = None
) -> Baseline:
    """Version ``version_id`` of ``working`` opened as a baseline, analysed as the app
    analyses a plan of its size, with ``today`` the plan's (which months are closed); what
    the plan's surfaces first ask of it (every initiative, the figures without a filter) is
    read now, so a worker thread can do it."""
    plan = open_version(working, version_id)
    analysis: Analysis | None = None
    try:
        if worth_keeping_in_memory(plan):
            analysis = Analysis.in_memory(plan, today=today)
        else:
            analysis = Analysis.in_sql(plan, today=today)
        baseline = Baseline(plan, analysis)
        baseline.facts()
        baseline.figures(None)
    except BaseException:
        if analysis is not None:
            analysis.close()
        plan.close()
        raise
    return baseline


def gone(changes: ChangeSet, version_id: int) -> bool:
    """Whether the working plan's ``changes`` deleted version ``version_id`` (promoted
    to be the working plan, too)."""
    return any(
        change.entity is Entity.VERSIONS
        and change.action is Action.DELETED
        and version_id in change.ids
        for change in changes.changes
    )


def renamed(changes: ChangeSet, version_id: int) -> bool:
    """Whether ``changes`` renamed version ``version_id`` or (un)locked it."""
    return any(_about(change, version_id) and _labels_only(change) for change in changes.changes)


def to_reopen(changes: ChangeSet, version_id: int) -> bool:
    """Whether the working plan's ``changes`` changed what version ``version_id`` holds:
    its own plan (a scenario's edits, saved into the file) or what every version shares
    with the working plan and its figures read (settings, people, segments, channels,
    actuals)."""
    return any(
        (_about(change, version_id) and not _labels_only(change))
        or (change.entity is not Entity.VERSIONS and shares(change.entity))
        or touches_actuals(change)
        for change in changes.changes
    )


def _about(change: Change, version_id: int) -> bool:
    return (
        change.entity is Entity.VERSIONS
        and change.action is Action.UPDATED
        and version_id in change.ids
    )


def _labels_only(change: Change) -> bool:
    """A version renamed or (un)locked: what it holds is the same."""
    return bool(change.fields) and change.fields <= {"name", "locked"}


def against_baseline(
    budget: int, revenue_target: int, baseline: BaselineFigures, currency: Currency
) -> str:
    """The plan's budget and revenue target against a baseline's, in words: ``budget $810k
    against $805k (+$5k), revenue target $6.3M against $6.3M (level)``."""
    money = currency.format_short
    parts = []
    for name, now, was in (
        ("budget", budget, baseline.budget),
        ("revenue target", revenue_target, baseline.revenue_target),
    ):
        difference = "level" if now == was else signed(money, now - was)
        parts.append(f"{name} {money(now)} against {money(was)} ({difference})")
    return ", ".join(parts)
