"""Values held in memory stay exact through any edit: after each one, every roll-up summed
from memory equals the same roll-up summed in SQL. They are kept exact by the plan's change
notifications alone, so an edit through every public service is tried."""

from __future__ import annotations

import datetime
import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rollups_match_naive_sums import HORIZON, build, plans

from planner import Metric, MonthRow, Plan, ValueEntry
from planner.analysis import Analysis, Dimension, Filter, engine, progress, reforecast
from planner.analysis.memory_sums import MemorySums
from planner.demo import build_demo
from planner.domain import Role, Team, Tier
from planner.storage.schema import DEFAULT_CHANNELS
from planner.workbook.importing.mapping import CsvMapping

VALUE = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))
EDITS = st.lists(
    st.one_of(
        st.tuples(
            st.just("value"),
            st.integers(0, 20),
            st.integers(0, HORIZON - 1),
            st.sampled_from(list(Metric)),
            st.booleans(),
            VALUE,
        ),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(st.just("duplicate"), st.integers(0, 20)),
        st.tuples(st.just("channel"), st.integers(0, 20), st.sampled_from(DEFAULT_CHANNELS)),
        st.tuples(st.just("move channel"), st.sampled_from(DEFAULT_CHANNELS), st.integers(0, 12)),
        st.tuples(st.just("aim"), st.integers(0, 20), st.sets(st.integers(0, 5), max_size=3)),
        st.tuples(st.just("longer horizon"), VALUE),
        st.tuples(st.just("undo a delete"), st.integers(0, 20)),
    ),
    min_size=1,
    max_size=6,
)


@pytest.fixture
def demo_plan_path(tmp_path):
    path = tmp_path / "demo.smplan"
    build_demo(path)
    return path


def every_rollup(analysis: Analysis) -> list:
    plan = analysis.plan
    horizon = plan.horizon.months()
    paid = Filter(channel_ids=[plan.channels.named("Paid").id])
    results: list = [analysis.actuals_through(), progress(analysis), reforecast(analysis)]
    for months in (None, (horizon[1], horizon[3])):
        for where in (None, paid, Filter(tiers=[Tier.CORE])):
            results += analysis.rollups(list(Dimension), months=months, where=where)
            results.append(analysis.plan_without_actual(months=months, where=where))
    return results


def apply(plan: Plan, edit: tuple) -> None:
    initiatives = [i.id for i in plan.initiatives.list()]
    segments = [s.id for s in plan.segments.list()]
    if not initiatives:
        return
    kind, *args = edit
    if kind in ("value", "delete", "duplicate", "channel", "aim", "undo a delete"):
        target = initiatives[args[0] % len(initiatives)]
    if kind == "value":
        _, month, metric, actual, value = args
        month = plan.horizon.months()[month]
        if actual:
            plan.values.set(target, month, metric, actual=value)
        else:
            plan.values.set(target, month, metric, planned=value)
    elif kind == "delete":
        plan.initiatives.delete(target)
    elif kind == "duplicate":
        plan.initiatives.duplicate(target)
    elif kind == "channel":
        plan.initiatives.update(target, channel_id=plan.channels.named(args[1]).id)
    elif kind == "move channel":
        plan.channels.move(plan.channels.named(args[0]).id, args[1])
    elif kind == "aim":
        chosen = [segments[n % len(segments)] for n in args[1]] if segments else []
        plan.initiatives.set_segments(target, sorted(set(chosen)))
    elif kind == "longer horizon":
        plan.settings.update(months=plan.horizon.count + 1)
        plan.values.set(initiatives[0], plan.horizon.last, Metric.MQL, actual=args[0])
    elif kind == "undo a delete":
        snapshot = plan.initiatives.snapshot(target)
        plan.initiatives.delete(target)
        plan.initiatives.restore(snapshot)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), EDITS)
def test_rollups_from_memory_equal_rollups_in_sql_after_any_edits(spec, edits):
    plan = build(spec)
    from_memory, in_sql = Analysis.in_memory(plan), Analysis.in_sql(plan)
    for edit in edits:
        apply(plan, edit)
        assert every_rollup(from_memory) == every_rollup(in_sql), edit


