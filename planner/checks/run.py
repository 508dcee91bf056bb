"""Running every check over a plan, in two steps that can run on different threads.

:func:`gather` reads what the checks judge from the plan: its figures (through the analysis)
and each initiative's facts, as plain values that no later edit changes. :func:`judge` applies
the rules to them and touches nothing else, so a long-lived session can gather on the thread
that edits the plan and judge in another (the bulk of the work) while edits go on. Such a
session keeps its inputs with :class:`InputsInStep`, which reads again only what the plan's
changes can have moved: after typing a value, one initiative's sums and the hand-off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from planner.changes import Action, ChangeSet, Entity
from planner.checks import initiative_rules, plan_rules
from planner.checks.findings import Finding
from planner.domain import STAGE_RATES, Metric

if TYPE_CHECKING:
    from planner.analysis import Analysis
    from planner.analysis.sums import RollupRow


@dataclass(frozen=True, slots=True)
class CheckInputs:
    """Everything the checks judge, read from a plan at one moment."""

    plan: plan_rules.PlanFacts
    initiatives: initiative_rules.Gathered


def gather(analysis: Analysis, by_month: list[RollupRow] | None = None) -> CheckInputs:
    """What the checks judge, read from ``analysis`` now; ``by_month``: the plan's roll-up by
    month when the caller has it already."""
    return CheckInputs(plan_rules.plan_facts(analysis, by_month), initiative_rules.gather(analysis))


def judge(inputs: CheckInputs) -> list[Finding]:
    """Every finding, most severe first, then plan-wide before per-initiative, then by name."""
    findings = [
        *plan_rules.strike_zone_findings(inputs.plan),
        *plan_rules.handoff_findings(inputs.plan),
        *plan_rules.actuals_after_close_findings(inputs.plan),
        *plan_rules.channel_cost_findings(inputs.plan),
        *initiative_rules.judge(inputs.initiatives),
    ]
    return sorted(
        findings,
        key=lambda f: (f.severity.rank, f.initiative is not None, (f.initiative or "").casefold()),
    )


@dataclass(frozen=True, slots=True)
class Checked:
    """A plan's findings, with the inputs they were judged from (to follow its edits from)."""

    inputs: CheckInputs
    findings: list[Finding]


def check(analysis: Analysis) -> Checked:
    """The findings of the analysis's plan, and what they were judged from."""
    inputs = gather(analysis)
    return Checked(inputs, judge(inputs))


def run_checks(analysis: Analysis) -> list[Finding]:
    """Every finding of the analysis's plan, ordered as :func:`judge` orders them."""
    return judge(gather(analysis))


V = TypeVar("V")

# Changes whose ids are initiatives: only those initiatives' facts can have moved.
_BY_INITIATIVE = (Entity.INITIATIVES, Entity.ROLES, Entity.VALUES)
# The fields of an initiative that the strike zone sums or counts by.
_LIVE_FIELDS = frozenset({"budget", "revenue_target", "status"})
_RATE_FIELDS = frozenset(STAGE_RATES)
# The monthly values a channel's cost per MQL is worked out from.
_COST_COLUMNS = frozenset(
    metric.planned_column if planned else metric.actual_column
    for metric in (Metric.SPEND, Metric.MQL)
    for planned in (True, False)
)


