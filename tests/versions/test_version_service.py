"""Saving, naming, locking and deleting versions of a plan (planner.versions.service)."""

from __future__ import annotations

import pytest
from version_support import actuals, named, planned_side

from planner import Plan, PlanError, ValidationError
from planner.changes import Entity
from planner.domain import Metric
from planner.versions import Kind
from planner.versions.opened import open_version


def test_a_baseline_is_saved_locked_and_a_scenario_editable(plan: Plan) -> None:
    baseline = plan.versions.save("Board-approved FY2026").id
    scenario = plan.versions.save("Cut events", kind=Kind.SCENARIO).id
    listed = {v.id: v for v in plan.versions.list()}
    assert listed[baseline].kind is Kind.BASELINE and listed[baseline].locked
    assert listed[scenario].kind is Kind.SCENARIO and not listed[scenario].locked
    assert listed[baseline].saved_from == "the working plan"


def test_a_version_holds_the_planned_side_and_no_actual(plan: Plan) -> None:
    version = plan.versions.save("Approved").id
    with open_version(plan, version) as approved:
        assert planned_side(approved) == planned_side(plan)
    copied = plan.query("SELECT count(*) FROM version_values WHERE version_id = ?", [version])
    planned_rows = plan.query("SELECT count(*) FROM monthly_values WHERE spend_plan IS NOT NULL")
    assert copied == planned_rows
    columns = [row[1] for row in plan.query("PRAGMA table_info(version_values)")]
    assert not [column for column in columns if column.endswith("_actual")]


@pytest.mark.parametrize(
    ("name", "rule"),
    [("", "required"), ("   ", "required"), ("x" * 201, "too_long"), ("approved", "duplicate")],
)
def test_a_version_name_that_is_empty_too_long_or_taken_is_refused_naming_the_field(
    plan: Plan, name: str, rule: str
) -> None:
    plan.versions.save("Approved")
    before = plan.versions.list()
    with pytest.raises(ValidationError) as refused:
        plan.versions.save(name)
    assert refused.value.field == "version name" and refused.value.rule == rule
    assert "Version name" in str(refused.value) or "version name" in str(refused.value)
    assert plan.versions.list() == before


def test_renaming_to_a_taken_name_is_refused(plan: Plan) -> None:
    first = plan.versions.save("Approved").id
    plan.versions.save("Stretch", kind="scenario")
    with pytest.raises(ValidationError, match="already a version named 'Stretch'"):
        plan.versions.rename(first, "STRETCH")
    assert plan.versions.get(first).name == "Approved"


def test_a_version_is_found_by_name_in_any_letter_case(plan: Plan) -> None:
    saved = plan.versions.save("Board-approved").id
    assert plan.versions.find("board-APPROVED").id == saved


def test_an_unknown_version_is_refused_naming_the_versions_there_are(plan: Plan) -> None:
    plan.versions.save("Approved")
    with pytest.raises(
        ValidationError, match=r"no version named 'Q3' \(its versions are 'Approved'\)"
    ):
        plan.versions.find("Q3")


def test_a_deleted_version_is_restored_exactly_with_its_id(plan: Plan) -> None:
    version = plan.versions.save("Approved").id
    with open_version(plan, version) as approved:
        before = planned_side(approved)
    snapshot = plan.versions.snapshot(version)
    plan.versions.delete(version)
    assert plan.versions.list() == []
    assert plan.query("SELECT count(*) FROM version_values") == [(0,)]
    plan.versions.restore(snapshot)
    assert plan.versions.get(version) == snapshot.info
    with open_version(plan, version) as approved:
        assert planned_side(approved) == before


def test_a_version_can_be_saved_from_another_version(plan: Plan) -> None:
    approved = plan.versions.save("Approved").id
    plan.initiatives.update(named(plan, "Webinar series"), budget=1)
    copy = plan.versions.save("Approved, again", kind="scenario", source=approved).id
    assert plan.versions.get(copy).saved_from == "Approved"
    with open_version(plan, approved) as one, open_version(plan, copy) as other:
        assert planned_side(one) == planned_side(other)


def test_version_edits_are_announced_to_the_working_plans_subscribers(plan: Plan) -> None:
    heard = []
    plan.subscribe(heard.append)
    plan.versions.save("Approved")
    assert heard and heard[-1].touches(Entity.VERSIONS)


def test_a_person_in_a_version_cannot_be_deleted_and_the_message_names_the_version(
    plan: Plan,
) -> None:
    helper = plan.people.add(name="Rita Responsible", team="Marketing").id
    plan.roles.set(named(plan, "Webinar series"), helper, "R")
    plan.versions.save("Approved")
    with pytest.raises(ValidationError, match="Rita Responsible is in the version 'Approved'"):
        plan.people.delete(helper)
    assert plan.people.get(helper).name == "Rita Responsible"