def _every_write(plan: Plan) -> dict[str, object]:
    """One edit through each public method of the plan's services that writes, by name."""
    first = plan.horizon.first
    webinar = plan.initiatives.list()[0]
    lead = plan.people.add(name="New lead", team=Team.SALES).id
    niche = plan.segments.add(name="Niche", tier=Tier.EDGE).id
    podcasts = plan.channels.add(name="Podcasts").id
    radio = plan.channels.add(name="Radio").id
    person, segment, channel, initiative = (
        plan.people.snapshot(lead),
        plan.segments.snapshot(niche),
        plan.channels.snapshot(radio),
        plan.initiatives.snapshot(webinar.id),
    )
    placed = plan.timeline.placement(webinar.id)
    # A clock in the plan's first month: no month is closed, so the move is never refused.
    before_any = Analysis.in_sql(plan, today=datetime.date(first // 100, first % 100, 1))
    mapping = CsvMapping(initiative="Campaign", date="Close", value="Amount")
    return {
        "values.set": lambda: plan.values.set(webinar.id, first, Metric.SPEND, planned=123),
        "values.set_many": lambda: plan.values.set_many(
            [ValueEntry(webinar.id, first, Metric.MQL, "actual", 7)]
        ),
        "values.load_months": lambda: plan.values.load_months(
            [MonthRow(webinar.id, first, (5,) * 18)]
        ),
        "timeline.move": lambda: plan.timeline.move(
            webinar.id, first, plan.horizon.last, "respread", analysis=before_any
        ),
        "timeline.restore": lambda: plan.timeline.restore(placed),
        "initiatives.add": lambda: plan.initiatives.add(name="Fresh"),
        "initiatives.update": lambda: plan.initiatives.update(webinar.id, channel_id=podcasts),
        "initiatives.set_segments": lambda: plan.initiatives.set_segments(webinar.id, [niche]),
        "initiatives.set_rates": lambda: plan.initiatives.set_rates(webinar.id, mql_to_sal=0.4),
        "initiatives.duplicate": lambda: plan.initiatives.duplicate(webinar.id),
        "initiatives.delete": lambda: plan.initiatives.delete(webinar.id),
        "initiatives.restore": lambda: plan.initiatives.restore(initiative),
        "roles.set": lambda: plan.roles.set(webinar.id, lead, Role.RESPONSIBLE),
        "roles.set_owner": lambda: plan.roles.set_owner(webinar.id, lead),
        "roles.replace": lambda: plan.roles.replace(webinar.id, []),
        "people.update": lambda: plan.people.update(lead, team=Team.MARKETING),
        "people.delete": lambda: plan.people.delete(lead),
        "people.restore": lambda: plan.people.restore(person),
        "people.add": lambda: plan.people.add(name="Another", team=Team.SALES),
        "segments.update": lambda: plan.segments.update(niche, tier=Tier.CORE),
        "segments.delete": lambda: plan.segments.delete(niche),
        "segments.restore": lambda: plan.segments.restore(segment),
        "segments.add": lambda: plan.segments.add(name="Other", tier=Tier.CORE),
        "channels.move": lambda: plan.channels.move(podcasts, 0),
        "channels.set_rates": lambda: plan.channels.set_rates(podcasts, lead_to_mql=0.3),
        "channels.update": lambda: plan.channels.update(podcasts, name="Pods"),
        "channels.add": lambda: plan.channels.add(name="Television"),
        "channels.delete": lambda: plan.channels.delete(radio),
        "channels.restore": lambda: plan.channels.restore(channel),
        "funnel.update": lambda: plan.funnel.update(lead_to_mql=0.5),
        "handoff.update": lambda: plan.handoff.update(mqls_per_month=3),
        "handoff.set_followup_hours": lambda: plan.handoff.set_followup_hours(first, 6),
        "import_mappings.save": lambda: plan.import_mappings.save(
            ["Campaign", "Close", "Amount"], mapping
        ),
        "phasing.remember": lambda: plan.phasing.remember(lags=1),
        "settings.update": lambda: (
            plan.settings.update(months=plan.horizon.count + 2),
            plan.values.set(webinar.id, plan.horizon.last, Metric.MQL, actual=4),
        ),
    }


def test_an_edit_through_every_public_service_is_seen_from_memory(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        from_memory, in_sql = Analysis.in_memory(plan), Analysis.in_sql(plan)
        writes = _every_write(plan)
        services = {
            name: service
            for name, service in vars(plan).items()
            if type(service).__module__.startswith("planner.services")
        }
        writers = {
            f"{name}.{method}"
            for name, service in services.items()
            for method, function in inspect.getmembers(type(service), inspect.isfunction)
            if not method.startswith("_")
            and inspect.signature(function).return_annotation == "Change"
        }
        assert writers == set(writes)  # a new way to write is tried here too
        for name, write in writes.items():
            write()
            assert every_rollup(from_memory) == every_rollup(in_sql), name


def test_phasing_and_its_undo_are_seen_from_memory(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        from_memory, in_sql = Analysis.in_memory(plan), Analysis.in_sql(plan)
        phased = plan.phasing.phase(shape="back", lags=1, overwrite_actuals=True)
        assert every_rollup(from_memory) == every_rollup(in_sql)
        plan.phasing.put(phased.before)
        assert every_rollup(from_memory) == every_rollup(in_sql)


def test_a_plan_is_worth_keeping_in_memory_from_a_number_of_monthly_rows(
    demo_plan_path, monkeypatch
):
    with Plan.open(demo_plan_path) as plan:
        (rows,) = plan.query("SELECT count(*) FROM monthly_values")[0]
        monkeypatch.setattr(engine, "IN_MEMORY_FROM_ROWS", rows + 1)
        assert not engine.worth_keeping_in_memory(plan)
        monkeypatch.setattr(engine, "IN_MEMORY_FROM_ROWS", rows)
        assert engine.worth_keeping_in_memory(plan)


def test_the_demo_plan_sums_in_sql(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        assert not engine.worth_keeping_in_memory(plan)


def test_an_edit_rereads_only_the_initiatives_it_names(demo_plan_path, monkeypatch):
    with Plan.open(demo_plan_path) as plan:
        analysis = Analysis.in_memory(plan)
        sums = analysis.sums
        assert isinstance(sums, MemorySums)
        target = plan.initiatives.list()[0].id
        read: list[list[int]] = []
        original = sums._reload
        monkeypatch.setattr(sums, "_reload", lambda ids: (read.append(ids), original(ids)))
        plan.values.set(target, plan.horizon.first, Metric.MQL, planned=999)
        analysis.rollup(Dimension.MONTH)
        assert read == [[target]]


def test_a_closed_analysis_stops_following_the_plan(demo_plan_path):
    with Plan.open(demo_plan_path) as plan:
        analysis = Analysis.in_memory(plan)
        analysis.close()
        assert analysis.sums._heard not in plan._listeners  # type: ignore[attr-defined]
