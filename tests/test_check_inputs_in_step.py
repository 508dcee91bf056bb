"""The checks' inputs kept in step with a plan read again only what each edit can have moved,
and judging them finds exactly what checking the whole plan afresh finds."""

from __future__ import annotations

import datetime
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
    "a channel's rates": lambda p: p.channels.set_rates(
        p.initiatives.get(named(p, CONFERENCE)).channel_id, mql_to_sal=0.01
    ),
    # A rate its first short stage (its opportunities) hangs on: the finding's numbers move.
    "an initiative's rates": lambda p: p.initiatives.set_rates(
        named(p, CONFERENCE), opportunity_to_won=0.01
    ),
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


MID_YEAR = datetime.date(2026, 6, 15)  # May 2026 is the demo plan's last closed month


@pytest.mark.parametrize(
    "edit",
    [
        lambda p: p.values.set(named(p, CONFERENCE), 202610, Metric.MQL, actual=40),
        lambda p: p.initiatives.update(named(p, CONFERENCE), name="Conference"),
    ],
    ids=["an actual typed after the last closed month", "a rename of one holding them"],
)
def test_actuals_after_the_last_closed_month_are_kept_in_step(plan, edit):
    plan.values.set(named(plan, SWAG), 202609, Metric.SPEND, actual=5)
    analysis = Analysis.in_sql(plan, today=MID_YEAR)
    kept = InputsInStep(analysis)
    kept.gather()
    plan.subscribe(kept.heard)

    edit(plan)

    assert kept.gather() == gather(Analysis.in_sql(plan, today=MID_YEAR))


def test_a_month_closing_as_the_clock_moves_on_is_read_again(plan):
    plan.values.set(named(plan, SWAG), 202609, Metric.SPEND, actual=5)
    kept = InputsInStep(Analysis.in_sql(plan, today=MID_YEAR))
    assert [f.rule for f in judge(kept.gather())].count("actuals_after_close") == 1
    later = Analysis.in_sql(plan, today=datetime.date(2026, 11, 2))

    assert kept.gather() != gather(later)  # nothing heard, but the kept facts are of June
    assert InputsInStep(later, kept.gather()).gather() == gather(later)
