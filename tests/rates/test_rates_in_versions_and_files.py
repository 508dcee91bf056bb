"""Rate overrides and the gross margin in the plan file: a version copies an initiative's
overrides (a channel's are shared), a locked version refuses them, a hostile value is refused
on open in one line, and a plan of the format before them upgrades with none."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_file.hostile_plans import alter
from plan_file.plan_file_support import folder_state, older_plan

from planner import Plan, PlanContentError
from planner.analysis.rates import read_rates
from planner.domain import RateOverrides
from planner.errors import ReadOnlyPlanError
from planner.storage.schema import MIGRATION_NAMES, SCHEMA_VERSION
from planner.versions.kinds import Kind
from planner.versions.opened import open_version

FIRST = 1  # an initiative of the demo plan
# older_plan writes the settings row of the formats before m006, so the old plan is one of
# those: two formats before the rates.
OLD_FORMAT_ENDS_BEFORE = "m006_values_on_move"


def test_a_saved_version_keeps_the_initiatives_overrides_of_that_moment(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        plan.initiatives.set_rates(FIRST, mql_to_sal=0.8)
        version = plan.versions.save("Board plan").id
        plan.initiatives.set_rates(FIRST, mql_to_sal=0.2)

        with open_version(plan, version) as saved:
            assert saved.initiatives.rates(FIRST) == RateOverrides(mql_to_sal=0.8)
        assert plan.initiatives.rates(FIRST) == RateOverrides(mql_to_sal=0.2)


def test_a_scenarios_override_is_saved_into_the_file_and_stays_its_own(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        scenario = plan.versions.save("Better demos", kind=Kind.SCENARIO).id
        with open_version(plan, scenario) as what_if:
            what_if.initiatives.set_rates(FIRST, lead_to_mql=0.4)
    with Plan.open(demo_path) as plan:
        with open_version(plan, scenario) as what_if:
            assert what_if.initiatives.rates(FIRST) == RateOverrides(lead_to_mql=0.4)
            assert read_rates(what_if).of_initiative(FIRST).lead_to_mql == 0.4
        assert plan.initiatives.rates(FIRST) == RateOverrides()


def test_adopting_a_scenario_brings_its_overrides_into_the_working_plan(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        scenario = plan.versions.save("Better demos", kind=Kind.SCENARIO).id
        with open_version(plan, scenario) as what_if:
            what_if.initiatives.set_rates(FIRST, sal_to_sql=0.9)

        plan.versions.promote(scenario, keep_working_as="Before")

        assert plan.initiatives.rates(FIRST) == RateOverrides(sal_to_sql=0.9)


def test_a_locked_version_refuses_an_override_and_the_file_keeps_none(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        baseline = plan.versions.save("Board plan").id
        with open_version(plan, baseline) as locked, pytest.raises(ReadOnlyPlanError):
            locked.initiatives.set_rates(FIRST, lead_to_mql=0.5)
        with open_version(plan, baseline) as locked:
            assert locked.initiatives.rates(FIRST) == RateOverrides()


def test_a_channels_rates_are_changed_in_the_working_plan_only(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        scenario = plan.versions.save("Better demos", kind=Kind.SCENARIO).id
        channel = plan.initiatives.get(FIRST).channel_id
        with (
            open_version(plan, scenario) as what_if,
            pytest.raises(ReadOnlyPlanError, match="shared by every version"),
        ):
            what_if.channels.set_rates(channel, lead_to_mql=0.5)
        plan.channels.set_rates(channel, lead_to_mql=0.5)
        with open_version(plan, scenario) as what_if:
            assert read_rates(what_if).of_initiative(FIRST).lead_to_mql == 0.5


HOSTILE = {
    "an initiative's rate above 1": (
        "UPDATE initiatives SET mql_to_sal = 1.5 WHERE id = 1",
        "initiatives",
        "mql_to_sal",
        "initiative 1 'Month-end close benchmark report 2026': mql_to_sal 1.5",
    ),
    "a channel's rate of 0": (
        "UPDATE channels SET lead_to_mql = 0 WHERE id = 1",
        "channels",
        "lead_to_mql",
        "channel 1 'Content': lead_to_mql 0",
    ),
    "a negative gross margin": (
        "UPDATE plan_settings SET gross_margin = -0.2",
        "plan_settings",
        "gross_margin",
        "plan settings: gross_margin -0.2",
    ),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_rate_in_the_file_is_refused_on_open_in_one_line(
    demo_path: Path, case: tuple[str, str, str, str]
) -> None:
    statement, table, field, words = case
    alter(demo_path, statement, ignore_checks=True)
    before = folder_state(demo_path.parent)

    with pytest.raises(PlanContentError) as refused:
        Plan.open(demo_path, read_only=True)

    assert (refused.value.table, refused.value.field) == (table, field)
    message = str(refused.value)
    assert words in message and "\n" not in message
    assert folder_state(demo_path.parent) == before


def test_a_versions_hostile_rate_refuses_that_version_only(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        version = plan.versions.save("Board plan").id
    alter(
        demo_path,
        f"UPDATE version_initiatives SET sal_to_sql = 7 WHERE version_id = {version} AND id = 1",
        ignore_checks=True,
    )

    with Plan.open(demo_path) as plan, pytest.raises(PlanContentError) as refused:
        open_version(plan, version)

    assert (refused.value.table, refused.value.field) == ("version_initiatives", "sal_to_sql")


def test_a_plan_of_the_format_before_rates_upgrades_with_no_overrides_and_no_margin(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.smplan"
    version = MIGRATION_NAMES.index(OLD_FORMAT_ENDS_BEFORE)
    conn, db = older_plan(path, stop_before=OLD_FORMAT_ENDS_BEFORE, version=version)
    with db.atomic():
        db.execute(
            "INSERT INTO initiatives (id, name, name_key, channel_id, status, start_month, "
            "end_month, budget, revenue_target) "
            "VALUES (1, 'Webinars', 'webinars', 1, 'planned', 202601, 202606, 100, 5000000)"
        )
    conn.close()

    with Plan.open(path) as plan:
        assert plan.upgraded_from == version < SCHEMA_VERSION
        assert plan.initiatives.rates(1) == RateOverrides()
        assert all(plan.channels.rates(c.id) == RateOverrides() for c in plan.channels.list())
        assert plan.settings.get().gross_margin is None
        assert read_rates(plan).of_initiative(1) == plan.funnel.get()