def test_a_segment_or_channel_in_a_version_cannot_be_deleted(plan: Plan) -> None:
    plan.versions.save("Approved")
    segment = plan.segments.list()[0]
    with pytest.raises(ValidationError, match="in the version 'Approved'"):
        plan.segments.delete(segment.id)
    webinar = plan.channels.named("Webinar").id
    with pytest.raises(ValidationError, match="retire it instead"):
        plan.channels.delete(webinar)


def test_a_new_initiative_in_a_scenario_takes_an_id_the_working_plan_never_gives(
    plan: Plan,
) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    channel = plan.channels.named("Event").id
    with open_version(plan, scenario) as stretch:
        added = stretch.initiatives.add(name="Road show", channel_id=channel).id
    in_working = plan.initiatives.add(name="Partner day", channel_id=channel).id
    assert in_working > added


def test_promoting_a_scenario_makes_it_the_working_plan_and_keeps_the_old_one(
    plan: Plan,
) -> None:
    before = planned_side(plan)
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        stretch.initiatives.update(named(stretch, "Outbound push"), budget=99_900)
        promoted = planned_side(stretch)
    promotion = plan.versions.promote(scenario, keep_working_as="Before stretch")
    assert planned_side(plan) == promoted
    assert [v.name for v in plan.versions.list()] == ["Before stretch"]
    with open_version(plan, promotion.kept_as.id) as kept:
        assert planned_side(kept) == before


def test_undoing_a_promotion_puts_everything_back_exactly(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    with open_version(plan, scenario) as stretch:
        stretch.initiatives.delete(named(stretch, "Outbound push"))
        scenario_side = planned_side(stretch)
    working_side, working_actuals = planned_side(plan), actuals(plan)
    promotion = plan.versions.promote(scenario, keep_working_as="Before stretch")
    plan.versions.unpromote(promotion)
    assert planned_side(plan) == working_side
    assert actuals(plan) == working_actuals
    assert [(v.id, v.name) for v in plan.versions.list()] == [(scenario, "Stretch")]
    with open_version(plan, scenario) as stretch:
        assert planned_side(stretch) == scenario_side


def test_promoting_keeps_an_initiative_with_actuals_that_the_scenario_dropped(
    plan: Plan,
) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    webinar = named(plan, "Webinar series")
    with open_version(plan, scenario) as stretch:
        stretch.initiatives.delete(webinar)
    held = actuals(plan)
    promotion = plan.versions.promote(scenario, keep_working_as="Before stretch")
    assert promotion.kept_dropped == ("Webinar series",)
    assert plan.initiatives.get(webinar).status.value == "dropped"
    assert actuals(plan) == held


def test_promoting_under_a_taken_name_is_refused_and_changes_nothing(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    before = planned_side(plan)
    with pytest.raises(PlanError, match="already a version named 'Stretch'"):
        plan.versions.promote(scenario, keep_working_as="stretch")
    assert planned_side(plan) == before
    assert [v.name for v in plan.versions.list()] == ["Stretch"]


def test_the_name_kept_for_the_working_plan_names_the_version_promoted(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    assert plan.versions.kept_name(scenario) == "Working plan before 'Stretch'"


def test_the_name_kept_for_the_working_plan_is_numbered_when_taken(plan: Plan) -> None:
    scenario = plan.versions.save("Stretch", kind="scenario").id
    plan.versions.save("working plan before 'STRETCH'", kind="scenario")
    plan.versions.save("Working plan before 'Stretch' (2)", kind="scenario")
    assert plan.versions.kept_name(scenario) == "Working plan before 'Stretch' (3)"


def test_the_name_kept_for_a_long_version_name_is_shortened_to_fit(plan: Plan) -> None:
    scenario = plan.versions.save("x" * 200, kind="scenario").id
    kept = plan.versions.kept_name(scenario)
    assert len(kept) == 200 and kept.endswith("x…'")
    assert plan.versions.promote(scenario, keep_working_as=kept).kept_as.name == kept


def test_a_horizon_that_would_leave_out_a_versions_months_is_refused(plan: Plan) -> None:
    plan.versions.save("Approved")
    webinar = named(plan, "Webinar series")
    outbound = named(plan, "Outbound push")
    for initiative in (webinar, outbound):  # the working plan itself plans nothing in H2
        plan.initiatives.update(initiative, end_month="2026-06")
        for month in range(202607, 202613):
            plan.values.set(initiative, month, "spend", planned=None)
            for metric in Metric:
                plan.values.set(initiative, month, metric, planned=None)
    with pytest.raises(ValidationError, match="the version 'Approved' plans in"):
        plan.settings.update(months=6)
    assert plan.horizon.count == 12
