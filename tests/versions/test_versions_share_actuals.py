"""Actuals are facts, shared by every version: entered or imported while a scenario is being
edited, they go to the working plan's actuals, once, and every version opened sees them;
the scenario's planned side keeps its own edits. An actual of an initiative only the
scenario has is refused, naming it, and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from version_fixtures import actual_of, version_rows, with_versions
from workbook.import_support import actuals_row, write_actuals

from planner import Metric, Plan
from planner.errors import PlanError
from planner.versions.opened import open_version
from planner.workbook.importing import apply_import, preview_import

FIRST, SECOND = 1, 2
JANUARY, FEBRUARY = 202601, 202602


@pytest.fixture
def versions(demo_path: Path) -> tuple[int, int]:
    return with_versions(demo_path)


def seen_by_every_version(path: Path, baseline: int, scenario: int, *cell: object) -> list:
    """The actual of ``cell`` as the working plan and each version opened afresh read it."""
    with Plan.open(path, read_only=True) as plan:
        seen = [actual_of(plan, *cell)]
        for version in (baseline, scenario):
            with open_version(plan, version) as opened:
                seen.append(actual_of(opened, *cell))
    return seen


def test_an_actual_entered_in_a_scenario_being_edited_is_every_versions(demo_path, versions):
    baseline, scenario = versions
    with Plan.open(demo_path) as plan, open_version(plan, scenario) as opened, opened.batch():
        # One step: a planned edit of the scenario and an actual.
        opened.values.set(FIRST, JANUARY, Metric.LEADS, planned=999)
        opened.values.set(FIRST, JANUARY, Metric.MQL, actual=77)

    assert seen_by_every_version(demo_path, baseline, scenario, FIRST, JANUARY, "mql") == [77] * 3


def test_the_scenario_keeps_its_planned_edit_and_the_working_plan_its_own(demo_path, versions):
    _baseline, scenario = versions
    with Plan.open(demo_path) as plan:
        planned = plan.values.grid(Metric.LEADS)[(FIRST, JANUARY)][0]
        with open_version(plan, scenario) as opened:
            opened.values.set(FIRST, JANUARY, Metric.LEADS, planned=999)
            opened.values.set(FIRST, JANUARY, Metric.MQL, actual=77)

        assert plan.values.grid(Metric.LEADS)[(FIRST, JANUARY)][0] == planned
        with open_version(plan, scenario) as opened:
            assert opened.values.grid(Metric.LEADS)[(FIRST, JANUARY)][0] == 999


def test_actuals_imported_into_a_scenario_go_to_the_shared_actuals(demo_path, versions, tmp_path):
    baseline, scenario = versions
    with Plan.open(demo_path) as plan:
        names = {i.id: i.name for i in plan.initiatives.list()}
        source = write_actuals(
            tmp_path / "actuals.xlsx",
            [
                actuals_row(FIRST, "2026-01", Metric.LEADS, 321, name=names[FIRST]),
                actuals_row(SECOND, "2026-02", Metric.MQL, 45, name=names[SECOND]),
            ],
        )
        with open_version(plan, scenario) as opened:
            opened.initiatives.update(FIRST, notes="edited before the import")
            rows = version_rows(plan, scenario)
            preview = preview_import(opened, source)
            assert len(preview.changes) == 2 and not preview.rejected

            apply_import(opened, preview)

            assert version_rows(plan, scenario) == rows  # the planned side: not touched
        assert actual_of(plan, FIRST, JANUARY, "leads") == 321

    assert (
        seen_by_every_version(demo_path, baseline, scenario, FIRST, JANUARY, "leads") == [321] * 3
    )
    assert seen_by_every_version(demo_path, baseline, scenario, SECOND, FEBRUARY, "mql") == [45] * 3


def test_an_actual_of_an_initiative_only_in_the_scenario_is_refused_naming_it(demo_path, versions):
    _baseline, scenario = versions
    with Plan.open(demo_path) as plan, open_version(plan, scenario) as opened:
        added = opened.initiatives.add(name="Scenario-only podcast").id
        rows = version_rows(plan, scenario)
        before = demo_path.read_bytes()

        with pytest.raises(PlanError) as refused:
            opened.values.set(added, JANUARY, Metric.LEADS, actual=10)

        message = str(refused.value)
        assert "\n" not in message and "'Scenario-only podcast' is only in this scenario" in message
        assert actual_of(opened, added, JANUARY, "leads") is None  # rolled back in memory too
        assert version_rows(plan, scenario) == rows
        assert demo_path.read_bytes() == before
