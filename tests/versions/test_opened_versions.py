"""A version opened as a plan of its own (planner.versions.opened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from version_support import actuals, named

from planner import Plan, PlanError, ReadOnlyPlanError
from planner.analysis import Analysis, budget_and_target
from planner.versions.opened import open_version


def test_a_locked_baseline_refuses_every_edit_with_one_line(plan: Plan) -> None:
    baseline = plan.versions.save("Approved").id
    with open_version(plan, baseline) as approved:
        initiative = named(approved, "Webinar series")
        for edit in (
            lambda: approved.initiatives.update(initiative, budget=1),
            lambda: approved.values.set(initiative, "2026-03", "spend", actual=5),
            lambda: approved.funnel.update(lead_to_mql=0.5),
        ):
            with pytest.raises(ReadOnlyPlanError) as refused:
                edit()
            assert "\n" not in str(refused.value)
            assert "'Approved'" in str(refused.value)


def test_a_baseline_unlocked_then_edited_is_saved_into_the_file(plan: Plan) -> None:
    baseline = plan.versions.save("Approved").id
    plan.versions.set_locked(baseline, False)
    with open_version(plan, baseline) as approved:
        approved.initiatives.update(named(approved, "Outbound push"), budget=5_000_00)
    with open_version(plan, baseline) as approved:
        assert approved.initiatives.get(named(approved, "Outbound push")).budget == 5_000_00


def test_a_version_locked_while_open_refuses_the_next_edit(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        plan.versions.set_locked(scenario, True)
        outbound = named(stretch, "Outbound push")
        with pytest.raises(ReadOnlyPlanError, match="locked"):
            stretch.initiatives.update(outbound, budget=1)
        assert stretch.initiatives.get(outbound).budget != 1  # rolled back in memory too


def test_a_scenario_edit_is_in_the_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.smplan"
    with Plan.create(path, name="Plan", first_month="2026-01") as plan:
        channel = plan.channels.named("Event").id
        plan.initiatives.add(name="Summit", channel_id=channel, budget=10_000_00)
        scenario = plan.versions.save("Bigger summit", kind="scenario").id
        stretch = open_version(plan, scenario)
        stretch.initiatives.update(named(stretch, "Summit"), budget=20_000_00)
    # The process could stop here: the file already holds the edit.
    with Plan.open(path) as reopened, open_version(reopened, scenario) as stretch:
        assert stretch.initiatives.get(named(stretch, "Summit")).budget == 20_000_00
        assert reopened.initiatives.get(named(reopened, "Summit")).budget == 10_000_00
    stretch.close()


def test_an_actual_entered_in_a_scenario_is_shared_by_every_version(plan: Plan) -> None:
    baseline = plan.versions.save("Approved").id
    scenario = plan.versions.save("Stretch", kind="scenario").id
    webinar = named(plan, "Webinar series")
    with open_version(plan, scenario) as stretch:
        stretch.values.set(webinar, "2026-03", "spend", actual=1_234_00)
    assert (webinar, 202603, 1_234_00) in actuals(plan)
    with open_version(plan, baseline) as approved:
        assert (webinar, 202603, 1_234_00) in actuals(approved)


def test_an_actual_for_an_initiative_only_in_the_scenario_is_refused(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        added = stretch.initiatives.add(
            name="Road show",
            channel_id=plan.channels.named("Event").id,
            start_month="2026-01",
            end_month="2026-03",
        ).id
        with pytest.raises(PlanError, match="'Road show' is only in this scenario"):
            stretch.values.set(added, "2026-01", "spend", actual=100)
        assert stretch.values.for_initiative(added) == [] or all(
            v.actual is None for v in stretch.values.for_initiative(added)
        )


@pytest.mark.parametrize(
    "edit",
    [
        lambda v: v.people.add(name="New person", team="Marketing"),
        lambda v: v.segments.add(name="New segment", tier="core"),
        lambda v: v.channels.add(name="Podcasts"),
        lambda v: v.settings.update(name="Renamed"),
    ],
)
def test_shared_lists_and_settings_are_refused_in_a_scenario(plan: Plan, edit) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with (
        open_version(plan, scenario) as stretch,
        pytest.raises(ReadOnlyPlanError, match="shared by every version"),
    ):
        edit(stretch)


def test_a_version_reads_through_the_one_analysis_engine(plan: Plan) -> None:
    baseline = plan.versions.save("Approved").id
    plan.initiatives.update(named(plan, "Outbound push"), budget=1_000_00)
    with open_version(plan, baseline) as approved:
        assert budget_and_target(Analysis.in_sql(approved))[0] == 2 * 12 * 1_500_000
    assert budget_and_target(Analysis.in_sql(plan))[0] == 12 * 1_500_000 + 1_000_00


def test_a_version_deleted_while_open_refuses_the_next_edit(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        plan.versions.delete(scenario)
        with pytest.raises(PlanError, match="no longer in the plan"):
            stretch.initiatives.update(named(stretch, "Outbound push"), budget=1)


def test_several_versions_open_side_by_side_each_as_saved(plan: Plan) -> None:
    from planner.versions.opened import open_versions

    approved = plan.versions.save("Approved").id
    plan.initiatives.update(named(plan, "Outbound push"), budget=1_000_00)
    later = plan.versions.save("Later", kind="scenario").id
    first, second = open_versions(plan, [approved, later])
    with first, second:
        assert first.version.name == "Approved" and second.version.name == "Later"
        assert first.initiatives.get(named(first, "Outbound push")).budget == 12 * 1_500_000
        assert second.initiatives.get(named(second, "Outbound push")).budget == 1_000_00


def test_an_unknown_version_among_several_opens_none(plan: Plan) -> None:
    from planner import ValidationError
    from planner.versions.opened import open_versions

    approved = plan.versions.save("Approved").id
    with pytest.raises(ValidationError, match="no version with id 999"):
        open_versions(plan, [approved, 999])
