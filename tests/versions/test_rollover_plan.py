"""Next year's plan (planner.versions.rollover): a new file started from this year's plan.

The plan here has one initiative of each status, a person no longer active, a retired channel,
actuals, follow-up hours, a saved CSV mapping and a scenario of its own, so each rule of what
is carried over, moved on, scaled and left behind shows on it."""

from __future__ import annotations

import os
import shutil
import threading
from fractions import Fraction
from pathlib import Path

import pytest

from planner import Plan
from planner.domain import Initiative, Metric, Status
from planner.errors import PlanError, PlanFileError, PlanLockedError, ValidationError
from planner.versions import Kind
from planner.versions.opened import open_version
from planner.versions.rollover import (
    RolloverCancelled,
    describe,
    next_name,
    outline_next_year,
    roll_over,
)
from planner.workbook.importing.mapping import CsvMapping

STATUSES = ("idea", "planned", "active", "done", "dropped")


def this_year(path: Path, *, first_month: str = "2026-01", fiscal_year_start: int = 1) -> Path:
    """A plan of 2026 (by default) with one initiative of each status, planned and actual
    values in March and December, and everything else a plan can hold."""
    with Plan.create(
        path,
        name="Demand plan FY2026",
        company="Tidewater",
        currency="EUR",
        fiscal_year_start=fiscal_year_start,
        first_month=first_month,
        stage="established",
    ) as plan:
        ann = plan.people.add(name="Ann Marketer", team="Marketing").id
        sam = plan.people.add(name="Sam Seller", team="Sales").id
        old = plan.people.add(name="Olive Gone", team="Sales", active=False).id
        core = plan.segments.add(name="Mid-market", tier="core").id
        edge = plan.segments.add(name="Enterprise", tier="edge", notes="only with a partner").id
        fax = plan.channels.add(name="Fax").id
        march = plan.horizon.months()[2]
        december = plan.horizon.last
        for number, status in enumerate(STATUSES, start=1):
            initiative = plan.initiatives.add(
                name=f"{status.title()} initiative",
                channel_id=fax if status == "active" else plan.channels.named("Webinar").id,
                status=status,
                start_month=march,
                end_month=december,
                budget=1_000_05 * number,
                revenue_target=5_000_15 * number,
                segment_ids=[core, edge] if status == "active" else [core],
                owner_id=ann,
                problem=f"the pain {number}",
                why_us="we close faster",
            ).id
            plan.roles.set(initiative, sam, "R")
            plan.roles.set(initiative, old, "I")
            for month in (march, december):
                plan.values.set(initiative, month, "spend", planned=10_05, actual=11_00)
                plan.values.set(initiative, month, "mql", planned=40 * number, actual=38)
                plan.values.set(initiative, month, "pipeline", planned=90_25, actual=70_00)
                plan.values.set(initiative, month, "revenue_won", planned=30_15)
        plan.channels.update(fax, retired=True)
        plan.funnel.update(lead_to_mql="22%", average_deal_size="18,000")
        plan.handoff.update(mqls_per_month=120, quality_bar="fits the ICP and has a project")
        plan.handoff.set_followup_hours(march, 30)
        plan.import_mappings.save(
            ["Campaign", "Close date", "Amount"],
            CsvMapping(initiative="Campaign", date="Close date", value="Amount"),
        )
        plan.versions.save("Cut events", kind=Kind.SCENARIO)
    return path


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return this_year(tmp_path_factory.mktemp("this-year") / "FY2026.smplan")


@pytest.fixture
def source(original: Path, tmp_path: Path) -> Path:
    """A copy of this year's plan, for one test."""
    path = tmp_path / original.name
    shutil.copyfile(original, path)
    return path


def rolled(source: Path, target: Path, **options: object) -> Plan:
    """Next year's plan of ``source``, written to ``target`` and opened read-only."""
    with Plan.open(source, read_only=True) as plan:
        roll_over(plan, target, **options)
    return Plan.open(target, read_only=True)


def named(plan: Plan) -> dict[str, Initiative]:
    return {i.name: i for i in plan.initiatives.list()}


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# -- carried over ----------------------------------------------------------------------------


