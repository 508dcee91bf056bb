"""The benchmark's result format (``tests/benchmarks/``): how figures are judged against their
budgets, printed and written as JSON, and how a measured step's report is read. The benchmark
itself takes minutes, so it is run by hand and in CI, not here."""

from __future__ import annotations

import json

import pytest
from benchmarks import plan_versions
from benchmarks.child import parse
from benchmarks.figures import at_most, table, write_json

from planner import Plan
from planner.domain import Metric, Status
from planner.services.values import Kind, ValueEntry
from planner.versions.opened import open_version


def test_a_figure_within_its_budget_holds():
    assert at_most("Open", 1.2, 1.5, "s").holds is True


def test_a_figure_over_its_budget_does_not_hold():
    assert at_most("Edit", 270.0, 100, "ms").holds is False


def test_a_figure_without_a_budget_is_reported_not_judged():
    figure = at_most("Import ratio", 1.7, None, "x")
    assert (figure.holds, figure.budget) == (None, "—")


def test_a_ratio_is_shown_with_its_detail():
    figure = at_most("Export", 1.234, 1.5, "x", "export 40 s / floor 32 s")
    assert figure.measured == "1.23x (export 40 s / floor 32 s)"


def test_the_json_is_one_object_with_every_figure_and_its_fields(tmp_path):
    path = tmp_path / "bench.json"
    write_json(path, [at_most("Open", 1.2, 1.5, "s")], quick=True, seconds=90)
    result = json.loads(path.read_text(encoding="utf-8"))
    assert result["quick"] is True
    assert result["figures"] == [
        {
            "figure": "Open",
            "budget": "<= 1.5 s",
            "measured": "1.2 s",
            "holds": True,
            "value": 1.2,
            "unit": "s",
        }
    ]


def test_the_table_gives_each_figure_a_line_with_its_verdict():
    lines = table([at_most("Open", 1.2, 1.5, "s"), at_most("Edit", 270, 100, "ms")]).splitlines()
    assert lines[0].split() == ["Figure", "Budget", "Measured", "Holds"]
    assert lines[2].endswith("yes")
    assert lines[3].endswith("NO")


def test_a_step_report_is_read_from_its_marked_line_among_other_output():
    output = 'Qt: a warning\nBENCH {"seconds": 2.5}\nThis plugin does not support ...\n'
    assert parse(output) == {"seconds": 2.5}


def test_a_step_that_reported_nothing_is_an_error():
    with pytest.raises(ValueError, match="printed no BENCH line"):
        parse("Traceback ...\n")


# -- the large plan's versions, made and measured on the small demo -----------------------


def with_values(path, *, actual: bool):
    """A plan of 30 initiatives with planned leads every month, and actuals of every metric
    (large numbers, many pages of them) when ``actual``."""
    with Plan.create(path, name="Sized", first_month="2026-01") as plan:
        channel = plan.channels.named("Paid").id
        with plan.batch():
            ids = [plan.initiatives.add(name=f"I{n}", channel_id=channel).id for n in range(30)]
        months = plan.horizon.months()
        entries = [ValueEntry(i, m, Metric.LEADS, Kind.PLANNED, 100) for i in ids for m in months]
        if actual:
            entries += [
                ValueEntry(i, m, metric, Kind.ACTUAL, 10**12 + i)
                for i in ids
                for m in months
                for metric in Metric
            ]
        plan.values.set_many(entries)
    return path


def test_the_planned_side_is_measured_without_the_actuals(tmp_path):
    planned = with_values(tmp_path / "planned.smplan", actual=False)
    with_actuals = with_values(tmp_path / "with-actuals.smplan", actual=True)

    assert plan_versions.planned_side_bytes(with_actuals) == plan_versions.planned_side_bytes(
        planned
    )
    assert plan_versions.vacuumed_bytes(with_actuals) > plan_versions.vacuumed_bytes(planned)


def test_the_planned_side_leaves_out_the_versions_already_saved(demo_path):
    before = plan_versions.planned_side_bytes(demo_path)
    with Plan.open(demo_path) as plan:
        plan.versions.save("Kept")

    assert plan_versions.planned_side_bytes(demo_path) == before


def test_the_benchmark_plan_gets_a_locked_baseline_and_two_edited_scenarios(demo_path):
    plan_versions.add_versions(demo_path)

    with Plan.open(demo_path) as plan:
        found = [(v.name, v.kind.value, v.locked) for v in plan.versions.list()]
        assert found == [
            (plan_versions.BASELINE, "baseline", True),
            (plan_versions.CUT, "scenario", False),
            (plan_versions.PUSHED, "scenario", False),
        ]
        events = plan.channels.named(plan_versions.EVENT_CHANNEL).id
        budgets = {i.id: i.budget for i in plan.initiatives.list() if i.channel_id == events}
        with open_version(plan, plan.versions.find(plan_versions.CUT).id) as cut:
            cut_budgets = {i.id: i.budget for i in cut.initiatives.list() if i.id in budgets}
        with open_version(plan, plan.versions.find(plan_versions.PUSHED).id) as pushed:
            initiatives = pushed.initiatives.list()
    assert budgets and cut_budgets == {i: b * 7 // 10 for i, b in budgets.items()}
    assert sum(i.name.startswith("Second-half push") for i in initiatives) == plan_versions.ADDED
    assert any(i.status is Status.DROPPED for i in initiatives)


def test_each_version_grows_the_file_by_less_than_the_planned_side_it_copies(demo_path):
    growth = plan_versions.add_versions(demo_path)

    assert [g.version for g in growth] == [
        plan_versions.BASELINE,
        plan_versions.CUT,
        plan_versions.PUSHED,
    ]
    assert all(0 < g.file_bytes <= g.planned_side_bytes for g in growth), growth
