"""The checks' inputs kept in step with a plan read again only what each edit can have moved,
and judging them finds exactly what checking the whole plan afresh finds."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from planner import Metric, Plan
from planner.analysis import Analysis
from planner.checks import InputsInStep, gather, judge, run_checks


@pytest.fixture
def plan(demo_path) -> Iterator[Plan]:
    plan = Plan.open(demo_path)
    yield plan
    plan.close()


@pytest.fixture(params=["in_sql", "in_memory"])
def analysis(plan, request) -> Iterator[Analysis]:
    """The plan's analysis, summed either way the app may choose."""
    analysis = getattr(Analysis, request.param)(plan)
    yield analysis
    analysis.close()


def checked_afresh(plan: Plan) -> list:
    return run_checks(Analysis.in_sql(plan))


def named(plan: Plan, start: str) -> int:
    return next(i.id for i in plan.initiatives.list() if i.name.startswith(start))


def person(plan: Plan, name: str) -> int:
    return next(p.id for p in plan.people.list() if p.name == name)


def outside(plan: Plan) -> int:
    return next(s.id for s in plan.segments.list() if s.tier == "outside")


# Each edit changes what the checks find in the small demo plan (Tidewater Software).
CONFERENCE, SWAG, GRANTS = "Close the Loop", "Trade-show swag", "Grant-accounting"
FREEMIUM, ABM = "Small-business freemium", "LinkedIn ABM"
EDITS: dict[str, Callable[[Plan], object]] = {
    "a planned value": lambda p: p.values.set(
        named(p, CONFERENCE), p.horizon.first, Metric.REVENUE_WON, planned="900,000"
    ),
    "a planned MQL count": lambda p: p.values.set(
        named(p, CONFERENCE), p.horizon.first, Metric.MQL, planned=100_000
    ),
    "an actual value": lambda p: p.values.set(
        named(p, CONFERENCE), p.horizon.first, Metric.MQL, actual=100_000
    ),
    "a budget": lambda p: p.initiatives.update(named(p, FREEMIUM), budget="10,000,000"),
    "a name": lambda p: p.initiatives.update(named(p, SWAG), name="Conference swag"),
    "a status": lambda p: p.initiatives.update(named(p, SWAG), status="dropped"),
    "the segments aimed at": lambda p: p.initiatives.set_segments(named(p, ABM), [outside(p)]),
    "a new initiative": lambda p: p.initiatives.duplicate(named(p, SWAG)),
    "a deleted initiative": lambda p: p.initiatives.delete(named(p, SWAG)),
    "an owner": lambda p: p.roles.set_owner(named(p, GRANTS), person(p, "Maya Chen")),
    "a person leaving": lambda p: p.people.update(person(p, "Tom Becker"), active=False),
    "a person deleted": lambda p: p.people.delete(person(p, "Emily Carter")),
    "a segment's tier": lambda p: p.segments.update(p.segments.list()[0].id, tier="edge"),
    "a deleted segment": lambda p: p.segments.delete(p.segments.list()[0].id),
    "the company's stage": lambda p: p.settings.update(stage="startup"),
    "the funnel's rates": lambda p: p.funnel.update(min_return_ratio=9),
    "the hand-off agreement": lambda p: p.handoff.update(mqls_per_month=10_000),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_an_edit_the_kept_inputs_find_what_a_fresh_check_finds(plan, analysis, edit):
    kept = InputsInStep(analysis)
    kept.gather()
    plan.subscribe(kept.heard)
    before = checked_afresh(plan)

    EDITS[edit](plan)

    after = checked_afresh(plan)
    assert after != before, "the edit should change what the checks find"
    renewed = kept.gather()
    assert renewed == gather(Analysis.in_sql(plan))  # every part, the strike zone's included
    assert judge(renewed) == after


def test_a_value_typed_reads_again_only_its_initiatives_sums_and_the_handoff(
    plan, analysis, monkeypatch
):
    kept = InputsInStep(analysis)
    inputs = kept.gather()
    plan.subscribe(kept.heard)
    read: list[str] = []
    query = plan.query
    monkeypatch.setattr(
        plan, "query", lambda sql, params=(): read.append(sql) or query(sql, params)
    )
    plan.values.set(named(plan, SWAG), plan.horizon.first, Metric.SPEND, planned="5")

    renewed = kept.gather()

    assert renewed.plan.zone is inputs.plan.zone
    assert renewed.initiatives.rows == inputs.initiatives.rows
    assert all("FROM initiatives i" not in sql for sql in read)
