"""A version's name is refused, naming the field "version name", when it is empty, another
version's in any letter case, over 200 characters or holds a control character: by renaming
as by saving (whose other refusals are in ``test_version_service``), and the plan's versions
are left as they were."""

from __future__ import annotations

import pytest
from version_support import BASELINE_NAME, SCENARIO_NAME, with_versions

from planner import Plan
from planner.errors import ValidationError
from planner.versions.service import Kind

REFUSED = {
    "empty": ("", "must not be empty"),
    "only spaces": ("   ", "must not be empty"),
    "another version's, in capitals": (
        "BOARD PLAN",
        f"there is already a version named {BASELINE_NAME!r}",
    ),
    "over 200 characters": ("v" * 201, "must be at most 200 characters"),
    "with a control character": ("Q3\x07plan", "must not contain control characters"),
}


def test_saving_a_version_under_a_name_with_a_control_character_names_the_field(demo_path):
    with_versions(demo_path)
    with Plan.open(demo_path) as plan:
        before = plan.versions.list()

        with pytest.raises(ValidationError) as refused:
            plan.versions.save("Q3\x07plan", kind=Kind.SCENARIO)

        assert refused.value.field == "version name"
        assert (
            str(refused.value) == "Version name: must not contain control characters (found U+0007)"
        )
        assert plan.versions.list() == before


@pytest.mark.parametrize(("name", "words"), REFUSED.values(), ids=REFUSED.keys())
def test_renaming_a_version_to_a_refused_name_names_the_field(demo_path, name, words):
    _baseline, scenario = with_versions(demo_path)
    with Plan.open(demo_path) as plan:
        before = plan.versions.list()

        with pytest.raises(ValidationError) as refused:
            plan.versions.rename(scenario, name)

        assert refused.value.field == "version name"
        assert words in str(refused.value)
        assert plan.versions.list() == before


def test_a_name_of_exactly_200_characters_is_taken(demo_path):
    with Plan.open(demo_path) as plan:
        saved = plan.versions.save("v" * 200)

        assert plan.versions.get(saved.id).name == "v" * 200


def test_a_version_renamed_to_its_own_name_in_capitals_is_no_duplicate(demo_path):
    _baseline, scenario = with_versions(demo_path)
    with Plan.open(demo_path) as plan:
        plan.versions.rename(scenario, SCENARIO_NAME.upper())

        assert plan.versions.get(scenario).name == SCENARIO_NAME.upper()
