"""The seasonal profile and stage lags the lead phased with, kept in the plan file (m008): read
back, refused on open in one line when a file holds a value the app never writes, and absent
(an even profile, no lags) in a plan of the format before them."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_file.hostile_plans import alter
from plan_file.plan_file_support import folder_state, older_plan

from planner import Plan, PlanContentError
from planner.errors import ValidationError
from planner.phasing import EVEN_PROFILE, StageLags
from planner.storage.schema import MIGRATION_NAMES, SCHEMA_VERSION

PROFILE = (80, 80, 100, 100, 100, 90, 60, 50, 110, 120, 120, 90)


def test_remembered_choices_are_read_back_after_reopening(demo_path: Path) -> None:
    with Plan.open(demo_path) as plan:
        plan.phasing.remember(profile=PROFILE, lags={"mql_to_sal": 1, "opportunity_to_won": 2})

    with Plan.open(demo_path, read_only=True) as plan:
        choices = plan.phasing.choices()
    assert choices.profile == PROFILE
    assert choices.lags == StageLags(mql_to_sal=1, opportunity_to_won=2)


def test_a_plan_starts_with_an_even_profile_and_no_lags() -> None:
    plan = Plan.in_memory()
    assert plan.phasing.choices().profile == EVEN_PROFILE
    assert plan.phasing.choices().lags == StageLags()


@pytest.mark.parametrize(
    ("profile", "words"),
    [
        ((1,) * 11, "must be 12 weights"),
        ((0,) * 12, "at least one month above 0"),
        ((1,) * 11 + (1001,), "from 0 to 1,000"),
        ("1,2,x,4,5,6,7,8,9,10,11,12", "Seasonal profile"),
    ],
)
def test_a_bad_profile_is_refused_naming_the_field(profile: object, words: str) -> None:
    plan = Plan.in_memory()
    with pytest.raises(ValidationError) as refused:
        plan.phasing.remember(profile=profile)
    assert refused.value.field == "seasonal_profile"
    assert words in str(refused.value) and "\n" not in str(refused.value)
    assert plan.phasing.choices().profile == EVEN_PROFILE


def test_a_lag_beyond_two_years_is_refused_naming_the_stage() -> None:
    plan = Plan.in_memory()
    with pytest.raises(ValidationError) as refused:
        plan.phasing.remember(lags={"sal_to_sql": 25})
    assert refused.value.field == "sal_to_sql"


HOSTILE = {
    "a profile of eleven weights": (
        "UPDATE plan_settings SET seasonal_profile = '1,1,1,1,1,1,1,1,1,1,1'",
        "seasonal_profile",
        "plan settings: seasonal_profile",
    ),
    "a profile with a negative weight": (
        "UPDATE plan_settings SET seasonal_profile = '1,1,1,1,1,1,1,1,1,1,1,-5'",
        "seasonal_profile",
        "plan settings: seasonal_profile",
    ),
    "lags of a year and a half a stage beyond the limit": (
        "UPDATE plan_settings SET stage_lags = '0,0,0,0,99'",
        "stage_lags",
        "plan settings: stage_lags",
    ),
    "a single number for the lags": (
        "UPDATE plan_settings SET stage_lags = '2'",
        "stage_lags",
        "plan settings: stage_lags",
    ),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_choice_in_the_file_is_refused_on_open_in_one_line(
    demo_path: Path, case: tuple[str, str, str]
) -> None:
    statement, field, words = case
    alter(demo_path, statement, ignore_checks=True)
    before = folder_state(demo_path.parent)

    with pytest.raises(PlanContentError) as refused:
        Plan.open(demo_path, read_only=True)

    assert (refused.value.table, refused.value.field) == ("plan_settings", field)
    message = str(refused.value)
    assert words in message and "\n" not in message
    assert folder_state(demo_path.parent) == before


def test_a_plan_of_the_format_before_phasing_upgrades_with_no_choices(tmp_path: Path) -> None:
    path = tmp_path / "old.smplan"
    # older_plan writes the settings row of the formats before m006.
    version = MIGRATION_NAMES.index("m006_values_on_move")
    conn, _db = older_plan(path, stop_before="m006_values_on_move", version=version)
    conn.close()

    with Plan.open(path) as plan:
        assert plan.upgraded_from == version < SCHEMA_VERSION
        assert plan.query("SELECT seasonal_profile, stage_lags FROM plan_settings") == [
            (None, None)
        ]
        assert plan.phasing.choices().profile == EVEN_PROFILE
    assert MIGRATION_NAMES[-1] == "m008_phasing_choices"