def test_next_years_plan_covers_the_following_horizon_under_its_next_name(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        settings = new.settings.get()
        assert settings.name == "Demand plan FY2027"
        assert (settings.horizon.first, settings.horizon.count) == (202701, 12)
        assert (settings.company, settings.currency, settings.stage.value) == (
            "Tidewater",
            "EUR",
            "established",
        )


def test_ideas_planned_and_active_initiatives_are_carried_over_under_their_ids(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        ids = {i.name: i.id for i in plan.initiatives.list()}
    with rolled(source, tmp_path / "next.smplan") as new:
        carried = {i.name: i.id for i in new.initiatives.list()}
    assert carried == {
        name: ids[name] for name in ("Idea initiative", "Planned initiative", "Active initiative")
    }


def test_done_and_dropped_initiatives_are_left_behind_and_named(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        result = roll_over(plan, tmp_path / "next.smplan")
    assert result.outline.left_behind == ("Done initiative", "Dropped initiative")
    assert result.outline.carried == ("Active initiative", "Idea initiative", "Planned initiative")


def test_asked_to_include_them_done_and_dropped_initiatives_are_carried_too(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan", include_dropped=True) as new:
        statuses = {i.name: i.status for i in new.initiatives.list()}
    assert statuses == {
        "Idea initiative": Status.IDEA,
        "Planned initiative": Status.PLANNED,
        "Active initiative": Status.PLANNED,
        "Done initiative": Status.PLANNED,
        "Dropped initiative": Status.DROPPED,
    }


def test_active_initiatives_start_next_year_as_planned(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        assert named(new)["Active initiative"].status is Status.PLANNED


def test_an_initiatives_channel_segments_roles_and_story_come_with_it(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        before = named(plan)["Active initiative"]
        roles_before = plan.roles.for_initiative(before.id)
    with rolled(source, tmp_path / "next.smplan") as new:
        after = named(new)["Active initiative"]
        assert new.channels.get(after.channel_id).name == "Fax"
        assert after.segment_ids == before.segment_ids
        assert (after.problem, after.why_us, after.owner_id) == (
            before.problem,
            before.why_us,
            before.owner_id,
        )
        assert new.roles.for_initiative(after.id) == roles_before


def test_people_segments_and_channels_come_over_inactive_and_retired_ones_too(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        expected = (plan.people.list(), plan.segments.list(), plan.channels.list())
    with rolled(source, tmp_path / "next.smplan") as new:
        assert (new.people.list(), new.segments.list(), new.channels.list()) == expected
        assert not new.people.get(3).active and new.channels.named("Fax").retired


def test_the_funnel_assumptions_hand_off_agreement_and_csv_mappings_come_over(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        expected = (plan.funnel.get(), plan.handoff.get())
    with rolled(source, tmp_path / "next.smplan") as new:
        assert (new.funnel.get(), new.handoff.get()) == expected
        assert new.import_mappings.saved(["Campaign", "Close date", "Amount"]) is not None


# -- moved on --------------------------------------------------------------------------------


def test_initiative_dates_and_planned_values_move_on_one_horizon(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        by_name = named(new)
        idea = by_name["Idea initiative"]
        assert (idea.start_month, idea.end_month) == (202703, 202712)
        assert new.values.grid("mql") == {
            (by_name[f"{status.title()} initiative"].id, month): (40 * number, None)
            for number, status in enumerate(("idea", "planned", "active"), start=1)
            for month in (202703, 202712)
        }


def test_no_actual_and_no_follow_up_hours_come_over(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        actuals = new.query(
            "SELECT count(*) FROM monthly_values WHERE "
            + " OR ".join(f"{m.actual_column} IS NOT NULL" for m in Metric)
        )
        assert actuals == [(0,)]
        assert new.handoff.followup_hours() == {}


def test_a_shorter_shift_drops_the_planned_values_moved_past_the_horizon_and_counts_them(
    source, tmp_path
):
    with Plan.open(source, read_only=True) as plan:
        result = roll_over(plan, tmp_path / "next.smplan", months_shift=3)
    # Initiatives carried: 3; each had 4 metrics planned in December, moved to March 2027,
    # inside; March 2026 moved to June 2026, outside the new horizon.
    assert result.values_dropped == 3 * 4
    with Plan.open(result.path, read_only=True) as new:
        assert {month for (_id, month) in new.values.grid("mql")} == {202703}
        assert named(new)["Idea initiative"].start_month == 202606


# -- scaled ----------------------------------------------------------------------------------


def test_budgets_and_planned_spend_scale_rounded_to_the_cent_half_to_even(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan", budget_scale=1.5) as new:
        idea = named(new)["Idea initiative"]
        assert idea.budget == 1_500_08  # 1,000.05 x 1.5 = 1,500.075: half to even
        assert new.values.grid("spend")[(idea.id, 202703)] == (15_08, None)  # 15.075
        assert idea.revenue_target == 5_000_15  # the target scale is 100 %


def test_revenue_targets_pipeline_and_revenue_scale_by_the_target_scale(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan", target_scale=0.9) as new:
        idea = named(new)["Idea initiative"]
        assert idea.revenue_target == 4_500_14  # 5,000.15 x 0.9 = 4,500.135: half to even
        assert new.values.grid("pipeline")[(idea.id, 202712)] == (81_22, None)  # 81.225
        assert new.values.grid("revenue_won")[(idea.id, 202712)] == (27_14, None)  # 27.135
        assert idea.budget == 1_000_05


def test_counts_are_not_scaled(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan", budget_scale=2, target_scale=2) as new:
        idea = named(new)["Idea initiative"]
        assert new.values.grid("mql")[(idea.id, 202703)] == (40, None)


# -- this year's plan, kept to compare -------------------------------------------------------


def test_this_years_plan_is_kept_as_a_locked_baseline_named_for_its_fiscal_year(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        (baseline,) = new.versions.list()
    assert (baseline.name, baseline.kind, baseline.locked) == ("FY2026 plan", Kind.BASELINE, True)
    assert baseline.saved_from == "Demand plan FY2026 (FY2026.smplan)"


def test_the_baseline_holds_every_initiative_as_it_was_laid_on_next_years_months(source, tmp_path):
    with Plan.open(source, read_only=True) as plan:
        before = {i.name: i for i in plan.initiatives.list()}
        planned = {key: value[0] for key, value in plan.values.grid("spend").items()}
    with (
        rolled(source, tmp_path / "next.smplan", budget_scale=2) as new,
        open_version(new, new.versions.list()[0].id) as baseline,
    ):
        after = {i.name: i for i in baseline.initiatives.list()}
        assert {n: (i.status, i.budget) for n, i in after.items()} == {
            n: (i.status, i.budget) for n, i in before.items()
        }
        assert after["Done initiative"].start_month == 202703
        assert {k: v[0] for k, v in baseline.values.grid("spend").items()} == {
            (initiative, month + 100): value for (initiative, month), value in planned.items()
        }


def test_the_baseline_opens_read_only_with_no_actuals(source, tmp_path):
    with (
        rolled(source, tmp_path / "next.smplan") as new,
        open_version(new, new.versions.list()[0].id) as baseline,
    ):
        assert baseline.read_only
        assert all(actual is None for _planned, actual in baseline.values.grid("spend").values())


def test_promoting_the_baseline_leaves_a_plan_that_opens(source, tmp_path):
    target = tmp_path / "next.smplan"
    rolled(source, target).close()
    with Plan.open(target) as new:
        new.versions.promote(new.versions.list()[0].id, keep_working_as="FY2027 draft")
    with Plan.open(target, read_only=True) as reopened:
        assert len(reopened.initiatives.list()) == len(STATUSES)


def test_this_years_own_versions_are_left_behind(source, tmp_path):
    with rolled(source, tmp_path / "next.smplan") as new:
        assert [v.name for v in new.versions.list()] == ["FY2026 plan"]


def test_the_plan_rolled_over_is_not_changed(source, tmp_path):
    before = source.read_bytes()
    rolled(source, tmp_path / "next.smplan").close()
    assert source.read_bytes() == before


def test_a_plan_open_for_editing_can_be_rolled_over(source, tmp_path):
    with Plan.open(source) as plan:
        result = roll_over(plan, tmp_path / "next.smplan")
        plan.people.add(name="Still editable", team="Sales")
    assert result.path.is_file()


# -- the name and its fiscal year ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Demand plan FY2026", "Demand plan FY2027"),
        ("fy2026 demand plan", "FY2027 demand plan"),
        ("Marketing plan 2026", "Marketing plan 2027"),
        ("Demand plan", "Demand plan FY2027"),
        ("Vision 2030 plan", "Vision 2030 plan FY2027"),
    ],
)
def test_next_name_moves_this_years_label_on_or_adds_next_years(name, expected):
    assert next_name(name, "FY2026", "FY2027") == expected


def test_next_name_stays_within_the_longest_name_a_plan_takes():
    assert next_name("x" * 200, "FY2026", "FY2027") == "x" * 193 + " FY2027"


def test_a_fiscal_year_starting_in_october_names_the_baseline_and_the_plan_by_it(tmp_path):
    source = this_year(tmp_path / "this.smplan", first_month="2025-10", fiscal_year_start=10)
    with Plan.open(source, read_only=True) as plan:
        outline = outline_next_year(plan)
    assert (outline.name, outline.baseline) == ("Demand plan FY2027", "FY2026 plan")


def test_a_horizon_over_two_fiscal_years_names_both(tmp_path):
    source = this_year(tmp_path / "this.smplan", first_month="2026-07")
    with Plan.open(source, read_only=True) as plan:
        outline = outline_next_year(plan)
    assert (outline.name, outline.baseline) == ("Demand plan FY2027", "FY2026-FY2027 plan")


def test_the_outline_says_what_is_carried_left_behind_and_kept(source):
    with Plan.open(source, read_only=True) as plan:
        text = " ".join(describe(outline_next_year(plan)))
    for said in (
        "Demand plan FY2027: Jan 2027 to Dec 2027.",
        "Carried over: 3 initiatives",
        "3 people, 2 segments, 14 channels",
        "Left behind: 2 initiatives done or dropped (“Done initiative”, “Dropped initiative”)",
        "locked baseline “FY2026 plan”",
        "actuals stay in this year's file",
    ):
        assert said in text


# -- refused: nothing written ----------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["same", "symlink"])
def test_the_open_plan_itself_is_refused_as_the_target(source, spelling):
    target = source
    if spelling == "symlink":
        target = source.with_name("alias.smplan")
        target.symlink_to(source)
    before = folder_state(source.parent)
    with (
        Plan.open(source) as plan,
        pytest.raises(PlanFileError, match="cannot replace the open plan itself"),
    ):
        roll_over(plan, target, overwrite=True)
    assert folder_state(source.parent) == before


def test_an_existing_file_is_not_replaced_unless_asked(source, tmp_path):
    target = tmp_path / "next.smplan"
    target.write_bytes(b"last week's attempt")
    with Plan.open(source, read_only=True) as plan:
        with pytest.raises(PlanFileError, match="exists already"):
            roll_over(plan, target)
        assert target.read_bytes() == b"last week's attempt"
        roll_over(plan, target, overwrite=True)
    with Plan.open(target, read_only=True) as new:
        assert new.settings.get().name == "Demand plan FY2027"


@pytest.mark.parametrize(
    ("target", "refusal"),
    [
        ("folder", "is a folder; choose a file name for the new plan"),
        ("next.smplan.lock", "choose a plan file name, not a lock file"),
        ("missing/next.smplan", "the folder .*missing does not exist"),
    ],
)
def test_a_target_that_is_no_plan_file_to_write_is_refused(source, tmp_path, target, refusal):
    (tmp_path / "folder").mkdir()
    before = folder_state(tmp_path)
    with Plan.open(source, read_only=True) as plan, pytest.raises(PlanFileError, match=refusal):
        roll_over(plan, tmp_path / target, overwrite=True)
    assert folder_state(tmp_path) == before


def test_a_plan_open_elsewhere_is_not_replaced(source, tmp_path):
    other = tmp_path / "other.smplan"
    Plan.create(other, name="Other", first_month="2026-01").close()
    with Plan.open(other) as held, Plan.open(source, read_only=True) as plan:
        before = other.read_bytes()
        with pytest.raises(PlanLockedError, match="cannot replace a plan that is open"):
            roll_over(plan, other, overwrite=True)
        assert other.read_bytes() == before
        assert held.settings.get().name == "Other"


@pytest.mark.parametrize(
    ("options", "refusal"),
    [
        ({"budget_scale": -0.1}, "Budget scale: must be from 0 % to 1,000 %"),
        ({"target_scale": 10.5}, "Revenue target scale: must be from 0 % to 1,000 %"),
        ({"budget_scale": float("nan")}, "Budget scale: must be a finite number"),
        ({"budget_scale": "110"}, "Budget scale: must be a number"),
        ({"months_shift": 0}, "Months to shift: must be at least 1 month"),
    ],
)
def test_a_scale_or_shift_out_of_range_is_refused_naming_it(source, tmp_path, options, refusal):
    with Plan.open(source, read_only=True) as plan, pytest.raises(ValidationError) as caught:
        roll_over(plan, tmp_path / "next.smplan", **options)
    assert str(caught.value).startswith(refusal)
    assert not (tmp_path / "next.smplan").exists()


def test_a_scale_that_would_grow_an_amount_past_what_a_plan_holds_names_the_initiative(tmp_path):
    with Plan.create(tmp_path / "big.smplan", name="Big", first_month="2026-01") as plan:
        plan.initiatives.add(name="Moonshot", budget=10**14 * 2)
        plan.initiatives.add(name="Modest", budget=100)
    with (
        Plan.open(tmp_path / "big.smplan", read_only=True) as plan,
        pytest.raises(
            ValidationError, match="Budget scale: 1,000 % would make an amount of 'Moonshot'"
        ),
    ):
        roll_over(plan, tmp_path / "next.smplan", budget_scale=10)
    assert not (tmp_path / "next.smplan").exists()


def test_a_version_is_refused_as_the_plan_to_start_from(source, tmp_path):
    with (
        Plan.open(source, read_only=True) as plan,
        open_version(plan, 1) as scenario,
        pytest.raises(PlanError, match="from the working plan, not a version"),
    ):
        roll_over(scenario, tmp_path / "next.smplan")


# -- progress and cancel ---------------------------------------------------------------------


def test_progress_is_told_of_every_step_to_the_last(source, tmp_path):
    heard: list[tuple[int, int]] = []
    with Plan.open(source, read_only=True) as plan:
        roll_over(
            plan, tmp_path / "next.smplan", progress=lambda done, total: heard.append((done, total))
        )
    assert heard == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_cancel_stops_before_anything_is_written(source, tmp_path):
    cancel = threading.Event()
    before = folder_state(tmp_path)

    def cancel_after_the_first_step(done: int, _total: int) -> None:
        if done == 1:
            cancel.set()

    with (
        Plan.open(source, read_only=True) as plan,
        pytest.raises(RolloverCancelled, match="was not written"),
    ):
        roll_over(
            plan, tmp_path / "next.smplan", progress=cancel_after_the_first_step, cancel=cancel
        )
    assert folder_state(tmp_path) == before


def test_scales_are_read_exactly_as_typed(source, tmp_path):
    # 1.1 as a float is 1.10000000000000008882...; as typed it is 11/10.
    with rolled(source, tmp_path / "a.smplan", budget_scale=1.1) as typed:
        as_float = named(typed)["Idea initiative"].budget
    with rolled(source, tmp_path / "b.smplan", budget_scale=Fraction(11, 10)) as exact:
        assert named(exact)["Idea initiative"].budget == as_float == 1_100_06  # 1,100.055


def test_no_file_is_left_beside_the_target_but_the_new_plan(source, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    rolled(source, folder / "next.smplan").close()
    assert sorted(os.listdir(folder)) == ["next.smplan"]
