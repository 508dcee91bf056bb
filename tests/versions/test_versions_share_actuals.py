"""Actuals are facts, shared by every version: entered or imported while a scenario is being
edited, they go to the working plan's actuals, once, and every version opened afterwards sees
them; the scenario's planned side keeps its own edits. (An actual of an initiative only the
scenario has: ``test_opened_versions``.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from version_support import actual_of, version_rows, with_versions
from workbook.import_support import actuals_row, write_actuals

from planner import Metric, Plan
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