class InputsInStep:
    """The check inputs of one open plan, read again after its edits as little as they need:
    tell it every :class:`~planner.changes.ChangeSet` the plan announces (:meth:`heard`),
    and :meth:`gather` reads what those changes can have moved and nothing else."""

    def __init__(self, analysis: Analysis, inputs: CheckInputs | None = None) -> None:
        self._analysis = analysis
        self._plan = analysis.plan
        self._inputs = inputs
        self._rows: set[int] = set()  # initiatives whose facts rows to read again
        self._planned: set[int] = set()  # ... whose planned sums to read again
        self._context = self._stage = self._handoff = self._after_close = False
        self._live = self._aims = self._segments = False  # the strike zone's parts
        self._costs = False  # the channels' costs per MQL, all read again
        self._cost_ids: set[int] = set()  # ... the sums of these initiatives read again

    def heard(self, changes: ChangeSet) -> None:
        """Note what ``changes`` (committed to the plan) can have moved."""
        for change in changes.changes:
            entity = change.entity
            if entity in _BY_INITIATIVE and not change.ids:
                self._inputs = None  # not narrowed down: read everything
            elif entity is Entity.VALUES:
                self._planned |= change.ids
                self._handoff = True
                if not change.fields or change.fields & _COST_COLUMNS:
                    self._cost_ids |= change.ids
                closed = self._analysis.closed_through
                self._after_close |= not change.months or max(change.months) > closed
            elif entity is Entity.ROLES:
                self._rows |= change.ids
            elif entity is Entity.INITIATIVES:
                self._rows |= change.ids
                self._after_close = True  # its name is in the finding; its values go with it
                # Its values count for its channel: they come, go, or move with it.
                self._costs |= change.action is not Action.UPDATED or not change.fields
                self._costs |= "channel_id" in change.fields
                if change.action is not Action.UPDATED:  # values come and go with it
                    self._planned |= change.ids
                    self._handoff = self._live = self._aims = True
                elif not change.fields:
                    self._live = self._aims = True
                else:
                    self._live |= bool(change.fields & _LIVE_FIELDS)
                    self._aims |= "segment_ids" in change.fields
            elif entity is Entity.PEOPLE:
                self._rows |= self._initiatives_of("roles", "person_id", change.ids)
            elif entity is Entity.SEGMENTS:
                self._rows |= self._initiatives_of("initiative_segments", "segment_id", change.ids)
                self._live = self._aims = self._segments = True
            elif entity is Entity.SETTINGS:
                self._context = self._stage = self._handoff = self._after_close = True
                self._costs = True
            elif entity is Entity.ASSUMPTIONS:
                self._context = True
            elif entity is Entity.HANDOFF:
                self._handoff = True
            elif entity is Entity.CHANNELS:
                # A channel's rates are its initiatives' unless they override them.
                if not change.ids or change.action is not Action.UPDATED:
                    self._inputs = None
                else:
                    self._costs |= "name" in change.fields  # the finding names it
                    if change.fields & _RATE_FIELDS:
                        self._rows |= self._initiatives_of("initiatives", "channel_id", change.ids)
            # Import mappings are not checked.

    def gather(self) -> CheckInputs:
        """What the checks judge, now: read in full the first time, then only what the
        changes heard since moved."""
        inputs, analysis, plan = self._inputs, self._analysis, self._plan
        if inputs is None:
            inputs = gather(analysis)
        else:
            facts, initiatives = inputs.plan, inputs.initiatives
            zone = facts.zone
            if self._live or self._aims or self._segments:
                zone = plan_rules.read_zone(plan, zone, segments=self._segments, aims=self._aims)
            # A month closes as the clock moves on, edits or none.
            after_close = self._after_close or facts.after_close.closed != analysis.closed_through
            # As a month closes, the months to date run further too.
            costs = facts.channel_costs
            if self._costs or self._cost_ids or costs.through != analysis.actuals_through():
                costs = plan_rules.read_channel_costs(
                    analysis, None if self._costs else costs, self._cost_ids
                )
            changed = self._stage or zone is not facts.zone or self._handoff or after_close
            if changed or costs is not facts.channel_costs:
                facts = plan_rules.PlanFacts(
                    plan_rules.read_stage(plan) if self._stage else facts.stage,
                    zone,
                    plan_rules.read_handoff(analysis) if self._handoff else facts.handoff,
                    plan_rules.read_after_close(analysis) if after_close else facts.after_close,
                    costs,
                )
            if self._context:
                initiatives = replace(initiatives, context=initiative_rules.read_context(plan))
            if self._rows:
                fresh_rows = initiative_rules.read_rows(plan, self._rows)
                initiatives = replace(
                    initiatives, rows=_renewed(initiatives.rows, self._rows, fresh_rows)
                )
            if self._planned:
                fresh_planned = initiative_rules.read_planned(analysis, self._planned)
                initiatives = replace(
                    initiatives, planned=_renewed(initiatives.planned, self._planned, fresh_planned)
                )
            inputs = CheckInputs(facts, initiatives)
        self._inputs = inputs
        self._rows, self._planned, self._cost_ids = set(), set(), set()
        self._context = self._stage = self._handoff = self._after_close = False
        self._live = self._aims = self._segments = self._costs = False
        return inputs

    def _initiatives_of(self, table: str, column: str, ids: frozenset[int]) -> set[int]:
        if not ids:
            self._inputs = None
            return set()
        marks = ", ".join("?" * len(ids))
        owner = "id" if table == "initiatives" else "initiative_id"
        found = self._plan.query(
            f"SELECT {owner} FROM {table} WHERE {column} IN ({marks})", list(ids)
        )
        return {initiative for (initiative,) in found}


def _renewed(old: Mapping[int, V], ids: set[int], fresh: Mapping[int, V]) -> dict[int, V]:
    """A new mapping (the old one may be in a worker's hands): ``old`` with the entries of
    ``ids`` replaced by ``fresh`` (read again), those not in it any more left out."""
    renewed = {key: value for key, value in old.items() if key not in ids}
    renewed.update(fresh)
    return renewed
